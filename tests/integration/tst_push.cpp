// Push end to end: the real engine keeps a Ping open on the reference
// server; mail delivered by a separate `skein-server deliver` process is in
// the store within 3 s without anything asked; the user's work interrupts
// the Ping without waiting for it, and push goes on afterwards.
#include "ReferenceServer.h"
#include "SyncEngine.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace skein;
using namespace skein::eas;

class TestPush : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<server::ReferenceServer> m_server;
    std::unique_ptr<SyncEngine> m_engine;
    QString m_db;

    QString serverData() const { return m_dir.filePath(QStringLiteral("server")); }

    bool deliverFromOutside(const QString &subject)
    {
        QProcess p;
        p.start(QStringLiteral(SKEIN_SERVER_BIN),
                {QStringLiteral("--data"), serverData(), QStringLiteral("deliver"), QStringLiteral("--to"), QStringLiteral("demo"),
                 QStringLiteral("--new"), QStringLiteral("--from"), QStringLiteral("Nina <nina@northwind.example>"),
                 QStringLiteral("--subject"), subject, QStringLiteral("--body"), QStringLiteral("Pushed.")});
        return p.waitForFinished(30000) && p.exitCode() == 0;
    }

    bool storeHas(const QString &subject) const
    {
        Store store;
        if (!store.open(m_db))
            return false;
        for (const Folder &f : store.folderStore().folders())
            for (const Message &m : store.messageStore().messagesInFolder(f.serverId))
                if (m.subject == subject)
                    return true;
        return false;
    }

    // Milliseconds from the delivery until the store has the message; -1 never (10 s).
    qint64 deliveryDelay(const QString &subject)
    {
        QElapsedTimer t;
        t.start();
        if (!deliverFromOutside(subject))
            return -1;
        while (t.elapsed() < 10000) {
            if (storeHas(subject))
                return t.elapsed();
            QTest::qWait(20);
        }
        return -1;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_server = std::make_unique<server::ReferenceServer>();
        QVERIFY(m_server->open(serverData()));
        QVERIFY(m_server->seedDemo() >= 100);
        QVERIFY(m_server->start() != 0);

        m_db = m_dir.filePath(QStringLiteral("client.db"));
        {
            Store store;
            QVERIFY(store.open(m_db));
            AccountSettings account;
            QUrl base = m_server->url();
            base.setPath({});
            account.url = base.toString();
            account.user = QStringLiteral("demo");
            account.deviceId = QStringLiteral("PUSHIT");
            account.protocolVersion = QStringLiteral("16.1");
            QVERIFY(store.accountStore().saveAccount(account));
        }
        SyncEngine::Config config;
        config.databasePath = m_db;
        config.password = QStringLiteral("demo");
        config.maxRetryAfterMs = 20;
        m_engine = std::make_unique<SyncEngine>(config);
        QSignalSpy listening(m_engine.get(), &SyncEngine::pushChanged);
        QSignalSpy synced(m_engine.get(), &SyncEngine::syncFinished);
        m_engine->startPush(); // nothing synced yet: waits for the first sync
        m_engine->syncAll();
        QVERIFY(synced.wait(60000));
        QVERIFY(synced.first().first().value<SyncReport>().ok());
        QTRY_VERIFY_WITH_TIMEOUT(!listening.isEmpty() && listening.last().at(0).toBool(), 10000);
    }

    void cleanupTestCase()
    {
        m_engine.reset(); // ends the open Ping at once
        m_server.reset();
    }

    void deliveredMailArrivesWithinThreeSeconds()
    {
        QTest::qWait(300); // the Ping is open on the server
        const qint64 delay = deliveryDelay(QStringLiteral("Pushed 1"));
        QVERIFY2(delay >= 0, "the pushed mail never arrived");
        qInfo("delivered to stored: %lld ms", delay);
        QVERIFY2(delay < 3000, qPrintable(QStringLiteral("arrived after %1 ms").arg(delay)));
    }

    void userWorkDoesNotWaitForThePing()
    {
        QTest::qWait(300);
        QElapsedTimer t;
        t.start();
        QSignalSpy estimated(m_engine.get(), &SyncEngine::estimated);
        Store store;
        QVERIFY(store.open(m_db));
        QString inbox;
        for (const Folder &f : store.folderStore().folders())
            if (f.type == FolderType::Inbox)
                inbox = f.serverId;
        m_engine->estimate(inbox, 0);
        QVERIFY(estimated.wait(10000));
        QVERIFY2(t.elapsed() < 2000, qPrintable(QStringLiteral("waited %1 ms").arg(t.elapsed())));
        // ... and push resumed after it.
        QTest::qWait(300);
        const qint64 delay = deliveryDelay(QStringLiteral("Pushed 2"));
        QVERIFY2(delay >= 0 && delay < 3000, qPrintable(QStringLiteral("arrived after %1 ms").arg(delay)));
    }

    void stoppingEndsTheOpenPing()
    {
        QSignalSpy listening(m_engine.get(), &SyncEngine::pushChanged);
        m_engine->stopPush();
        QVERIFY(!listening.isEmpty() && !listening.last().at(0).toBool());
        QElapsedTimer t;
        t.start();
        m_engine.reset(); // joins the engine's thread: no Ping holds it
        QVERIFY2(t.elapsed() < 3000, qPrintable(QStringLiteral("took %1 ms").arg(t.elapsed())));
    }
};

QTEST_GUILESS_MAIN(TestPush)
#include "tst_push.moc"
