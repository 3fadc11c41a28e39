#include "AccountScheduler.h"

#include <algorithm>

namespace skein::eas {

bool AccountScheduler::post(Lane lane, const QString &key, Job job)
{
    {
        std::lock_guard lock(m_mutex);
        if (m_finished)
            return false;
        const bool duplicate = !key.isEmpty()
            && std::any_of(m_waiting.cbegin(), m_waiting.cend(), [&](const Entry &e) { return e.key == key; });
        if (duplicate)
            return false;
        m_waiting.push_back(Entry{lane, key, std::move(job)});
    }
    m_posted.notify_one();
    return true;
}

std::optional<AccountScheduler::Job> AccountScheduler::takeLocked(Lane atMost)
{
    auto best = m_waiting.end();
    for (auto it = m_waiting.begin(); it != m_waiting.end(); ++it) {
        if (it->lane > atMost)
            continue;
        if (best == m_waiting.end() || it->lane < best->lane)
            best = it;
        if (best->lane == Lane::User)
            break; // nothing is more urgent, and it is the oldest of its lane
    }
    if (best == m_waiting.end())
        return std::nullopt;
    Job job = std::move(best->job);
    m_waiting.erase(best);
    return job;
}

std::optional<AccountScheduler::Job> AccountScheduler::next()
{
    std::unique_lock lock(m_mutex);
    m_posted.wait(lock, [this] { return m_finished || !m_waiting.empty(); });
    // Once finished, background work is left for the next start: nobody waits for it.
    return takeLocked(m_finished ? Lane::Sync : Lane::Push);
}

std::optional<AccountScheduler::Job> AccountScheduler::take(Lane atMost)
{
    std::lock_guard lock(m_mutex);
    return takeLocked(atMost);
}

bool AccountScheduler::hasWaiting(Lane atMost) const
{
    std::lock_guard lock(m_mutex);
    return std::any_of(m_waiting.cbegin(), m_waiting.cend(), [&](const Entry &e) { return e.lane <= atMost; });
}

int AccountScheduler::waitingCount() const
{
    std::lock_guard lock(m_mutex);
    return int(m_waiting.size());
}

void AccountScheduler::finish()
{
    {
        std::lock_guard lock(m_mutex);
        m_finished = true;
    }
    m_posted.notify_all();
}

} // namespace skein::eas
