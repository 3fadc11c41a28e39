// HTTP layer of the reference server: OPTIONS, auth, versions, malformed
// WBXML, the provisioning gate and the fault knobs.
#include "EasTestClient.h"

#include <ReferenceServer.h>

#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace skein::test;
using skein::server::ReferenceServer;

class TestServerHttp : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QString error;
        QVERIFY2(m_server.open(m_dir.path(), &error), qPrintable(error));
        QVERIFY(m_server.addUser(QStringLiteral("alice"), QStringLiteral("secret")));
        QVERIFY(m_server.start(QHostAddress::LocalHost, 0) != 0);
    }

    void optionsAdvertisesVersionsWithoutAuth()
    {
        EasTestClient c(m_server.url(), QStringLiteral("nobody"), QStringLiteral("wrong"));
        const EasResponse r = c.options();
        QCOMPARE(r.http, 200);
        QCOMPARE(r.header("MS-ASProtocolVersions"), QByteArray("12.1,14.0,14.1,16.0,16.1"));
        const QByteArray commands = r.header("MS-ASProtocolCommands");
        for (const char *cmd : {"Sync", "FolderSync", "GetItemEstimate", "ItemOperations", "Provision"})
            QVERIFY2(commands.split(',').contains(cmd), cmd);
    }

    void badCredentialsGive401()
    {
        EasTestClient c(m_server.url(), QStringLiteral("alice"), QStringLiteral("wrong"));
        QCOMPARE(c.folderSync(QStringLiteral("0")).http, 401);
        EasTestClient unknown(m_server.url(), QStringLiteral("mallory"), QStringLiteral("secret"));
        QCOMPARE(unknown.folderSync(QStringLiteral("0")).http, 401);
    }

    void unknownVersionGives400()
    {
        EasTestClient c(m_server.url(), QStringLiteral("alice"), QStringLiteral("secret"), QStringLiteral("DEV1"), "13.0");
        QCOMPARE(c.folderSync(QStringLiteral("0")).http, 400);
        EasTestClient noVersion(m_server.url(), QStringLiteral("alice"), QStringLiteral("secret"));
        QCOMPARE(noVersion.postRaw(QStringLiteral("FolderSync"), QByteArray(), false).http, 400);
    }

    void malformedWbxmlGives400()
    {
        EasTestClient c(m_server.url(), QStringLiteral("alice"), QStringLiteral("secret"), QStringLiteral("DEVMAL"));
        QVERIFY(c.provision());
        QCOMPARE(c.postRaw(QStringLiteral("Sync"), QByteArray("\x03\x01\x6a\x00\x45\x5c\x4f", 7)).http, 400);
        QCOMPARE(c.postRaw(QStringLiteral("FolderSync"), QByteArray("definitely not wbxml")).http, 400);
        QCOMPARE(c.postRaw(QStringLiteral("Sync"), QByteArray("\x03\x01\x6a\x00\xff\xff\xff\xff\xff", 9)).http, 400);
        // The server is still alive.
        QCOMPARE(c.folderSync(QStringLiteral("0")).top(tag::FolderHierarchy::Status), QStringLiteral("1"));
    }

    void provisioningIsRequired()
    {
        EasTestClient c(m_server.url(), QStringLiteral("alice"), QStringLiteral("secret"), QStringLiteral("DEVPROV"));
        const EasResponse before = c.folderSync(QStringLiteral("0"));
        QCOMPARE(before.http, 200);
        QVERIFY(before.doc && before.doc->is(tag::FolderHierarchy::FolderSync));
        QCOMPARE(before.top(tag::FolderHierarchy::Status), QStringLiteral("142"));

        // A wrong key is refused as well.
        c.policyKey = QStringLiteral("12345");
        QCOMPARE(c.folderSync(QStringLiteral("0")).top(tag::FolderHierarchy::Status), QStringLiteral("142"));

        QVERIFY(c.provision());
        const EasResponse after = c.folderSync(QStringLiteral("0"));
        QCOMPARE(after.top(tag::FolderHierarchy::Status), QStringLiteral("1"));

        // Sync's top-level status is in the AirSync namespace.
        EasTestClient other(m_server.url(), QStringLiteral("alice"), QStringLiteral("secret"), QStringLiteral("DEVPROV2"));
        const EasResponse sync = other.sync(QStringLiteral("0"), QStringLiteral("1"));
        QVERIFY(sync.doc && sync.doc->is(tag::AirSync::Sync));
        QCOMPARE(sync.top(tag::AirSync::Status), QStringLiteral("142"));
    }

    void acknowledgingTheWrongKeyFails()
    {
        EasTestClient c(m_server.url(), QStringLiteral("alice"), QStringLiteral("secret"), QStringLiteral("DEVACK"));
        Element req(tag::Provision::Provision);
        req.add(tag::Settings::DeviceInformation).add(tag::Settings::Set).add(tag::Settings::Model, "x");
        req.add(tag::Provision::Policies).add(tag::Provision::Policy).add(tag::Provision::PolicyType, "MS-EAS-Provisioning-WBXML");
        const EasResponse first = c.post(QStringLiteral("Provision"), req);
        const Element *policy = first.doc->find({tag::Provision::Policies, tag::Provision::Policy});
        QVERIFY(policy);
        QVERIFY(policy->has(tag::Provision::Data));
        const QString temp = policy->childText(tag::Provision::PolicyKey);
        QVERIFY(!temp.isEmpty());

        Element ack(tag::Provision::Provision);
        auto &p = ack.add(tag::Provision::Policies).add(tag::Provision::Policy);
        p.add(tag::Provision::PolicyType, "MS-EAS-Provisioning-WBXML");
        p.add(tag::Provision::PolicyKey, temp + QLatin1Char('9'));
        p.add(tag::Provision::Status, "1");
        const EasResponse bad = c.post(QStringLiteral("Provision"), ack);
        QCOMPARE(bad.doc->find({tag::Provision::Policies, tag::Provision::Policy})->childText(tag::Provision::Status),
                 QStringLiteral("5"));
    }

    void deviceInformationRequiredFrom141()
    {
        EasTestClient c(m_server.url(), QStringLiteral("alice"), QStringLiteral("secret"), QStringLiteral("DEVNOINFO"));
        Element req(tag::Provision::Provision);
        req.add(tag::Provision::Policies).add(tag::Provision::Policy).add(tag::Provision::PolicyType, "MS-EAS-Provisioning-WBXML");
        QCOMPARE(c.post(QStringLiteral("Provision"), req).top(tag::Provision::Status), QStringLiteral("165"));
        c.setVersion("14.0");
        QVERIFY(c.provision());
    }

    void version121Gets449()
    {
        EasTestClient c(m_server.url(), QStringLiteral("alice"), QStringLiteral("secret"), QStringLiteral("DEV121"), "12.1");
        QCOMPARE(c.folderSync(QStringLiteral("0")).http, 449);
        QVERIFY(c.provision());
        QCOMPARE(c.folderSync(QStringLiteral("0")).top(tag::FolderHierarchy::Status), QStringLiteral("1"));
    }

    void faultBursts()
    {
        EasTestClient c(m_server.url(), QStringLiteral("alice"), QStringLiteral("secret"), QStringLiteral("DEVFAULT"));
        QVERIFY(c.provision());
        m_server.failNextRequests(503, 2);
        EasResponse r = c.folderSync(QStringLiteral("0"));
        QCOMPARE(r.http, 503);
        QCOMPARE(r.header("Retry-After"), QByteArray("1"));
        QCOMPARE(c.options().http, 503);
        QCOMPARE(c.folderSync(QStringLiteral("0")).http, 200);

        QString error;
        QVERIFY(m_server.applyFaultSpec(QStringLiteral("500:3"), &error));
        for (int i = 0; i < 3; ++i)
            QCOMPARE(c.folderSync(QStringLiteral("0")).http, 500);
        QCOMPARE(c.folderSync(QStringLiteral("0")).http, 200);
        QVERIFY(!m_server.applyFaultSpec(QStringLiteral("nonsense"), &error));
        QVERIFY(!error.isEmpty());
    }

    void unsupportedCommandGives501()
    {
        EasTestClient c(m_server.url(), QStringLiteral("alice"), QStringLiteral("secret"), QStringLiteral("DEV501"));
        QVERIFY(c.provision());
        QCOMPARE(c.postRaw(QStringLiteral("ResolveRecipients"), QByteArray()).http, 501);
    }

    void mutatedRequestsNeverCrash()
    {
        EasTestClient c(m_server.url(), QStringLiteral("alice"), QStringLiteral("secret"), QStringLiteral("DEVFUZZ"));
        QVERIFY(c.provision());
        const QString key = c.sync(QStringLiteral("0"), QStringLiteral("1")).doc->find({tag::AirSync::Collections, tag::AirSync::Collection})->childText(tag::AirSync::SyncKey);
        EasTestClient::SyncOptions o;
        o.filterType = 2;
        o.conversationMode = 1;
        o.truncation = 100;
        Element commands(tag::AirSync::Commands);
        auto &change = commands.add(tag::AirSync::Change);
        change.add(tag::AirSync::ServerId, "1:1");
        change.add(tag::AirSync::ApplicationData).add(tag::Email::Flag).add(tag::Email::FlagStatus, "1");
        o.commands = commands;
        const QList<QByteArray> seeds{
            skein::wbxml::encode(EasTestClient::syncRequest(key, QStringLiteral("1"), o)).bytes,
            skein::wbxml::encode(Element(tag::FolderHierarchy::FolderSync)).bytes,
        };
        const QStringList commandsToTry{QStringLiteral("Sync"), QStringLiteral("FolderSync"), QStringLiteral("GetItemEstimate"),
                                        QStringLiteral("ItemOperations"), QStringLiteral("Provision"), QStringLiteral("MoveItems")};
        QRandomGenerator random(42);
        for (int i = 0; i < 300; ++i) {
            QByteArray body = seeds.at(i % seeds.size());
            const int flips = 1 + int(random.bounded(4));
            for (int f = 0; f < flips; ++f)
                body[int(random.bounded(quint32(body.size())))] = char(random.bounded(256));
            if (random.bounded(5) == 0)
                body.truncate(int(random.bounded(quint32(body.size()))));
            const int http = c.postRaw(commandsToTry.at(i % commandsToTry.size()), body).http;
            QVERIFY2(http == 200 || http == 400, qPrintable(QString::number(http)));
        }
        QCOMPARE(c.folderSync(QStringLiteral("0")).top(tag::FolderHierarchy::Status), QStringLiteral("1"));
    }

private:
    QTemporaryDir m_dir;
    ReferenceServer m_server;
};

QTEST_GUILESS_MAIN(TestServerHttp)
#include "tst_server_http.moc"
