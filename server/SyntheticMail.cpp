#include "ConversationThreading.h"
#include "DemoSeed.h"

#include <QRandomGenerator>

#include <vector>

namespace skein::server::demo {

namespace {

const char *const kWords[] = {"budget", "review", "release", "meeting", "design", "roadmap", "invoice",
                              "server", "backup", "launch", "hiring", "migration", "report", "schedule"};
const char *const kNames[] = {"Ada", "Bruno", "Chiara", "Dev", "Elif", "Farid", "Greta", "Hiro", "Ines", "Jamal"};

} // namespace

int generateMessages(ServerStore &store, qint64 userId, qint64 folderId, int count, quint32 seed,
                     const QDateTime &now)
{
    if (count <= 0)
        return 0;
    QRandomGenerator random(seed);
    // Addressed to whoever the mail is generated for (--demo-messages: demo).
    const std::optional<UserRow> owner = store.accounts().userById(userId);
    const QString ownerAddress = owner ? owner->email : QStringLiteral("bench@skein.test");
    const QString ownerName = owner ? owner->displayName : QStringLiteral("bench");
    const qint64 nowMs = now.toMSecsSinceEpoch();
    const qint64 span = 90LL * 24 * 3600 * 1000;
    int inserted = 0;
    int thread = 0;
    store.begin();
    while (inserted < count) {
        const int size = std::min(1 + int(random.bounded(10)), count - inserted);
        const QString topic = QStringLiteral("%1 %2 #%3")
                                  .arg(QString::fromLatin1(kWords[random.bounded(14)]),
                                       QString::fromLatin1(kWords[random.bounded(14)]))
                                  .arg(++thread);
        const QByteArray conversationId =
            threading::conversationIdFor(QByteArray::number(seed) + '/' + QByteArray::number(thread));
        qint64 t = nowMs - qint64(random.bounded(quint64(span)));
        std::vector<MessageRow> rows;
        for (int i = 0; i < size; ++i) {
            MessageRow m;
            m.userId = userId;
            m.folderId = folderId;
            m.receivedMs = t;
            const QString sender = QString::fromLatin1(kNames[random.bounded(10)]);
            m.from = QStringLiteral("\"%1\" <%2@bench.example>").arg(sender, sender.toLower());
            m.to = QStringLiteral("\"%1\" <%2>").arg(ownerName, ownerAddress);
            m.displayTo = ownerName;
            m.threadTopic = topic;
            m.conversationId = conversationId;
            m.read = random.bounded(3) != 0;
            m.body = QStringLiteral("Message %1 of thread %2 about %3.\n\nRegards,\n%4")
                         .arg(i + 1).arg(thread).arg(topic, sender);
            const QDateTime sent = QDateTime::fromMSecsSinceEpoch(t, Qt::UTC);
            if (i == 0) {
                m.subject = topic;
                m.conversationIndex = threading::rootIndex(sent);
            } else {
                const MessageRow &parent = rows.at(random.bounded(quint32(rows.size())));
                m.subject = QStringLiteral("RE: %1").arg(topic);
                m.parentId = parent.id;
                m.conversationIndex =
                    threading::replyIndex(parent.conversationIndex, sent, quint8(random.bounded(256)));
            }
            store.mail().insertMessage(m);
            rows.push_back(m);
            ++inserted;
            t = std::min(nowMs, t + 60'000 + qint64(random.bounded(6 * 3600)) * 1000);
        }
    }
    store.commit();
    return inserted;
}

} // namespace skein::server::demo
