#pragma once

#include "Profile.h"
#include "TokenStore.h"

namespace skein::cli {

// An OAuth account's refresh token in the system keychain (QtKeychain),
// under Profile::refreshTokenKey. Safe to call from the engine thread: each
// keychain job runs on a short-lived thread of its own with its own event
// loop, and the caller waits on a condition variable, so no event loop ever
// runs nested on the caller's thread.
class KeychainTokenStore final : public eas::TokenStore
{
public:
    KeychainTokenStore(Profile profile, QString user);

    QString loadRefreshToken(QString *error) override;
    bool saveRefreshToken(const QString &refreshToken, QString *error) override;

private:
    Profile m_profile;
    QString m_user;
};

} // namespace skein::cli
