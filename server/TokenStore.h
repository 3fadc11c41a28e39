#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace skein::server {

class ServerStore;

// An authorization code of the code flow (RFC 6749 4.1, PKCE RFC 7636).
struct AuthorizationCode {
    QString code;
    qint64 userId = 0;
    QString clientId;
    QString redirectUri;
    QString codeChallenge; // S256 only
    QString scope;
    qint64 expiresMs = 0;
    bool used = false;
};

// An access or refresh token.
struct IssuedToken {
    enum class Kind { Access, Refresh };
    QString token;
    Kind kind = Kind::Access;
    qint64 userId = 0;
    QString clientId;
    QString scope;
    qint64 createdMs = 0;
    qint64 expiresMs = 0; // 0: never (refresh tokens live until revoked)
    bool revoked = false;

    bool expiredAt(qint64 nowMs) const { return expiresMs != 0 && nowMs >= expiresMs; }
};

// A device authorization (RFC 8628) and where the user is with it.
struct DeviceAuthorization {
    enum class State { Pending, Approved, Denied, Redeemed };
    QString deviceCode;
    QString userCode;
    QString clientId;
    QString scope;
    qint64 expiresMs = 0;
    int intervalSeconds = 5;
    qint64 lastPollMs = 0; // 0: never polled
    qint64 userId = 0;     // who approved it
    State state = State::Pending;
};

// The identity provider's codes and tokens, in the server's SQLite store
// (tables oauth_*), so a second process (`skein-server revoke`) can revoke
// them and the serving process sees it on the next request: nothing is cached.
class TokenStore
{
public:
    explicit TokenStore(ServerStore &store) : m_store(store) {}

    // `bytes` random bytes from the system generator, base64url without padding.
    static QString randomToken(int bytes = 32);
    // A user code people can read aloud and type: 9 letters and digits
    // without look-alikes (no 0/O, 1/I/L, 5/S, ...).
    static QString randomUserCode();
    // base64url(SHA-256(verifier)) without padding: the S256 challenge (RFC 7636 4.2).
    static QString s256Challenge(const QString &verifier);

    bool addCode(const AuthorizationCode &code);
    // The code as stored before this call, and marks it used: a code is
    // presented once, whatever the outcome. None if unknown.
    std::optional<AuthorizationCode> consumeCode(const QString &code);

    bool addToken(const IssuedToken &token);
    std::optional<IssuedToken> token(const QString &token, IssuedToken::Kind kind);
    // Revokes every token of the user and burns the codes not yet redeemed
    // and the device codes not yet redeemed. Returns the number of tokens revoked.
    int revokeUser(qint64 userId);

    bool addDeviceAuthorization(const DeviceAuthorization &device);
    std::optional<DeviceAuthorization> deviceByDeviceCode(const QString &deviceCode);
    // Case and separators ignored ("abcd-efgh" matches "ABCDEFGH").
    std::optional<DeviceAuthorization> deviceByUserCode(const QString &userCode);
    bool setDevicePolled(const QString &deviceCode, qint64 nowMs);
    bool setDeviceState(const QString &deviceCode, DeviceAuthorization::State state, qint64 userId = 0);

    // Upper case, letters and digits only: how user codes are stored and compared.
    static QString normalizedUserCode(const QString &typed);

private:
    ServerStore &m_store;
};

} // namespace skein::server
