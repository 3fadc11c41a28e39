#include "AttachmentCommands.h"

#include "CliSupport.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace skein::cli {

using eas::SyncEngine;

namespace {

// --id ROWID, required by both commands; nullopt with the reason printed.
std::optional<qint64> messageIdOption(const Invocation &in, const char *command, int *code)
{
    if (!in.options.isSet(QStringLiteral("id"))) {
        *code = fail(Usage, QStringLiteral("%1 needs --id ROWID (\"id\" in 'conversations --json')")
                                .arg(QLatin1String(command)));
        return std::nullopt;
    }
    bool ok = false;
    const QString text = in.options.value(QStringLiteral("id"));
    const qint64 id = text.toLongLong(&ok);
    if (!ok || id <= 0) {
        *code = fail(Usage, QStringLiteral("--id needs a positive number, not '%1'").arg(text));
        return std::nullopt;
    }
    return id;
}

// The message must exist: an empty list would otherwise hide a wrong id.
bool messageExists(const Store &store, qint64 id, int *code)
{
    if (store.messageStore().messageById(id))
        return true;
    *code = fail(NotFound, QStringLiteral("there is no message with id %1").arg(id));
    return false;
}

} // namespace

int attachments(const Invocation &in)
{
    int code = Ok;
    const std::optional<qint64> id = messageIdOption(in, "attachments", &code);
    if (!id)
        return code;
    std::unique_ptr<OpenedStore> opened = openProfile(in.profile, &code);
    if (!opened || !messageExists(opened->store, *id, &code))
        return code;
    const QList<Attachment> list = opened->store.messageStore().attachments(*id);
    if (in.options.isSet(QStringLiteral("json"))) {
        QJsonArray array;
        for (const Attachment &a : list)
            array.append(QJsonObject{{QStringLiteral("name"), a.name},
                                     {QStringLiteral("size"), a.size},
                                     {QStringLiteral("contentType"), a.contentType},
                                     {QStringLiteral("fileReference"), a.fileReference},
                                     {QStringLiteral("contentId"), a.contentId},
                                     {QStringLiteral("inline"), a.isInline}});
        out() << QJsonDocument(array).toJson(QJsonDocument::Indented);
        return Ok;
    }
    for (const Attachment &a : list)
        out() << a.name << "\t" << a.size << (a.isInline ? "\tinline" : "") << "\n";
    return Ok;
}

int saveAttachment(const Invocation &in)
{
    int code = Ok;
    const std::optional<qint64> id = messageIdOption(in, "save-attachment", &code);
    if (!id)
        return code;
    const QString name = in.options.value(QStringLiteral("name"));
    const QString target = in.options.value(QStringLiteral("to"));
    if (name.isEmpty() || target.isEmpty())
        return fail(Usage, QStringLiteral("save-attachment needs --name NAME and --to PATH"));
    std::unique_ptr<OpenedStore> opened = openProfile(in.profile, &code);
    if (!opened || !messageExists(opened->store, *id, &code))
        return code;
    const QList<Attachment> list = opened->store.messageStore().attachments(*id);
    const auto found = std::find_if(list.cbegin(), list.cend(), [&](const Attachment &a) { return a.name == name; });
    if (found == list.cend())
        return fail(NotFound, QStringLiteral("message %1 has no attachment named '%2'").arg(*id).arg(name));
    // A folder as --to means "into this folder, under the attachment's name".
    const QString path = QFileInfo(target).isDir() ? QDir(target).filePath(QFileInfo(name).fileName()) : target;
    const std::optional<Credentials> credentials = credentialsFor(in, *opened, &code);
    if (!credentials)
        return code;
    const auto engine = makeEngine(in, *credentials);
    QString error;
    QObject::connect(engine.get(), &SyncEngine::attachmentSaved, engine.get(),
                     [&](qint64, const QString &, const QString &, const QString &e, bool) { error = e; });
    runEngine(*engine, &SyncEngine::attachmentSaved,
              [&] { engine->saveAttachment(*id, found->fileReference, path); });
    if (!error.isEmpty())
        return failRequest(Failed, error);
    out() << path << "\n";
    return Ok;
}

} // namespace skein::cli
