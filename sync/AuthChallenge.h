#pragma once

#include "Transport.h"

#include <QList>
#include <QMap>
#include <QString>

#include <optional>

namespace skein::eas {

// One challenge of a WWW-Authenticate header (RFC 7235 4.1), e.g.
// Bearer authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize".
struct AuthChallenge {
    QString scheme;                  // as sent; compare case-insensitively
    QMap<QString, QString> params;   // names lower-cased, values unquoted
    QString token68;                 // e.g. Negotiate's blob; usually empty

    QString param(const QString &name) const { return params.value(name.toLower()); }
};

// Every challenge in the given header values. A value may hold several
// challenges joined by commas (as proxies and Qt join repeated headers).
QList<AuthChallenge> parseAuthChallenges(const QList<QByteArray> &headerValues);
// Every challenge of every WWW-Authenticate header of the response.
QList<AuthChallenge> authChallenges(const HttpResponse &response);
std::optional<AuthChallenge> findChallenge(const QList<AuthChallenge> &challenges, const char *scheme);

// The authority of a Bearer challenge's authorization_uri: everything before
// "/{tenant}/oauth2/", e.g. https://login.microsoftonline.com. Empty when the
// URI has no such part. *tenant, when given, receives the tenant segment.
QString authorityFromAuthorizationUri(const QString &uri, QString *tenant = nullptr);

} // namespace skein::eas
