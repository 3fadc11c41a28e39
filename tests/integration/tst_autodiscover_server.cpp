// Skein's Autodiscover and OPTIONS probe against the in-process reference
// server: the JSON and POX forms (the candidate list points at loopback, so
// no request leaves the machine), what the unauthenticated OPTIONS tells in
// each --auth mode, a redirect to plain HTTP refused without being sent, and
// a redirect to another loopback server followed. Every request goes through
// a transport that records its URL.
#include "Autodiscover.h"
#include "NetworkTransport.h"
#include "ReferenceServer.h"

#include <QTemporaryDir>
#include <QTest>

#include <mutex>
#include <thread>

using namespace skein;
using namespace skein::eas;

namespace {

class RecordingTransport final : public Transport
{
public:
    HttpResponse send(const HttpRequest &request) override
    {
        {
            std::lock_guard lock(m_mutex);
            m_urls.append(request.url);
        }
        return m_inner.send(request);
    }
    QList<QUrl> urls() const
    {
        std::lock_guard lock(m_mutex);
        return m_urls;
    }

private:
    mutable std::mutex m_mutex;
    QList<QUrl> m_urls;
    NetworkTransport m_inner;
};

// Autodiscover blocks its thread on every request and the server answers on
// this one: run it on a thread of its own while this one spins its loop.
template<typename F>
void offThread(F fn)
{
    std::atomic<bool> done = false;
    std::thread worker([&] {
        fn();
        done = true;
    });
    while (!done)
        QTest::qWait(5);
    worker.join();
}

const QString kEmail = QStringLiteral("demo@skein.test");
const QString kNotFound = QStringLiteral("No server for skein.test answered Autodiscover; enter the server address under Advanced.");

} // namespace

class TestAutodiscoverServer : public QObject
{
    Q_OBJECT
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<server::ReferenceServer> m_server;

    std::unique_ptr<server::ReferenceServer> startServer(const QString &name)
    {
        auto s = std::make_unique<server::ReferenceServer>();
        if (!s->open(m_dir->filePath(name)) || s->seedDemo() <= 0 || s->start() == 0)
            return {};
        return s;
    }

    QString base() const { return m_server->baseUrl().toString(); }

    // Discovery with only this candidate.
    AutodiscoverResult discover(RecordingTransport &transport, const AutodiscoverCandidate &candidate,
                                const QString &email = kEmail)
    {
        AutodiscoverResult result;
        offThread([&] {
            Autodiscover autodiscover(transport);
            autodiscover.setCandidates([candidate](const QString &) { return QList<AutodiscoverCandidate>{candidate}; });
            autodiscover.setSrvLookup([](const QString &) { return QList<SrvTarget>{}; });
            result = autodiscover.discover(email);
        });
        return result;
    }

    AutodiscoverCandidate json(const QString &serverBase, const QString &email = kEmail) const
    {
        return Autodiscover::overrideCandidates(QUrl(serverBase), email).at(0);
    }
    AutodiscoverCandidate pox(const QString &serverBase) const
    {
        return Autodiscover::overrideCandidates(QUrl(serverBase), kEmail).at(1);
    }

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_server = startServer(QStringLiteral("server"));
        QVERIFY(m_server);
    }

    void cleanup()
    {
        m_server.reset();
        m_dir.reset();
    }

    void theJsonFormNamesTheEndpoint()
    {
        RecordingTransport transport;
        const AutodiscoverCandidate candidate = json(base());
        QCOMPARE(candidate.kind, AutodiscoverCandidate::Kind::Json);
        const AutodiscoverResult r = discover(transport, candidate);
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.account.url, base());
        QCOMPARE(r.account.endpointPath, QStringLiteral("/Microsoft-Server-ActiveSync"));
        QCOMPARE(r.account.user, kEmail);
    }

    void thePoxFormNamesTheEndpointAndTheUser()
    {
        RecordingTransport transport;
        const AutodiscoverCandidate candidate = pox(base());
        QCOMPARE(candidate.kind, AutodiscoverCandidate::Kind::Pox);
        const AutodiscoverResult r = discover(transport, candidate);
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.account.url, base());
        QCOMPARE(r.account.endpointPath, QStringLiteral("/Microsoft-Server-ActiveSync"));
        QCOMPARE(r.account.displayName, QStringLiteral("Demo User")); // the seed's display name
        QCOMPARE(r.account.email, kEmail);
    }

    void anUnknownAddressFindsNothingInEitherForm()
    {
        RecordingTransport transport;
        const QString stranger = QStringLiteral("nobody@skein.test");
        QCOMPARE(discover(transport, json(base(), stranger), stranger).error, kNotFound);
        QCOMPARE(discover(transport, pox(base()), stranger).error, kNotFound);
    }

    void theOptionsProbeTellsEachAuthMode_data()
    {
        QTest::addColumn<QString>("mode");
        QTest::addColumn<QStringList>("methods");
        QTest::newRow("basic") << QStringLiteral("basic") << QStringList{QStringLiteral("basic")};
        QTest::newRow("oauth") << QStringLiteral("oauth") << QStringList{QStringLiteral("oauth")};
        QTest::newRow("both") << QStringLiteral("both") << QStringList{QStringLiteral("basic"), QStringLiteral("oauth")};
    }
    void theOptionsProbeTellsEachAuthMode()
    {
        QFETCH(QString, mode);
        QFETCH(QStringList, methods);
        QVERIFY(m_server->identity().setAuthMode(mode));
        RecordingTransport transport;
        // discover() ends with the OPTIONS probe at the endpoint it found.
        const AutodiscoverResult r = discover(transport, json(base()));
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(transport.urls().size(), 2);
        QCOMPARE(transport.urls().last(), QUrl(base() + QStringLiteral("/Microsoft-Server-ActiveSync")));
        QStringList got = r.account.methods;
        got.sort();
        QCOMPARE(got, methods);
        if (methods.contains(QStringLiteral("oauth"))) {
            // The authority is everything before /{tenant}/oauth2/ of authorization_uri.
            QCOMPARE(r.account.authority, base());
            QCOMPARE(r.account.tenant, QStringLiteral("common"));
        } else {
            QVERIFY(r.account.authority.isEmpty());
        }
    }

    void aRedirectToPlainHttpIsRefusedAndNeverSent()
    {
        m_server->faults().setAutodiscoverRedirect(QUrl(QStringLiteral("http://example.invalid/autodiscover/autodiscover.json")));
        RecordingTransport transport;
        AutodiscoverResult r = discover(transport, json(base()));
        QCOMPARE(r.error, kNotFound);
        r = discover(transport, pox(base()));
        QCOMPARE(r.error, kNotFound);
        QCOMPARE(transport.urls().size(), 2);
        for (const QUrl &url : transport.urls())
            QCOMPARE(url.host(), QStringLiteral("127.0.0.1"));
    }

    void aRedirectToAnotherLoopbackServerIsFollowed()
    {
        const auto other = startServer(QStringLiteral("other"));
        QVERIFY(other);
        const QString otherBase = other->baseUrl().toString();
        // The first server sends every Autodiscover request to the other one's.
        m_server->faults().setAutodiscoverRedirect(json(otherBase).url);
        RecordingTransport transport;
        AutodiscoverResult r = discover(transport, json(base()));
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.account.url, otherBase);
        // The redirect, then the unauthenticated OPTIONS probe at the endpoint found.
        QCOMPARE(transport.urls().size(), 3);
        QCOMPARE(transport.urls().at(1), json(otherBase).url);
        QCOMPARE(transport.urls().at(2), QUrl(otherBase + QStringLiteral("/Microsoft-Server-ActiveSync")));

        // POX: the redirect is followed with the POST again.
        m_server->faults().setAutodiscoverRedirect(pox(otherBase).url);
        r = discover(transport, pox(base()));
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.account.url, otherBase);
    }
};

QTEST_GUILESS_MAIN(TestAutodiscoverServer)
#include "tst_autodiscover_server.moc"
