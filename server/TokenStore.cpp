#include "TokenStore.h"

#include "ServerStore.h"
#include "SqlStatement.h"

#include <QCryptographicHash>
#include <QRandomGenerator>

namespace skein::server {

namespace {

constexpr auto kBase64Url = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;
// No 0/O, 1/I/L, 5/S, 2/Z, 8/B, U/V: a code read off one screen and typed on another.
constexpr char kUserCodeAlphabet[] = "ACDEFGHJKMNPQRTWXY34679";

const char *kindName(IssuedToken::Kind kind)
{
    return kind == IssuedToken::Kind::Access ? "access" : "refresh";
}

const char *stateName(DeviceAuthorization::State state)
{
    switch (state) {
    case DeviceAuthorization::State::Pending: return "pending";
    case DeviceAuthorization::State::Approved: return "approved";
    case DeviceAuthorization::State::Denied: return "denied";
    case DeviceAuthorization::State::Redeemed: return "redeemed";
    }
    return "pending";
}

DeviceAuthorization::State stateFromName(const QString &name)
{
    if (name == QLatin1String("approved"))
        return DeviceAuthorization::State::Approved;
    if (name == QLatin1String("denied"))
        return DeviceAuthorization::State::Denied;
    if (name == QLatin1String("redeemed"))
        return DeviceAuthorization::State::Redeemed;
    return DeviceAuthorization::State::Pending;
}

const char *const kDeviceColumns =
    "device_code, user_code, client_id, scope, expires, interval_seconds, last_poll, user_id, state";

DeviceAuthorization readDevice(const SqlStatement &q)
{
    DeviceAuthorization d;
    d.deviceCode = q.text(0);
    d.userCode = q.text(1);
    d.clientId = q.text(2);
    d.scope = q.text(3);
    d.expiresMs = q.integer(4);
    d.intervalSeconds = int(q.integer(5));
    d.lastPollMs = q.integer(6);
    d.userId = q.integer(7);
    d.state = stateFromName(q.text(8));
    return d;
}

} // namespace

QString TokenStore::randomToken(int bytes)
{
    QByteArray raw;
    while (raw.size() < bytes) {
        const quint32 word = QRandomGenerator::system()->generate();
        raw.append(reinterpret_cast<const char *>(&word), sizeof word);
    }
    raw.truncate(bytes);
    return QString::fromLatin1(raw.toBase64(kBase64Url));
}

QString TokenStore::randomUserCode()
{
    constexpr int alphabetSize = int(sizeof(kUserCodeAlphabet)) - 1;
    QString code;
    for (int i = 0; i < 9; ++i)
        code += QLatin1Char(kUserCodeAlphabet[QRandomGenerator::system()->bounded(alphabetSize)]);
    return code;
}

QString TokenStore::s256Challenge(const QString &verifier)
{
    const QByteArray digest = QCryptographicHash::hash(verifier.toLatin1(), QCryptographicHash::Sha256);
    return QString::fromLatin1(digest.toBase64(kBase64Url));
}

QString TokenStore::normalizedUserCode(const QString &typed)
{
    QString out;
    for (const QChar c : typed)
        if (c.isLetterOrNumber())
            out += c.toUpper();
    return out;
}

bool TokenStore::addCode(const AuthorizationCode &c)
{
    SqlStatement q(m_store.handle(), "INSERT INTO oauth_codes(code, user_id, client_id, redirect_uri, "
                                     "code_challenge, scope, expires) VALUES(?,?,?,?,?,?,?)");
    q.bind(1, c.code).bind(2, c.userId).bind(3, c.clientId).bind(4, c.redirectUri);
    q.bind(5, c.codeChallenge).bind(6, c.scope).bind(7, c.expiresMs);
    return q.run();
}

std::optional<AuthorizationCode> TokenStore::consumeCode(const QString &code)
{
    std::optional<AuthorizationCode> found;
    {
        SqlStatement q(m_store.handle(), "SELECT code, user_id, client_id, redirect_uri, code_challenge, scope, "
                                         "expires, used FROM oauth_codes WHERE code=?");
        q.bind(1, code);
        if (!q.next())
            return std::nullopt;
        found = AuthorizationCode{q.text(0), q.integer(1), q.text(2), q.text(3), q.text(4),
                                  q.text(5), q.integer(6), q.integer(7) != 0};
    }
    SqlStatement u(m_store.handle(), "UPDATE oauth_codes SET used=1 WHERE code=?");
    u.bind(1, code).run();
    return found;
}

bool TokenStore::addToken(const IssuedToken &t)
{
    SqlStatement q(m_store.handle(), "INSERT INTO oauth_tokens(token, kind, user_id, client_id, scope, created, "
                                     "expires, revoked) VALUES(?,?,?,?,?,?,?,?)");
    q.bind(1, t.token).bind(2, QString::fromLatin1(kindName(t.kind))).bind(3, t.userId).bind(4, t.clientId);
    q.bind(5, t.scope).bind(6, t.createdMs).bind(7, t.expiresMs).bind(8, t.revoked);
    return q.run();
}

std::optional<IssuedToken> TokenStore::token(const QString &token, IssuedToken::Kind kind)
{
    SqlStatement q(m_store.handle(), "SELECT token, user_id, client_id, scope, created, expires, revoked "
                                     "FROM oauth_tokens WHERE token=? AND kind=?");
    q.bind(1, token).bind(2, QString::fromLatin1(kindName(kind)));
    if (!q.next())
        return std::nullopt;
    IssuedToken t;
    t.token = q.text(0);
    t.kind = kind;
    t.userId = q.integer(1);
    t.clientId = q.text(2);
    t.scope = q.text(3);
    t.createdMs = q.integer(4);
    t.expiresMs = q.integer(5);
    t.revoked = q.integer(6) != 0;
    return t;
}

int TokenStore::revokeUser(qint64 userId)
{
    sqlite3 *db = m_store.handle();
    SqlStatement tokens(db, "UPDATE oauth_tokens SET revoked=1 WHERE user_id=? AND revoked=0");
    if (!tokens.bind(1, userId).run())
        return -1;
    const int revoked = sqlite3_changes(db);
    SqlStatement codes(db, "UPDATE oauth_codes SET used=1 WHERE user_id=?");
    codes.bind(1, userId).run();
    SqlStatement devices(db, "UPDATE oauth_device_codes SET state='denied' WHERE user_id=? AND state='approved'");
    devices.bind(1, userId).run();
    return revoked;
}

bool TokenStore::addDeviceAuthorization(const DeviceAuthorization &d)
{
    const QByteArray sql = QByteArray("INSERT INTO oauth_device_codes(") + kDeviceColumns + ") VALUES(?,?,?,?,?,?,?,?,?)";
    SqlStatement q(m_store.handle(), sql.constData());
    q.bind(1, d.deviceCode).bind(2, normalizedUserCode(d.userCode)).bind(3, d.clientId).bind(4, d.scope);
    q.bind(5, d.expiresMs).bind(6, d.intervalSeconds).bind(7, d.lastPollMs).bind(8, d.userId);
    q.bind(9, QString::fromLatin1(stateName(d.state)));
    return q.run();
}

std::optional<DeviceAuthorization> TokenStore::deviceByDeviceCode(const QString &deviceCode)
{
    const QByteArray sql = QByteArray("SELECT ") + kDeviceColumns + " FROM oauth_device_codes WHERE device_code=?";
    SqlStatement q(m_store.handle(), sql.constData());
    q.bind(1, deviceCode);
    if (!q.next())
        return std::nullopt;
    return readDevice(q);
}

std::optional<DeviceAuthorization> TokenStore::deviceByUserCode(const QString &userCode)
{
    const QString normalized = normalizedUserCode(userCode);
    if (normalized.isEmpty())
        return std::nullopt;
    const QByteArray sql = QByteArray("SELECT ") + kDeviceColumns + " FROM oauth_device_codes WHERE user_code=?";
    SqlStatement q(m_store.handle(), sql.constData());
    q.bind(1, normalized);
    if (!q.next())
        return std::nullopt;
    return readDevice(q);
}

bool TokenStore::setDevicePolled(const QString &deviceCode, qint64 nowMs)
{
    SqlStatement q(m_store.handle(), "UPDATE oauth_device_codes SET last_poll=? WHERE device_code=?");
    return q.bind(1, nowMs).bind(2, deviceCode).run();
}

bool TokenStore::setDeviceState(const QString &deviceCode, DeviceAuthorization::State state, qint64 userId)
{
    SqlStatement q(m_store.handle(), "UPDATE oauth_device_codes SET state=?, user_id=CASE WHEN ?=0 THEN user_id "
                                     "ELSE ? END WHERE device_code=?");
    q.bind(1, QString::fromLatin1(stateName(state))).bind(2, userId).bind(3, userId).bind(4, deviceCode);
    return q.run();
}

} // namespace skein::server
