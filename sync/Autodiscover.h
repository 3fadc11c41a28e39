#pragma once

#include "Transport.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <functional>

namespace skein::eas {

// Where Autodiscover may find an account's settings (docs/signin.md,
// "Autodiscover"), in the order they are tried.
struct AutodiscoverCandidate {
    enum class Kind {
        Json,          // GET, Exchange Online's JSON answer {"Protocol","Url"}
        Pox,           // POST the mobilesync request, read the mobilesync response
        RedirectOnly,  // unauthenticated GET whose redirect (to HTTPS only) names the POX URL
        Srv,           // DNS SRV _autodiscover._tcp.DOMAIN, then POX at https://TARGET:PORT/
    };
    Kind kind = Kind::Pox;
    QUrl url;          // with {email} already filled in; empty for Srv
};

struct SrvTarget {
    QString host;
    quint16 port = 443;
};

// What Autodiscover and the unauthenticated OPTIONS probe found.
struct DiscoveredAccount {
    QString email;             // the address asked for (after POX redirects, the last one)
    QString displayName;       // from POX, when given
    QString url;               // scheme://host[:port], as AccountSettings::url
    QString endpointPath;      // e.g. /Microsoft-Server-ActiveSync
    QString user;              // what to send as User: the email address
    QStringList methods;       // "basic", "oauth": what the server's 401 offered
    QString authority;         // from the Bearer challenge, when offered
    QString tenant;            // the tenant segment of that challenge's URI
};

struct AutodiscoverResult {
    DiscoveredAccount account;
    QString error;             // one sentence for the user; empty on success
    bool ok() const { return error.isEmpty(); }
};

// Finds an account's EAS endpoint and how it signs in, from the email
// address alone. Blocks its thread on every request (through the Transport):
// run it on a worker thread. No step ever follows a redirect to plain HTTP
// (except to a loopback address, where the tests run), nor more than
// kMaxRedirects of them.
class Autodiscover
{
public:
    static constexpr int kMaxRedirects = 10;
    static constexpr int kMaxAddressRedirects = 5; // POX Action/Redirect to another address
    static constexpr const char *kOverrideVariable = "SKEIN_AUTODISCOVER_URL";

    using SrvLookup = std::function<QList<SrvTarget>(const QString &name)>;

    explicit Autodiscover(Transport &transport);

    // Replaces the public candidates (publicCandidates) by these.
    void setCandidates(std::function<QList<AutodiscoverCandidate>(const QString &email)> candidates);
    // The DNS SRV lookup; by default QDnsLookup on a helper thread.
    void setSrvLookup(SrvLookup lookup) { m_srvLookup = std::move(lookup); }

    AutodiscoverResult discover(const QString &email);
    // OPTIONS without credentials: the methods the 401's challenges offer.
    // Fills methods, authority and tenant of *account; false with *error.
    bool probeAuthentication(DiscoveredAccount *account, QString *error);

    // (a)-(e) of docs/signin.md for the address's domain.
    static QList<AutodiscoverCandidate> publicCandidates(const QString &email);
    // The testers' override: JSON then POX at BASE, nothing else.
    static QList<AutodiscoverCandidate> overrideCandidates(const QUrl &base, const QString &email);
    // SKEIN_AUTODISCOVER_URL when set, else the public list.
    static std::function<QList<AutodiscoverCandidate>(const QString &)> candidatesFromEnvironment(const QUrl &override = {});

    // Redirect policy: HTTPS, or HTTP to 127.0.0.1, ::1 or localhost only.
    static bool mayFollow(const QUrl &url);
    // The DNS SRV lookup used when none is set (QDnsLookup, blocking).
    static QList<SrvTarget> lookupSrv(const QString &name);

    static QByteArray poxRequest(const QString &email);

private:
    struct Step;
    Step tryCandidate(const AutodiscoverCandidate &candidate, const QString &email);
    Step tryJson(const QUrl &url);
    Step tryPox(const QUrl &url, const QString &email);
    Step tryRedirectOnly(const QUrl &url, const QString &email);
    // Sends the request and follows 301/302/303/307/308 within the policy.
    HttpResponse sendFollowing(HttpRequest request, QString *refusal);
    // sendFollowing for a candidate whose answer must be HTTP 200: empty,
    // or why this candidate gave nothing.
    QString fetchAnswer(const HttpRequest &request, HttpResponse *response);
    bool setEndpoint(DiscoveredAccount *account, const QUrl &endpoint);

    Transport &m_transport;
    std::function<QList<AutodiscoverCandidate>(const QString &)> m_candidates;
    SrvLookup m_srvLookup;
};

QString domainOf(const QString &email);

} // namespace skein::eas
