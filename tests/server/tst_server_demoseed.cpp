// Shape of the demo mailbox: folders, conversations, depths, branches and
// prefix-consistent conversation indexes; determinism.
#include <ReferenceServer.h>
#include <ServerStore.h>

#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using skein::server::ReferenceServer;

namespace {
const QDateTime kNow = QDateTime(QDate(2026, 6, 15), QTime(12, 0), Qt::UTC);

QJsonObject demoUser(const QJsonObject &dump)
{
    for (const QJsonValue &u : dump.value(QStringLiteral("users")).toArray())
        if (u.toObject().value(QStringLiteral("name")).toString() == QLatin1String("demo"))
            return u.toObject();
    return {};
}
} // namespace

class TestServerDemoSeed : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(m_server.open(m_dir.path()));
        QVERIFY(!m_server.hasUsers());
        QVERIFY(m_server.seedDemo(kNow) > 100);
        QVERIFY(m_server.hasUsers());
        m_user = demoUser(m_server.dump());
        QVERIFY(!m_user.isEmpty());
        for (const QJsonValue &v : m_user.value(QStringLiteral("messages")).toArray())
            m_messages.insert(v.toObject().value(QStringLiteral("id")).toString(), v.toObject());
    }

    void folders()
    {
        QHash<QString, int> types;
        for (const QJsonValue &f : m_user.value(QStringLiteral("folders")).toArray())
            types.insert(f.toObject().value(QStringLiteral("name")).toString(), f.toObject().value(QStringLiteral("type")).toInt());
        const QHash<QString, int> expected{{QStringLiteral("Inbox"), 2},      {QStringLiteral("Drafts"), 3},
                                           {QStringLiteral("Deleted Items"), 4}, {QStringLiteral("Sent Items"), 5},
                                           {QStringLiteral("Outbox"), 6},     {QStringLiteral("Junk E-mail"), 12},
                                           {QStringLiteral("Calendar"), 8},   {QStringLiteral("Projects"), 12},
                                           {QStringLiteral("Receipts"), 12}};
        QCOMPARE(types, expected);
    }

    void conversationsAndDepths()
    {
        const QJsonArray conversations = m_user.value(QStringLiteral("conversations")).toArray();
        int threads = 0, deep = 0, maxDepth = 0;
        for (const QJsonValue &v : conversations) {
            const QJsonObject c = v.toObject();
            const int size = int(c.value(QStringLiteral("messages")).toArray().size());
            threads += size >= 2;
            deep += size >= 8 && size <= 15;
            maxDepth = std::max(maxDepth, c.value(QStringLiteral("maxDepth")).toInt());
        }
        QVERIFY2(threads >= 25, qPrintable(QString::number(threads)));
        QVERIFY(deep >= 3);
        QVERIFY(maxDepth >= 6);
    }

    void indexesArePrefixConsistent()
    {
        int replies = 0;
        QHash<QString, int> childrenPerParent;
        for (const QJsonObject &m : std::as_const(m_messages)) {
            const QByteArray index = QByteArray::fromHex(m.value(QStringLiteral("conversationIndex")).toString().toLatin1());
            QCOMPARE(QByteArray::fromHex(m.value(QStringLiteral("conversationId")).toString().toLatin1()).size(), 16);
            QVERIFY(index.size() >= 5);
            QCOMPARE((index.size() - 5) % 5, 0);
            QCOMPARE(quint8(index.at(0)), quint8(0x01)); // modern header
            const QJsonValue parentId = m.value(QStringLiteral("parentId"));
            if (parentId.isNull()) {
                QCOMPARE(index.size(), 5);
                continue;
            }
            ++replies;
            const QJsonObject parent = m_messages.value(parentId.toString());
            QVERIFY(!parent.isEmpty());
            const QByteArray parentIndex = QByteArray::fromHex(parent.value(QStringLiteral("conversationIndex")).toString().toLatin1());
            QCOMPARE(index.size(), parentIndex.size() + 5);
            QCOMPARE(index.left(parentIndex.size()), parentIndex);
            QCOMPARE(m.value(QStringLiteral("conversationId")), parent.value(QStringLiteral("conversationId")));
            QVERIFY(m.value(QStringLiteral("received")).toString() >= parent.value(QStringLiteral("received")).toString());
            childrenPerParent[parentId.toString()]++;
        }
        QVERIFY(replies > 80);
        int branching = 0;
        for (int n : std::as_const(childrenPerParent))
            branching += n >= 2;
        QVERIFY2(branching >= 10, "threads must branch, not only chain");
    }

    void ownRepliesLiveInSentItems()
    {
        int sent = 0, userFolders = 0;
        for (const QJsonObject &m : std::as_const(m_messages)) {
            const QString folder = m.value(QStringLiteral("folder")).toString();
            const bool mine = m.value(QStringLiteral("from")).toString().contains(QLatin1String("demo@skein.test"));
            if (mine)
                QCOMPARE(folder, QStringLiteral("Sent Items"));
            sent += folder == QLatin1String("Sent Items");
            userFolders += folder == QLatin1String("Projects") || folder == QLatin1String("Receipts");
        }
        QVERIFY(sent >= 20);
        QVERIFY(userFolders >= 10);
    }

    void specialMessagesAndSpread()
    {
        bool html = false, attachment = false, longBody = false;
        int read = 0, unread = 0, flagged = 0, recent = 0, old = 0;
        for (const QJsonObject &m : std::as_const(m_messages)) {
            html |= m.value(QStringLiteral("bodyType")).toInt() == 2;
            attachment |= m.value(QStringLiteral("attachments")).toInt() > 0;
            longBody |= m.value(QStringLiteral("bodySize")).toInt() > 60 * 1024;
            (m.value(QStringLiteral("read")).toBool() ? read : unread)++;
            flagged += m.value(QStringLiteral("flagStatus")).toInt() != 0;
            const QDateTime received = QDateTime::fromString(m.value(QStringLiteral("received")).toString(), Qt::ISODateWithMs);
            const qint64 days = received.daysTo(kNow);
            QVERIFY(days >= 0 && days <= 62);
            recent += days <= 7;
            old += days > 30;
        }
        QVERIFY(html && attachment && longBody);
        QVERIFY(read > 0 && unread > 0);
        QVERIFY(flagged >= 3);
        QVERIFY(recent >= 10 && old >= 10);
    }

    void deterministic()
    {
        QTemporaryDir other;
        ReferenceServer second;
        QVERIFY(second.open(other.path()));
        second.seedDemo(kNow);
        QCOMPARE(second.dump(), m_server.dump());
    }

    void generatorMakesThreads()
    {
        QTemporaryDir other;
        ReferenceServer bench;
        QVERIFY(bench.open(other.path()));
        QElapsedTimer timer;
        timer.start();
        QCOMPARE(bench.generate(QStringLiteral("bench"), QStringLiteral("Inbox"), 5000, 3, kNow), 5000);
        qInfo("generated 5000 messages in %lld ms", timer.elapsed());
        const QJsonObject user = bench.dump().value(QStringLiteral("users")).toArray().first().toObject();
        const QJsonArray conversations = user.value(QStringLiteral("conversations")).toArray();
        QVERIFY(conversations.size() > 500 && conversations.size() < 5000);
        for (const QJsonValue &c : conversations)
            QVERIFY(c.toObject().value(QStringLiteral("messages")).toArray().size() <= 10);
    }

    // skein --demo --demo-messages N generates into demo's Inbox: the mail
    // is addressed to demo, not to a fixed bench address.
    void generatedMailIsAddressedToItsUser()
    {
        QTemporaryDir other;
        ReferenceServer server;
        QVERIFY(server.open(other.path()));
        QCOMPARE(server.generate(QStringLiteral("alice"), QStringLiteral("Inbox"), 3, 5, kNow), 3);
        const auto alice = server.store().accounts().user(QStringLiteral("alice"));
        QVERIFY(alice);
        const QList<skein::server::MessageRow> mail = server.store().mail().messages(alice->id);
        QCOMPARE(mail.size(), 3);
        for (const skein::server::MessageRow &m : mail) {
            QVERIFY2(m.to.contains(QLatin1String("<alice@skein.test>")), qPrintable(m.to));
            QCOMPARE(m.displayTo, alice->displayName);
        }
    }

private:
    QTemporaryDir m_dir;
    ReferenceServer m_server;
    QJsonObject m_user;
    QHash<QString, QJsonObject> m_messages;
};

QTEST_GUILESS_MAIN(TestServerDemoSeed)
#include "tst_server_demoseed.moc"
