#include "EasAuthenticator.h"

#include "ServerContext.h"
#include "TokenStore.h"

namespace skein::server {

namespace {

bool hasScheme(const QByteArray &authorization, const char *scheme)
{
    const QByteArray prefix = QByteArray(scheme) + ' ';
    return authorization.size() > prefix.size() && authorization.left(prefix.size()).compare(prefix, Qt::CaseInsensitive) == 0;
}

} // namespace

EasAuthenticator::Outcome EasAuthenticator::refuse(bool invalidToken) const
{
    Outcome out;
    const IdentitySettings &id = m_ctx.identity;
    if (id.acceptBasic)
        out.challenges.append(std::pair<QByteArray, QByteArray>("WWW-Authenticate", "Basic realm=\"Skein\""));
    if (id.acceptBearer) {
        QByteArray bearer = "Bearer authorization_uri=\"" + m_base.toUtf8() + "/common/oauth2/v2.0/authorize\"";
        if (invalidToken)
            bearer += ", error=\"invalid_token\"";
        out.challenges.append(std::pair<QByteArray, QByteArray>("WWW-Authenticate", bearer));
    }
    return out;
}

EasAuthenticator::Outcome EasAuthenticator::checkBearer(const QByteArray &token)
{
    // Read afresh on every request: `skein-server revoke` writes from another process.
    TokenStore tokens(m_ctx.store);
    const auto issued = tokens.token(QString::fromLatin1(token), IssuedToken::Kind::Access);
    if (!issued || issued->revoked || issued->expiredAt(m_ctx.identity.nowMs()))
        return refuse(true);
    if (auto user = m_ctx.store.accounts().userById(issued->userId))
        return Outcome{user, {}};
    return refuse(true); // the user is gone
}

EasAuthenticator::Outcome EasAuthenticator::authenticate(const QByteArray &authorization)
{
    const QByteArray auth = authorization.trimmed();
    const IdentitySettings &id = m_ctx.identity;
    if (id.acceptBearer && hasScheme(auth, "Bearer"))
        return checkBearer(auth.mid(7).trimmed());
    if (!id.acceptBasic || !hasScheme(auth, "Basic"))
        return refuse(false);
    const QByteArray decoded = QByteArray::fromBase64(auth.mid(6).trimmed());
    const int colon = decoded.indexOf(':');
    if (colon <= 0)
        return refuse(false);
    const auto user = m_ctx.store.accounts().user(QString::fromUtf8(decoded.left(colon)));
    if (!user || user->password != QString::fromUtf8(decoded.mid(colon + 1)))
        return refuse(false);
    return Outcome{user, {}};
}

EasAuthenticator::Outcome EasAuthenticator::authenticateOptions(const QByteArray &authorization)
{
    const QByteArray auth = authorization.trimmed();
    const IdentitySettings &id = m_ctx.identity;
    if (id.acceptBearer && hasScheme(auth, "Bearer"))
        return checkBearer(auth.mid(7).trimmed());
    if (id.acceptBasic && hasScheme(auth, "Basic"))
        return Outcome{UserRow{}, {}};
    return refuse(false);
}

} // namespace skein::server
