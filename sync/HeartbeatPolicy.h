#pragma once

namespace skein::eas {

// How long a Ping asks the server to wait. Starts near 8 minutes (what
// Exchange and phones use), takes the server's bounds from status 5 and
// learns the network's idle cut-off: a Ping that the network drops before
// its heartbeat ran out means idle connections die sooner, so the next one
// asks for less than what survived. After a run of quiet Pings it tries one
// step more, since the network may have changed (a laptop moved home).
class HeartbeatPolicy
{
public:
    static constexpr int kInitialSeconds = 480;
    static constexpr int kStepSeconds = 60;
    static constexpr int kQuietPingsBeforeClimbing = 5;

    int seconds() const { return m_seconds; }
    // The HTTP timeout that goes with it: a little longer than the heartbeat,
    // so the server's answer, not the client, ends a quiet Ping.
    int requestTimeoutMs() const { return (m_seconds + 30) * 1000; }

    // Status 1: the whole interval passed on an open connection. After
    // kQuietPingsBeforeClimbing of them, climbs one step back towards the
    // initial value.
    void expired();
    // Status 5: `bound` is the server's minimum (when above what we asked)
    // or maximum (when below). Ignored when absent (0).
    void outOfRange(int bound);
    // The connection ended without an answer after `waitedSeconds`.
    void dropped(int waitedSeconds);

    int minimum() const { return m_min; }
    int maximum() const { return m_max; }

private:
    int ceiling() const;

    int m_seconds = kInitialSeconds;
    int m_min = 60;    // Exchange's range until the server says otherwise
    int m_max = 3540;
    int m_cutOff = 0;  // the network's idle limit as learnt; 0 unknown
    int m_quietPings = 0;
};

} // namespace skein::eas
