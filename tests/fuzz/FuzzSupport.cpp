#include "FuzzTargets.h"

#include <cstdio>
#include <cstdlib>

namespace skein::fuzz {

void checkFailed(const char *condition, const char *file, int line, const QByteArray &detail)
{
    std::fprintf(stderr, "fuzz check failed: %s (%s:%d)\n%s\n", condition, file, line, detail.constData());
    std::fflush(stderr);
    std::abort();
}

} // namespace skein::fuzz
