#pragma once

#include "Profile.h"
#include "TokenStore.h"

namespace skein::cli {

// An OAuth account's refresh token in the system keychain (QtKeychain),
// under Profile::refreshTokenKey. Safe to call from the engine thread: the
// keychain job runs on the application thread (whose event loop QtKeychain
// needs) and the engine thread waits on a condition variable, so no event
// loop runs nested on it. On the application thread itself a local loop
// waits, as obtainPassword() does.
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
