#include "Autodiscover.h"

#include "AuthChallenge.h"

#include <QCoreApplication>
#include <QDnsLookup>
#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QThread>
#include <QXmlStreamReader>

#include <condition_variable>
#include <mutex>

Q_LOGGING_CATEGORY(lcAutodiscover, "skein.autodiscover")

namespace skein::eas {

namespace {

constexpr int kRequestTimeoutMs = 30000;
constexpr int kSrvTimeoutMs = 10000;

const char *const kPoxRequestSchema =
    "http://schemas.microsoft.com/exchange/autodiscover/mobilesync/requestschema/2006";
const char *const kPoxResponseSchema =
    "http://schemas.microsoft.com/exchange/autodiscover/mobilesync/responseschema/2006";

bool isRedirect(int status)
{
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}

QUrl jsonUrl(const QString &base, const QString &email)
{
    return QUrl(QStringLiteral("%1/autodiscover/autodiscover.json/v1.0/%2?Protocol=ActiveSync")
                    .arg(base, QString::fromUtf8(QUrl::toPercentEncoding(email, "@"))));
}

QUrl poxUrl(const QString &base)
{
    return QUrl(base + QStringLiteral("/autodiscover/autodiscover.xml"));
}

// What a mobilesync POX response says; names by local name, so that the
// response's namespaces (which vary between servers) do not matter.
struct PoxAnswer {
    QString displayName;
    QString email;
    QString serverUrl;       // Action/Settings/Server[Type=MobileSync]/Url
    QString redirectAddress; // Action/Redirect
    QString errorCode;
    QString errorMessage;
    bool parsed = false;
};

PoxAnswer parsePox(const QByteArray &body)
{
    PoxAnswer answer;
    QXmlStreamReader xml(body);
    QStringList path;
    QString serverType, serverUrl;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            path.append(xml.name().toString());
            if (path.last() == QLatin1String("Server")) {
                serverType.clear();
                serverUrl.clear();
            }
        } else if (xml.isEndElement()) {
            if (path.value(path.size() - 1) == QLatin1String("Server")
                && serverType.compare(QLatin1String("MobileSync"), Qt::CaseInsensitive) == 0
                && answer.serverUrl.isEmpty())
                answer.serverUrl = serverUrl;
            if (!path.isEmpty())
                path.removeLast();
        } else if (xml.isCharacters() && !xml.isWhitespace() && path.size() >= 2) {
            const QString text = xml.text().toString().trimmed();
            const QString &name = path.last();
            const QString &parent = path.at(path.size() - 2);
            if (parent == QLatin1String("User") && name == QLatin1String("DisplayName"))
                answer.displayName = text;
            else if (parent == QLatin1String("User") && name == QLatin1String("EMailAddress"))
                answer.email = text;
            else if (parent == QLatin1String("Server") && name == QLatin1String("Type"))
                serverType = text;
            else if (parent == QLatin1String("Server") && name == QLatin1String("Url"))
                serverUrl = text;
            else if (parent == QLatin1String("Action") && name == QLatin1String("Redirect"))
                answer.redirectAddress = text;
            else if (parent == QLatin1String("Error") && (name == QLatin1String("ErrorCode") || name == QLatin1String("Status")))
                answer.errorCode = text;
            else if (parent == QLatin1String("Error") && name == QLatin1String("Message"))
                answer.errorMessage = text;
        }
    }
    answer.parsed = !xml.hasError() || xml.error() == QXmlStreamReader::PrematureEndOfDocumentError;
    return answer;
}

} // namespace

// One candidate's outcome: the endpoint, another address to start over
// with (POX Action/Redirect), or why it did not work (for the log).
struct Autodiscover::Step {
    bool found = false;
    DiscoveredAccount account;
    QString redirectAddress;
    QString why;

    static Step failed(const QString &why)
    {
        Step step;
        step.why = why;
        return step;
    }
};

QString domainOf(const QString &email)
{
    return email.section(QLatin1Char('@'), 1).trimmed().toLower();
}

Autodiscover::Autodiscover(Transport &transport)
    : m_transport(transport)
    , m_candidates(candidatesFromEnvironment())
    , m_srvLookup(&Autodiscover::lookupSrv)
{
}

void Autodiscover::setCandidates(std::function<QList<AutodiscoverCandidate>(const QString &)> candidates)
{
    m_candidates = std::move(candidates);
}

QList<AutodiscoverCandidate> Autodiscover::publicCandidates(const QString &email)
{
    using Kind = AutodiscoverCandidate::Kind;
    const QString domain = domainOf(email);
    return {
        {Kind::Json, jsonUrl(QStringLiteral("https://outlook.office365.com"), email)},
        {Kind::Pox, poxUrl(QStringLiteral("https://") + domain)},
        {Kind::Pox, poxUrl(QStringLiteral("https://autodiscover.") + domain)},
        {Kind::RedirectOnly, poxUrl(QStringLiteral("http://autodiscover.") + domain)},
        {Kind::Srv, {}},
    };
}

QList<AutodiscoverCandidate> Autodiscover::overrideCandidates(const QUrl &base, const QString &email)
{
    using Kind = AutodiscoverCandidate::Kind;
    QString text = base.toString(QUrl::RemoveQuery | QUrl::RemoveFragment);
    while (text.endsWith(QLatin1Char('/')))
        text.chop(1);
    return {{Kind::Json, jsonUrl(text, email)}, {Kind::Pox, poxUrl(text)}};
}

std::function<QList<AutodiscoverCandidate>(const QString &)> Autodiscover::candidatesFromEnvironment(const QUrl &override)
{
    QUrl base = override;
    if (base.isEmpty())
        base = QUrl(QString::fromUtf8(qgetenv(kOverrideVariable)));
    if (base.isEmpty())
        return &Autodiscover::publicCandidates;
    return [base](const QString &email) { return overrideCandidates(base, email); };
}

bool Autodiscover::mayFollow(const QUrl &url)
{
    if (!url.isValid() || url.host().isEmpty())
        return false;
    if (url.scheme() == QLatin1String("https"))
        return true;
    if (url.scheme() != QLatin1String("http"))
        return false;
    const QString host = url.host();
    return host == QLatin1String("localhost") || QHostAddress(host).isLoopback();
}

QByteArray Autodiscover::poxRequest(const QString &email)
{
    return QStringLiteral("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
                          "<Autodiscover xmlns=\"%1\">\n"
                          "  <Request>\n"
                          "    <EMailAddress>%2</EMailAddress>\n"
                          "    <AcceptableResponseSchema>%3</AcceptableResponseSchema>\n"
                          "  </Request>\n"
                          "</Autodiscover>\n")
        .arg(QLatin1String(kPoxRequestSchema), email.toHtmlEscaped(), QLatin1String(kPoxResponseSchema))
        .toUtf8();
}

AutodiscoverResult Autodiscover::discover(const QString &email)
{
    AutodiscoverResult result;
    QString address = email.trimmed();
    const QString domain = domainOf(address);
    if (!address.contains(QLatin1Char('@')) || domain.isEmpty()) {
        result.error = QCoreApplication::translate("skein::eas::Autodiscover", "Enter your whole email address, such as name@example.com.");
        return result;
    }
    QStringList seen{address.toLower()};
    for (int addressHops = 0; addressHops <= kMaxAddressRedirects; ++addressHops) {
        QString redirectTo;
        for (const AutodiscoverCandidate &candidate : m_candidates(address)) {
            Step step = tryCandidate(candidate, address);
            if (step.found) {
                result.account = step.account;
                result.account.email = address;
                if (result.account.user.isEmpty())
                    result.account.user = address;
                QString error;
                if (!probeAuthentication(&result.account, &error))
                    result.error = error;
                return result;
            }
            if (!step.redirectAddress.isEmpty()) {
                redirectTo = step.redirectAddress;
                break;
            }
            qCDebug(lcAutodiscover) << "Autodiscover candidate" << candidate.url.toString() << "failed:" << step.why;
        }
        if (redirectTo.isEmpty() || seen.contains(redirectTo.toLower()))
            break;
        qCInfo(lcAutodiscover) << "Autodiscover redirects" << address << "to" << redirectTo;
        seen.append(redirectTo.toLower());
        address = redirectTo;
    }
    result.error = QCoreApplication::translate("skein::eas::Autodiscover", "No server for %1 answered Autodiscover; enter the server address under Advanced.")
                       .arg(domain);
    return result;
}

Autodiscover::Step Autodiscover::tryCandidate(const AutodiscoverCandidate &candidate, const QString &email)
{
    switch (candidate.kind) {
    case AutodiscoverCandidate::Kind::Json:
        return tryJson(candidate.url);
    case AutodiscoverCandidate::Kind::Pox:
        return tryPox(candidate.url, email);
    case AutodiscoverCandidate::Kind::RedirectOnly:
        return tryRedirectOnly(candidate.url, email);
    case AutodiscoverCandidate::Kind::Srv: {
        const QList<SrvTarget> targets = m_srvLookup(QStringLiteral("_autodiscover._tcp.") + domainOf(email));
        for (const SrvTarget &target : targets) {
            QUrl url;
            url.setScheme(QStringLiteral("https"));
            url.setHost(target.host);
            if (target.port != 443)
                url.setPort(target.port);
            url.setPath(QStringLiteral("/autodiscover/autodiscover.xml"));
            Step step = tryPox(url, email);
            if (step.found || !step.redirectAddress.isEmpty())
                return step;
        }
        return Step::failed(QStringLiteral("no usable SRV record"));
    }
    }
    return Step::failed(QStringLiteral("unknown candidate"));
}

HttpResponse Autodiscover::sendFollowing(HttpRequest request, QString *refusal)
{
    for (int hops = 0;; ++hops) {
        HttpResponse response = m_transport.send(request);
        if (!isRedirect(response.status))
            return response;
        const QUrl location = request.url.resolved(QUrl(QString::fromUtf8(response.header("Location"))));
        if (hops >= kMaxRedirects) {
            *refusal = QStringLiteral("more than %1 redirects").arg(kMaxRedirects);
            return {};
        }
        if (!mayFollow(location)) {
            *refusal = QStringLiteral("refused a redirect to %1 (only HTTPS is followed)").arg(location.toString());
            return {};
        }
        request.url = location;
    }
}

bool Autodiscover::setEndpoint(DiscoveredAccount *account, const QUrl &endpoint)
{
    // The endpoint gets the user's credentials: HTTPS only, as redirects.
    if (!mayFollow(endpoint))
        return false;
    QUrl base = endpoint;
    base.setPath({});
    base.setQuery(QString());
    base.setFragment({});
    account->url = base.toString();
    account->endpointPath = endpoint.path().isEmpty() ? QStringLiteral("/Microsoft-Server-ActiveSync") : endpoint.path();
    return true;
}

QString Autodiscover::fetchAnswer(const HttpRequest &request, HttpResponse *response)
{
    QString refusal;
    *response = sendFollowing(request, &refusal);
    if (!refusal.isEmpty())
        return refusal;
    if (response->status != 200)
        return response->status ? QStringLiteral("HTTP %1").arg(response->status) : response->networkError;
    return {};
}

Autodiscover::Step Autodiscover::tryJson(const QUrl &url)
{
    HttpRequest request;
    request.method = "GET";
    request.url = url;
    request.timeoutMs = kRequestTimeoutMs;
    request.headers = {{"Accept", "application/json"}, {"User-Agent", "Skein/0.1"}};
    HttpResponse response;
    if (const QString why = fetchAnswer(request, &response); !why.isEmpty())
        return Step::failed(why);
    const QJsonObject json = QJsonDocument::fromJson(response.body).object();
    const QUrl endpoint(json.value(QLatin1String("Url")).toString());
    Step step;
    if (json.value(QLatin1String("Protocol")).toString().compare(QLatin1String("ActiveSync"), Qt::CaseInsensitive) != 0
        || !setEndpoint(&step.account, endpoint))
        return Step::failed(QStringLiteral("no usable ActiveSync URL in the answer"));
    step.found = true;
    return step;
}

Autodiscover::Step Autodiscover::tryPox(const QUrl &url, const QString &email)
{
    HttpRequest request;
    request.method = "POST";
    request.url = url;
    request.body = poxRequest(email);
    request.timeoutMs = kRequestTimeoutMs;
    request.headers = {{"Content-Type", "text/xml; charset=utf-8"}, {"User-Agent", "Skein/0.1"}};
    HttpResponse response;
    if (const QString why = fetchAnswer(request, &response); !why.isEmpty())
        return Step::failed(why);
    const PoxAnswer answer = parsePox(response.body);
    if (!answer.parsed)
        return Step::failed(QStringLiteral("the answer is not XML"));
    if (!answer.redirectAddress.isEmpty() && answer.redirectAddress.contains(QLatin1Char('@'))) {
        Step step;
        step.redirectAddress = answer.redirectAddress;
        return step;
    }
    if (!answer.errorCode.isEmpty())
        return Step::failed(QStringLiteral("error %1 %2").arg(answer.errorCode, answer.errorMessage));
    Step step;
    if (!setEndpoint(&step.account, QUrl(answer.serverUrl)))
        return Step::failed(QStringLiteral("no usable MobileSync server in the answer"));
    step.account.displayName = answer.displayName;
    step.account.user = answer.email;
    step.found = true;
    return step;
}

Autodiscover::Step Autodiscover::tryRedirectOnly(const QUrl &url, const QString &email)
{
    // Plain HTTP carries nothing here but the question where to go; only a
    // redirect that the policy accepts is used, and then as a POX URL.
    HttpRequest request;
    request.method = "GET";
    request.url = url;
    request.timeoutMs = kRequestTimeoutMs;
    request.headers = {{"User-Agent", "Skein/0.1"}};
    const HttpResponse response = m_transport.send(request);
    if (!isRedirect(response.status))
        return Step::failed(response.status ? QStringLiteral("HTTP %1, no redirect").arg(response.status)
                                            : response.networkError);
    const QUrl location = url.resolved(QUrl(QString::fromUtf8(response.header("Location"))));
    if (!mayFollow(location))
        return Step::failed(QStringLiteral("refused a redirect to %1 (only HTTPS is followed)").arg(location.toString()));
    return tryPox(location, email);
}

bool Autodiscover::probeAuthentication(DiscoveredAccount *account, QString *error)
{
    QUrl url(account->url);
    url.setPath(account->endpointPath);
    HttpRequest request;
    request.method = "OPTIONS";
    request.url = url;
    request.timeoutMs = kRequestTimeoutMs;
    request.headers = {{"User-Agent", "Skein/0.1"}};
    const HttpResponse response = m_transport.send(request);
    if (response.status == 0) {
        *error = QCoreApplication::translate("skein::eas::Autodiscover", "The server %1 did not answer: %2").arg(url.host(), response.networkError);
        return false;
    }
    account->methods.clear();
    for (const AuthChallenge &challenge : authChallenges(response)) {
        if (challenge.scheme.compare(QLatin1String("Basic"), Qt::CaseInsensitive) == 0
            && !account->methods.contains(QLatin1String("basic")))
            account->methods.append(QStringLiteral("basic"));
        if (challenge.scheme.compare(QLatin1String("Bearer"), Qt::CaseInsensitive) == 0) {
            if (!account->methods.contains(QLatin1String("oauth")))
                account->methods.append(QStringLiteral("oauth"));
            const QString authority = authorityFromAuthorizationUri(challenge.param(QStringLiteral("authorization_uri")),
                                                                    &account->tenant);
            if (!authority.isEmpty())
                account->authority = authority;
        }
    }
    // A server that names no scheme (or needs none for OPTIONS) gets a
    // password, as before Autodiscover.
    if (account->methods.isEmpty())
        account->methods.append(QStringLiteral("basic"));
    return true;
}

QList<SrvTarget> Autodiscover::lookupSrv(const QString &name)
{
    // QDnsLookup reports through its thread's event loop: a short-lived
    // thread of its own gives it one, and this thread just waits.
    QList<SrvTarget> targets;
    std::mutex mutex;
    std::condition_variable finished;
    bool done = false;
    QThread thread;
    QObject context;
    context.moveToThread(&thread);
    thread.start();
    QMetaObject::invokeMethod(&context, [&] {
        auto *lookup = new QDnsLookup(QDnsLookup::SRV, name, &context);
        QObject::connect(lookup, &QDnsLookup::finished, &context, [&, lookup] {
            QList<QDnsServiceRecord> records = lookup->serviceRecords();
            std::sort(records.begin(), records.end(), [](const QDnsServiceRecord &a, const QDnsServiceRecord &b) {
                return a.priority() != b.priority() ? a.priority() < b.priority() : a.weight() > b.weight();
            });
            std::lock_guard lock(mutex);
            for (const QDnsServiceRecord &record : records)
                targets.append({record.target(), record.port()});
            done = true;
            finished.notify_one();
        });
        lookup->lookup();
    }, Qt::QueuedConnection);
    {
        std::unique_lock lock(mutex);
        finished.wait_for(lock, std::chrono::milliseconds(kSrvTimeoutMs), [&] { return done; });
    }
    // The lookup and its context end on their own thread.
    QMetaObject::invokeMethod(&context, [&] { qDeleteAll(context.children()); }, Qt::BlockingQueuedConnection);
    thread.quit();
    thread.wait();
    std::lock_guard lock(mutex);
    return targets;
}

} // namespace skein::eas
