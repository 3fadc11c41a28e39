// GMime 3 behind a Qt-only interface: nothing outside this file sees GLib.
#include "ReplyHeaderParser.h"

#include "GMimeSupport.h"

#include <memory>
#include <mutex>

namespace skein::eas {

namespace {

using gmime::GPtr;

bool startsFolded(QByteArrayView line)
{
    return !line.isEmpty() && (line.front() == ' ' || line.front() == '\t');
}

// The headers that are surely complete, line by line up to the empty line
// that ends the header block. Without that empty line the text was cut: the
// last logical header may have lost a folded continuation line, so it is
// dropped unless the cut line after it starts a new header. Continuation
// lines before the first header belong to nothing and are dropped too.
QByteArray completeHeaders(const QByteArray &mime)
{
    const QByteArrayView text(mime);
    qsizetype firstHeader = -1; // start of the first line that is not a continuation
    qsizetype lastHeader = -1;  // start of the last one
    qsizetype lineStart = 0;
    for (;;) {
        const qsizetype newline = text.indexOf('\n', lineStart);
        QByteArrayView line = newline < 0 ? text.sliced(lineStart) : text.sliced(lineStart, newline - lineStart);
        if (newline >= 0 && line.endsWith('\r'))
            line.chop(1);
        if (newline >= 0 && line.isEmpty()) // the empty line: every header is complete
            return firstHeader < 0 ? QByteArray() : mime.sliced(firstHeader, lineStart - firstHeader);
        if (!line.isEmpty() && !startsFolded(line)) {
            if (firstHeader < 0)
                firstHeader = lineStart;
            lastHeader = lineStart;
        }
        if (newline < 0) // cut here: keep what comes before the last header
            return firstHeader < 0 ? QByteArray() : mime.sliced(firstHeader, lastHeader - firstHeader);
        lineStart = newline + 1;
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
    gmime::ensureInitialised();
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
