#include "IdentityProvider.h"

#include "LoginPages.h"
#include "ServerContext.h"
#include "TokenStore.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace skein::server {

namespace {

constexpr qint64 kCodeLifetimeMs = 10 * 60 * 1000; // authorization codes, as Microsoft's

// /{tenant}/oauth2/v2.0/{endpoint}; any tenant (common, organizations, a GUID, a domain).
const QRegularExpression &endpointPath()
{
    static const QRegularExpression re(QStringLiteral("^/[^/]+/oauth2/v2\\.0/(authorize|token|devicecode)$"),
                                       QRegularExpression::CaseInsensitiveOption);
    return re;
}

bool isDeviceLoginPath(const QString &path)
{
    return path.compare(QLatin1String("/devicelogin"), Qt::CaseInsensitive) == 0;
}

// RFC 6749 5.2 error, with Microsoft's extras (AADSTS code in the
// description and error_codes) when `aadsts` is not 0.
WebReply oauthError(const QString &error, int aadsts, const QString &description, int status = 400)
{
    QJsonObject o{{QStringLiteral("error"), error},
                  {QStringLiteral("error_description"),
                   aadsts ? QStringLiteral("AADSTS%1: %2").arg(aadsts).arg(description) : description},
                  {QStringLiteral("timestamp"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate)}};
    if (aadsts)
        o.insert(QStringLiteral("error_codes"), QJsonArray{aadsts});
    return WebReply::json(status, o);
}

WebReply missingParameter(const QString &name)
{
    return oauthError(QStringLiteral("invalid_request"), 900144,
                      QStringLiteral("The request body must contain the following parameter: '%1'.").arg(name));
}

WebReply badRequestPage(const QString &text)
{
    return WebReply::html(400, login_pages::message(QStringLiteral("Sign-in request refused"), text));
}

// Native clients receive the code on a loopback listener (RFC 8252 7.3):
// only http://127.0.0.1:PORT/... or http://localhost:PORT/... is accepted,
// so a code can never be sent to another host.
bool isLoopbackRedirect(const QString &redirectUri)
{
    const QUrl url(redirectUri, QUrl::StrictMode);
    if (!url.isValid() || url.scheme() != QLatin1String("http") || url.port() <= 0 || !url.userInfo().isEmpty()
        || url.hasFragment())
        return false;
    const QString host = url.host().toLower();
    return host == QLatin1String("127.0.0.1") || host == QLatin1String("localhost");
}

// redirect_uri with the answer added to its query.
// Encoded by hand: QUrlQuery would leave '+' and '&' in values ambiguous.
QUrl withQuery(const QString &redirectUri, const QList<std::pair<QString, QString>> &items)
{
    QUrl url(redirectUri);
    QByteArray query = url.query(QUrl::FullyEncoded).toLatin1();
    for (const auto &[key, value] : items) {
        if (!query.isEmpty())
            query += '&';
        query += QUrl::toPercentEncoding(key) + '=' + QUrl::toPercentEncoding(value);
    }
    url.setQuery(QString::fromLatin1(query), QUrl::StrictMode);
    return url;
}

QHash<QString, QString> queryFields(const QUrlQuery &query)
{
    QHash<QString, QString> out;
    for (const auto &[key, value] : query.queryItems(QUrl::FullyDecoded))
        if (!out.contains(key))
            out.insert(key, value);
    return out;
}

// The parameters of an authorization request, carried from the GET to the
// POST of the form in hidden fields and checked again there.
const QStringList kAuthorizeParameters{QStringLiteral("response_type"), QStringLiteral("client_id"),
                                       QStringLiteral("redirect_uri"), QStringLiteral("scope"),
                                       QStringLiteral("state"), QStringLiteral("code_challenge"),
                                       QStringLiteral("code_challenge_method"), QStringLiteral("response_mode")};

// Why an authorization request is refused; empty when it is acceptable.
// Every refusal is a 400 page without a redirect (docs/signin.md).
QString authorizeRequestProblem(const QHash<QString, QString> &p)
{
    if (p.value(QStringLiteral("client_id")).isEmpty())
        return QStringLiteral("client_id is missing.");
    if (!isLoopbackRedirect(p.value(QStringLiteral("redirect_uri"))))
        return QStringLiteral("redirect_uri must be http://127.0.0.1:PORT/... or http://localhost:PORT/...");
    if (p.value(QStringLiteral("response_type")) != QLatin1String("code"))
        return QStringLiteral("response_type must be code.");
    const QString mode = p.value(QStringLiteral("response_mode"));
    if (!mode.isEmpty() && mode != QLatin1String("query"))
        return QStringLiteral("response_mode must be query.");
    static const QRegularExpression challengeRule(QStringLiteral("^[A-Za-z0-9_-]{43,128}$"));
    if (p.value(QStringLiteral("code_challenge_method")) != QLatin1String("S256"))
        return QStringLiteral("code_challenge_method must be S256.");
    if (!challengeRule.match(p.value(QStringLiteral("code_challenge"))).hasMatch())
        return QStringLiteral("code_challenge must be the base64url SHA-256 of the code verifier.");
    return {};
}

QList<std::pair<QString, QString>> hiddenFields(const QHash<QString, QString> &p)
{
    QList<std::pair<QString, QString>> hidden;
    for (const QString &name : kAuthorizeParameters)
        if (p.contains(name))
            hidden.append({name, p.value(name)});
    return hidden;
}

} // namespace

bool IdentityProvider::handles(const QString &path)
{
    return isDeviceLoginPath(path) || endpointPath().match(path).hasMatch();
}

WebReply IdentityProvider::handle(const WebRequest &request)
{
    if (isDeviceLoginPath(request.path))
        return deviceLogin(request);
    const QString endpoint = endpointPath().match(request.path).captured(1).toLower();
    if (endpoint == QLatin1String("authorize"))
        return authorize(request);
    if (request.method != "POST")
        return WebReply{405, {{"Allow", "POST"}}, {}};
    if (endpoint == QLatin1String("token"))
        return token(request);
    return deviceCode(request);
}

std::optional<UserRow> IdentityProvider::userBySignInName(const QString &typed)
{
    const QString name = typed.trimmed();
    if (name.isEmpty())
        return std::nullopt;
    if (auto byName = m_ctx.store.accounts().user(name))
        return byName;
    return m_ctx.store.accounts().userByEmail(name);
}

WebReply IdentityProvider::authorize(const WebRequest &request)
{
    if (request.method != "GET" && request.method != "POST")
        return WebReply{405, {{"Allow", "GET,POST"}}, {}};
    const bool submitted = request.method == "POST";
    const Fields p = submitted ? parseForm(request.body) : queryFields(request.query);
    if (const QString problem = authorizeRequestProblem(p); !problem.isEmpty())
        return badRequestPage(problem);
    const QString redirectUri = p.value(QStringLiteral("redirect_uri"));
    // state goes back exactly when it came (RFC 6749 4.1.2).
    QList<std::pair<QString, QString>> stateItem;
    if (p.contains(QStringLiteral("state")))
        stateItem.append({QStringLiteral("state"), p.value(QStringLiteral("state"))});
    const QString action = request.path;

    if (!submitted)
        return WebReply::html(200, login_pages::authorizeForm(action, hiddenFields(p),
                                                              p.value(QStringLiteral("login_hint")), {}));
    if (p.contains(QStringLiteral("cancel")))
        return WebReply::redirect(withQuery(
            redirectUri, QList<std::pair<QString, QString>>{
                             {QStringLiteral("error"), QStringLiteral("access_denied")},
                             {QStringLiteral("error_description"),
                              QStringLiteral("AADSTS65004: User declined to consent to access the app.")}}
                             + stateItem));

    const QString username = p.value(QStringLiteral("username"));
    const auto user = userBySignInName(username);
    if (!user || user->password != p.value(QStringLiteral("password")))
        return WebReply::html(200, login_pages::authorizeForm(action, hiddenFields(p), username,
                                                              QStringLiteral("Wrong user name or password.")));

    AuthorizationCode code;
    code.code = TokenStore::randomToken();
    code.userId = user->id;
    code.clientId = p.value(QStringLiteral("client_id"));
    code.redirectUri = redirectUri;
    code.codeChallenge = p.value(QStringLiteral("code_challenge"));
    code.scope = p.value(QStringLiteral("scope"));
    code.expiresMs = m_ctx.identity.nowMs() + kCodeLifetimeMs;
    if (!TokenStore(m_ctx.store).addCode(code))
        return WebReply::html(500, login_pages::message(QStringLiteral("Server error"),
                                                        QStringLiteral("The code could not be stored.")));
    return WebReply::redirect(
        withQuery(redirectUri, QList<std::pair<QString, QString>>{{QStringLiteral("code"), code.code}} + stateItem));
}

WebReply IdentityProvider::token(const WebRequest &request)
{
    const Fields form = parseForm(request.body);
    const QString grant = form.value(QStringLiteral("grant_type"));
    if (grant.isEmpty())
        return missingParameter(QStringLiteral("grant_type"));
    if (form.value(QStringLiteral("client_id")).isEmpty())
        return missingParameter(QStringLiteral("client_id"));
    if (grant == QLatin1String("authorization_code"))
        return redeemCode(form);
    if (grant == QLatin1String("refresh_token"))
        return redeemRefreshToken(form);
    if (grant == QLatin1String("urn:ietf:params:oauth:grant-type:device_code"))
        return redeemDeviceCode(form);
    return oauthError(QStringLiteral("unsupported_grant_type"), 70003,
                      QStringLiteral("The app requested an unsupported grant type '%1'.").arg(grant));
}

WebReply IdentityProvider::issueTokens(qint64 userId, const QString &clientId, const QString &scope)
{
    TokenStore tokens(m_ctx.store);
    const qint64 now = m_ctx.identity.nowMs();
    const int lifetime = m_ctx.identity.accessTokenSeconds;
    IssuedToken access{TokenStore::randomToken(), IssuedToken::Kind::Access, userId, clientId, scope, now,
                       now + qint64(lifetime) * 1000, false};
    IssuedToken refresh{TokenStore::randomToken(48), IssuedToken::Kind::Refresh, userId, clientId, scope, now, 0, false};
    if (!tokens.addToken(access) || !tokens.addToken(refresh))
        return oauthError(QStringLiteral("server_error"), 0, QStringLiteral("The tokens could not be stored."), 500);
    return WebReply::json(200, QJsonObject{{QStringLiteral("token_type"), QStringLiteral("Bearer")},
                                           {QStringLiteral("scope"), scope},
                                           {QStringLiteral("expires_in"), lifetime},
                                           {QStringLiteral("ext_expires_in"), lifetime},
                                           {QStringLiteral("access_token"), access.token},
                                           {QStringLiteral("refresh_token"), refresh.token}});
}

WebReply IdentityProvider::redeemCode(const Fields &form)
{
    for (const char *name : {"code", "redirect_uri", "code_verifier"})
        if (form.value(QLatin1String(name)).isEmpty())
            return missingParameter(QLatin1String(name));
    const auto code = TokenStore(m_ctx.store).consumeCode(form.value(QStringLiteral("code")));
    const QString invalidGrant = QStringLiteral("invalid_grant");
    if (!code)
        return oauthError(invalidGrant, 70000, QStringLiteral("The provided authorization code is invalid."));
    if (code->used)
        return oauthError(invalidGrant, 54005, QStringLiteral("OAuth2 Authorization code was already redeemed."));
    if (m_ctx.identity.nowMs() >= code->expiresMs)
        return oauthError(invalidGrant, 70008, QStringLiteral("The provided authorization code has expired."));
    if (code->clientId != form.value(QStringLiteral("client_id")))
        return oauthError(invalidGrant, 70000, QStringLiteral("The code was issued to another client_id."));
    if (code->redirectUri != form.value(QStringLiteral("redirect_uri")))
        return oauthError(invalidGrant, 70000,
                          QStringLiteral("The redirect_uri does not match the one of the authorization request."));
    if (TokenStore::s256Challenge(form.value(QStringLiteral("code_verifier"))) != code->codeChallenge)
        return oauthError(invalidGrant, 50148,
                          QStringLiteral("The code_verifier does not match the code_challenge supplied in the "
                                         "authorization request for PKCE."));
    return issueTokens(code->userId, code->clientId, code->scope);
}

WebReply IdentityProvider::redeemRefreshToken(const Fields &form)
{
    const QString presented = form.value(QStringLiteral("refresh_token"));
    if (presented.isEmpty())
        return missingParameter(QStringLiteral("refresh_token"));
    const auto refresh = TokenStore(m_ctx.store).token(presented, IssuedToken::Kind::Refresh);
    if (!refresh || refresh->revoked || refresh->clientId != form.value(QStringLiteral("client_id"))
        || !m_ctx.store.accounts().userById(refresh->userId))
        return oauthError(QStringLiteral("invalid_grant"), 50173,
                          QStringLiteral("The provided grant has expired due to it being revoked, a fresh auth "
                                         "token is needed. The user might have changed or reset their password."));
    const QString scope = form.value(QStringLiteral("scope"));
    return issueTokens(refresh->userId, refresh->clientId, scope.isEmpty() ? refresh->scope : scope);
}

WebReply IdentityProvider::deviceCode(const WebRequest &request)
{
    const Fields form = parseForm(request.body);
    if (form.value(QStringLiteral("client_id")).isEmpty())
        return missingParameter(QStringLiteral("client_id"));
    const IdentitySettings &id = m_ctx.identity;
    DeviceAuthorization device;
    device.deviceCode = TokenStore::randomToken();
    device.clientId = form.value(QStringLiteral("client_id"));
    device.scope = form.value(QStringLiteral("scope"));
    device.expiresMs = id.nowMs() + qint64(id.deviceCodeSeconds) * 1000;
    device.intervalSeconds = id.deviceIntervalSeconds;
    TokenStore tokens(m_ctx.store);
    bool stored = false;
    for (int attempt = 0; attempt < 5 && !stored; ++attempt) { // user codes are short: retry a clash
        device.userCode = TokenStore::randomUserCode();
        stored = tokens.addDeviceAuthorization(device);
    }
    if (!stored)
        return oauthError(QStringLiteral("server_error"), 0, QStringLiteral("The device code could not be stored."), 500);
    const QString verificationUri = request.base + QStringLiteral("/devicelogin");
    return WebReply::json(
        200, QJsonObject{{QStringLiteral("device_code"), device.deviceCode},
                         {QStringLiteral("user_code"), device.userCode},
                         {QStringLiteral("verification_uri"), verificationUri},
                         {QStringLiteral("expires_in"), id.deviceCodeSeconds},
                         {QStringLiteral("interval"), device.intervalSeconds},
                         {QStringLiteral("message"),
                          QStringLiteral("To sign in, use a web browser to open the page %1 and enter the code %2 "
                                         "to authenticate.")
                              .arg(verificationUri, device.userCode)}});
}

WebReply IdentityProvider::redeemDeviceCode(const Fields &form)
{
    const QString deviceCode = form.value(QStringLiteral("device_code"));
    if (deviceCode.isEmpty())
        return missingParameter(QStringLiteral("device_code"));
    TokenStore tokens(m_ctx.store);
    const auto device = tokens.deviceByDeviceCode(deviceCode);
    const QString invalidGrant = QStringLiteral("invalid_grant");
    if (!device || device->clientId != form.value(QStringLiteral("client_id")))
        return oauthError(invalidGrant, 70000, QStringLiteral("The provided device code is invalid."));
    if (device->state == DeviceAuthorization::State::Redeemed)
        return oauthError(invalidGrant, 54005, QStringLiteral("The device code was already redeemed."));
    const qint64 now = m_ctx.identity.nowMs();
    if (now >= device->expiresMs)
        return oauthError(QStringLiteral("expired_token"), 70019,
                          QStringLiteral("Verification code expired. Start the sign-in again."));
    if (device->state == DeviceAuthorization::State::Denied)
        return oauthError(QStringLiteral("access_denied"), 70020,
                          QStringLiteral("The user declined the sign-in on the device login page."));
    // Timers may fire a little early (Qt's coarse timers by up to 5 %):
    // a poll counts as too fast below 90 % of the interval.
    const bool tooFast = device->lastPollMs != 0
        && (now - device->lastPollMs) * 10 < qint64(device->intervalSeconds) * 1000 * 9;
    tokens.setDevicePolled(deviceCode, now);
    if (tooFast)
        return oauthError(QStringLiteral("slow_down"), 0,
                          QStringLiteral("Polled faster than the interval; wait 5 seconds more between polls."));
    if (device->state == DeviceAuthorization::State::Pending)
        return oauthError(QStringLiteral("authorization_pending"), 70016,
                          QStringLiteral("OAuth 2.0 device flow error. Authorization is pending. Continue polling."));
    tokens.setDeviceState(deviceCode, DeviceAuthorization::State::Redeemed);
    return issueTokens(device->userId, device->clientId, device->scope);
}

WebReply IdentityProvider::deviceLogin(const WebRequest &request)
{
    if (request.method == "GET")
        return WebReply::html(200, login_pages::deviceLoginForm(queryValueAnyCase(request.query, QStringLiteral("user_code")),
                                                                {}, {}));
    if (request.method != "POST")
        return WebReply{405, {{"Allow", "GET,POST"}}, {}};
    const Fields form = parseForm(request.body);
    const QString userCode = form.value(QStringLiteral("user_code"));
    const QString username = form.value(QStringLiteral("username"));
    TokenStore tokens(m_ctx.store);
    const auto device = tokens.deviceByUserCode(userCode);
    if (!device || device->state != DeviceAuthorization::State::Pending || m_ctx.identity.nowMs() >= device->expiresMs)
        return WebReply::html(200, login_pages::deviceLoginForm(userCode, username,
                                                                QStringLiteral("That code is wrong or has expired.")));
    if (form.contains(QStringLiteral("cancel"))) {
        tokens.setDeviceState(device->deviceCode, DeviceAuthorization::State::Denied);
        return WebReply::html(200, login_pages::message(QStringLiteral("Sign-in declined"),
                                                        QStringLiteral("The device was not signed in. You can close this window.")));
    }
    const auto user = userBySignInName(username);
    if (!user || user->password != form.value(QStringLiteral("password")))
        return WebReply::html(200, login_pages::deviceLoginForm(userCode, username,
                                                                QStringLiteral("Wrong user name or password.")));
    tokens.setDeviceState(device->deviceCode, DeviceAuthorization::State::Approved, user->id);
    return WebReply::html(200, login_pages::message(QStringLiteral("Device signed in"),
                                                    QStringLiteral("You have signed in on your device as %1. You can "
                                                                   "close this window.")
                                                        .arg(user->email)));
}

} // namespace skein::server
