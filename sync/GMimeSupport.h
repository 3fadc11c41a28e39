#pragma once

// What sync/'s GMime users share (ReplyHeaderParser reads MIME,
// MimeComposer writes it): one g_mime_init per process and ownership of
// GObjects. Included only by .cpp files, so GLib stays out of every header
// the rest of Skein sees.
#include <gmime/gmime.h>

#include <memory>
#include <mutex>

namespace skein::eas::gmime {

inline void ensureInitialised()
{
    static std::once_flag once;
    std::call_once(once, [] { g_mime_init(); });
}

struct GObjectDeleter {
    void operator()(gpointer p) const
    {
        if (p)
            g_object_unref(p);
    }
};
template<typename T>
using GPtr = std::unique_ptr<T, GObjectDeleter>;

} // namespace skein::eas::gmime
