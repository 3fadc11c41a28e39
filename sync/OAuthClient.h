#pragma once

#include "ErrorKind.h"
#include "OAuthConfig.h"
#include "Transport.h"

#include <QDateTime>
#include <QString>
#include <QUrl>

namespace skein::eas {

// What a token endpoint hands out. The refresh token goes to a TokenStore
// (the keychain) at once; the access token lives in memory only.
struct OAuthTokens {
    QString accessToken;
    QString refreshToken;     // empty when the server did not rotate it
    QDateTime expiresAt;      // UTC
    qint64 lifetimeSeconds = 0;
    QString scope;
};

// One answer of the token endpoint: tokens, or an RFC 6749 5.2 error.
struct TokenAnswer {
    OAuthTokens tokens;
    QString error;            // e.g. invalid_grant, authorization_pending; empty when ok
    QString description;      // error_description, for logs (may name AADSTS codes)
    int httpStatus = 0;       // 0: no answer (see networkError)
    QString networkError;
    bool tlsError = false;

    bool ok() const { return error.isEmpty() && httpStatus == 200 && !tokens.accessToken.isEmpty(); }
    bool unanswered() const { return httpStatus == 0; }
    // invalid_grant and friends: the grant is gone, only a new sign-in helps.
    bool needsNewSignIn() const;
};

// The device authorization response (RFC 8628 3.2).
struct DeviceCodeGrant {
    QString deviceCode;
    QString userCode;
    QUrl verificationUri;
    int expiresInSeconds = 0;
    int intervalSeconds = 5;  // RFC 8628 3.2: 5 when the server names none
    QString message;          // the server's own instructions, when it gives them
    QString error;            // empty when ok
    QString description;
    int httpStatus = 0;
    QString networkError;

    bool ok() const { return error.isEmpty() && !deviceCode.isEmpty(); }
    // The sentence to show: the server's message, else ours.
    QString instructions() const;
};

// The identity provider's token and device-code endpoints (RFC 6749, 7636,
// 8628) over a Transport. Every call blocks its thread until the answer is
// in; run it on a worker or engine thread, never on the GUI thread.
class OAuthClient
{
public:
    OAuthClient(Transport &transport, OAuthConfig config);

    const OAuthConfig &config() const { return m_config; }
    void setClock(std::function<QDateTime()> now) { m_now = std::move(now); }

    // The browser's start: response_type=code with PKCE S256.
    static QUrl authorizationUrl(const OAuthConfig &config, const QUrl &redirectUri, const QByteArray &state,
                                 const QByteArray &codeChallenge, const QString &loginHint = {});

    TokenAnswer redeemCode(const QString &code, const QByteArray &verifier, const QUrl &redirectUri);
    TokenAnswer refresh(const QString &refreshToken);
    DeviceCodeGrant requestDeviceCode();
    TokenAnswer pollDeviceCode(const QString &deviceCode);

    // Parses a token endpoint answer; public for tests.
    static TokenAnswer parseTokenAnswer(const HttpResponse &response, const QDateTime &now);

private:
    HttpResponse postForm(const QUrl &url, const QList<QPair<QString, QString>> &fields);

    Transport &m_transport;
    OAuthConfig m_config;
    std::function<QDateTime()> m_now;
};

// How a failed token request shows to the user and the engine.
ErrorKind errorKindFor(const TokenAnswer &answer);
QString signInFailureText(const TokenAnswer &answer, const QString &accountName);
// "Your sign-in to ACCOUNT has expired or was revoked. ..."
QString signInRequiredText(const QString &accountName);

} // namespace skein::eas
