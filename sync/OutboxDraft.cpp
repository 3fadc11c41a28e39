#include "OutboxDraft.h"

#include "GMimeSupport.h"
#include "MimeComposer.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSaveFile>

namespace skein::eas {

namespace {

using gmime::GPtr;

constexpr QFileDevice::Permissions kOwnerOnlyDir =
    QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner;
constexpr QFileDevice::Permissions kOwnerOnlyFile = QFileDevice::ReadOwner | QFileDevice::WriteOwner;

QString takeString(char *text)
{
    const QString result = QString::fromUtf8(text);
    g_free(text);
    return result;
}

// The text as the composer held it: the MIME carries CRLF line ends and a
// final line break the transfer encoding adds, which the user never typed.
QString asTyped(QString text)
{
    text.replace(QLatin1String("\r\n"), QLatin1String("\n"));
    if (text.endsWith(QLatin1Char('\n')))
        text.chop(1);
    return text;
}

QStringList addresses(InternetAddressList *list)
{
    QStringList result;
    const int count = list ? internet_address_list_length(list) : 0;
    for (int i = 0; i < count; ++i) {
        InternetAddress *address = internet_address_list_get_address(list, i);
        if (INTERNET_ADDRESS_IS_GROUP(address)) {
            result += addresses(internet_address_group_get_members(INTERNET_ADDRESS_GROUP(address)));
            continue;
        }
        MailboxAddress mailbox;
        mailbox.name = QString::fromUtf8(internet_address_get_name(address));
        mailbox.address = QString::fromUtf8(internet_address_mailbox_get_addr(INTERNET_ADDRESS_MAILBOX(address)));
        result.append(formatAddress(mailbox));
    }
    return result;
}

QByteArray decodedContent(GMimePart *part)
{
    GMimeDataWrapper *content = g_mime_part_get_content(part);
    if (!content)
        return {};
    GPtr<GMimeStream> out(g_mime_stream_mem_new());
    g_mime_data_wrapper_write_to_stream(content, out.get());
    GByteArray *bytes = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(out.get()));
    return QByteArray(reinterpret_cast<const char *>(bytes->data), qsizetype(bytes->len));
}

// A name that stays inside the folder and does not clash with an earlier one.
QString safeFileName(const QString &name, const QDir &dir)
{
    QString base = QFileInfo(name).fileName();
    base.replace(QLatin1Char('/'), QLatin1Char('_')).replace(QLatin1Char('\\'), QLatin1Char('_'));
    if (base.isEmpty() || base == QLatin1String(".") || base == QLatin1String(".."))
        base = QStringLiteral("attachment");
    QString candidate = base;
    for (int n = 2; dir.exists(candidate); ++n)
        candidate = QStringLiteral("%1 (%2)").arg(base).arg(n);
    return candidate;
}

struct Walk {
    OutboxDraft *result;
    QDir dir;
    bool dirReady = false;

    bool prepareDir()
    {
        if (dirReady)
            return true;
        if (!dir.mkpath(QStringLiteral(".")) || !QFile::setPermissions(dir.path(), kOwnerOnlyDir)) {
            result->error = QCoreApplication::translate("skein::eas::OutboxDraft", "Could not make the folder %1 for the message's attachments.").arg(dir.path());
            return false;
        }
        dirReady = true;
        return true;
    }

    void attachment(GMimePart *part, const QString &contentType)
    {
        save(QString::fromUtf8(g_mime_part_get_filename(part)), contentType, decodedContent(part));
    }

    void save(const QString &name, const QString &contentType, const QByteArray &data)
    {
        if (!prepareDir())
            return;
        const QString path = dir.filePath(safeFileName(name, dir));
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit()) {
            result->error = QCoreApplication::translate("skein::eas::OutboxDraft", "Could not write the attachment %1 to %2: %3").arg(name, path, file.errorString());
            return;
        }
        QFile::setPermissions(path, kOwnerOnlyFile);
        DraftAttachment a;
        a.path = path;
        a.name = name.isEmpty() ? QFileInfo(path).fileName() : name;
        a.contentType = contentType;
        a.size = data.size();
        result->draft.attachments.append(a);
    }

    void visit(GMimeObject *object)
    {
        if (!result->ok() || !object)
            return;
        if (GMIME_IS_MULTIPART(object)) {
            GMimeMultipart *multipart = GMIME_MULTIPART(object);
            for (int i = 0; i < g_mime_multipart_get_count(multipart); ++i)
                visit(g_mime_multipart_get_part(multipart, i));
            return;
        }
        if (GMIME_IS_MESSAGE_PART(object)) {
            // An attached message comes back as one .eml file, as it went.
            GMimeMessage *inner = g_mime_message_part_get_message(GMIME_MESSAGE_PART(object));
            if (inner)
                save(QStringLiteral("message.eml"), QStringLiteral("message/rfc822"),
                     takeString(g_mime_object_to_string(GMIME_OBJECT(inner), nullptr)).toUtf8());
            return;
        }
        if (!GMIME_IS_PART(object))
            return;
        GMimePart *part = GMIME_PART(object);
        const QString type =
            takeString(g_mime_content_type_get_mime_type(g_mime_object_get_content_type(object))).toLower();
        if (!g_mime_part_is_attachment(part) && GMIME_IS_TEXT_PART(object)) {
            const QString text = asTyped(takeString(g_mime_text_part_get_text(GMIME_TEXT_PART(object))));
            if (type == QLatin1String("text/plain") && result->draft.plainBody.isEmpty()) {
                result->draft.plainBody = text;
                return;
            }
            if (type == QLatin1String("text/html") && result->draft.htmlBody.isEmpty()) {
                result->draft.htmlBody = text;
                return;
            }
        }
        attachment(part, type);
    }
};

} // namespace

QString privateAttachmentDir(qint64 outboxId)
{
    const QString user = qEnvironmentVariable("USER", QStringLiteral("user"));
    return QDir(QDir::tempPath()).filePath(QStringLiteral("skein-outbox-%1/%2").arg(user).arg(outboxId));
}

OutboxDraft draftFromOutboxMime(const OutboxEntry &entry, const QString &attachmentDir)
{
    gmime::ensureInitialised();
    OutboxDraft result;
    result.draft.kind = entry.kind;
    result.draft.sourceMessageId = entry.sourceMessageId;
    result.draft.outboxId = entry.id;
    result.draft.updated = entry.created;
    if (entry.mime.isEmpty()) {
        result.error = QCoreApplication::translate("skein::eas::OutboxDraft", "Outbox message %1 has no content.").arg(entry.id);
        return result;
    }
    GPtr<GMimeStream> stream(g_mime_stream_mem_new_with_buffer(entry.mime.constData(), size_t(entry.mime.size())));
    GPtr<GMimeParser> parser(g_mime_parser_new_with_stream(stream.get()));
    GPtr<GMimeMessage> message(g_mime_parser_construct_message(parser.get(), nullptr));
    if (!message) {
        result.error = QCoreApplication::translate("skein::eas::OutboxDraft", "Outbox message %1 could not be read as a mail message.").arg(entry.id);
        return result;
    }
    result.draft.to = addresses(g_mime_message_get_to(message.get()));
    result.draft.cc = addresses(g_mime_message_get_cc(message.get()));
    result.draft.bcc = addresses(g_mime_message_get_bcc(message.get()));
    result.draft.subject = QString::fromUtf8(g_mime_message_get_subject(message.get()));
    if (result.draft.subject.isEmpty())
        result.draft.subject = entry.subject;
    const QString dir = attachmentDir.isEmpty() ? privateAttachmentDir(entry.id) : attachmentDir;
    if (attachmentDir.isEmpty()) {
        // Our own folder under the shared temp: nobody else may list it.
        const QString parent = QFileInfo(dir).absolutePath();
        QDir().mkpath(parent);
        QFile::setPermissions(parent, kOwnerOnlyDir);
    }
    Walk walk{&result, QDir(dir)};
    walk.visit(g_mime_message_get_mime_part(message.get()));
    return result;
}

} // namespace skein::eas
