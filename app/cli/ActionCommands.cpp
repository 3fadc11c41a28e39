// skein-cli act / find: conversation actions and search ([MS-ASCON] 3.1.4).

#include "CliSupport.h"

#include "ConversationActions.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cctype>

namespace skein::cli {

using eas::FindResult;
using eas::SyncEngine;
using eas::SyncReport;

namespace {

// The hex form printed by `conversations --json`; empty when not hex.
QByteArray conversationIdFromHex(const QString &hex)
{
    const QByteArray latin = hex.trimmed().toLatin1();
    if (latin.isEmpty() || latin.size() % 2)
        return {};
    for (const char c : latin)
        if (!std::isxdigit(static_cast<unsigned char>(c)))
            return {};
    return QByteArray::fromHex(latin);
}

// Sends the journal and waits until the server has answered (or could not be reached).
SyncReport replay(const Invocation &in, const Credentials &credentials)
{
    SyncReport report;
    const auto engine = makeEngine(in, credentials);
    QObject::connect(engine.get(), &SyncEngine::replayFinished, engine.get(), [&](const SyncReport &r) { report = r; });
    runEngine(*engine, &SyncEngine::replayFinished, [&] { engine->replayNow(); });
    return report;
}

// "done", "refused: <reason>" (exit Failed) or "pending: <reason>" (exit Unreachable).
int printOutcome(const Store &store, qint64 entryId, const SyncReport &report)
{
    const std::optional<ActionEntry> entry = store.journalStore().action(entryId);
    if (entry && entry->state == ActionState::Done) {
        out() << "done\n";
        return Ok;
    }
    if (entry && entry->state == ActionState::Failed) {
        out() << "refused: " << entry->error << "\n";
        return Failed;
    }
    out() << "pending: "
          << (report.message.isEmpty() ? QStringLiteral("the server has not answered yet") : failureReason(report.message))
          << " (the action is kept and sent on the next sync)\n";
    return report.ok() ? Failed : exitCodeFor(report.error);
}

QJsonObject messageToJson(const Message &m, const QHash<QString, QString> &folderNames)
{
    return {{QStringLiteral("folder"), folderNames.value(m.folderId, m.folderId)},
            {QStringLiteral("folderId"), m.folderId},
            {QStringLiteral("serverId"), m.serverId},
            {QStringLiteral("subject"), m.subject},
            {QStringLiteral("from"), m.from},
            {QStringLiteral("date"), m.dateReceived.toUTC().toString(Qt::ISODateWithMs)}};
}

void printFound(const FindResult &result, const QHash<QString, QString> &folderNames, bool json)
{
    if (json) {
        QJsonArray messages;
        for (const Message &m : result.messages)
            messages.append(messageToJson(m, folderNames));
        const QJsonObject o{{QStringLiteral("source"), result.fromServer ? QStringLiteral("server") : QStringLiteral("local")},
                            {QStringLiteral("note"), result.note},
                            {QStringLiteral("messages"), messages}};
        out() << QJsonDocument(o).toJson();
        return;
    }
    if (!result.fromServer)
        out() << "Searched the local store: " << result.note << "\n";
    if (result.messages.isEmpty())
        out() << "no messages\n";
    for (const Message &m : result.messages)
        out() << folderNames.value(m.folderId, m.folderId) << "\t" << m.serverId << "\t"
              << m.dateReceived.toLocalTime().toString(QStringLiteral("yyyy-MM-dd hh:mm")) << "\t" << m.from << "\t"
              << m.subject << "\n";
}

} // namespace

int act(const Invocation &in)
{
    const std::optional<ActionKind> kind = actionKindFromName(in.words.value(1));
    const QByteArray conversationId = conversationIdFromHex(in.words.value(2));
    if (!kind || conversationId.isEmpty() || !in.options.isSet(QStringLiteral("folder")))
        return fail(Usage, QStringLiteral("usage: act ignore|always-move|move|delete|flag|clear-flag|complete|read|unread "
                                          "CONVERSATION_ID --folder FOLDER [--to FOLDER]"));
    const bool needsTarget = *kind == ActionKind::Move || *kind == ActionKind::AlwaysMove;
    if (needsTarget && !in.options.isSet(QStringLiteral("to")))
        return fail(Usage, QStringLiteral("%1 needs --to FOLDER").arg(in.words.value(1)));
    int code = Ok;
    std::unique_ptr<OpenedStore> opened = openProfile(in.profile, &code);
    if (!opened)
        return code;
    const std::optional<Folder> folder = resolveFolder(opened->store, in.options.value(QStringLiteral("folder")), &code);
    if (!folder)
        return code;
    std::optional<Folder> target;
    if (needsTarget && !(target = resolveFolder(opened->store, in.options.value(QStringLiteral("to")), &code)))
        return code;
    const std::optional<Credentials> credentials = credentialsFor(in, *opened, &code);
    if (!credentials)
        return code;

    ConversationActions actions(opened->store);
    const ConversationActions::Result applied =
        actions.apply(*kind, conversationId, folder->serverId, target ? target->serverId : QString());
    if (!applied.ok()) {
        out() << "refused: " << applied.error << "\n";
        return Failed;
    }
    const SyncReport report = replay(in, *credentials);
    const int result = printOutcome(opened->store, applied.entryId, report);
    out().flush();
    return result;
}

int find(const Invocation &in)
{
    const QByteArray conversationId = conversationIdFromHex(in.words.value(1));
    if (conversationId.isEmpty())
        return fail(Usage, QStringLiteral("usage: find CONVERSATION_ID [--json] (the hex id of conversations --json)"));
    int code = Ok;
    std::unique_ptr<OpenedStore> opened = openProfile(in.profile, &code);
    if (!opened)
        return code;
    const std::optional<Credentials> credentials = credentialsFor(in, *opened, &code);
    if (!credentials)
        return code;
    FindResult result;
    {
        const auto engine = makeEngine(in, *credentials);
        QObject::connect(engine.get(), &SyncEngine::found, engine.get(), [&](const FindResult &r) { result = r; });
        runEngine(*engine, &SyncEngine::found, [&] { engine->find(conversationId); });
    }
    QHash<QString, QString> folderNames;
    for (const Folder &f : opened->store.folderStore().folders())
        folderNames.insert(f.serverId, f.name);
    printFound(result, folderNames, in.options.isSet(QStringLiteral("json")));
    out().flush();
    return Ok; // finding nothing is an answer, not an error
}

int filterTypeForDays(int days)
{
    if (days <= 0)
        return 0;
    if (days <= 1)
        return 1;
    if (days <= 3)
        return 2;
    if (days <= 7)
        return 3;
    if (days <= 14)
        return 4;
    return 5; // one month: the widest date filter EAS offers for mail
}

} // namespace skein::cli
