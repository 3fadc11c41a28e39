#include "OAuthTokenProvider.h"

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcOAuth)

namespace skein::eas {

OAuthTokenProvider::OAuthTokenProvider(Transport &transport, OAuthConfig config, TokenStore &store,
                                       QString accountName)
    : m_client(transport, std::move(config))
    , m_store(store)
    , m_accountName(std::move(accountName))
    , m_now([] { return QDateTime::currentDateTimeUtc(); })
{
}

void OAuthTokenProvider::setClock(std::function<QDateTime()> now)
{
    m_now = now;
    m_client.setClock(std::move(now));
}

void OAuthTokenProvider::setInitialTokens(const OAuthTokens &tokens)
{
    m_current = tokens;
    m_current.refreshToken.clear(); // lives in the store only
}

OAuthConfig oauthConfigFor(const AccountSettings &account)
{
    OAuthConfig config;
    if (!account.oauthAuthority.isEmpty())
        config.authority = account.oauthAuthority;
    if (!account.oauthTenant.isEmpty())
        config.tenant = account.oauthTenant;
    config.clientId = OAuthConfig::resolveClientId(account.oauthClientId);
    return config;
}

qint64 OAuthTokenProvider::refreshMarginSeconds(qint64 lifetimeSeconds)
{
    return std::min<qint64>(300, lifetimeSeconds / 10);
}

AccessTokenSource::Grant OAuthTokenProvider::accessToken(bool renew)
{
    Grant grant;
    const bool fresh = !m_current.accessToken.isEmpty() && m_current.expiresAt.isValid()
        && m_now().secsTo(m_current.expiresAt) > refreshMarginSeconds(m_current.lifetimeSeconds);
    if (fresh && !renew) {
        grant.accessToken = m_current.accessToken;
        return grant;
    }
    m_current = {};
    if (m_client.config().clientId.isEmpty()) {
        grant.error = ErrorKind::Auth;
        grant.message = missingClientIdText();
        return grant;
    }
    QString error;
    const QString refreshToken = m_store.loadRefreshToken(&error);
    if (refreshToken.isEmpty()) {
        qCDebug(lcOAuth) << "No refresh token:" << error;
        grant.error = ErrorKind::SignInRequired;
        grant.message = signInRequiredText(m_accountName);
        return grant;
    }
    const TokenAnswer answer = m_client.refresh(refreshToken);
    if (!answer.ok()) {
        grant.error = errorKindFor(answer);
        grant.message = signInFailureText(answer, m_accountName);
        return grant;
    }
    // Refresh tokens rotate: the new one must outlive this process.
    if (!answer.tokens.refreshToken.isEmpty() && answer.tokens.refreshToken != refreshToken
        && !m_store.saveRefreshToken(answer.tokens.refreshToken, &error))
        qCWarning(lcOAuth) << "Could not store the new refresh token:" << error;
    setInitialTokens(answer.tokens);
    qCDebug(lcOAuth) << "Access token refreshed; valid for" << answer.tokens.lifetimeSeconds << "s";
    grant.accessToken = m_current.accessToken;
    return grant;
}

} // namespace skein::eas
