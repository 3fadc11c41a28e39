#pragma once

#include "FaultInjector.h"
#include "PeerQuirks.h"
#include "ServerStore.h"

#include <QDateTime>

namespace skein::server {

// What command handlers share: the store, the fault knobs, the peer quirks and the clock
// (tests may pin "now" so FilterType windows are deterministic).
struct ServerContext {
    ServerStore store;
    FaultInjector faults;
    PeerQuirks quirks; // for the life of the process
    qint64 fixedNowMs = 0; // 0: the real clock

    qint64 nowMs() const { return fixedNowMs ? fixedNowMs : QDateTime::currentMSecsSinceEpoch(); }
};

} // namespace skein::server
