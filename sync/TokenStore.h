#pragma once

#include <QString>

#include <mutex>

namespace skein::eas {

// Where one account's OAuth refresh token is kept between runs. The real one
// is the system keychain (app/common KeychainTokenStore); tests use the
// in-memory one. Never the profile database or skein.ini. Called from the
// engine thread: implementations must not need that thread's event loop.
class TokenStore
{
public:
    virtual ~TokenStore() = default;
    // The stored refresh token; empty with *error set when there is none.
    virtual QString loadRefreshToken(QString *error) = 0;
    // Replaces the stored token (refresh tokens rotate on every refresh).
    virtual bool saveRefreshToken(const QString &refreshToken, QString *error) = 0;
};

class InMemoryTokenStore final : public TokenStore
{
public:
    explicit InMemoryTokenStore(QString refreshToken = {}) : m_token(std::move(refreshToken)) {}

    QString loadRefreshToken(QString *error) override
    {
        std::lock_guard lock(m_mutex);
        if (m_token.isEmpty() && error)
            *error = QStringLiteral("no refresh token stored");
        return m_token;
    }
    bool saveRefreshToken(const QString &refreshToken, QString *) override
    {
        std::lock_guard lock(m_mutex);
        m_token = refreshToken;
        ++m_saves;
        return true;
    }
    int saves() const
    {
        std::lock_guard lock(m_mutex);
        return m_saves;
    }

private:
    mutable std::mutex m_mutex;
    QString m_token;
    int m_saves = 0;
};

} // namespace skein::eas
