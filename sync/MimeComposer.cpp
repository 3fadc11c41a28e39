// GMime 3 behind a Qt-only interface, the writing side for outgoing mail.
#include "MimeComposer.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QMimeDatabase>
#include <QUuid>

#include "GMimeSupport.h"

#include <memory>
#include <mutex>

namespace skein::eas {

namespace {

using gmime::GPtr;

struct FormatOptionsDeleter {
    void operator()(GMimeFormatOptions *o) const { g_mime_format_options_free(o); }
};

QString domainOf(const QString &address)
{
    const qsizetype at = address.lastIndexOf(QLatin1Char('@'));
    const QString domain = at < 0 ? QString() : address.mid(at + 1).trimmed().remove(QLatin1Char('>'));
    return domain.isEmpty() ? QStringLiteral("skein.invalid") : domain.toLower();
}

void collectMailboxes(InternetAddressList *list, QList<MailboxAddress> *out)
{
    const int count = internet_address_list_length(list);
    for (int i = 0; i < count; ++i) {
        InternetAddress *address = internet_address_list_get_address(list, i);
        if (INTERNET_ADDRESS_IS_GROUP(address)) {
            collectMailboxes(internet_address_group_get_members(INTERNET_ADDRESS_GROUP(address)), out);
            continue;
        }
        const char *name = internet_address_get_name(address);
        const char *addr = internet_address_mailbox_get_addr(INTERNET_ADDRESS_MAILBOX(address));
        out->append({QString::fromUtf8(name ? name : ""), QString::fromUtf8(addr ? addr : "")});
    }
}

// Adds every address of `texts` to target; an entry that holds no usable
// address fails the whole message, naming it.
bool addRecipients(InternetAddressList *target, const QStringList &texts, QString *error)
{
    for (const QString &text : texts) {
        const QList<MailboxAddress> parsed = parseAddressList(text);
        if (parsed.isEmpty()) {
            *error = QCoreApplication::translate("skein::eas::MimeComposer", "'%1' is not an email address").arg(text);
            return false;
        }
        for (const MailboxAddress &a : parsed) {
            if (!a.address.contains(QLatin1Char('@')) || a.address.startsWith(QLatin1Char('@'))
                || a.address.endsWith(QLatin1Char('@'))) {
                *error = QCoreApplication::translate("skein::eas::MimeComposer", "'%1' is not an email address").arg(text);
                return false;
            }
            InternetAddress *mailbox = internet_address_mailbox_new(a.name.toUtf8().constData(), a.address.toUtf8().constData());
            internet_address_list_add(target, mailbox);
            g_object_unref(mailbox);
        }
    }
    return true;
}

// UTF-8 text in quoted-printable: readable in transit, safe for 8-bit text
// on 7-bit paths, and what Exchange itself sends.
GMimeObject *textPart(const char *subtype, const QString &text)
{
    GMimeTextPart *part = g_mime_text_part_new_with_subtype(subtype);
    g_mime_text_part_set_text(part, text.toUtf8().constData());
    g_mime_text_part_set_charset(part, "utf-8");
    g_mime_part_set_content_encoding(GMIME_PART(part), GMIME_CONTENT_ENCODING_QUOTEDPRINTABLE);
    return GMIME_OBJECT(part);
}

GMimeObject *attachmentPart(const QString &name, const QString &contentType, const QByteArray &data)
{
    QString type = contentType;
    if (type.isEmpty())
        type = QMimeDatabase().mimeTypeForFile(name, QMimeDatabase::MatchExtension).name();
    if (!type.contains(QLatin1Char('/')))
        type = QStringLiteral("application/octet-stream");
    const QByteArray major = type.section(QLatin1Char('/'), 0, 0).toUtf8();
    const QByteArray minor = type.section(QLatin1Char('/'), 1).toUtf8();
    GMimePart *part = g_mime_part_new_with_type(major.constData(), minor.constData());
    g_mime_object_set_disposition(GMIME_OBJECT(part), GMIME_DISPOSITION_ATTACHMENT);
    g_mime_part_set_filename(part, name.toUtf8().constData()); // also Content-Type name=
    // GMime would pick the smallest charset (ISO-8859-1 for "für"); UTF-8 is
    // what every reader decodes.
    const auto preferUtf8 = [](GMimeParamList *params, const char *param) {
        if (GMimeParam *p = params ? g_mime_param_list_get_parameter(params, param) : nullptr)
            g_mime_param_set_charset(p, "utf-8");
    };
    preferUtf8(g_mime_content_disposition_get_parameters(g_mime_object_get_content_disposition(GMIME_OBJECT(part))), "filename");
    preferUtf8(g_mime_content_type_get_parameters(g_mime_object_get_content_type(GMIME_OBJECT(part))), "name");
    GPtr<GMimeStream> stream(g_mime_stream_mem_new_with_buffer(data.constData(), size_t(data.size())));
    GPtr<GMimeDataWrapper> content(g_mime_data_wrapper_new_with_stream(stream.get(), GMIME_CONTENT_ENCODING_DEFAULT));
    g_mime_part_set_content(part, content.get());
    g_mime_part_set_content_encoding(part, GMIME_CONTENT_ENCODING_BASE64);
    return GMIME_OBJECT(part);
}

// The attachment's bytes and name; false with the reason when the file
// cannot be read (nothing is sent without it).
bool loadAttachment(const OutgoingAttachment &a, QString *name, QByteArray *data, QString *error)
{
    *name = a.name.isEmpty() ? QFileInfo(a.path).fileName() : a.name;
    if (!a.data.isNull() || a.path.isEmpty()) {
        *data = a.data;
        if (name->isEmpty())
            *name = QStringLiteral("attachment");
        return true;
    }
    QFile file(a.path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QCoreApplication::translate("skein::eas::MimeComposer", "cannot read the attachment '%1': %2").arg(a.path, file.errorString());
        return false;
    }
    *data = file.readAll();
    if (file.error() != QFileDevice::NoError) {
        *error = QCoreApplication::translate("skein::eas::MimeComposer", "cannot read the attachment '%1': %2").arg(a.path, file.errorString());
        return false;
    }
    return true;
}

QByteArray angle(const QString &id)
{
    QString bare = id.trimmed();
    if (bare.startsWith(QLatin1Char('<')))
        bare.remove(0, 1);
    if (bare.endsWith(QLatin1Char('>')))
        bare.chop(1);
    return '<' + bare.toUtf8() + '>';
}

} // namespace

QString newMessageId(const QString &fromAddress)
{
    return QUuid::createUuid().toString(QUuid::Id128) + QLatin1Char('@') + domainOf(fromAddress);
}

QList<MailboxAddress> parseAddressList(const QString &text)
{
    gmime::ensureInitialised();
    QList<MailboxAddress> result;
    if (text.trimmed().isEmpty())
        return result;
    GPtr<InternetAddressList> list(internet_address_list_parse(nullptr, text.toUtf8().constData()));
    if (list)
        collectMailboxes(list.get(), &result);
    return result;
}

QString formatAddress(const MailboxAddress &address)
{
    if (address.name.trimmed().isEmpty())
        return address.address;
    QString name = address.name;
    static const QString specials = QStringLiteral("()<>[]:;@\\,.\"");
    bool needsQuotes = false;
    for (const QChar c : name)
        needsQuotes |= specials.contains(c);
    if (needsQuotes)
        name = QLatin1Char('"') + name.replace(QLatin1Char('\\'), QLatin1String("\\\\")).replace(QLatin1Char('"'), QLatin1String("\\\""))
            + QLatin1Char('"');
    return QStringLiteral("%1 <%2>").arg(name, address.address);
}

ComposedMime composeMime(const OutgoingMessage &m)
{
    gmime::ensureInitialised();
    ComposedMime result;
    if (m.allRecipients().isEmpty()) {
        result.error = QCoreApplication::translate("skein::eas::MimeComposer", "the message has no recipient; add at least one");
        return result;
    }
    const QList<MailboxAddress> sender = parseAddressList(m.from);
    if (sender.size() != 1 || !sender.first().address.contains(QLatin1Char('@'))) {
        result.error = QCoreApplication::translate("skein::eas::MimeComposer", "the sender '%1' is not one email address").arg(m.from);
        return result;
    }

    GPtr<GMimeMessage> message(g_mime_message_new(TRUE));
    GMimeObject *object = GMIME_OBJECT(message.get());
    QString error;
    if (!addRecipients(g_mime_message_get_from(message.get()), {m.from}, &error)
        || !addRecipients(g_mime_message_get_to(message.get()), m.to, &error)
        || !addRecipients(g_mime_message_get_cc(message.get()), m.cc, &error)
        || !addRecipients(g_mime_message_get_bcc(message.get()), m.bcc, &error)) {
        result.error = error;
        return result;
    }
    g_mime_message_set_subject(message.get(), m.subject.toUtf8().constData(), "utf-8");
    const QDateTime date = m.date.isValid() ? m.date : QDateTime::currentDateTimeUtc();
    GDateTime *gdate = g_date_time_new_from_unix_utc(date.toSecsSinceEpoch());
    g_mime_message_set_date(message.get(), gdate);
    g_date_time_unref(gdate);
    result.messageId = newMessageId(sender.first().address);
    g_mime_message_set_message_id(message.get(), result.messageId.toUtf8().constData());
    if (!m.inReplyTo.isEmpty())
        g_mime_object_set_header(object, "In-Reply-To", angle(m.inReplyTo).constData(), nullptr);
    if (!m.references.isEmpty()) {
        QByteArrayList ids;
        for (const QString &id : m.references)
            ids.append(angle(id));
        g_mime_object_set_header(object, "References", ids.join(' ').constData(), nullptr);
    }
    if (!m.threadTopic.isEmpty()) {
        char *encoded = g_mime_utils_header_encode_text(nullptr, m.threadTopic.toUtf8().constData(), "utf-8");
        g_mime_object_set_header(object, "Thread-Topic", encoded, nullptr);
        g_free(encoded);
    }
    if (!m.threadIndex.isEmpty())
        g_mime_object_set_header(object, "Thread-Index", m.threadIndex.toBase64().constData(), nullptr);

    GPtr<GMimeObject> body(textPart("plain", m.plainBody));
    if (!m.htmlBody.isEmpty()) {
        GMimeMultipart *alternative = g_mime_multipart_new_with_subtype("alternative");
        g_mime_multipart_add(alternative, body.get());
        GPtr<GMimeObject> html(textPart("html", m.htmlBody));
        g_mime_multipart_add(alternative, html.get());
        body.reset(GMIME_OBJECT(alternative));
    }
    if (!m.attachments.isEmpty()) {
        GMimeMultipart *mixed = g_mime_multipart_new_with_subtype("mixed");
        g_mime_multipart_add(mixed, body.get());
        body.reset(GMIME_OBJECT(mixed));
        for (const OutgoingAttachment &a : m.attachments) {
            QString name;
            QByteArray data;
            if (!loadAttachment(a, &name, &data, &result.error))
                return result;
            GPtr<GMimeObject> part(attachmentPart(name, a.contentType, data));
            g_mime_multipart_add(mixed, part.get());
        }
    }
    g_mime_message_set_mime_part(message.get(), body.get());

    std::unique_ptr<GMimeFormatOptions, FormatOptionsDeleter> options(g_mime_format_options_new());
    g_mime_format_options_set_newline_format(options.get(), GMIME_NEWLINE_FORMAT_DOS);
    // File names as RFC 2231 parameters (filename*=utf-8''...), not encoded words.
    g_mime_format_options_set_param_encoding_method(options.get(), GMIME_PARAM_ENCODING_METHOD_RFC2231);
    GPtr<GMimeStream> stream(g_mime_stream_mem_new());
    if (g_mime_object_write_to_stream(object, options.get(), stream.get()) < 0) {
        result.error = QCoreApplication::translate("skein::eas::MimeComposer", "the message could not be written as MIME");
        return result;
    }
    GByteArray *bytes = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(stream.get()));
    result.mime = QByteArray(reinterpret_cast<const char *>(bytes->data), qsizetype(bytes->len));
    return result;
}

} // namespace skein::eas
