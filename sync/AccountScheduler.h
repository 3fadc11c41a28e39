#pragma once

#include <QString>

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <optional>

namespace skein::eas {

// What a job is for decides when it runs: first what the user waits for
// (a body, an action's replay, a find, an estimate), then the sync, then
// background work (reply headers, inference) that nobody waits for, and last
// the Ping that waits minutes for the server to say something changed.
enum class Lane { User = 0, Sync = 1, Background = 2, Push = 3 };

// The queue of one account's engine: one job at a time, the most urgent lane
// first, in order within a lane. Jobs never overlap, so at most one request
// is in flight per account and every request starts from the state the
// previous one left (a sync key is never sent twice at once).
//
// Thread-safe: any thread posts; the engine's thread takes and runs.
class AccountScheduler
{
public:
    using Job = std::function<void()>;

    // Queues job. A job with a non-empty key that equals the key of a job
    // still waiting (not one already running) is the same work: it is
    // dropped and post returns false. Returns false after finish() too.
    bool post(Lane lane, const QString &key, Job job);

    // Blocks until a job waits, then hands out the most urgent one. After
    // finish(), the user and sync jobs still waiting are handed out, then
    // nullopt; background and push jobs are dropped.
    std::optional<Job> next();
    // The most urgent waiting job of lane `atMost` or a more urgent lane,
    // without waiting; nullopt when there is none.
    std::optional<Job> take(Lane atMost);

    bool hasWaiting(Lane atMost) const;
    int waitingCount() const;

    // No more posts; next() drains the user and sync jobs that wait, then
    // ends the engine's loop.
    void finish();

private:
    struct Entry {
        Lane lane;
        QString key;
        Job job;
    };
    std::optional<Job> takeLocked(Lane atMost);

    mutable std::mutex m_mutex;
    std::condition_variable m_posted;
    std::deque<Entry> m_waiting; // in posting order; lanes picked by scan
    bool m_finished = false;
};

} // namespace skein::eas
