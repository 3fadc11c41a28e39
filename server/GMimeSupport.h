#pragma once

// What every GMime 3 user in the server needs: one-time initialisation and
// ownership of GObjects. Included only by the .cpp files that use GMime, so
// nothing else sees GLib.

#include <gmime/gmime.h>

#include <memory>
#include <mutex>

namespace skein::server::gmime {

inline void ensureInitialized()
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

} // namespace skein::server::gmime
