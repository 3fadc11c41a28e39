#include "ServerDump.h"

#include "EasRequest.h"
#include "ElementBlob.h"

#include <EasTags.h>

#include <QJsonArray>
#include <QMap>
#include <QSet>

namespace skein::server {

namespace {

int flagStatus(const QByteArray &blob)
{
    const auto flag = elementFromBlob(blob);
    if (!flag)
        return 0;
    return flag->childText(wbxml::tag::Email::FlagStatus).toInt();
}

// Always-move / ignore rules: which conversation goes where since when.
QJsonArray dumpRules(ServerStore &store, qint64 userId, const QHash<qint64, QString> &folderNames)
{
    QJsonArray out;
    for (const ConversationRule &r : store.rules().conversationRules(userId)) {
        out.append(QJsonObject{{QStringLiteral("conversationId"), QString::fromLatin1(r.conversationId.toHex())},
                               {QStringLiteral("folderId"), QString::number(r.folderId)},
                               {QStringLiteral("folder"), folderNames.value(r.folderId)},
                               {QStringLiteral("created"), easDate(r.createdMs)}});
    }
    return out;
}

QJsonObject dumpCalendarItem(ServerStore &store, const MessageRow &m, const QString &folder)
{
    const CalendarDetails d = store.mail().calendarDetails(m.id).value_or(CalendarDetails{});
    return QJsonObject{{QStringLiteral("id"), QString::number(m.id)},
                       {QStringLiteral("serverId"), QStringLiteral("%1:%2").arg(m.folderId).arg(m.id)},
                       {QStringLiteral("folder"), folder},
                       {QStringLiteral("subject"), m.subject},
                       {QStringLiteral("organizer"), m.from},
                       {QStringLiteral("start"), easDate(m.receivedMs)},
                       {QStringLiteral("end"), easDate(d.endMs)},
                       {QStringLiteral("location"), d.location}};
}

} // namespace

QJsonObject dumpStore(ServerStore &store)
{
    QJsonArray users;
    for (const UserRow &u : store.accounts().users()) {
        QJsonObject user;
        user[QStringLiteral("name")] = u.name;
        user[QStringLiteral("email")] = u.email;
        QJsonArray folders;
        QHash<qint64, QString> folderNames;
        QSet<qint64> calendars;
        for (const FolderRow &f : store.hierarchy().folders(u.id)) {
            folderNames.insert(f.id, f.name);
            if (f.type == FolderType::Calendar)
                calendars.insert(f.id);
            folders.append(QJsonObject{{QStringLiteral("id"), QString::number(f.id)},
                                       {QStringLiteral("parentId"), QString::number(f.parentId)},
                                       {QStringLiteral("name"), f.name},
                                       {QStringLiteral("type"), f.type}});
        }
        user[QStringLiteral("folders")] = folders;

        const QList<MessageRow> rows = store.mail().messages(u.id);
        QHash<qint64, const MessageRow *> byId;
        for (const MessageRow &m : rows)
            byId.insert(m.id, &m);
        QJsonArray messages;
        QJsonArray calendarItems;
        QMap<QByteArray, QJsonObject> conversations;
        for (const MessageRow &m : rows) {
            // Calendar items are no mail: readers of "messages" count mail.
            if (calendars.contains(m.folderId)) {
                calendarItems.append(dumpCalendarItem(store, m, folderNames.value(m.folderId)));
                continue;
            }
            const int depth = m.conversationIndex.size() >= 5 ? int(m.conversationIndex.size() - 5) / 5 : 0;
            QJsonObject o{
                {QStringLiteral("id"), QString::number(m.id)},
                {QStringLiteral("serverId"), QStringLiteral("%1:%2").arg(m.folderId).arg(m.id)},
                {QStringLiteral("folderId"), QString::number(m.folderId)},
                {QStringLiteral("folder"), folderNames.value(m.folderId)},
                {QStringLiteral("subject"), m.subject},
                {QStringLiteral("from"), m.from},
                {QStringLiteral("to"), m.to},
                {QStringLiteral("cc"), m.cc},
                {QStringLiteral("received"), easDate(m.receivedMs)},
                {QStringLiteral("read"), m.read},
                {QStringLiteral("flagStatus"), flagStatus(m.flag)},
                {QStringLiteral("importance"), m.importance},
                {QStringLiteral("bodyType"), m.bodyType},
                {QStringLiteral("bodySize"), int(m.body.toUtf8().size())},
                {QStringLiteral("attachments"), int(store.mail().attachments(m.id).size())},
                {QStringLiteral("conversationId"), QString::fromLatin1(m.conversationId.toHex())},
                {QStringLiteral("conversationIndex"), QString::fromLatin1(m.conversationIndex.toHex())},
                {QStringLiteral("depth"), depth},
                {QStringLiteral("parentId"), m.parentId ? QJsonValue(QString::number(m.parentId)) : QJsonValue()},
                {QStringLiteral("messageId"), m.internetMessageId},
            };
            if (const MessageRow *p = byId.value(m.parentId))
                o[QStringLiteral("parentServerId")] = QStringLiteral("%1:%2").arg(p->folderId).arg(p->id);
            messages.append(o);

            QJsonObject &c = conversations[m.conversationId];
            if (c.isEmpty()) {
                c[QStringLiteral("conversationId")] = QString::fromLatin1(m.conversationId.toHex());
                c[QStringLiteral("topic")] = m.threadTopic;
                c[QStringLiteral("maxDepth")] = 0;
            }
            QJsonArray ids = c.value(QStringLiteral("messages")).toArray();
            ids.append(QString::number(m.id));
            c[QStringLiteral("messages")] = ids;
            c[QStringLiteral("maxDepth")] = std::max(c.value(QStringLiteral("maxDepth")).toInt(), depth);
        }
        user[QStringLiteral("messages")] = messages;
        user[QStringLiteral("calendarItems")] = calendarItems;
        QJsonArray convs;
        for (const QJsonObject &c : conversations)
            convs.append(c);
        user[QStringLiteral("conversations")] = convs;
        user[QStringLiteral("conversationRules")] = dumpRules(store, u.id, folderNames);
        users.append(user);
    }
    return QJsonObject{{QStringLiteral("users"), users}};
}

} // namespace skein::server
