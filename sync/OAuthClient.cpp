#include "OAuthClient.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcOAuth, "skein.oauth")

namespace skein::eas {

namespace {

constexpr int kTokenRequestTimeoutMs = 60000;

// Numbers come as JSON numbers from v2.0 endpoints and as strings from some
// older ones; both are accepted.
qint64 jsonInteger(const QJsonValue &value, qint64 fallback)
{
    if (value.isDouble())
        return qint64(value.toDouble());
    bool ok = false;
    const qint64 parsed = value.toString().toLongLong(&ok);
    return ok ? parsed : fallback;
}

QJsonObject jsonObject(const QByteArray &body)
{
    return QJsonDocument::fromJson(body).object();
}

// application/x-www-form-urlencoded: every reserved character escaped
// (QUrlQuery would leave '+' and '/' as they are, which a form decoder reads
// differently).
QByteArray formEncode(const QList<QPair<QString, QString>> &fields)
{
    QByteArray body;
    for (const auto &[name, value] : fields) {
        if (!body.isEmpty())
            body += '&';
        body += QUrl::toPercentEncoding(name) + '=' + QUrl::toPercentEncoding(value);
    }
    return body;
}

} // namespace

bool TokenAnswer::needsNewSignIn() const
{
    // RFC 6749 5.2 invalid_grant: the refresh token or code is invalid,
    // expired or revoked; the OpenID ones ask for the user's interaction.
    static const QStringList kinds{QStringLiteral("invalid_grant"), QStringLiteral("interaction_required"),
                                   QStringLiteral("login_required"), QStringLiteral("consent_required")};
    return kinds.contains(error);
}

QString DeviceCodeGrant::instructions() const
{
    if (!message.isEmpty())
        return message;
    return QCoreApplication::translate("skein::eas::OAuthClient", "To sign in, open %1 and enter the code %2").arg(verificationUri.toString(), userCode);
}

OAuthClient::OAuthClient(Transport &transport, OAuthConfig config)
    : m_transport(transport)
    , m_config(std::move(config))
    , m_now([] { return QDateTime::currentDateTimeUtc(); })
{
}

QUrl OAuthClient::authorizationUrl(const OAuthConfig &config, const QUrl &redirectUri, const QByteArray &state,
                                   const QByteArray &codeChallenge, const QString &loginHint)
{
    QList<QPair<QString, QString>> fields{
        {QStringLiteral("client_id"), config.clientId},
        {QStringLiteral("response_type"), QStringLiteral("code")},
        {QStringLiteral("redirect_uri"), redirectUri.toString()},
        {QStringLiteral("response_mode"), QStringLiteral("query")},
        {QStringLiteral("scope"), config.scope},
        {QStringLiteral("state"), QString::fromLatin1(state)},
        {QStringLiteral("code_challenge"), QString::fromLatin1(codeChallenge)},
        {QStringLiteral("code_challenge_method"), QStringLiteral("S256")},
    };
    if (!loginHint.isEmpty())
        fields.append({QStringLiteral("login_hint"), loginHint});
    QUrl url = config.authorizeUrl();
    url.setQuery(QString::fromLatin1(formEncode(fields)), QUrl::StrictMode);
    return url;
}

HttpResponse OAuthClient::postForm(const QUrl &url, const QList<QPair<QString, QString>> &fields)
{
    HttpRequest request;
    request.method = "POST";
    request.url = url;
    request.body = formEncode(fields);
    request.timeoutMs = kTokenRequestTimeoutMs;
    request.headers = {{"Content-Type", "application/x-www-form-urlencoded"},
                       {"Accept", "application/json"},
                       {"User-Agent", "Skein/0.1"}};
    return m_transport.send(request);
}

TokenAnswer OAuthClient::parseTokenAnswer(const HttpResponse &response, const QDateTime &now)
{
    TokenAnswer answer;
    answer.httpStatus = response.status;
    answer.networkError = response.networkError;
    answer.tlsError = response.tlsError;
    if (response.status == 0) {
        answer.error = QStringLiteral("unreachable");
        return answer;
    }
    const QJsonObject json = jsonObject(response.body);
    if (response.status != 200 || json.contains(QLatin1String("error"))) {
        answer.error = json.value(QLatin1String("error")).toString();
        if (answer.error.isEmpty())
            answer.error = QStringLiteral("http_%1").arg(response.status);
        answer.description = json.value(QLatin1String("error_description")).toString();
        return answer;
    }
    const QString type = json.value(QLatin1String("token_type")).toString();
    answer.tokens.accessToken = json.value(QLatin1String("access_token")).toString();
    answer.tokens.refreshToken = json.value(QLatin1String("refresh_token")).toString();
    answer.tokens.scope = json.value(QLatin1String("scope")).toString();
    // RFC 6749 5.1 recommends expires_in; without it an hour is Microsoft's default.
    answer.tokens.lifetimeSeconds = std::max<qint64>(0, jsonInteger(json.value(QLatin1String("expires_in")), 3600));
    answer.tokens.expiresAt = now.addSecs(answer.tokens.lifetimeSeconds);
    if (answer.tokens.accessToken.isEmpty() || (!type.isEmpty() && type.compare(QLatin1String("Bearer"), Qt::CaseInsensitive) != 0)) {
        answer.error = QStringLiteral("invalid_response");
        answer.description = QStringLiteral("the token endpoint's answer has no bearer access token");
    }
    return answer;
}

TokenAnswer OAuthClient::redeemCode(const QString &code, const QByteArray &verifier, const QUrl &redirectUri)
{
    const HttpResponse response = postForm(m_config.tokenUrl(), {
        {QStringLiteral("grant_type"), QStringLiteral("authorization_code")},
        {QStringLiteral("client_id"), m_config.clientId},
        {QStringLiteral("code"), code},
        {QStringLiteral("redirect_uri"), redirectUri.toString()},
        {QStringLiteral("code_verifier"), QString::fromLatin1(verifier)},
        {QStringLiteral("scope"), m_config.scope},
    });
    const TokenAnswer answer = parseTokenAnswer(response, m_now());
    if (!answer.ok())
        qCDebug(lcOAuth) << "Code redemption failed:" << answer.error << answer.description;
    return answer;
}

TokenAnswer OAuthClient::refresh(const QString &refreshToken)
{
    const HttpResponse response = postForm(m_config.tokenUrl(), {
        {QStringLiteral("grant_type"), QStringLiteral("refresh_token")},
        {QStringLiteral("client_id"), m_config.clientId},
        {QStringLiteral("refresh_token"), refreshToken},
        {QStringLiteral("scope"), m_config.scope},
    });
    const TokenAnswer answer = parseTokenAnswer(response, m_now());
    if (!answer.ok())
        qCDebug(lcOAuth) << "Token refresh failed:" << answer.error << answer.description;
    return answer;
}

DeviceCodeGrant OAuthClient::requestDeviceCode()
{
    const HttpResponse response = postForm(m_config.deviceCodeUrl(), {
        {QStringLiteral("client_id"), m_config.clientId},
        {QStringLiteral("scope"), m_config.scope},
    });
    DeviceCodeGrant grant;
    grant.httpStatus = response.status;
    grant.networkError = response.networkError;
    const QJsonObject json = jsonObject(response.body);
    if (response.status != 200) {
        grant.error = response.status == 0 ? QStringLiteral("unreachable") : json.value(QLatin1String("error")).toString();
        if (grant.error.isEmpty())
            grant.error = QStringLiteral("http_%1").arg(response.status);
        grant.description = json.value(QLatin1String("error_description")).toString();
        return grant;
    }
    grant.deviceCode = json.value(QLatin1String("device_code")).toString();
    grant.userCode = json.value(QLatin1String("user_code")).toString();
    // RFC 8628 names it verification_uri; Azure AD v1 said verification_url.
    QString uri = json.value(QLatin1String("verification_uri")).toString();
    if (uri.isEmpty())
        uri = json.value(QLatin1String("verification_url")).toString();
    grant.verificationUri = QUrl(uri);
    grant.expiresInSeconds = int(jsonInteger(json.value(QLatin1String("expires_in")), 900));
    grant.intervalSeconds = std::max(1, int(jsonInteger(json.value(QLatin1String("interval")), 5)));
    grant.message = json.value(QLatin1String("message")).toString();
    if (grant.deviceCode.isEmpty() || grant.userCode.isEmpty()) {
        grant.error = QStringLiteral("invalid_response");
        grant.description = QStringLiteral("the device code answer lacks device_code or user_code");
    }
    return grant;
}

TokenAnswer OAuthClient::pollDeviceCode(const QString &deviceCode)
{
    const HttpResponse response = postForm(m_config.tokenUrl(), {
        {QStringLiteral("grant_type"), QStringLiteral("urn:ietf:params:oauth:grant-type:device_code")},
        {QStringLiteral("client_id"), m_config.clientId},
        {QStringLiteral("device_code"), deviceCode},
    });
    return parseTokenAnswer(response, m_now());
}

ErrorKind errorKindFor(const TokenAnswer &answer)
{
    if (answer.ok())
        return ErrorKind::None;
    if (answer.tlsError)
        return ErrorKind::Tls;
    if (answer.unanswered())
        return ErrorKind::Network;
    if (answer.httpStatus >= 500)
        return ErrorKind::Server;
    if (answer.needsNewSignIn())
        return ErrorKind::SignInRequired;
    // invalid_client, unauthorized_client, invalid_scope: the application's
    // registration is wrong; signing in again would not help.
    return ErrorKind::Auth;
}

QString signInRequiredText(const QString &accountName)
{
    return QCoreApplication::translate("skein::eas::OAuthClient", "Your sign-in to %1 has expired or was revoked. Sign in again to keep syncing; "
                                                                  "nothing you did is lost.").arg(accountName);
}

QString signInFailureText(const TokenAnswer &answer, const QString &accountName)
{
    switch (errorKindFor(answer)) {
    case ErrorKind::None:
        return {};
    case ErrorKind::Tls:
        return QCoreApplication::translate("skein::eas::OAuthClient", "The sign-in server's certificate is not trusted (%1).").arg(answer.networkError);
    case ErrorKind::Network:
        return QCoreApplication::translate("skein::eas::OAuthClient", "Could not reach the sign-in server: %1").arg(answer.networkError);
    case ErrorKind::Server:
        return QCoreApplication::translate("skein::eas::OAuthClient", "The sign-in server answered HTTP %1; Skein will try again later.").arg(answer.httpStatus);
    case ErrorKind::SignInRequired:
        return signInRequiredText(accountName);
    default:
        return QCoreApplication::translate("skein::eas::OAuthClient", "The sign-in server refused Skein's request (%1). The application id or its "
                                                                      "permissions may be set up wrongly; see docs/signin.md.").arg(answer.error);
    }
}

} // namespace skein::eas
