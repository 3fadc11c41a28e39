// The engine's address-book lookup against the reference server: a prefix
// finds the matching users as "Name <address>", one answer per question,
// at every protocol version; a server that cannot search says so plainly.
#include "ReferenceServer.h"
#include "SyncEngine.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace skein;
using namespace skein::eas;

class TestDirectory : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<server::ReferenceServer> m_server;
    int m_profiles = 0;

    std::unique_ptr<SyncEngine> engineAt(const QString &version)
    {
        const QString db = m_dir.filePath(QStringLiteral("client%1.db").arg(++m_profiles));
        {
            Store store;
            if (!store.open(db))
                return nullptr;
            AccountSettings account;
            QUrl base = m_server->url();
            base.setPath({});
            account.url = base.toString();
            account.user = QStringLiteral("demo");
            account.deviceId = QStringLiteral("GAL%1").arg(m_profiles);
            account.protocolVersion = version;
            store.accountStore().saveAccount(account);
        }
        SyncEngine::Config config;
        config.databasePath = db;
        config.password = QStringLiteral("demo");
        config.maxRetryAfterMs = 20;
        return std::make_unique<SyncEngine>(config);
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_server = std::make_unique<server::ReferenceServer>();
        QVERIFY(m_server->open(m_dir.filePath(QStringLiteral("server"))));
        QVERIFY(m_server->seedDemo() >= 100);
        QVERIFY(m_server->addUser(QStringLiteral("alice"), QStringLiteral("alice")));
        QVERIFY(m_server->start() != 0);
    }

    void findsPeopleByPrefix_data()
    {
        QTest::addColumn<QString>("version");
        QTest::newRow("12.1") << QStringLiteral("12.1");
        QTest::newRow("14.1") << QStringLiteral("14.1");
        QTest::newRow("16.1") << QStringLiteral("16.1");
    }

    void findsPeopleByPrefix()
    {
        QFETCH(QString, version);
        auto engine = engineAt(version);
        QVERIFY(engine);
        QSignalSpy found(engine.get(), &SyncEngine::directoryFound);
        engine->searchDirectory(QStringLiteral("ali"));
        QVERIFY(found.wait(30000));
        QCOMPARE(found.first().at(0).toString(), QStringLiteral("ali"));
        const QStringList addresses = found.first().at(1).toStringList();
        QCOMPARE(addresses.size(), 1);
        QVERIFY2(addresses.first().contains(QStringLiteral("<alice@")), qPrintable(addresses.first()));
        QVERIFY(found.first().at(2).toString().isEmpty());
    }

    void aServerErrorIsExplained()
    {
        auto engine = engineAt(QStringLiteral("14.1"));
        QVERIFY(engine);
        QSignalSpy found(engine.get(), &SyncEngine::directoryFound);
        engine->searchDirectory(QStringLiteral("de")); // provisions the device first
        QVERIFY(found.wait(30000));
        found.clear();
        // Like a server without an address book: Search on GAL answers 501.
        QVERIFY(m_server->faults().applyFaultSpec(QStringLiteral("501:1")));
        engine->searchDirectory(QStringLiteral("ali"));
        QVERIFY(found.wait(30000));
        QVERIFY(found.first().at(1).toStringList().isEmpty());
        QCOMPARE(found.first().at(2).toString(), QStringLiteral("The server has no address book to search."));
    }
};

QTEST_GUILESS_MAIN(TestDirectory)
#include "tst_directory.moc"
