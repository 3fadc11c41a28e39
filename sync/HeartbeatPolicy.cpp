#include "HeartbeatPolicy.h"

#include <algorithm>

namespace skein::eas {

int HeartbeatPolicy::ceiling() const
{
    const int target = m_cutOff > 0 ? std::min(kInitialSeconds, m_cutOff - 30) : kInitialSeconds;
    return std::clamp(target, m_min, m_max);
}

void HeartbeatPolicy::expired()
{
    if (m_cutOff > 0 && ++m_quietPings >= kQuietPingsBeforeClimbing) {
        m_quietPings = 0;
        m_cutOff += kStepSeconds;
    }
    m_seconds = std::clamp(std::min(m_seconds + kStepSeconds, std::max(m_seconds, ceiling())), m_min, m_max);
}

void HeartbeatPolicy::outOfRange(int bound)
{
    if (bound <= 0)
        return;
    if (bound > m_seconds)
        m_min = bound;
    else
        m_max = bound;
    if (m_min > m_max)
        m_max = m_min;
    m_seconds = bound;
}

void HeartbeatPolicy::dropped(int waitedSeconds)
{
    // A drop long before the heartbeat is the network cutting idle links;
    // one right at the end is just a slow answer and teaches nothing.
    if (waitedSeconds <= 0 || waitedSeconds >= m_seconds)
        return;
    m_cutOff = waitedSeconds;
    m_quietPings = 0;
    m_seconds = std::clamp(waitedSeconds - 30, m_min, m_max);
}

} // namespace skein::eas
