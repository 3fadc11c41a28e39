#pragma once

// A small account for the item model tests: standard and user folders, a
// thread that spans Inbox and Sent Items, singletons, and a long thread.

#include "ConversationIndex.h"
#include "Store.h"

#include <QTemporaryDir>
#include <QTest>

namespace skein::testdata {

inline const QString inbox = QStringLiteral("inbox");
inline const QString sent = QStringLiteral("sent");
inline const QString projects = QStringLiteral("projects");

inline QDateTime at(int minutes)
{
    return QDateTime(QDate(2024, 3, 1), QTime(8, 0), Qt::UTC).addSecs(qint64(minutes) * 60);
}

inline Message mail(const QString &serverId, int minutes, const QString &from,
                    const QByteArray &conversationId = {}, const QByteArray &index = {})
{
    Message m;
    m.serverId = serverId;
    m.subject = QStringLiteral("Subject ") + serverId;
    m.from = from;
    m.dateReceived = at(minutes);
    m.conversationId = conversationId;
    m.conversationIndex = index;
    m.messageClass = QStringLiteral("IPM.Note");
    return m;
}

inline QByteArray reply(const QByteArray &parent, int minutes)
{
    return ConversationIndex::appendReply(parent, at(minutes), quint8(minutes));
}

inline bool add(Store &store, const QString &folder, const QList<Message> &adds)
{
    SyncBatch batch;
    batch.folderId = folder;
    batch.newSyncKey = QString::number(QDateTime::currentMSecsSinceEpoch());
    batch.adds = adds;
    const bool ok = store.syncApplier().applySyncBatch(batch);
    if (!ok)
        qWarning() << store.lastError();
    return ok;
}

inline bool change(Store &store, const QString &folder, const MessageChange &c)
{
    SyncBatch batch;
    batch.folderId = folder;
    batch.newSyncKey = QStringLiteral("k") + c.serverId;
    batch.changes = {c};
    return store.syncApplier().applySyncBatch(batch);
}

inline QList<Folder> standardFolders()
{
    const QString root = QStringLiteral("0");
    return {{QStringLiteral("cal"), root, QStringLiteral("Calendar"), FolderType::Calendar},
            {projects, inbox, QStringLiteral("Projects"), FolderType::UserMail},
            {QStringLiteral("zeta"), root, QStringLiteral("zeta"), FolderType::UserMail},
            {QStringLiteral("out"), root, QStringLiteral("Outbox"), FolderType::Outbox},
            {QStringLiteral("junk"), root, QStringLiteral("Junk Email"), FolderType::UserMail},
            {QStringLiteral("del"), root, QStringLiteral("Deleted Items"), FolderType::DeletedItems},
            {sent, root, QStringLiteral("Sent Items"), FolderType::SentItems},
            {QStringLiteral("drafts"), root, QStringLiteral("Drafts"), FolderType::Drafts},
            {inbox, root, QStringLiteral("Inbox"), FolderType::Inbox},
            {QStringLiteral("arch"), root, QStringLiteral("Archive"), FolderType::UserMail},
            {QStringLiteral("contacts"), root, QStringLiteral("Contacts"), FolderType::Contacts},
            {QStringLiteral("sub"), QStringLiteral("cal"), QStringLiteral("Under calendar"),
             FolderType::UserMail}};
}

// Conversation "T": t1 (alice) <- t2 (bob) <- t3 (me, in Sent Items), and
// t1 <- t4 (carol). Singletons s1, s2 in the Inbox. Times in minutes.
inline const QByteArray threadId("T\0conv", 6);

inline bool fillSmallAccount(Store &store)
{
    const QByteArray i1 = ConversationIndex::makeHeader(at(10));
    const QByteArray i2 = reply(i1, 20), i3 = reply(i2, 30), i4 = reply(i1, 40);
    Message t3 = mail(QStringLiteral("t3"), 30, QStringLiteral("me"), threadId, i3);
    t3.read = true;
    return add(store, inbox,
               {mail(QStringLiteral("t1"), 10, QStringLiteral("alice"), threadId, i1),
                mail(QStringLiteral("t2"), 20, QStringLiteral("bob"), threadId, i2),
                mail(QStringLiteral("t4"), 40, QStringLiteral("carol"), threadId, i4),
                mail(QStringLiteral("s1"), 5, QStringLiteral("dave")),
                mail(QStringLiteral("s2"), 50, QStringLiteral("erin"))})
        && add(store, sent, {t3});
}

// A thread of `count` messages: most answer the previous message, every
// fourth answers one halfway up, so it is both deep and branched.
inline QList<Message> longThread(const QByteArray &conversationId, int count, int startMinute)
{
    QList<Message> thread;
    QList<QByteArray> indexes{ConversationIndex::makeHeader(at(startMinute))};
    thread.append(mail(QStringLiteral("L0"), startMinute, QStringLiteral("p0"), conversationId,
                       indexes[0]));
    for (int i = 1; i < count; ++i) {
        const QByteArray parent = i % 4 ? indexes[i - 1] : indexes[i / 2];
        indexes.append(reply(parent, startMinute + i));
        thread.append(mail(QStringLiteral("L%1").arg(i), startMinute + i,
                           QStringLiteral("p%1").arg(i % 7), conversationId, indexes[i]));
    }
    return thread;
}

} // namespace skein::testdata
