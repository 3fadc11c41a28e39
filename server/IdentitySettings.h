#pragma once

#include <QDateTime>
#include <QString>

namespace skein::server {

// How the server signs users in (--auth, --token-lifetime, --device-interval,
// --device-code-lifetime; docs/signin.md).
//
// Token, code and device-code times run on the real clock plus
// clockOffsetMs, never on the pinned --now: a pinned clock stands still, so
// nothing would ever expire, and the client only ever sees relative times
// (expires_in). Tests move clockOffsetMs forward instead of waiting 10 or 15
// minutes.
struct IdentitySettings {
    bool acceptBasic = true;  // Authorization: Basic on the EAS endpoint
    bool acceptBearer = true; // Authorization: Bearer (tokens of the identity provider)
    int accessTokenSeconds = 3600;
    int deviceIntervalSeconds = 5;
    int deviceCodeSeconds = 900;
    qint64 clockOffsetMs = 0;

    qint64 nowMs() const { return QDateTime::currentMSecsSinceEpoch() + clockOffsetMs; }

    // For tokens and codes issued from now on.
    void setAccessTokenLifetime(int seconds) { accessTokenSeconds = seconds; }
    void setDeviceCodeInterval(int seconds) { deviceIntervalSeconds = seconds; }
    void setDeviceCodeLifetime(int seconds) { deviceCodeSeconds = seconds; }
    // Tests see codes and tokens expire without waiting.
    void advanceIdentityClock(qint64 ms) { clockOffsetMs += ms; }

    // "basic", "oauth" or "both"; false for anything else.
    bool setAuthMode(const QString &mode)
    {
        if (mode == QLatin1String("basic")) {
            acceptBasic = true;
            acceptBearer = false;
        } else if (mode == QLatin1String("oauth")) {
            acceptBasic = false;
            acceptBearer = true;
        } else if (mode == QLatin1String("both")) {
            acceptBasic = acceptBearer = true;
        } else {
            return false;
        }
        return true;
    }
};

} // namespace skein::server
