#pragma once

#include "ServerStore.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>
#include <utility>

namespace skein::server {

struct ServerContext;

// Who is calling the ActiveSync endpoint: HTTP Basic (users' passwords) and
// OAuth 2.0 bearer tokens of the identity provider (RFC 6750), as far as
// --auth accepts each. A refusal carries the challenges of a 401: one
// WWW-Authenticate header per accepted scheme (docs/signin.md).
class EasAuthenticator
{
public:
    struct Outcome {
        std::optional<UserRow> user; // set when accepted
        // The WWW-Authenticate headers of the 401 otherwise.
        QList<std::pair<QByteArray, QByteArray>> challenges;
    };

    // `base` is http://HOST:PORT of this server, for the Bearer challenge's
    // authorization_uri.
    EasAuthenticator(ServerContext &ctx, QString base) : m_ctx(ctx), m_base(std::move(base)) {}

    // A POST: the credentials must hold.
    Outcome authenticate(const QByteArray &authorization);
    // OPTIONS: the scheme must be accepted and a bearer token must hold;
    // Basic credentials are not checked, as before OAuth (clients and tests
    // read the versions with any Basic header).
    Outcome authenticateOptions(const QByteArray &authorization);

private:
    Outcome refuse(bool invalidToken) const;
    Outcome checkBearer(const QByteArray &token);

    ServerContext &m_ctx;
    QString m_base;
};

} // namespace skein::server
