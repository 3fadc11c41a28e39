#pragma once

#include <QString>

#include <optional>

namespace skein {

// What a profile knows about its server. Never holds the password.
struct AccountSettings {
    QString url;              // e.g. http://127.0.0.1:8080 (scheme, host, port)
    QString endpointPath = QStringLiteral("/Microsoft-Server-ActiveSync");
    QString user;
    QString deviceId;         // stable per profile, 1-32 alphanumerics
    QString protocolVersion;  // negotiated, e.g. "16.1"
    QString policyKey;        // "0" or empty before provisioning
    QString folderSyncKey = QStringLiteral("0");
    // How Skein signs in (docs/signin.md). Secrets are never here: the
    // password or the OAuth refresh token lives in the keychain only.
    enum class AuthMethod { Basic, OAuth };
    AuthMethod authMethod = AuthMethod::Basic;
    QString email;            // the address Autodiscover started from; may be empty
    QString oauthAuthority;   // e.g. https://login.microsoftonline.com (OAuth only)
    QString oauthTenant;      // e.g. common, organizations or a tenant id
    QString oauthClientId;    // the application (client) id registered with the identity provider

    bool usesOAuth() const { return authMethod == AuthMethod::OAuth; }
};

QString authMethodName(AccountSettings::AuthMethod method);               // "basic" or "oauth"
std::optional<AccountSettings::AuthMethod> authMethodFromName(const QString &name);

} // namespace skein
