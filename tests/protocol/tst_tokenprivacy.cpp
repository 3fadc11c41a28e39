// After an OAuth account signed in and synced through SyncEngine, neither
// its refresh token nor its access token is anywhere in the profile: not in
// the database, not in its write-ahead log. Only the TokenStore (the
// keychain, here an in-memory one) has the refresh token.
#include "EasTags.h"
#include "FakeTransport.h"
#include "SyncEngine.h"

#include <QDirIterator>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace skein;
using namespace skein::eas;
namespace tag = skein::wbxml::tag;
using wbxml::Element;

namespace {

const QByteArray kRefreshGiven = "rt-SECRET-given-by-the-sign-in";
const QByteArray kRefreshRotated = "rt-SECRET-rotated-by-the-refresh";
const QByteArray kAccess = "at-SECRET-access";

Element folderSyncResponse()
{
    Element root(tag::FolderHierarchy::FolderSync);
    root.add(tag::FolderHierarchy::Status, "1");
    root.add(tag::FolderHierarchy::SyncKey, "h1");
    Element &changes = root.add(tag::FolderHierarchy::Changes);
    changes.add(tag::FolderHierarchy::Count, "1");
    Element &add = changes.add(tag::FolderHierarchy::Add);
    add.add(tag::FolderHierarchy::ServerId, "1");
    add.add(tag::FolderHierarchy::ParentId, "0");
    add.add(tag::FolderHierarchy::DisplayName, "Inbox");
    add.add(tag::FolderHierarchy::Type, "2");
    return root;
}

HttpResponse answer(const HttpRequest &request)
{
    if (request.url.path().endsWith(QLatin1String("/token"))) {
        HttpResponse r = FakeTransport::status(200);
        r.body = "{\"token_type\":\"Bearer\",\"expires_in\":3600,\"access_token\":\"" + kAccess
            + "\",\"refresh_token\":\"" + kRefreshRotated + "\"}";
        return r;
    }
    QByteArray authorization;
    for (const auto &[name, value] : request.headers)
        if (name == "Authorization")
            authorization = value;
    if (authorization != "Bearer " + kAccess)
        return FakeTransport::status(401, {{"WWW-Authenticate", "Bearer"}});
    if (request.method == "OPTIONS")
        return FakeTransport::options();
    if (request.url.query().contains(QLatin1String("Cmd=FolderSync")))
        return FakeTransport::wbxml(folderSyncResponse());
    return FakeTransport::status(501);
}

} // namespace

class TestTokenPrivacy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tokensNeverReachTheProfile()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("skein.db"));
        {
            Store store;
            QVERIFY(store.open(db));
            AccountSettings account;
            account.url = QStringLiteral("http://127.0.0.1:9");
            account.user = QStringLiteral("ann@example.com");
            account.email = account.user;
            account.deviceId = QStringLiteral("DEV1");
            account.authMethod = AccountSettings::AuthMethod::OAuth;
            account.oauthAuthority = QStringLiteral("http://127.0.0.1:9");
            account.oauthClientId = QStringLiteral("client-1");
            QVERIFY(store.accountStore().saveAccount(account));
        }
        auto tokens = std::make_shared<InMemoryTokenStore>(QString::fromLatin1(kRefreshGiven));
        SyncEngine::Config config;
        config.databasePath = db;
        config.tokenStore = tokens;
        config.transportFactory = [] {
            auto fake = std::make_unique<FakeTransport>();
            fake->handler = &answer;
            return fake;
        };
        {
            SyncEngine engine(config);
            QSignalSpy connected(&engine, &SyncEngine::connected);
            engine.connectAccount();
            QVERIFY(connected.wait(10000));
            const auto report = connected.at(0).at(0).value<SyncReport>();
            QVERIFY2(report.ok(), qPrintable(report.message));
            QCOMPARE(tokens->loadRefreshToken(nullptr), QString::fromLatin1(kRefreshRotated));
            // Checked while the engine's connection is still open, so the
            // write-ahead log still holds whatever was written.
            QVERIFY(QFile::exists(db + QStringLiteral("-wal")));
            QDirIterator files(dir.path(), QDir::Files);
            int checked = 0;
            while (files.hasNext()) {
                QFile file(files.next());
                QVERIFY(file.open(QIODevice::ReadOnly));
                const QByteArray content = file.readAll();
                ++checked;
                for (const QByteArray &secret : {kRefreshGiven, kRefreshRotated, kAccess, QByteArray("SECRET")})
                    QVERIFY2(!content.contains(secret), qPrintable(file.fileName()));
            }
            QVERIFY(checked >= 2); // the database and its -wal
        }
    }
};

QTEST_GUILESS_MAIN(TestTokenPrivacy)
#include "tst_tokenprivacy.moc"
