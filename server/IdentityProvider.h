#pragma once

#include "WebExchange.h"

#include <QHash>
#include <QString>

#include <optional>

namespace skein::server {

struct ServerContext;
struct UserRow;

// The reference server as an OAuth 2.0 identity provider, on the paths of
// Microsoft's identity platform v2.0 (docs/signin.md): the authorization
// code flow with PKCE S256 (RFC 6749 4.1, RFC 7636), refresh tokens
// (RFC 6749 6), the device authorization grant (RFC 8628) with its
// /devicelogin page. Codes and tokens live in the store (TokenStore), so
// `skein-server revoke` in another process takes effect at once.
class IdentityProvider
{
public:
    explicit IdentityProvider(ServerContext &ctx) : m_ctx(ctx) {}

    // True for /{tenant}/oauth2/v2.0/{authorize,token,devicecode} and /devicelogin.
    static bool handles(const QString &path);
    WebReply handle(const WebRequest &request);

    // A user by what people type to sign in: the user name or the configured
    // address (case-insensitive).
    std::optional<UserRow> userBySignInName(const QString &typed);

private:
    using Fields = QHash<QString, QString>;

    WebReply authorize(const WebRequest &request);
    WebReply token(const WebRequest &request);
    WebReply deviceCode(const WebRequest &request);
    WebReply deviceLogin(const WebRequest &request);

    WebReply redeemCode(const Fields &form);
    WebReply redeemRefreshToken(const Fields &form);
    WebReply redeemDeviceCode(const Fields &form);
    WebReply issueTokens(qint64 userId, const QString &clientId, const QString &scope);

    ServerContext &m_ctx;
};

} // namespace skein::server
