// The fuzz targets of tests/fuzz, one function per target. Each returns 0
// for every input it survives; a broken invariant aborts (SKEIN_FUZZ_CHECK),
// which libFuzzer reports as a crash. FuzzEntry.cpp makes one libFuzzer
// binary per target; tst_fuzz_replay replays the saved crashers through the
// same functions in the normal build. docs/fuzzing.md says what each covers.
#pragma once

#include <QByteArray>
#include <QList>

#include <cstddef>
#include <cstdint>

namespace skein::wbxml {
class Element;
}

namespace skein::fuzz {

struct Target {
    const char *name; // also the folder of its inputs: tests/data/fuzz/<name>/
    int (*run)(const uint8_t *data, size_t size);
};

int wbxmlRoundTrip(const uint8_t *data, size_t size);
int responseParsers(const uint8_t *data, size_t size);
int replyHeaders(const uint8_t *data, size_t size);
int serverRequests(const uint8_t *data, size_t size);

inline const QList<Target> &targets()
{
    static const QList<Target> all{
        {"wbxml", wbxmlRoundTrip},
        {"responses", responseParsers},
        {"replyheaders", replyHeaders},
        {"server", serverRequests},
    };
    return all;
}

inline QByteArray bytes(const uint8_t *data, size_t size)
{
    return QByteArray(reinterpret_cast<const char *>(data), qsizetype(size));
}

[[noreturn]] void checkFailed(const char *condition, const char *file, int line, const QByteArray &detail);

} // namespace skein::fuzz

// An invariant of the code under test; `detail` (a QByteArray) says more.
#define SKEIN_FUZZ_CHECK(condition, detail)                                                    \
    do {                                                                                       \
        if (!(condition))                                                                      \
            ::skein::fuzz::checkFailed(#condition, __FILE__, __LINE__, (detail));               \
    } while (false)
