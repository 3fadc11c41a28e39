// Target "replyheaders": parseReplyHeaders (GMime) on any text, whole or
// truncated MIME. The ids it returns are never empty, hold no space and
// are not repeated (the store keeps References space-separated).
#include "FuzzTargets.h"

#include <ReplyHeaderParser.h>

namespace skein::fuzz {

namespace {

void checkId(const QString &id)
{
    SKEIN_FUZZ_CHECK(!id.contains(QLatin1Char(' ')), id.toUtf8());
}

} // namespace

int replyHeaders(const uint8_t *data, size_t size)
{
    const QByteArray mime = bytes(data, size);
    const ReplyHeaders headers = eas::parseReplyHeaders(mime);
    checkId(headers.messageId);
    checkId(headers.inReplyTo);
    for (const QString &id : headers.references) {
        SKEIN_FUZZ_CHECK(!id.isEmpty(), QByteArray("an empty reference"));
        checkId(id);
    }
    QStringList unique = headers.references;
    SKEIN_FUZZ_CHECK(unique.removeDuplicates() == 0, headers.references.join(QLatin1Char(' ')).toUtf8());
    return 0;
}

} // namespace skein::fuzz
