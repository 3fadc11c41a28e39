// Ping of the reference server: cached parameters, heartbeat expiry, change
// notification while waiting.
#include "EasTestClient.h"

#include <ReferenceServer.h>

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>

using namespace skein::test;
using skein::server::ReferenceServer;

class TestServerPing : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(m_server.open(m_dir.path()));
        QCOMPARE(m_server.generate(QStringLiteral("demo"), QStringLiteral("Inbox"), 20), 20);
        QVERIFY(m_server.start() != 0);
        m_inbox = m_server.folderId(QStringLiteral("demo"), QStringLiteral("Inbox"));
    }

    void pingFlow()
    {
        EasTestClient c(m_server.url(), QStringLiteral("demo"), QStringLiteral("demo"), QStringLiteral("PING1"));
        QVERIFY(c.provision());
        // Nothing cached yet.
        QCOMPARE(c.postRaw(QStringLiteral("Ping"), QByteArray()).top(tag::Ping::Status), QStringLiteral("3"));
        // Out of range.
        QCOMPARE(c.post(QStringLiteral("Ping"), ping(4000)).top(tag::Ping::Status), QStringLiteral("5"));

        // Unsynced changes are reported at once.
        const EasResponse primed = c.sync(QStringLiteral("0"), m_inbox);
        QString key = EasTestClient::collection(primed)->childText(tag::AirSync::SyncKey);
        const EasResponse immediate = c.post(QStringLiteral("Ping"), ping(30));
        QCOMPARE(immediate.top(tag::Ping::Status), QStringLiteral("2"));
        QCOMPARE(immediate.doc->find({tag::Ping::Folders, tag::Ping::Folder})->text(), m_inbox);

        // Drained: the heartbeat expires.
        const EasResponse drained = c.sync(key, m_inbox);
        key = EasTestClient::collection(drained)->childText(tag::AirSync::SyncKey);
        QElapsedTimer timer;
        timer.start();
        QCOMPARE(c.post(QStringLiteral("Ping"), ping(1)).top(tag::Ping::Status), QStringLiteral("1"));
        QVERIFY(timer.elapsed() >= 900);

        // A new message arrives while the Ping waits.
        QTimer::singleShot(300, this, [this] { m_server.generate(QStringLiteral("demo"), QStringLiteral("Inbox"), 1, 99); });
        timer.restart();
        const EasResponse woke = c.post(QStringLiteral("Ping"), ping(20));
        QCOMPARE(woke.top(tag::Ping::Status), QStringLiteral("2"));
        QVERIFY(timer.elapsed() < 5000);

        // An empty body reuses the cached interval and folders.
        const EasResponse synced = c.sync(key, m_inbox);
        QCOMPARE(EasTestClient::collection(synced)->child(tag::AirSync::Commands)->all(tag::AirSync::Add).size(), 1);
        QTimer::singleShot(300, this, [this] { m_server.generate(QStringLiteral("demo"), QStringLiteral("Inbox"), 1, 100); });
        QCOMPARE(c.postRaw(QStringLiteral("Ping"), QByteArray()).top(tag::Ping::Status), QStringLiteral("2"));
    }

private:
    Element ping(int seconds) const
    {
        Element req(tag::Ping::Ping);
        req.add(tag::Ping::HeartbeatInterval, qint64(seconds));
        auto &folder = req.add(tag::Ping::Folders).add(tag::Ping::Folder);
        folder.add(tag::Ping::Id, m_inbox);
        folder.add(tag::Ping::Class, "Email");
        return req;
    }

    QTemporaryDir m_dir;
    ReferenceServer m_server;
    QString m_inbox;
};

QTEST_GUILESS_MAIN(TestServerPing)
#include "tst_server_ping.moc"
