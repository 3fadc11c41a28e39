// GMime 3 behind a Qt-only interface, the writing side (see MimeParser.cpp).
#include "MimeWriter.h"

#include "GMimeSupport.h"

#include <QSet>


namespace skein::server {

namespace {

using gmime::GPtr;

QByteArray bare(const QString &messageId)
{
    QString id = messageId.trimmed();
    if (id.startsWith(QLatin1Char('<')))
        id.remove(0, 1);
    if (id.endsWith(QLatin1Char('>')))
        id.chop(1);
    return id.toUtf8();
}

// The store keeps address lists as `"Name" <addr>, addr`; GMime re-encodes them.
void addAddresses(InternetAddressList *target, const QString &text)
{
    if (text.trimmed().isEmpty())
        return;
    GPtr<InternetAddressList> parsed(internet_address_list_parse(nullptr, text.toUtf8().constData()));
    if (parsed)
        internet_address_list_append(target, parsed.get());
}

GMimeObject *textPart(const MessageRow &m)
{
    GMimeTextPart *part = g_mime_text_part_new_with_subtype(m.bodyType == 2 ? "html" : "plain");
    g_mime_text_part_set_text(part, m.body.toUtf8().constData()); // picks charset and transfer encoding
    return GMIME_OBJECT(part);
}

GMimeObject *attachmentPart(const AttachmentRow &a)
{
    const QByteArray type = a.contentType.isEmpty() ? QByteArray("application/octet-stream") : a.contentType.toUtf8();
    const int slash = type.indexOf('/');
    const QByteArray major = slash > 0 ? type.left(slash) : QByteArray("application");
    const QByteArray minor = slash > 0 ? type.mid(slash + 1) : QByteArray("octet-stream");
    GMimePart *part = g_mime_part_new_with_type(major.constData(), minor.constData());
    g_mime_part_set_filename(part, a.name.toUtf8().constData());
    GPtr<GMimeStream> stream(g_mime_stream_mem_new_with_buffer(a.data.constData(), size_t(a.data.size())));
    GPtr<GMimeDataWrapper> content(g_mime_data_wrapper_new_with_stream(stream.get(), GMIME_CONTENT_ENCODING_DEFAULT));
    g_mime_part_set_content(part, content.get());
    g_mime_part_set_content_encoding(part, GMIME_CONTENT_ENCODING_BASE64);
    if (!a.contentId.isEmpty())
        g_mime_object_set_content_id(GMIME_OBJECT(part), a.contentId.toUtf8().constData());
    if (a.isInline)
        g_mime_object_set_disposition(GMIME_OBJECT(part), "inline");
    return GMIME_OBJECT(part);
}

} // namespace

QByteArray buildMime(const MessageRow &m, const QString &inReplyTo, const QStringList &references)
{
    gmime::ensureInitialized();
    GPtr<GMimeMessage> message(g_mime_message_new(TRUE));
    GMimeObject *object = GMIME_OBJECT(message.get());
    addAddresses(g_mime_message_get_from(message.get()), m.from);
    addAddresses(g_mime_message_get_to(message.get()), m.to);
    addAddresses(g_mime_message_get_cc(message.get()), m.cc);
    g_mime_message_set_subject(message.get(), m.subject.toUtf8().constData(), "utf-8");
    GDateTime *date = g_date_time_new_from_unix_utc(m.receivedMs / 1000);
    g_mime_message_set_date(message.get(), date);
    g_date_time_unref(date);
    if (!m.internetMessageId.isEmpty())
        g_mime_message_set_message_id(message.get(), bare(m.internetMessageId).constData());
    if (!inReplyTo.isEmpty())
        g_mime_object_set_header(object, "In-Reply-To", ('<' + bare(inReplyTo) + '>').constData(), nullptr);
    if (!references.isEmpty()) {
        QByteArrayList ids;
        for (const QString &id : references)
            ids.append('<' + bare(id) + '>');
        g_mime_object_set_header(object, "References", ids.join(' ').constData(), nullptr);
    }
    if (!m.threadTopic.isEmpty())
        g_mime_object_set_header(object, "Thread-Topic", m.threadTopic.toUtf8().constData(), "utf-8");
    g_mime_object_set_header(object, "MIME-Version", "1.0", nullptr);

    if (m.attachments.isEmpty()) {
        GPtr<GMimeObject> body(textPart(m));
        g_mime_message_set_mime_part(message.get(), body.get());
    } else {
        GPtr<GMimeMultipart> mixed(g_mime_multipart_new_with_subtype("mixed"));
        GPtr<GMimeObject> body(textPart(m));
        g_mime_multipart_add(mixed.get(), body.get());
        for (const AttachmentRow &a : m.attachments) {
            GPtr<GMimeObject> part(attachmentPart(a));
            g_mime_multipart_add(mixed.get(), part.get());
        }
        g_mime_message_set_mime_part(message.get(), GMIME_OBJECT(mixed.get()));
    }

    GMimeFormatOptions *format = g_mime_format_options_new();
    g_mime_format_options_set_newline_format(format, GMIME_NEWLINE_FORMAT_DOS);
    char *text = g_mime_object_to_string(object, format);
    g_mime_format_options_free(format);
    const QByteArray out(text);
    g_free(text);
    return out;
}

QByteArray messageMime(ServerStore &store, const MessageRow &m)
{
    QStringList ancestors; // newest first while walking up
    QSet<qint64> seen{m.id};
    for (qint64 parent = m.parentId; parent && !seen.contains(parent);) {
        seen.insert(parent);
        const auto row = store.mail().message(m.userId, parent, false);
        if (!row)
            break;
        if (!row->internetMessageId.isEmpty())
            ancestors.append(row->internetMessageId);
        parent = row->parentId;
    }
    const QString inReplyTo = ancestors.isEmpty() ? QString() : ancestors.first();
    std::reverse(ancestors.begin(), ancestors.end());
    return buildMime(m, inReplyTo, ancestors);
}

} // namespace skein::server
