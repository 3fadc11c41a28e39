// Autodiscover against scripted answers (no request leaves the process):
// the JSON and POX forms, POX Action/Redirect, HTTP redirects followed only
// to HTTPS or loopback, the SRV candidate, the unauthenticated OPTIONS probe,
// one sentence for every failure; AccountDiscovery's signals.
#include "AccountDiscovery.h"
#include "Autodiscover.h"
#include "FakeTransport.h"

#include <QFile>
#include <QSignalSpy>
#include <QTest>

using namespace skein;
using namespace skein::eas;

namespace {

QByteArray data(const char *name)
{
    QFile file(QStringLiteral(SKEIN_TEST_DATA "/autodiscover/") + QLatin1String(name));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

HttpResponse body(int status, const QByteArray &content)
{
    HttpResponse r = FakeTransport::status(status);
    r.body = content;
    return r;
}

HttpResponse redirectTo(const char *location, int status = 302)
{
    return FakeTransport::status(status, {{"Location", location}});
}

HttpResponse unreachable()
{
    HttpResponse r;
    r.networkError = QStringLiteral("Host not found");
    return r;
}

// The OPTIONS probe's 401 of a server that takes both methods.
HttpResponse challenges()
{
    return FakeTransport::status(401, {{"WWW-Authenticate", "Basic realm=\"Skein\""},
                                       {"WWW-Authenticate", "Bearer authorization_uri=\"https://login.microsoftonline.com/common/oauth2/authorize\""}});
}

// Answers by URL; anything unscripted is unreachable.
struct ScriptedWeb {
    QHash<QString, HttpResponse> answers; // "METHOD URL"
    FakeTransport fake;

    ScriptedWeb()
    {
        fake.handler = [this](const HttpRequest &r) {
            return answers.value(QString::fromLatin1(r.method) + QLatin1Char(' ') + r.url.toString(), unreachable());
        };
    }
    void on(const char *method, const QString &url, HttpResponse response)
    {
        answers.insert(QLatin1String(method) + QLatin1Char(' ') + url, std::move(response));
    }
    QStringList asked() const
    {
        QStringList list;
        for (const HttpRequest &r : fake.requests)
            list.append(QString::fromLatin1(r.method) + QLatin1Char(' ') + r.url.toString());
        return list;
    }
};

const QString kJson = QStringLiteral("https://outlook.office365.com/autodiscover/autodiscover.json/v1.0/ann@example.com?Protocol=ActiveSync");
const QString kPoxDomain = QStringLiteral("https://example.com/autodiscover/autodiscover.xml");
const QString kPoxAutodiscover = QStringLiteral("https://autodiscover.example.com/autodiscover/autodiscover.xml");
const QString kHttpAutodiscover = QStringLiteral("http://autodiscover.example.com/autodiscover/autodiscover.xml");
const QString kEndpoint = QStringLiteral("https://mail.example.com/Microsoft-Server-ActiveSync");

} // namespace

class TestAutodiscover : public QObject
{
    Q_OBJECT

    QList<QString> m_srvAsked;

    AutodiscoverResult discover(ScriptedWeb &web, const QString &email = QStringLiteral("ann@example.com"),
                                QList<SrvTarget> srv = {})
    {
        Autodiscover autodiscover(web.fake);
        autodiscover.setCandidates(&Autodiscover::publicCandidates);
        m_srvAsked.clear();
        autodiscover.setSrvLookup([this, srv](const QString &name) {
            m_srvAsked.append(name);
            return srv;
        });
        return autodiscover.discover(email);
    }

private Q_SLOTS:
    void exchangeOnlineJson()
    {
        ScriptedWeb web;
        web.on("GET", kJson, body(200, "{\"Protocol\":\"ActiveSync\",\"Url\":\"https://outlook.office365.com/Microsoft-Server-ActiveSync\"}"));
        web.on("OPTIONS", QStringLiteral("https://outlook.office365.com/Microsoft-Server-ActiveSync"),
               FakeTransport::status(401, {{"WWW-Authenticate", "Bearer authorization_uri=\"https://login.microsoftonline.com/common/oauth2/authorize\", Basic realm=\"\""}}));
        const AutodiscoverResult result = discover(web);
        QVERIFY2(result.ok(), qPrintable(result.error));
        QCOMPARE(result.account.url, QStringLiteral("https://outlook.office365.com"));
        QCOMPARE(result.account.endpointPath, QStringLiteral("/Microsoft-Server-ActiveSync"));
        QCOMPARE(result.account.user, QStringLiteral("ann@example.com"));
        QCOMPARE(result.account.methods, (QStringList{QStringLiteral("oauth"), QStringLiteral("basic")}));
        QCOMPARE(result.account.authority, QStringLiteral("https://login.microsoftonline.com"));
        QCOMPARE(result.account.tenant, QStringLiteral("common"));
        QCOMPARE(web.asked().size(), 2);
        // The probe carries no credentials.
        for (const HttpRequest &r : web.fake.requests)
            for (const auto &header : r.headers)
                QVERIFY(header.first.compare("Authorization", Qt::CaseInsensitive) != 0);
    }

    void poxAtTheDomain()
    {
        ScriptedWeb web;
        web.on("GET", kJson, body(404, R"({"ErrorCode":"UserNotFound"})"));
        web.on("POST", kPoxDomain, body(200, data("pox-settings.xml")));
        web.on("OPTIONS", kEndpoint, challenges());
        const AutodiscoverResult result = discover(web);
        QVERIFY2(result.ok(), qPrintable(result.error));
        QCOMPARE(result.account.url, QStringLiteral("https://mail.example.com"));
        QCOMPARE(result.account.displayName, QStringLiteral("Ann Example"));
        QCOMPARE(result.account.methods, (QStringList{QStringLiteral("basic"), QStringLiteral("oauth")}));
        const HttpRequest &pox = web.fake.requests.at(1);
        QVERIFY(pox.body.contains("<EMailAddress>ann@example.com</EMailAddress>"));
        QVERIFY(pox.body.contains("mobilesync/responseschema/2006"));
    }

    void poxAtTheAutodiscoverHostAfterAnError()
    {
        ScriptedWeb web;
        web.on("POST", kPoxDomain, body(200, data("pox-error.xml")));
        web.on("POST", kPoxAutodiscover, body(200, data("pox-settings.xml")));
        web.on("OPTIONS", kEndpoint, FakeTransport::status(401, {{"WWW-Authenticate", "Basic realm=\"x\""}}));
        const AutodiscoverResult result = discover(web);
        QVERIFY2(result.ok(), qPrintable(result.error));
        QCOMPARE(result.account.methods, QStringList{QStringLiteral("basic")});
        QVERIFY(result.account.authority.isEmpty());
    }

    void poxRedirectToAnotherAddressStartsOver()
    {
        ScriptedWeb web;
        web.on("POST", kPoxDomain, body(200, data("pox-redirect.xml")));
        web.on("POST", QStringLiteral("https://example.net/autodiscover/autodiscover.xml"), body(200, data("pox-settings.xml")));
        web.on("OPTIONS", kEndpoint, challenges());
        const AutodiscoverResult result = discover(web);
        QVERIFY2(result.ok(), qPrintable(result.error));
        QCOMPARE(result.account.email, QStringLiteral("ann@example.net"));
        QVERIFY(web.asked().contains(QStringLiteral("GET https://outlook.office365.com/autodiscover/autodiscover.json/v1.0/ann@example.net?Protocol=ActiveSync")));
    }

    void poxRedirectLoopEnds()
    {
        ScriptedWeb web;
        QByteArray back = data("pox-redirect.xml");
        back.replace("ann@example.net", "ann@example.com");
        web.on("POST", kPoxDomain, body(200, data("pox-redirect.xml")));
        web.on("POST", QStringLiteral("https://example.net/autodiscover/autodiscover.xml"), body(200, back));
        const AutodiscoverResult result = discover(web);
        QVERIFY(!result.ok());
        QVERIFY(web.asked().size() < 20);
    }

    void httpRedirectToHttpsIsFollowed()
    {
        ScriptedWeb web;
        web.on("GET", kHttpAutodiscover, redirectTo("https://autodiscover.outlook.example/autodiscover/autodiscover.xml"));
        web.on("POST", QStringLiteral("https://autodiscover.outlook.example/autodiscover/autodiscover.xml"),
               body(200, data("pox-settings.xml")));
        web.on("OPTIONS", kEndpoint, challenges());
        const AutodiscoverResult result = discover(web);
        QVERIFY2(result.ok(), qPrintable(result.error));
        QCOMPARE(result.account.url, QStringLiteral("https://mail.example.com"));
    }

    void redirectToPlainHttpElsewhereIsRefused()
    {
        ScriptedWeb web;
        web.on("POST", kPoxDomain, redirectTo("http://evil.example/autodiscover/autodiscover.xml"));
        web.on("GET", kHttpAutodiscover, redirectTo("http://evil.example/autodiscover/autodiscover.xml"));
        web.on("POST", QStringLiteral("http://evil.example/autodiscover/autodiscover.xml"), body(200, data("pox-settings.xml")));
        const AutodiscoverResult result = discover(web);
        QVERIFY(!result.ok());
        QVERIFY(!web.asked().contains(QStringLiteral("POST http://evil.example/autodiscover/autodiscover.xml")));
        QCOMPARE(result.error, QStringLiteral("No server for example.com answered Autodiscover; enter the server "
                                              "address under Advanced."));
    }

    void redirectToLoopbackHttpIsFollowed()
    {
        ScriptedWeb web;
        web.on("POST", kPoxDomain, redirectTo("http://127.0.0.1:8080/autodiscover/autodiscover.xml", 307));
        QByteArray settings = data("pox-settings.xml");
        settings.replace("https://mail.example.com/", "http://127.0.0.1:8080/");
        web.on("POST", QStringLiteral("http://127.0.0.1:8080/autodiscover/autodiscover.xml"), body(200, settings));
        web.on("OPTIONS", QStringLiteral("http://127.0.0.1:8080/Microsoft-Server-ActiveSync"), challenges());
        const AutodiscoverResult result = discover(web);
        QVERIFY2(result.ok(), qPrintable(result.error));
        QCOMPARE(result.account.url, QStringLiteral("http://127.0.0.1:8080"));
    }

    void atMostTenRedirects()
    {
        ScriptedWeb web;
        for (int i = 0; i < 20; ++i)
            web.on("POST", i ? QStringLiteral("https://hop%1.example/a").arg(i) : kPoxDomain,
                   redirectTo(QStringLiteral("https://hop%1.example/a").arg(i + 1).toLatin1().constData()));
        discover(web);
        int hops = 0;
        for (const QString &asked : web.asked())
            hops += asked.contains(QLatin1String("hop"));
        QCOMPARE(hops, Autodiscover::kMaxRedirects);
    }

    void srvRecordNamesThePoxHost()
    {
        ScriptedWeb web;
        web.on("POST", QStringLiteral("https://mail.hoster.example:8443/autodiscover/autodiscover.xml"), body(200, data("pox-settings.xml")));
        web.on("OPTIONS", kEndpoint, challenges());
        const AutodiscoverResult result = discover(web, QStringLiteral("ann@example.com"), {{QStringLiteral("mail.hoster.example"), 8443}});
        QVERIFY2(result.ok(), qPrintable(result.error));
        QCOMPARE(m_srvAsked, QStringList{QStringLiteral("_autodiscover._tcp.example.com")});
    }

    void everyFailureIsOneSentence()
    {
        ScriptedWeb web;
        const AutodiscoverResult result = discover(web, QStringLiteral("ann@Example.COM"));
        QCOMPARE(result.error, QStringLiteral("No server for example.com answered Autodiscover; enter the server "
                                              "address under Advanced."));
        QCOMPARE(web.asked(), (QStringList{
            QStringLiteral("GET https://outlook.office365.com/autodiscover/autodiscover.json/v1.0/ann@Example.COM?Protocol=ActiveSync"),
            QStringLiteral("POST ") + kPoxDomain, QStringLiteral("POST ") + kPoxAutodiscover,
            QStringLiteral("GET ") + kHttpAutodiscover}));
        QCOMPARE(m_srvAsked.size(), 1);
        QCOMPARE(discover(web, QStringLiteral("ann")).error, QStringLiteral("Enter your whole email address, such as name@example.com."));
    }

    void overrideAsksOnlyTheGivenBase()
    {
        const QList<AutodiscoverCandidate> candidates =
            Autodiscover::overrideCandidates(QUrl(QStringLiteral("http://127.0.0.1:8080/")), QStringLiteral("ann@example.com"));
        QCOMPARE(candidates.size(), 2);
        QCOMPARE(candidates.at(0).url.toString(),
                 QStringLiteral("http://127.0.0.1:8080/autodiscover/autodiscover.json/v1.0/ann@example.com?Protocol=ActiveSync"));
        QCOMPARE(candidates.at(1).url.toString(), QStringLiteral("http://127.0.0.1:8080/autodiscover/autodiscover.xml"));
        qputenv(Autodiscover::kOverrideVariable, "http://127.0.0.1:9");
        QCOMPARE(Autodiscover::candidatesFromEnvironment()(QStringLiteral("a@b.c")).size(), 2);
        qunsetenv(Autodiscover::kOverrideVariable);
        QCOMPARE(Autodiscover::candidatesFromEnvironment()(QStringLiteral("a@b.c")).size(), 5);
    }

    void redirectPolicy()
    {
        QVERIFY(Autodiscover::mayFollow(QUrl(QStringLiteral("https://a.example/x"))));
        QVERIFY(Autodiscover::mayFollow(QUrl(QStringLiteral("http://127.0.0.1:1/x"))));
        QVERIFY(Autodiscover::mayFollow(QUrl(QStringLiteral("http://[::1]:1/x"))));
        QVERIFY(Autodiscover::mayFollow(QUrl(QStringLiteral("http://localhost/x"))));
        QVERIFY(!Autodiscover::mayFollow(QUrl(QStringLiteral("http://a.example/x"))));
        QVERIFY(!Autodiscover::mayFollow(QUrl(QStringLiteral("ftp://a.example/x"))));
        QVERIFY(!Autodiscover::mayFollow(QUrl(QStringLiteral("http://127.0.0.1.evil.example/x"))));
    }

    // The desktop's face: discover() returns at once; the signal arrives on
    // this thread from the worker.
    void accountDiscoveryReportsOnTheCallersThread()
    {
        AccountDiscovery discovery;
        discovery.setCandidates(&Autodiscover::publicCandidates);
        discovery.setSrvLookup([](const QString &) { return QList<SrvTarget>{}; });
        discovery.setTransportFactory([] {
            auto fake = std::make_unique<FakeTransport>();
            fake->handler = [](const HttpRequest &r) {
                if (r.method == "POST" && r.url.toString() == kPoxDomain)
                    return body(200, data("pox-settings.xml"));
                if (r.method == "OPTIONS")
                    return challenges();
                return unreachable();
            };
            return fake;
        });
        QSignalSpy found(&discovery, &AccountDiscovery::discovered);
        QSignalSpy failed(&discovery, &AccountDiscovery::failed);
        discovery.discover(QStringLiteral("ann@example.com"));
        QVERIFY(found.wait(5000));
        const auto account = found.at(0).at(0).value<DiscoveredAccount>();
        QCOMPARE(account.url + account.endpointPath, kEndpoint);
        QCOMPARE(account.authority, QStringLiteral("https://login.microsoftonline.com"));

        discovery.discover(QStringLiteral("ann@nowhere.example"));
        QVERIFY(failed.wait(5000));
        QCOMPARE(failed.at(0).at(0).toString(), QStringLiteral("No server for nowhere.example answered Autodiscover; "
                                                               "enter the server address under Advanced."));
    }
};

QTEST_GUILESS_MAIN(TestAutodiscover)
#include "tst_autodiscover.moc"
