#include "EasSession.h"

#include "AuthChallenge.h"
#include "EasTags.h"
#include "OAuthClient.h"
#include "ProvisionCommand.h"
#include "WbxmlCodec.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QScopeGuard>
#include <QSysInfo>
#include <QThread>
#include <QUrlQuery>

#include <utility>

Q_LOGGING_CATEGORY(lcEas, "skein.eas")

namespace skein::eas {

namespace tag = wbxml::tag;

namespace {

constexpr int kMaxAttempts = 5;      // per request, for 503 and 5xx together
constexpr int kFirstBackoffMs = 1000;

// Top-level Status of a command response: the Status token of the root's page.
std::optional<int> topLevelStatus(const wbxml::Element &root)
{
    static const wbxml::Tag statusTags[] = {
        tag::AirSync::Status, tag::FolderHierarchy::Status, tag::GetItemEstimate::Status,
        tag::Provision::Status, tag::ItemOperations::Status, tag::Search::Status,
        tag::Move::Status, tag::ComposeMail::Status, tag::Ping::Status, tag::Settings::Status,
    };
    for (wbxml::Tag t : statusTags) {
        if (t.page != root.tag().page)
            continue;
        if (const wbxml::Element *status = root.child(t)) {
            bool ok = false;
            const int value = status->data().trimmed().toInt(&ok);
            if (ok)
                return value;
        }
    }
    return std::nullopt;
}

DeviceInfo deviceInfo()
{
    return {QStringLiteral("Skein"), QSysInfo::machineHostName(), QSysInfo::prettyProductName(),
            QStringLiteral("Skein/0.1")};
}

bool needsProvisioning(int status)
{
    return status == 140 || status == 142 || status == 143 || status == 144;
}

int retryAfterMs(const HttpResponse &response, int attempt)
{
    bool ok = false;
    const int seconds = response.header("Retry-After").trimmed().toInt(&ok);
    if (ok && seconds >= 0)
        return seconds * 1000;
    return kFirstBackoffMs << attempt; // exponential when the server gives no hint
}

EasReply failure(ErrorKind kind, const QString &message, int httpStatus = 0)
{
    EasReply reply;
    reply.error = kind;
    reply.message = message;
    reply.httpStatus = httpStatus;
    return reply;
}

EasReply redirectWithoutLocation()
{
    return failure(ErrorKind::Server, QCoreApplication::translate("skein::eas::EasSession", "The server redirected Skein without saying where to."), 451);
}

} // namespace

EasSession::EasSession(Transport &transport, AccountSettings account, QString password)
    : m_transport(transport)
    , m_account(std::move(account))
    , m_password(std::move(password))
    , m_sleep([](int ms) { QThread::msleep(ms); })
{
}

void EasSession::setAccountChangedHandler(std::function<void(const AccountSettings &)> handler)
{
    m_accountChanged = std::move(handler);
}

void EasSession::setSleeper(std::function<void(int)> sleeper)
{
    m_sleep = std::move(sleeper);
}

QStringList EasSession::supportedVersions()
{
    return {QStringLiteral("16.1"), QStringLiteral("16.0"), QStringLiteral("14.1"),
            QStringLiteral("14.0"), QStringLiteral("12.1")};
}

void EasSession::accountChanged()
{
    if (m_accountChangesHeld)
        m_accountChangePending = true;
    else if (m_accountChanged)
        m_accountChanged(m_account);
}

void EasSession::releaseAccountChanges()
{
    m_accountChangesHeld = false;
    if (std::exchange(m_accountChangePending, false))
        accountChanged();
}

HttpRequest EasSession::makeRequest(const char *command, const QByteArray &body, const EasBodyForm &form) const
{
    QUrl url(m_account.url);
    QString path = url.path();
    if (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    url.setPath(path + m_account.endpointPath);
    if (command) {
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("Cmd"), QString::fromLatin1(command));
        query.addQueryItem(QStringLiteral("User"), m_account.user);
        query.addQueryItem(QStringLiteral("DeviceId"), m_account.deviceId);
        query.addQueryItem(QStringLiteral("DeviceType"), QStringLiteral("Skein"));
        for (const auto &[key, value] : form.extraQuery)
            query.addQueryItem(key, value);
        url.setQuery(query);
    }

    HttpRequest request;
    request.method = command ? "POST" : "OPTIONS";
    request.url = url;
    request.body = body;
    request.timeoutMs = m_requestTimeoutMs;
    request.interruptible = command && qstrcmp(command, "Ping") == 0;
    // Authorization is added by sendAuthorized(): a bearer token may change
    // between the attempts of one request.
    request.headers = {{"User-Agent", "Skein/0.1"}};
    if (command) {
        request.headers.append(qMakePair(QByteArray("MS-ASProtocolVersion"), m_account.protocolVersion.toLatin1()));
        request.headers.append(qMakePair(QByteArray("Content-Type"), form.contentType));
        // Ping is the one command sent without a policy key ([MS-ASPROV] 3.1.5.1).
        if (qstrcmp(command, "Ping") != 0) {
            const QString key = m_account.policyKey.isEmpty() ? QStringLiteral("0") : m_account.policyKey;
            request.headers.append(qMakePair(QByteArray("X-MS-PolicyKey"), key.toLatin1()));
        }
    }
    return request;
}

EasReply EasSession::negotiate()
{
    EasReply authFailure;
    const HttpResponse response = sendAuthorized(makeRequest(nullptr, {}), &authFailure);
    if (!authFailure.ok())
        return authFailure;
    if (response.status != 200) {
        EasReply reply = interpret(response);
        if (reply.ok())
            reply = failure(ErrorKind::Protocol,
                            QCoreApplication::translate("skein::eas::EasSession", "The server answered OPTIONS with HTTP %1.").arg(response.status),
                            response.status);
        return reply;
    }
    auto split = [](const QByteArray &value) {
        QStringList items;
        for (const QByteArray &item : value.split(','))
            if (!item.trimmed().isEmpty())
                items.append(QString::fromLatin1(item.trimmed()));
        return items;
    };
    m_serverVersions = split(response.header("MS-ASProtocolVersions"));
    m_serverCommands = split(response.header("MS-ASProtocolCommands"));
    for (const QString &version : supportedVersions()) {
        if (m_serverVersions.contains(version)) {
            if (m_account.protocolVersion != version) {
                m_account.protocolVersion = version;
                accountChanged();
            }
            EasReply ok;
            ok.httpStatus = 200;
            return ok;
        }
    }
    return failure(ErrorKind::NotSupported,
                   QCoreApplication::translate("skein::eas::EasSession", "The server offers ActiveSync versions %1; Skein needs 12.1 or later.")
                       .arg(m_serverVersions.isEmpty() ? QStringLiteral("(none)")
                                                       : m_serverVersions.join(QStringLiteral(", "))));
}

EasReply EasSession::execute(const char *command, const wbxml::Element &request)
{
    const wbxml::EncodeResult encoded = wbxml::encode(request);
    if (!encoded.ok())
        return failure(ErrorKind::Protocol,
                       QCoreApplication::translate("skein::eas::EasSession", "Could not encode the %1 request: %2").arg(QLatin1String(command), encoded.error));
    if (m_account.protocolVersion.isEmpty()) {
        EasReply negotiated = negotiate();
        if (!negotiated.ok())
            return negotiated;
    }
    EasReply reply = post(command, encoded.bytes);
    const bool askedForPolicy = reply.httpStatus == 449
        || (reply.ok() && reply.root() && needsProvisioning(topLevelStatus(*reply.root()).value_or(1)));
    if (askedForPolicy && !m_provisioning && qstrcmp(command, "Provision") != 0) {
        if (!provision())
            return failure(ErrorKind::Provisioning,
                           QCoreApplication::translate("skein::eas::EasSession", "The server requires a security policy that Skein could not acknowledge."));
        reply = post(command, encoded.bytes);
    }
    return reply;
}

EasReply EasSession::executeMime(const char *command, const QList<QPair<QString, QString>> &extraQuery,
                                 const QByteArray &mime)
{
    if (m_account.protocolVersion.isEmpty()) {
        EasReply negotiated = negotiate();
        if (!negotiated.ok())
            return negotiated;
    }
    const EasBodyForm form{"message/rfc822", extraQuery};
    EasReply reply = post(command, mime, form);
    // 12.x asks for a policy with HTTP 449 ([MS-ASPROV] 3.1.5.1).
    if (reply.httpStatus == 449 && !m_provisioning) {
        if (!provision())
            return failure(ErrorKind::Provisioning,
                           QCoreApplication::translate("skein::eas::EasSession", "The server requires a security policy that Skein could not acknowledge."));
        reply = post(command, mime, form);
    }
    return reply;
}

// 451 carries the URL to use from now on ([MS-ASHTTP] 3.1.5.2.2): the
// account takes it. False when it names none Skein can use.
bool EasSession::adoptRedirect(const QUrl &location)
{
    if (!location.isValid() || location.isRelative())
        return false;
    QUrl base = location;
    m_account.endpointPath = base.path();
    base.setPath({});
    base.setQuery(QString());
    m_account.url = base.toString();
    accountChanged();
    return true;
}

EasReply EasSession::post(const char *command, const QByteArray &body, const EasBodyForm &form)
{
    HttpRequest request = makeRequest(command, body, form);
    for (int redirects = 0;; ++redirects) {
        EasReply authFailure;
        const HttpResponse response = sendAuthorized(request, &authFailure);
        if (!authFailure.ok())
            return authFailure;
        EasReply reply = interpret(response);
        if (reply.httpStatus != 451 || redirects >= 3)
            return reply;
        if (!adoptRedirect(reply.redirect))
            return redirectWithoutLocation();
        request = makeRequest(command, body, form);
    }
}

EasReply EasSession::download(const char *command, const QList<QPair<QString, QString>> &query,
                              const std::function<bool(const QByteArray &, qint64)> &sink, bool *stopped,
                              const QByteArray &body, const QList<QPair<QByteArray, QByteArray>> &extraHeaders)
{
    *stopped = false;
    if (m_account.protocolVersion.isEmpty()) {
        EasReply negotiated = negotiate();
        if (!negotiated.ok())
            return negotiated;
    }
    EasReply reply = postForFile(command, query, sink, stopped, body, extraHeaders);
    // 12.x asks for provisioning with 449; 14.0+ with a status in the
    // WBXML, which a file download does not read: the caller sees it.
    if (reply.httpStatus == 449 && !m_provisioning) {
        if (!provision())
            return failure(ErrorKind::Provisioning,
                           QCoreApplication::translate("skein::eas::EasSession", "The server requires a security policy that Skein could not acknowledge."));
        reply = postForFile(command, query, sink, stopped, body, extraHeaders);
    }
    return reply;
}

EasReply EasSession::postForFile(const char *command, const QList<QPair<QString, QString>> &query,
                                 const std::function<bool(const QByteArray &, qint64)> &sink, bool *stopped,
                                 const QByteArray &body, const QList<QPair<QByteArray, QByteArray>> &extraHeaders)
{
    auto requestFor = [&] {
        HttpRequest request = makeRequest(command, body);
        request.headers += extraHeaders;
        QUrlQuery items(request.url);
        for (const auto &[key, value] : query)
            items.addQueryItem(key, QString(value).replace(QLatin1Char('%'), QLatin1String("%25"))); // the rest QUrlQuery encodes
        request.url.setQuery(items);
        request.bodySink = sink;
        return request;
    };
    HttpRequest request = requestFor();
    for (int redirects = 0;; ++redirects) {
        EasReply authFailure;
        HttpResponse response = sendAuthorized(request, &authFailure);
        if (!authFailure.ok())
            return authFailure;
        *stopped = response.sinkStopped;
        if (response.sinkStopped)
            return failure(ErrorKind::None, {}, response.status);
        // A transport without streaming (a test's fake) hands the whole
        // body back: it goes to the sink all the same.
        if (response.status == 200 && !response.bodyStreamed && !response.body.isEmpty()) {
            if (!sink(response.body, response.body.size())) {
                *stopped = true;
                return failure(ErrorKind::None, {}, response.status);
            }
        }
        if (response.status == 200)
            response.body.clear(); // the file's bytes are no WBXML to interpret
        EasReply reply = interpret(response);
        if (reply.httpStatus != 451 || redirects >= 3)
            return reply;
        if (!adoptRedirect(reply.redirect))
            return redirectWithoutLocation();
        request = requestFor();
    }
}

HttpResponse EasSession::sendWithRetries(const HttpRequest &request)
{
    for (int attempt = 0;; ++attempt) {
        HttpResponse response = m_transport.send(request);
        const bool transient = response.status == 503 || response.status == 500 || response.status == 502;
        if (!transient || attempt + 1 >= kMaxAttempts)
            return response;
        const int waitMs = std::min(retryAfterMs(response, attempt), m_maxRetryAfterMs);
        qCInfo(lcEas) << "HTTP" << response.status << "- waiting" << waitMs << "ms before retrying";
        m_sleep(waitMs);
    }
}

QString EasSession::accountName() const
{
    return m_account.email.isEmpty() ? m_account.user : m_account.email;
}

HttpResponse EasSession::sendAuthorized(HttpRequest request, EasReply *authFailure)
{
    if (!m_tokens) {
        const QByteArray credentials = (m_account.user + QLatin1Char(':') + m_password).toUtf8();
        request.headers.prepend(qMakePair(QByteArray("Authorization"), "Basic " + credentials.toBase64()));
        return sendWithRetries(request);
    }
    request.headers.prepend(qMakePair(QByteArray("Authorization"), QByteArray()));
    for (bool renew : {false, true}) {
        const AccessTokenSource::Grant grant = m_tokens->accessToken(renew);
        if (!grant.ok()) {
            *authFailure = failure(grant.error, grant.message, grant.error == ErrorKind::SignInRequired ? 401 : 0);
            return {};
        }
        request.headers.first().second = "Bearer " + grant.accessToken.toUtf8();
        HttpResponse response = sendWithRetries(request);
        // RFC 6750 3: a refused token comes back as 401 with a Bearer
        // challenge; one refresh, one more try, then the 401 stands.
        if (response.status != 401 || !findChallenge(authChallenges(response), "Bearer") || renew)
            return response;
        qCDebug(lcEas) << "The server refused the access token; refreshing it once";
    }
    return {}; // not reached: the second pass always returns
}

EasReply EasSession::interpret(const HttpResponse &response)
{
    const int http = response.status;
    if (response.tlsError)
        return failure(ErrorKind::Tls,
                       QCoreApplication::translate("skein::eas::EasSession", "The server's certificate is not trusted (%1). Skein will not connect "
                                                                             "until the certificate problem is fixed.").arg(response.networkError));
    if (http == 0)
        return failure(ErrorKind::Network,
                       QCoreApplication::translate("skein::eas::EasSession", "Could not reach the server: %1").arg(response.networkError));
    switch (http) {
    case 200:
        break;
    case 401:
        if (m_tokens)
            return failure(ErrorKind::SignInRequired, signInRequiredText(accountName()), http);
        return failure(ErrorKind::Auth, QCoreApplication::translate("skein::eas::EasSession", "The server refused the user name or password."), http);
    case 403:
    case 456:
        return failure(ErrorKind::Blocked,
                       QCoreApplication::translate("skein::eas::EasSession", "The server does not allow this account or device to use ActiveSync (HTTP %1). "
                                                                             "Ask your administrator.").arg(http), http);
    case 449: {
        EasReply reply;
        reply.httpStatus = 449; // provisioning request of 12.x servers; execute() handles it
        return reply;
    }
    case 451: {
        EasReply reply = failure(ErrorKind::Server, QCoreApplication::translate("skein::eas::EasSession", "The server redirected Skein to another address."), http);
        reply.redirect = QUrl(QString::fromLatin1(response.header("X-MS-Location")));
        return reply;
    }
    case 457:
        return failure(ErrorKind::PasswordExpired,
                       QCoreApplication::translate("skein::eas::EasSession", "Your password has expired. Change it, then enter the new one in Skein."), http);
    case 501:
        return failure(ErrorKind::NotSupported, QCoreApplication::translate("skein::eas::EasSession", "The server does not implement this command."), http);
    case 503:
        return failure(ErrorKind::Throttled,
                       QCoreApplication::translate("skein::eas::EasSession", "The server is busy or throttling this device; Skein will try again later."), http);
    case 507:
        return failure(ErrorKind::MailboxFull, QCoreApplication::translate("skein::eas::EasSession", "Your mailbox on the server is full."), http);
    case 400:
        return failure(ErrorKind::Protocol, QCoreApplication::translate("skein::eas::EasSession", "The server rejected the request as malformed (HTTP 400)."), http);
    case 404: {
        // Almost always a wrong address or path, not a server fault.
        const QUrl tried = makeRequest(nullptr, {}, {}).url;
        return failure(ErrorKind::Protocol,
                       QCoreApplication::translate("skein::eas::EasSession", "The server has no ActiveSync endpoint at %1 (HTTP 404). Check the "
                                                                             "server address and path: most servers use /Microsoft-Server-ActiveSync, "
                                                                             "SOGo also /SOGo/Microsoft-Server-ActiveSync.")
                           .arg(tried.toString(QUrl::RemoveUserInfo)),
                       http);
    }
    default:
        return failure(http >= 500 ? ErrorKind::Server : ErrorKind::Protocol,
                       QCoreApplication::translate("skein::eas::EasSession", "The server answered HTTP %1.").arg(http), http);
    }

    EasReply reply;
    reply.httpStatus = http;
    if (response.body.isEmpty())
        return reply; // an empty 200 is a valid answer (no changes, or success)
    wbxml::DecodeResult decoded = wbxml::decode(response.body);
    if (!decoded.ok())
        return failure(ErrorKind::Server,
                       QCoreApplication::translate("skein::eas::EasSession", "The server sent a response Skein cannot read: %1").arg(decoded.error), http);
    reply.body = std::move(decoded.root);
    return reply;
}

bool EasSession::provision()
{
    m_provisioning = true;
    const auto done = qScopeGuard([this] { m_provisioning = false; });
    m_account.policyKey = QStringLiteral("0");

    const ProvisionCommand initial = ProvisionCommand::initial(m_account.protocolVersion, deviceInfo());
    EasReply reply;
    const ProvisionCommand::Result first = run(initial, &reply);
    if (!reply.ok() || first.status != 1 || first.policyKey.isEmpty()) {
        qCWarning(lcEas) << "Provision phase 1 failed:" << first.status << first.error << reply.message;
        // A server that requires nothing hands out no key; going on with none is right then.
        return reply.ok() && first.status == 1;
    }
    m_account.policyKey = first.policyKey;
    const ProvisionCommand::Result second = run(ProvisionCommand::acknowledge(first.policyKey, m_account.protocolVersion), &reply);
    if (!reply.ok() || second.status != 1 || second.policyKey.isEmpty()) {
        qCWarning(lcEas) << "Provision phase 2 failed:" << second.status << second.error << reply.message;
        return false;
    }
    m_account.policyKey = second.policyKey;
    accountChanged();
    return true;
}

QString errorKindName(ErrorKind kind)
{
    switch (kind) {
    case ErrorKind::None: return QStringLiteral("ok");
    case ErrorKind::Auth: return QStringLiteral("auth");
    case ErrorKind::Network: return QStringLiteral("network");
    case ErrorKind::Tls: return QStringLiteral("tls");
    case ErrorKind::Throttled: return QStringLiteral("throttled");
    case ErrorKind::Server: return QStringLiteral("server");
    case ErrorKind::Blocked: return QStringLiteral("blocked");
    case ErrorKind::PasswordExpired: return QStringLiteral("password-expired");
    case ErrorKind::MailboxFull: return QStringLiteral("mailbox-full");
    case ErrorKind::NotSupported: return QStringLiteral("not-supported");
    case ErrorKind::Provisioning: return QStringLiteral("provisioning");
    case ErrorKind::Protocol: return QStringLiteral("protocol");
    case ErrorKind::SignInRequired: return QStringLiteral("sign-in-required");
    }
    return {};
}

} // namespace skein::eas
