#include "FuzzTargets.h"

#include <WbxmlElement.h>

#include <cstdio>
#include <cstdlib>

namespace skein::fuzz {

bool treeHitsKnownReplyHeaderHang(const wbxml::Element &root)
{
    if (hitsKnownReplyHeaderHang(root.data()))
        return true;
    for (const wbxml::Element &child : root.children())
        if (treeHitsKnownReplyHeaderHang(child))
            return true;
    return false;
}

void checkFailed(const char *condition, const char *file, int line, const QByteArray &detail)
{
    std::fprintf(stderr, "fuzz check failed: %s (%s:%d)\n%s\n", condition, file, line, detail.constData());
    std::fflush(stderr);
    std::abort();
}

} // namespace skein::fuzz
