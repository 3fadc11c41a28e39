// GMime 3 behind a Qt-only interface: nothing outside this file sees GLib.
#include "ReplyHeaderParser.h"

#include <gmime/gmime.h>

#include <memory>
#include <mutex>

namespace skein::eas {

namespace {

void ensureGMime()
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

qsizetype headerBlockEnd(const QByteArray &mime)
{
    const qsizetype crlf = mime.indexOf("\r\n\r\n");
    const qsizetype lf = mime.indexOf("\n\n");
    if (crlf < 0)
        return lf < 0 ? -1 : lf + 1;
    return lf < 0 || crlf < lf ? crlf + 2 : lf + 1;
}

// The headers that are surely complete: whole lines only, and not the last
// logical header, which may have lost a folded continuation line.
QByteArray completeHeaders(const QByteArray &mime)
{
    const qsizetype end = headerBlockEnd(mime);
    if (end >= 0)
        return mime.left(end);
    qsizetype cut = mime.lastIndexOf('\n');
    if (cut < 0)
        return {};
    // Back to the start of the last logical header (a line not starting with
    // white space).
    for (;;) {
        const qsizetype lineStart = mime.lastIndexOf('\n', cut - 1) + 1;
        if (lineStart <= 0)
            return {};
        const char first = mime.at(lineStart);
        cut = lineStart - 1;
        if (first != ' ' && first != '\t')
            return mime.left(lineStart);
    }
}

QStringList messageIds(GMimeObject *object, const char *header)
{
    QStringList ids;
    const char *value = g_mime_object_get_header(object, header);
    if (!value)
        return ids;
    GMimeReferences *refs = g_mime_references_parse(nullptr, value);
    if (!refs)
        return ids;
    for (int i = 0; i < g_mime_references_length(refs); ++i) {
        const QString id = QString::fromUtf8(g_mime_references_get_message_id(refs, i));
        // Space-separated in the store: an id with white space is garbage.
        if (!id.isEmpty() && !id.contains(QLatin1Char(' ')) && !ids.contains(id))
            ids.append(id);
    }
    g_mime_references_free(refs);
    return ids;
}

} // namespace

ReplyHeaders parseReplyHeaders(const QByteArray &mime)
{
    ReplyHeaders headers;
    QByteArray block = completeHeaders(mime);
    if (block.trimmed().isEmpty())
        return headers;
    ensureGMime();
    block.append("\r\n"); // an empty body after the header block
    GPtr<GMimeStream> stream(g_mime_stream_mem_new_with_buffer(block.constData(), size_t(block.size())));
    GPtr<GMimeParser> parser(g_mime_parser_new_with_stream(stream.get()));
    GPtr<GMimeMessage> message(g_mime_parser_construct_message(parser.get(), nullptr));
    if (!message)
        return headers;
    GMimeObject *object = GMIME_OBJECT(message.get());
    const QStringList own = messageIds(object, "Message-ID");
    headers.messageId = own.value(0);
    headers.inReplyTo = messageIds(object, "In-Reply-To").value(0);
    headers.references = messageIds(object, "References");
    return headers;
}

} // namespace skein::eas
