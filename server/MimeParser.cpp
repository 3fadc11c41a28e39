// GMime 3 behind a Qt-only interface: nothing outside this file sees GLib.
#include "MimeParser.h"

#include "GMimeSupport.h"

#include <QRegularExpression>


namespace skein::server {

namespace {

using gmime::GPtr;

// GLib strings the caller owns.
QString takeString(char *s)
{
    const QString out = s ? QString::fromUtf8(s) : QString();
    g_free(s);
    return out;
}

QString bracketed(const char *bareId)
{
    if (!bareId || !*bareId)
        return {};
    return QLatin1Char('<') + QString::fromUtf8(bareId) + QLatin1Char('>');
}

void appendAddresses(InternetAddressList *list, QList<MailAddress> *out)
{
    if (!list)
        return;
    for (int i = 0; i < internet_address_list_length(list); ++i) {
        InternetAddress *ia = internet_address_list_get_address(list, i);
        if (INTERNET_ADDRESS_IS_GROUP(ia)) {
            appendAddresses(internet_address_group_get_members(INTERNET_ADDRESS_GROUP(ia)), out);
        } else if (INTERNET_ADDRESS_IS_MAILBOX(ia)) {
            const char *addr = internet_address_mailbox_get_addr(INTERNET_ADDRESS_MAILBOX(ia));
            const char *name = internet_address_get_name(ia);
            if (addr && *addr)
                out->append(MailAddress{QString::fromUtf8(name ? name : ""), QString::fromUtf8(addr)});
        }
    }
}

QStringList messageIds(const char *headerValue)
{
    QStringList out;
    if (!headerValue)
        return out;
    GMimeReferences *refs = g_mime_references_parse(nullptr, headerValue);
    for (int i = 0; refs && i < g_mime_references_length(refs); ++i)
        out.append(bracketed(g_mime_references_get_message_id(refs, i)));
    if (refs)
        g_mime_references_free(refs);
    return out;
}

int importanceOf(GMimeObject *message)
{
    const QString importance = QString::fromUtf8(g_mime_object_get_header(message, "Importance")).trimmed();
    if (importance.compare(QLatin1String("high"), Qt::CaseInsensitive) == 0)
        return 2;
    if (importance.compare(QLatin1String("low"), Qt::CaseInsensitive) == 0)
        return 0;
    const QString priority = QString::fromUtf8(g_mime_object_get_header(message, "X-Priority")).trimmed();
    if (priority.startsWith(QLatin1Char('1')) || priority.startsWith(QLatin1Char('2')))
        return 2;
    if (priority.startsWith(QLatin1Char('4')) || priority.startsWith(QLatin1Char('5')))
        return 0;
    return 1;
}

QByteArray decodedContent(GMimeObject *part)
{
    GPtr<GMimeStream> stream(g_mime_stream_mem_new());
    if (GMIME_IS_MESSAGE_PART(part)) {
        GMimeMessage *inner = g_mime_message_part_get_message(GMIME_MESSAGE_PART(part));
        if (inner)
            g_mime_object_write_to_stream(GMIME_OBJECT(inner), nullptr, stream.get());
    } else if (GMimeDataWrapper *content = g_mime_part_get_content(GMIME_PART(part))) {
        g_mime_data_wrapper_write_to_stream(content, stream.get()); // undoes base64 / QP
    }
    GByteArray *bytes = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(stream.get()));
    return bytes ? QByteArray(reinterpret_cast<const char *>(bytes->data), int(bytes->len)) : QByteArray();
}

struct BodyParts {
    QString plain;
    QString html;
    bool hasPlain = false;
    bool hasHtml = false;
    QList<AttachmentRow> attachments;
};

void collectPart(GMimeObject *, GMimeObject *part, gpointer data)
{
    auto *parts = static_cast<BodyParts *>(data);
    if (GMIME_IS_MULTIPART(part))
        return;
    GMimeContentType *type = g_mime_object_get_content_type(part);
    const bool isPart = GMIME_IS_PART(part);
    const bool attachment = isPart && g_mime_part_is_attachment(GMIME_PART(part));
    if (!attachment && GMIME_IS_TEXT_PART(part) && g_mime_content_type_is_type(type, "text", "plain") && !parts->hasPlain) {
        parts->plain = takeString(g_mime_text_part_get_text(GMIME_TEXT_PART(part)));
        parts->hasPlain = true;
        return;
    }
    if (!attachment && GMIME_IS_TEXT_PART(part) && g_mime_content_type_is_type(type, "text", "html") && !parts->hasHtml) {
        parts->html = takeString(g_mime_text_part_get_text(GMIME_TEXT_PART(part)));
        parts->hasHtml = true;
        return;
    }
    if (!isPart && !GMIME_IS_MESSAGE_PART(part))
        return;
    AttachmentRow a;
    a.contentType = takeString(g_mime_content_type_get_mime_type(type));
    const char *name = isPart ? g_mime_part_get_filename(GMIME_PART(part)) : nullptr;
    a.name = name ? QString::fromUtf8(name)
                  : (GMIME_IS_MESSAGE_PART(part) ? QStringLiteral("message.eml") : QStringLiteral("attachment"));
    a.data = decodedContent(part);
    if (const char *cid = g_mime_object_get_content_id(part))
        a.contentId = QString::fromUtf8(cid);
    // Inline: said so by Content-Disposition, or a part named by Content-ID
    // without any disposition (multipart/related images often have none).
    const char *disposition = g_mime_object_get_disposition(part);
    a.isInline = disposition ? g_ascii_strcasecmp(disposition, "inline") == 0 : !a.contentId.isEmpty();
    parts->attachments.append(a);
}

// Without a header block GMime still builds a message; a real one has at
// least one of these.
bool looksLikeMessage(GMimeMessage *message)
{
    GMimeHeaderList *headers = g_mime_object_get_header_list(GMIME_OBJECT(message));
    return headers && g_mime_header_list_get_count(headers) > 0;
}

} // namespace

QString MailAddress::formatted() const
{
    if (name.isEmpty())
        return address;
    QString quoted = name;
    quoted.replace(QLatin1Char('"'), QLatin1String("'"));
    return QStringLiteral("\"%1\" <%2>").arg(quoted, address);
}

QString formatAddressList(const QList<MailAddress> &list)
{
    QStringList out;
    for (const MailAddress &a : list)
        out << a.formatted();
    return out.join(QLatin1String(", "));
}

QString displayNames(const QList<MailAddress> &list)
{
    QStringList out;
    for (const MailAddress &a : list)
        out << (a.name.isEmpty() ? a.address : a.name);
    return out.join(QLatin1String("; "));
}

QList<MailAddress> parseAddressList(const QString &text)
{
    gmime::ensureInitialized();
    QList<MailAddress> out;
    const QByteArray utf8 = text.toUtf8();
    GPtr<InternetAddressList> list(internet_address_list_parse(nullptr, utf8.constData()));
    appendAddresses(list.get(), &out);
    return out;
}

std::optional<ParsedMail> parseMime(const QByteArray &mime, QString *error)
{
    gmime::ensureInitialized();
    auto fail = [&](const QString &why) -> std::optional<ParsedMail> {
        if (error)
            *error = why;
        return std::nullopt;
    };
    if (mime.trimmed().isEmpty())
        return fail(QStringLiteral("empty MIME message"));
    GPtr<GMimeStream> stream(g_mime_stream_mem_new_with_buffer(mime.constData(), size_t(mime.size())));
    GPtr<GMimeParser> parser(g_mime_parser_new_with_stream(stream.get()));
    GPtr<GMimeMessage> message(g_mime_parser_construct_message(parser.get(), nullptr));
    if (!message || !looksLikeMessage(message.get()))
        return fail(QStringLiteral("not an RFC 5322 message"));

    GMimeObject *object = GMIME_OBJECT(message.get());
    ParsedMail mail;
    appendAddresses(g_mime_message_get_from(message.get()), &mail.from);
    appendAddresses(g_mime_message_get_to(message.get()), &mail.to);
    appendAddresses(g_mime_message_get_cc(message.get()), &mail.cc);
    appendAddresses(g_mime_message_get_bcc(message.get()), &mail.bcc);
    mail.subject = QString::fromUtf8(g_mime_message_get_subject(message.get()));
    mail.messageId = bracketed(g_mime_message_get_message_id(message.get()));
    mail.inReplyTo = messageIds(g_mime_object_get_header(object, "In-Reply-To"));
    mail.references = messageIds(g_mime_object_get_header(object, "References"));
    if (GDateTime *date = g_mime_message_get_date(message.get())) // owned by the message
        mail.date = QDateTime::fromSecsSinceEpoch(g_date_time_to_unix(date), Qt::UTC);
    if (const char *index = g_mime_object_get_header(object, "Thread-Index"))
        mail.threadIndex = QByteArray::fromBase64(QByteArray(index).trimmed());
    if (const char *topic = g_mime_object_get_header(object, "Thread-Topic"))
        mail.threadTopic = takeString(g_mime_utils_header_decode_text(nullptr, topic)).trimmed();
    mail.importance = importanceOf(object);

    BodyParts parts;
    if (GMimeObject *body = g_mime_message_get_mime_part(message.get())) {
        if (GMIME_IS_MULTIPART(body))
            g_mime_multipart_foreach(GMIME_MULTIPART(body), collectPart, &parts);
        else
            collectPart(nullptr, body, &parts);
    }
    mail.bodyType = parts.hasHtml ? 2 : 1;
    mail.body = parts.hasHtml ? parts.html : parts.plain;
    mail.attachments = parts.attachments;
    return mail;
}

} // namespace skein::server
