#pragma once

#include "AccessTokenSource.h"
#include "OAuthClient.h"
#include "Store.h"
#include "TokenStore.h"

#include <functional>

namespace skein::eas {

// An OAuth account's access token on the engine thread: kept in memory,
// refreshed with the stored refresh token shortly before it expires (see
// refreshMarginSeconds) or when asked to, and every rotated refresh token is
// written back to the TokenStore at once.
class OAuthTokenProvider final : public AccessTokenSource
{
public:
    OAuthTokenProvider(Transport &transport, OAuthConfig config, TokenStore &store, QString accountName);

    void setClock(std::function<QDateTime()> now);
    // A token obtained by the sign-in itself, so that the first request
    // needs no refresh.
    void setInitialTokens(const OAuthTokens &tokens);

    Grant accessToken(bool renew) override;

    // 10% of the token's lifetime, at most 5 minutes: an hour's token is
    // renewed 5 minutes early, a one-minute test token 6 seconds early.
    static qint64 refreshMarginSeconds(qint64 lifetimeSeconds);

private:
    OAuthClient m_client;
    TokenStore &m_store;
    QString m_accountName;
    std::function<QDateTime()> m_now;
    OAuthTokens m_current;
};

// The account's OAuth settings; an empty client id falls back to
// SKEIN_OAUTH_CLIENT_ID, an empty authority or tenant to the defaults.
OAuthConfig oauthConfigFor(const AccountSettings &account);

} // namespace skein::eas
