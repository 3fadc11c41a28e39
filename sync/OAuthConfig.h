#pragma once

#include <QString>
#include <QUrl>

namespace skein::eas {

// Where and as which application Skein asks for tokens (docs/signin.md,
// "Client id"). Microsoft identity platform v2.0 paths under the authority.
struct OAuthConfig {
    static constexpr const char *kDefaultAuthority = "https://login.microsoftonline.com";
    static constexpr const char *kDefaultTenant = "common";
    // Delegated EAS access plus a refresh token (offline_access).
    static constexpr const char *kEasScope = "https://outlook.office.com/EAS.AccessAsUser.All offline_access";
    // Skein has no application id registered with Microsoft: an administrator
    // registers one (docs/signin.md) and it is read from the account, from
    // `skein-cli account add --client-id` or from this environment variable.
    static constexpr const char *kClientIdVariable = "SKEIN_OAUTH_CLIENT_ID";

    QString authority = QString::fromLatin1(kDefaultAuthority);
    QString tenant = QString::fromLatin1(kDefaultTenant);
    QString clientId;
    QString scope = QString::fromLatin1(kEasScope);

    QUrl authorizeUrl() const { return endpoint(QStringLiteral("authorize")); }
    QUrl tokenUrl() const { return endpoint(QStringLiteral("token")); }
    QUrl deviceCodeUrl() const { return endpoint(QStringLiteral("devicecode")); }

    // The client id given, else SKEIN_OAUTH_CLIENT_ID, else empty.
    static QString resolveClientId(const QString &given);

private:
    QUrl endpoint(const QString &name) const;
};

// A sentence for the user when no client id is known.
QString missingClientIdText();

} // namespace skein::eas
