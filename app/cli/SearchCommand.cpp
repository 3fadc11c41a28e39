// skein-cli search: the full-text index of the synced mail (ConversationStore::search).
#include "CliCommands.h"
#include "CliSupport.h"
#include "FullTextSearch.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace skein::cli {

namespace {

QString isoDate(const QDateTime &date)
{
    return date.isValid() ? date.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QJsonObject hitToJson(const SearchHit &hit, const QHash<QString, QString> &folderNames)
{
    const ConversationSummary &c = hit.conversation;
    return {{QStringLiteral("conversationId"), QString::fromLatin1(c.conversationId.toHex())},
            {QStringLiteral("subject"), c.subject},
            {QStringLiteral("latest"), isoDate(c.latest)},
            {QStringLiteral("messageCount"), c.messageCount},
            {QStringLiteral("unreadCount"), c.unreadCount},
            {QStringLiteral("participants"), QJsonArray::fromStringList(c.participants)},
            // The best-matching message, for show --id; matches between **.
            {QStringLiteral("id"), double(hit.messageId)},
            {QStringLiteral("folder"), folderNames.value(hit.folderId, hit.folderId)},
            {QStringLiteral("folderId"), hit.folderId},
            {QStringLiteral("matchSubject"), fts::markedToPlain(hit.subject)},
            {QStringLiteral("snippet"), fts::markedToPlain(hit.snippet)}};
}

} // namespace

int search(const Invocation &in)
{
    // The words may come quoted as one or unquoted as several.
    const QString text = in.words.mid(1).join(QLatin1Char(' '));
    if (text.trimmed().isEmpty())
        return fail(Usage, QStringLiteral("usage: search TEXT [--folder FOLDER] [--json]"));
    int code = Ok;
    std::unique_ptr<OpenedStore> opened = openProfile(in.profile, &code);
    if (!opened)
        return code;
    QString folderId;
    if (in.options.isSet(QStringLiteral("folder"))) {
        const std::optional<Folder> folder = resolveFolder(opened->store, in.options.value(QStringLiteral("folder")), &code);
        if (!folder)
            return code;
        folderId = folder->serverId;
    }
    const QList<SearchHit> hits = opened->store.conversationStore().search(text, folderId);
    if (!opened->store.lastError().isEmpty())
        return fail(Failed, opened->store.lastError());
    QHash<QString, QString> folderNames;
    for (const Folder &f : opened->store.folderStore().folders())
        folderNames.insert(f.serverId, f.name);
    if (in.options.isSet(QStringLiteral("json"))) {
        QJsonArray array;
        for (const SearchHit &hit : hits)
            array.append(hitToJson(hit, folderNames));
        out() << QJsonDocument(array).toJson();
        return Ok;
    }
    for (const SearchHit &hit : hits) {
        const ConversationSummary &c = hit.conversation;
        out() << c.latest.toLocalTime().toString(QStringLiteral("yyyy-MM-dd hh:mm")) << "  " << c.messageCount
              << " msg  " << folderNames.value(hit.folderId, hit.folderId) << "  "
              << fts::markedToPlain(hit.subject) << "  — " << c.participants.join(QStringLiteral(", ")) << "\n"
              << "    " << fts::markedToPlain(hit.snippet).simplified() << "\n";
    }
    return Ok; // finding nothing is an answer, not an error
}

} // namespace skein::cli
