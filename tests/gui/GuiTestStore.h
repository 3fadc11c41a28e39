#pragma once

// A small mailbox for the GUI tests, written straight into a Store: Inbox,
// Sent Items and Archive, a reply tree across Inbox and Sent Items with a gap,
// an HTML mail with a remote image and a link, a truncated mail, a plain
// text thread and a message without ConversationId. Archive holds one
// conversation of long names, long previews and quoted display names, for
// the reading pane's layout at narrow widths (and leaves Inbox as it is).

#include "ConversationIndex.h"
#include "Store.h"

#include <QDateTime>

namespace guitest {

inline const QString inbox = QStringLiteral("1");
inline const QString sent = QStringLiteral("2");
inline const QString archive = QStringLiteral("3");
inline const QByteArray treeConversation("conv-tree");
inline const QByteArray htmlConversation("conv-html");
inline const QByteArray truncatedConversation("conv-trunc");
inline const QByteArray plainConversation("conv-plain");
inline const QByteArray longConversation("conv-long");
inline const QString truncatedBodyFull = QStringLiteral(
    "Here is the whole quarterly report.\nSecond paragraph with all the numbers.");

inline QDateTime ago(int hours)
{
    return QDateTime::currentDateTimeUtc().addSecs(-hours * 3600);
}

inline skein::Message mail(const QString &serverId, const QByteArray &conversationId,
                           const QString &from, const QString &subject, int hoursAgo,
                           const QString &body, bool read = false)
{
    skein::Message m;
    m.serverId = serverId;
    m.subject = subject;
    m.from = from;
    m.to = QStringLiteral("Me Myself <me@example.com>");
    m.dateReceived = ago(hoursAgo);
    m.read = read;
    m.conversationId = conversationId;
    m.messageClass = QStringLiteral("IPM.Note");
    m.preview = body.left(100);
    m.bodyType = skein::BodyType::PlainText;
    m.body = body.toUtf8();
    return m;
}

inline skein::SyncBatch batch(const QString &folder, const QList<skein::Message> &adds)
{
    skein::SyncBatch b;
    b.folderId = folder;
    b.newSyncKey = QStringLiteral("1");
    b.adds = adds;
    return b;
}

// Fills `store` (already open). Returns false with store.lastError() set on failure.
inline bool fillStore(skein::Store &store)
{
    using namespace skein;
    const QList<Folder> folders{{inbox, QStringLiteral("0"), QStringLiteral("Inbox"), FolderType::Inbox},
                                {sent, QStringLiteral("0"), QStringLiteral("Sent Items"), FolderType::SentItems},
                                {archive, QStringLiteral("0"), QStringLiteral("Archive"), FolderType::UserMail}};
    if (!store.folderStore().applyFolderSync(QStringLiteral("h1"), folders, {}))
        return false;

    // Tree: t1 (alice) <- t2 (me, Sent Items) <- t3 (bob); t5 replies to a t4 we never got.
    const QByteArray i1 = ConversationIndex::makeHeader(ago(50));
    const QByteArray i2 = ConversationIndex::appendReply(i1, ago(40), 1);
    const QByteArray i3 = ConversationIndex::appendReply(i2, ago(30), 2);
    const QByteArray i4 = ConversationIndex::appendReply(i1, ago(20), 3);
    const QByteArray i5 = ConversationIndex::appendReply(i4, ago(10), 4);
    const QString subject = QStringLiteral("Budget planning");
    Message t1 = mail(QStringLiteral("t1"), treeConversation, QStringLiteral("Alice Adams <alice@example.com>"),
                      subject, 50, QStringLiteral("Can we meet about the budget?"), true);
    Message t2 = mail(QStringLiteral("t2"), treeConversation, QStringLiteral("Me Myself <me@example.com>"),
                      QStringLiteral("RE: ") + subject, 40, QStringLiteral("Tuesday works for me."), true);
    Message t3 = mail(QStringLiteral("t3"), treeConversation, QStringLiteral("Bob Brown <bob@example.com>"),
                      QStringLiteral("RE: ") + subject, 30, QStringLiteral("Tuesday at ten then. Bob"));
    Message t5 = mail(QStringLiteral("t5"), treeConversation, QStringLiteral("Carol Clark <carol@example.com>"),
                      QStringLiteral("RE: ") + subject, 10, QStringLiteral("Adding the room booking."));
    t1.conversationIndex = i1;
    t2.conversationIndex = i2;
    t3.conversationIndex = i3;
    t5.conversationIndex = i5;
    t3.hasAttachments = true;

    Message html = mail(QStringLiteral("h1"), htmlConversation, QStringLiteral("News Letter <news@shop.example>"),
                        QStringLiteral("Spring offers"), 5, QString());
    html.bodyType = BodyType::Html;
    html.body = QByteArrayLiteral("<html><body><h1>Spring offers</h1><p>Tracking pixel: "
                                  "<img src=\"http://example.invalid/x.png\" width=\"20\" height=\"20\"></p>"
                                  "<p><a href=\"https://shop.example/offers\">See the offers</a></p>"
                                  "<script>alert('no');</script></body></html>");
    html.preview = QStringLiteral("Spring offers. See the offers");
    html.conversationIndex = ConversationIndex::makeHeader(ago(5));

    Message truncated = mail(QStringLiteral("big1"), truncatedConversation,
                             QStringLiteral("Dave Davis <dave@example.com>"), QStringLiteral("Quarterly report"),
                             3, QStringLiteral("Here is the whole"));
    truncated.bodyTruncated = true;
    truncated.bodyEstimatedSize = 50000;
    truncated.flag.status = FlagStatus::Active;
    truncated.conversationIndex = ConversationIndex::makeHeader(ago(3));

    Message p1 = mail(QStringLiteral("p1"), plainConversation, QStringLiteral("Erin Evans <erin@example.com>"),
                      QStringLiteral("Holiday photos"), 70,
                      QStringLiteral("Photos are at https://photos.example/album?id=1&x=2 enjoy"), true);
    Message p2 = mail(QStringLiteral("p2"), plainConversation, QStringLiteral("Frank Fox <frank@example.com>"),
                      QStringLiteral("RE: Holiday photos"), 60, QStringLiteral("Lovely, thanks!"), true);
    p1.conversationIndex = ConversationIndex::makeHeader(ago(70));
    p2.conversationIndex = ConversationIndex::appendReply(p1.conversationIndex, ago(60), 9);

    Message lone = mail(QStringLiteral("lone"), {}, QStringLiteral("Grace Green <grace@example.com>"),
                        QStringLiteral("No conversation id"), 80, QStringLiteral("Just one message."), true);

    const QString longSubject = QStringLiteral("Supplier contract renewal for the northern distribution centres");
    const QString longText = QStringLiteral(
        "Following up on yesterday's call with procurement, legal and the regional warehouse managers about "
        "the renewal terms, the penalties for late deliveries and the new quarterly volume commitments.\n\n"
        "The draft is at https://contracts.northwind.example/drafts/2024/supplier-renewal-northern-centres-v7.pdf");
    Message l1 = mail(QStringLiteral("l1"), longConversation,
                      QStringLiteral("\"Fischer, Lena (Northwind Procurement)\" <lena.fischer@northwind.example>"),
                      longSubject, 100, longText, true);
    Message l2 = mail(QStringLiteral("l2"), longConversation,
                      QStringLiteral("\"Maximilian Alexander von Humboldt-Oberhausen\" "
                                     "<maximilian.humboldt-oberhausen@logistics.northwind.example>"),
                      QStringLiteral("RE: ") + longSubject, 95, longText, true);
    Message l3 = mail(QStringLiteral("l3"), longConversation,
                      QStringLiteral("'Priya Raman' <priya.raman@northwind.example>"),
                      QStringLiteral("RE: ") + longSubject, 90, longText);
    l3.cc = QStringLiteral("\"Fischer, Lena (Northwind Procurement)\" <lena.fischer@northwind.example>, "
                           "\"Maximilian Alexander von Humboldt-Oberhausen\" "
                           "<maximilian.humboldt-oberhausen@logistics.northwind.example>");
    l1.conversationIndex = ConversationIndex::makeHeader(ago(100));
    l2.conversationIndex = ConversationIndex::appendReply(l1.conversationIndex, ago(95), 5);
    l3.conversationIndex = ConversationIndex::appendReply(l2.conversationIndex, ago(90), 6);

    return store.syncApplier().applySyncBatch(batch(inbox, {t1, t3, t5, html, truncated, p1, p2, lone}))
        && store.syncApplier().applySyncBatch(batch(sent, {t2})) && store.syncApplier().applySyncBatch(batch(archive, {l1, l2, l3}));
}

} // namespace guitest
