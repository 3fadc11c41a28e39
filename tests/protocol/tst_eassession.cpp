// EasSession against a scripted transport: URL and headers, version
// negotiation, provisioning, redirects, back-off and error wording.
#include "EasSession.h"
#include "EasTags.h"
#include "FakeTransport.h"

#include <QTest>
#include <QUrlQuery>

using namespace skein;
using namespace skein::eas;
namespace tag = skein::wbxml::tag;

namespace {

AccountSettings account(const QString &version = QStringLiteral("16.1"))
{
    AccountSettings a;
    a.url = QStringLiteral("http://127.0.0.1:1234");
    a.user = QStringLiteral("demo");
    a.deviceId = QStringLiteral("ABC123");
    a.protocolVersion = version;
    return a;
}

wbxml::Element folderSyncRequest()
{
    wbxml::Element root(tag::FolderHierarchy::FolderSync);
    root.add(tag::FolderHierarchy::SyncKey, "0");
    return root;
}

wbxml::Element folderSyncStatus(int status)
{
    wbxml::Element root(tag::FolderHierarchy::FolderSync);
    root.add(tag::FolderHierarchy::Status, qint64(status));
    return root;
}

wbxml::Element provisionResponse(const char *key)
{
    wbxml::Element root(tag::Provision::Provision);
    root.add(tag::Provision::Status, "1");
    wbxml::Element &policy = root.add(tag::Provision::Policies).add(tag::Provision::Policy);
    policy.add(tag::Provision::PolicyType, "MS-EAS-Provisioning-WBXML");
    policy.add(tag::Provision::Status, "1");
    policy.add(tag::Provision::PolicyKey, key);
    return root;
}

} // namespace

class TestEasSession : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void requestCarriesQueryAndHeaders()
    {
        FakeTransport fake;
        fake.queue = {FakeTransport::wbxml(folderSyncStatus(1))};
        EasSession session(fake, account(), QStringLiteral("secret"));
        QVERIFY(session.execute("FolderSync", folderSyncRequest()).ok());

        const HttpRequest &r = fake.requests.first();
        QCOMPARE(r.url.path(), QStringLiteral("/Microsoft-Server-ActiveSync"));
        const QUrlQuery query(r.url);
        QCOMPARE(query.queryItemValue(QStringLiteral("Cmd")), QStringLiteral("FolderSync"));
        QCOMPARE(query.queryItemValue(QStringLiteral("User")), QStringLiteral("demo"));
        QCOMPARE(query.queryItemValue(QStringLiteral("DeviceId")), QStringLiteral("ABC123"));
        QVERIFY(!query.queryItemValue(QStringLiteral("DeviceType")).isEmpty());
        QCOMPARE(fake.header(0, "Authorization"), QByteArray("Basic ") + QByteArray("demo:secret").toBase64());
        QCOMPARE(fake.header(0, "MS-ASProtocolVersion"), QByteArray("16.1"));
        QCOMPARE(fake.header(0, "Content-Type"), QByteArray("application/vnd.ms-sync.wbxml"));
        QCOMPARE(fake.header(0, "X-MS-PolicyKey"), QByteArray("0"));
    }

    // Each request carries the session's timeout to the transport.
    void requestTimeoutIsTheSessions()
    {
        FakeTransport fake;
        fake.queue = {FakeTransport::wbxml(folderSyncStatus(1)), FakeTransport::wbxml(folderSyncStatus(1))};
        EasSession session(fake, account(), QStringLiteral("secret"));
        QVERIFY(session.execute("FolderSync", folderSyncRequest()).ok());
        QCOMPARE(fake.requests.at(0).timeoutMs, 120000);
        session.setRequestTimeoutMs(5000);
        QVERIFY(session.execute("FolderSync", folderSyncRequest()).ok());
        QCOMPARE(fake.requests.at(1).timeoutMs, 5000);
    }

    void customEndpointPath()
    {
        FakeTransport fake;
        fake.queue = {FakeTransport::wbxml(folderSyncStatus(1))};
        AccountSettings a = account();
        a.endpointPath = QStringLiteral("/SOGo/Microsoft-Server-ActiveSync");
        EasSession session(fake, a, QStringLiteral("x"));
        session.execute("FolderSync", folderSyncRequest());
        QCOMPARE(fake.requests.first().url.path(), QStringLiteral("/SOGo/Microsoft-Server-ActiveSync"));
    }

    void negotiatesBestVersion_data()
    {
        QTest::addColumn<QByteArray>("offered");
        QTest::addColumn<QString>("chosen");
        QTest::newRow("all") << QByteArray("2.5,12.0,12.1,14.0,14.1,16.0,16.1") << QStringLiteral("16.1");
        QTest::newRow("up to 16.0") << QByteArray("12.1,14.0,14.1,16.0") << QStringLiteral("16.0");
        QTest::newRow("sogo") << QByteArray("2.5,12.0,12.1,14.0,14.1") << QStringLiteral("14.1");
        QTest::newRow("12.1 only") << QByteArray("2.5,12.0,12.1") << QStringLiteral("12.1");
    }

    void negotiatesBestVersion()
    {
        QFETCH(QByteArray, offered);
        QFETCH(QString, chosen);
        FakeTransport fake;
        fake.queue = {FakeTransport::options(offered)};
        EasSession session(fake, account(QString()), QStringLiteral("x"));
        AccountSettings saved;
        session.setAccountChangedHandler([&](const AccountSettings &a) { saved = a; });
        QVERIFY(session.negotiate().ok());
        QCOMPARE(session.account().protocolVersion, chosen);
        QCOMPARE(saved.protocolVersion, chosen);
        QCOMPARE(fake.requests.first().method, QByteArray("OPTIONS"));
    }

    void refusesServerWithoutUsableVersion()
    {
        FakeTransport fake;
        fake.queue = {FakeTransport::options("2.5,12.0")};
        EasSession session(fake, account(QString()), QStringLiteral("x"));
        const EasReply reply = session.negotiate();
        QCOMPARE(reply.error, ErrorKind::NotSupported);
        QVERIFY(reply.message.contains(QStringLiteral("2.5, 12.0")));
    }

    void provisionsOnStatus142ThenRetries()
    {
        FakeTransport fake;
        fake.queue = {FakeTransport::wbxml(folderSyncStatus(142)), FakeTransport::wbxml(provisionResponse("111")),
                      FakeTransport::wbxml(provisionResponse("222")), FakeTransport::wbxml(folderSyncStatus(1))};
        EasSession session(fake, account(), QStringLiteral("x"));
        AccountSettings saved;
        session.setAccountChangedHandler([&](const AccountSettings &a) { saved = a; });
        const EasReply reply = session.execute("FolderSync", folderSyncRequest());
        QVERIFY2(reply.ok(), qPrintable(reply.message));
        QCOMPARE(fake.requests.size(), 4);
        QCOMPARE(fake.command(1), QByteArray("Provision"));
        QCOMPARE(fake.command(2), QByteArray("Provision"));
        QCOMPARE(fake.header(2, "X-MS-PolicyKey"), QByteArray("111")); // acknowledged with the temporary key
        QCOMPARE(fake.header(3, "X-MS-PolicyKey"), QByteArray("222"));
        QCOMPARE(saved.policyKey, QStringLiteral("222"));
    }

    void provisionsOnHttp449()
    {
        FakeTransport fake;
        fake.queue = {FakeTransport::status(449), FakeTransport::wbxml(provisionResponse("1")),
                      FakeTransport::wbxml(provisionResponse("2")), FakeTransport::wbxml(folderSyncStatus(1))};
        EasSession session(fake, account(QStringLiteral("12.1")), QStringLiteral("x"));
        QVERIFY(session.execute("FolderSync", folderSyncRequest()).ok());
        QCOMPARE(session.account().policyKey, QStringLiteral("2"));
    }

    void followsRedirect451()
    {
        FakeTransport fake;
        fake.queue = {FakeTransport::status(451, {{"X-MS-Location", "https://other.example.com/Microsoft-Server-ActiveSync"}}),
                      FakeTransport::wbxml(folderSyncStatus(1))};
        EasSession session(fake, account(), QStringLiteral("x"));
        QVERIFY(session.execute("FolderSync", folderSyncRequest()).ok());
        QCOMPARE(fake.requests.at(1).url.host(), QStringLiteral("other.example.com"));
        QCOMPARE(session.account().url, QStringLiteral("https://other.example.com"));
    }

    void honoursRetryAfter()
    {
        FakeTransport fake;
        fake.queue = {FakeTransport::status(503, {{"Retry-After", "7"}}), FakeTransport::wbxml(folderSyncStatus(1))};
        EasSession session(fake, account(), QStringLiteral("x"));
        QList<int> waits;
        session.setSleeper([&](int ms) { waits.append(ms); });
        QVERIFY(session.execute("FolderSync", folderSyncRequest()).ok());
        QCOMPARE(waits, QList<int>{7000});
    }

    void negotiationWaitsOutABusyServer()
    {
        FakeTransport fake;
        fake.queue = {FakeTransport::status(503, {{"Retry-After", "1"}}), FakeTransport::options()};
        EasSession session(fake, account(QString()), QStringLiteral("x"));
        session.setSleeper([](int) {});
        QVERIFY(session.negotiate().ok());
        QCOMPARE(session.account().protocolVersion, QStringLiteral("16.1"));
    }

    void burstOf500sIsBoundedAndBacksOff()
    {
        FakeTransport fake;
        fake.handler = [](const HttpRequest &) { return FakeTransport::status(500); };
        EasSession session(fake, account(), QStringLiteral("x"));
        QList<int> waits;
        session.setSleeper([&](int ms) { waits.append(ms); });
        const EasReply reply = session.execute("FolderSync", folderSyncRequest());
        QCOMPARE(reply.error, ErrorKind::Server);
        QCOMPARE(fake.requests.size(), 5);
        QCOMPARE(waits, (QList<int>{1000, 2000, 4000, 8000}));
    }

    void errorsHaveClearKinds_data()
    {
        QTest::addColumn<int>("http");
        QTest::addColumn<int>("kind");
        QTest::newRow("401") << 401 << int(ErrorKind::Auth);
        QTest::newRow("403") << 403 << int(ErrorKind::Blocked);
        QTest::newRow("457") << 457 << int(ErrorKind::PasswordExpired);
        QTest::newRow("507") << 507 << int(ErrorKind::MailboxFull);
        QTest::newRow("501") << 501 << int(ErrorKind::NotSupported);
        QTest::newRow("400") << 400 << int(ErrorKind::Protocol);
        QTest::newRow("no answer") << 0 << int(ErrorKind::Network);
    }

    void errorsHaveClearKinds()
    {
        QFETCH(int, http);
        QFETCH(int, kind);
        FakeTransport fake;
        HttpResponse response = FakeTransport::status(http);
        if (http == 0)
            response.networkError = QStringLiteral("Connection refused");
        fake.queue = {response};
        EasSession session(fake, account(), QStringLiteral("x"));
        const EasReply reply = session.execute("FolderSync", folderSyncRequest());
        QCOMPARE(int(reply.error), kind);
        QVERIFY(!reply.message.isEmpty());
    }

    // A 404 is almost always a wrong address: the message names the URL
    // tried and the usual paths, never just "HTTP 404".
    void notFoundNamesThePathTriedAndTheUsualOnes()
    {
        FakeTransport fake;
        fake.queue = {FakeTransport::status(404)};
        AccountSettings a = account();
        a.endpointPath = QStringLiteral("/Microsoft-Server-ActiveSync/Microsoft-Server-ActiveSync");
        EasSession session(fake, a, QStringLiteral("x"));
        const EasReply reply = session.execute("FolderSync", folderSyncRequest());
        QCOMPARE(reply.error, ErrorKind::Protocol);
        QVERIFY2(reply.message.contains(QLatin1String(
                     "http://127.0.0.1:1234/Microsoft-Server-ActiveSync/Microsoft-Server-ActiveSync")),
                 qPrintable(reply.message));
        QVERIFY2(reply.message.contains(QLatin1String("most servers use /Microsoft-Server-ActiveSync")),
                 qPrintable(reply.message));
        QVERIFY(!reply.message.contains(QLatin1String("DeviceId")));
    }

    void malformedBodyIsAnErrorNotACrash()
    {
        FakeTransport fake;
        HttpResponse response = FakeTransport::status(200);
        response.body = QByteArray::fromHex("03016a00450288808080000" "1");
        fake.queue = {response};
        EasSession session(fake, account(), QStringLiteral("x"));
        const EasReply reply = session.execute("FolderSync", folderSyncRequest());
        QCOMPARE(reply.error, ErrorKind::Server);
        QVERIFY(reply.message.contains(QStringLiteral("cannot read")));
    }

    void emptyBodyIsSuccess()
    {
        FakeTransport fake;
        fake.queue = {FakeTransport::status(200)};
        EasSession session(fake, account(), QStringLiteral("x"));
        const EasReply reply = session.execute("Sync", folderSyncRequest());
        QVERIFY(reply.ok());
        QVERIFY(!reply.root());
    }
};

QTEST_GUILESS_MAIN(TestEasSession)
#include "tst_eassession.moc"
