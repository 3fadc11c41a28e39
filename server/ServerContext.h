#pragma once

#include "FaultInjector.h"
#include "IdentitySettings.h"
#include "PeerQuirks.h"
#include "ServerStore.h"

#include <QDateTime>

namespace skein::server {

// Default of the request body limit (--max-request-bytes): far above any
// SendMail the client composes, far below what the machine can hold.
inline constexpr qint64 kDefaultMaxRequestBytes = 64LL * 1024 * 1024;

// What command handlers share: the store, the fault knobs, the peer quirks and the clock
// (tests may pin "now" so FilterType windows are deterministic), and how users sign in.
struct ServerContext {
    ServerStore store;
    FaultInjector faults;
    PeerQuirks quirks; // for the life of the process
    qint64 fixedNowMs = 0; // 0: the real clock
    qint64 maxRequestBytes = kDefaultMaxRequestBytes; // larger bodies get HTTP 413 (RequestSizeGuard)
    IdentitySettings identity; // accepted schemes, token lifetimes, the identity clock

    qint64 nowMs() const { return fixedNowMs ? fixedNowMs : QDateTime::currentMSecsSinceEpoch(); }
};

} // namespace skein::server
