#include "CliCommands.h"

#include "CliSupport.h"
#include "ConversationJson.h"

#include <QEventLoop>
#include <QJsonDocument>
#include <QTextStream>

namespace skein::cli {

using eas::ErrorKind;
using eas::SyncEngine;
using eas::SyncReport;

int sync(const Invocation &in)
{
    int code = Ok;
    std::unique_ptr<OpenedStore> opened = openProfile(in.profile, &code);
    if (!opened)
        return code;
    const std::optional<Credentials> credentials = credentialsFor(in, *opened, &code);
    if (!credentials)
        return code;

    SyncReport report;
    const auto engine = makeEngine(in, *credentials);
    QObject::connect(engine.get(), &SyncEngine::syncFinished, engine.get(), [&](const SyncReport &r) { report = r; });
    runEngine(*engine, &SyncEngine::syncFinished, [&] { engine->syncAll(); });
    if (!report.ok())
        return failRequest(exitCodeFor(report.error), report.message);
    bool folderFailed = false;
    for (const eas::FolderReport &folder : report.folders) {
        printFolderReport(folder);
        folderFailed |= !folder.error.isEmpty();
    }
    out().flush();
    return folderFailed ? Failed : Ok;
}

int folders(const Invocation &in)
{
    int code = Ok;
    std::unique_ptr<OpenedStore> opened = openProfile(in.profile, &code);
    if (!opened)
        return code;
    if (in.options.isSet(QStringLiteral("json"))) {
        out() << QJsonDocument(foldersToJson(opened->store)).toJson();
        return Ok;
    }
    for (const Folder &folder : opened->store.folderStore().folders())
        out() << folder.serverId << "\t" << folder.name << "\t" << opened->store.messageStore().messageCount(folder.serverId) << "\n";
    return Ok;
}

int conversations(const Invocation &in)
{
    if (in.words.size() < 2)
        return fail(Usage, QStringLiteral("conversations needs a FOLDER"));
    int code = Ok;
    std::unique_ptr<OpenedStore> opened = openProfile(in.profile, &code);
    if (!opened)
        return code;
    const std::optional<Folder> folder = resolveFolder(opened->store, in.words.at(1), &code);
    if (!folder)
        return code;
    if (in.options.isSet(QStringLiteral("json"))) {
        out() << QJsonDocument(conversationsToJson(opened->store, folder->serverId)).toJson();
        return Ok;
    }
    for (const ConversationSummary &c : opened->store.conversationStore().conversations(folder->serverId)) {
        out() << c.latest.toLocalTime().toString(QStringLiteral("yyyy-MM-dd hh:mm")) << "  " << c.messageCount
              << " msg" << (c.unreadCount ? QStringLiteral(" (%1 unread)").arg(c.unreadCount) : QString())
              << (c.flagged ? QStringLiteral(" [flag]") : QString()) << "  " << c.subject << "  — "
              << c.participants.join(QStringLiteral(", ")) << "\n";
    }
    return Ok;
}

namespace {

// The message `show` names: --id ROWID, FOLDER SERVERID, or a bare SERVERID
// when exactly one folder has it (ServerIds are unique per folder only: on
// SOGo they are IMAP UIDs, so Inbox and Sent Items both have a "5").
std::optional<Message> messageToShow(const Store &store, const Invocation &in, std::optional<qint64> rowId,
                                     int *code)
{
    if (rowId) {
        std::optional<Message> m = store.messageStore().messageById(*rowId);
        if (!m)
            *code = fail(NotFound, QStringLiteral("no message with id %1").arg(*rowId));
        return m;
    }
    if (in.words.size() == 3) {
        const std::optional<Folder> folder = resolveFolder(store, in.words.at(1), code);
        if (!folder)
            return std::nullopt;
        std::optional<Message> m = store.messageStore().message(folder->serverId, in.words.at(2));
        if (!m)
            *code = fail(NotFound, QStringLiteral("no message '%1' in folder '%2'").arg(in.words.at(2), folder->name));
        return m;
    }
    const QString &serverId = in.words.at(1);
    QList<Message> found;
    QStringList where;
    for (const Folder &folder : store.folderStore().folders()) {
        if (std::optional<Message> m = store.messageStore().message(folder.serverId, serverId)) {
            found.append(*m);
            where.append(QStringLiteral("'%1' (show --id %2)").arg(folder.name).arg(m->id));
        }
    }
    if (found.isEmpty()) {
        *code = fail(NotFound, QStringLiteral("no message '%1'").arg(serverId));
        return std::nullopt;
    }
    if (found.size() > 1) {
        *code = fail(Usage, QStringLiteral("several folders have a message '%1': %2; name the folder "
                                           "(show FOLDER %1) or the message (show --id ROWID)")
                                .arg(serverId, where.join(QStringLiteral(", "))));
        return std::nullopt;
    }
    return found.first();
}

// --filter DAYS of estimate: a whole number of days, 0 for all; nullopt
// with the reason printed.
std::optional<int> filterDays(const Invocation &in, int *code)
{
    if (!in.options.isSet(QStringLiteral("filter")))
        return 0;
    const QString text = in.options.value(QStringLiteral("filter"));
    bool ok = false;
    const int days = text.toInt(&ok);
    if (ok && days >= 0)
        return days;
    *code = fail(Usage, QStringLiteral("--filter needs a number of days, not '%1': 0 (all), 1, 3, 7, 14 or 31 "
                                       "(one month); other numbers round up to the next of these")
                            .arg(text));
    return std::nullopt;
}

} // namespace

int show(const Invocation &in)
{
    std::optional<qint64> rowId;
    if (in.options.isSet(QStringLiteral("id"))) {
        bool ok = false;
        const QString text = in.options.value(QStringLiteral("id"));
        rowId = text.toLongLong(&ok);
        if (!ok)
            return fail(Usage, QStringLiteral("--id needs a number, not '%1'").arg(text));
    } else if (in.words.size() < 2) {
        return fail(Usage, QStringLiteral("show needs FOLDER SERVERID, --id ROWID or SERVERID"));
    }
    int code = Ok;
    std::unique_ptr<OpenedStore> opened = openProfile(in.profile, &code);
    if (!opened)
        return code;
    const std::optional<Message> m = messageToShow(opened->store, in, rowId, &code);
    if (!m)
        return code;
    const std::optional<Folder> folder = opened->store.folderStore().folder(m->folderId);
    out() << "Folder: " << (folder ? folder->name : m->folderId) << "\nFrom: " << m->from << "\nTo: " << m->to << "\n";
    if (!m->cc.isEmpty())
        out() << "Cc: " << m->cc << "\n";
    out() << "Date: " << m->dateReceived.toString(Qt::ISODate) << "\nSubject: " << m->subject
          << "\nConversationId: " << m->conversationId.toHex() << "\nConversationIndex: " << m->conversationIndex.toHex()
          << "\n\n" << QString::fromUtf8(m->body.isEmpty() ? m->preview.toUtf8() : m->body) << "\n";
    if (m->bodyTruncated)
        out() << "[body truncated by the server: " << m->bodyEstimatedSize << " bytes in all]\n";
    return Ok;
}

int estimate(const Invocation &in)
{
    if (in.words.size() < 2)
        return fail(Usage, QStringLiteral("estimate needs a FOLDER"));
    int code = Ok;
    const std::optional<int> days = filterDays(in, &code);
    if (!days)
        return code;
    std::unique_ptr<OpenedStore> opened = openProfile(in.profile, &code);
    if (!opened)
        return code;
    const std::optional<Folder> folder = resolveFolder(opened->store, in.words.at(1), &code);
    if (!folder)
        return code;
    const std::optional<Credentials> credentials = credentialsFor(in, *opened, &code);
    if (!credentials)
        return code;
    const auto engine = makeEngine(in, *credentials);
    int count = -1;
    QString estimateError;
    QObject::connect(engine.get(), &SyncEngine::estimated, engine.get(),
                     [&](const QString &, int, int c, const QString &e) { count = c; estimateError = e; });
    if (*days > 31)
        QTextStream(stderr) << "skein-cli: mail can be filtered by at most one month; estimating one month\n";
    runEngine(*engine, &SyncEngine::estimated,
              [&] { engine->estimate(folder->serverId, filterTypeForDays(*days)); });
    if (!estimateError.isEmpty())
        return failRequest(Failed, estimateError);
    out() << count << "\n";
    return Ok;
}

} // namespace skein::cli
