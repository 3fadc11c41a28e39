#pragma once

// Private to SyncEngine*.cpp: the job loop of the engine's thread.
#include "AccountScheduler.h"
#include "SyncEngine.h"

#include <functional>

namespace skein::eas {

struct SyncEngineWorker;

// Runs the account's scheduler on the engine's thread, one job at a time,
// each with the thread's SyncEngineWorker. A long sync's safe points
// (SyncRunner's yield handler) run the user's waiting jobs in between.
class SyncEngineJobs
{
public:
    using Job = std::function<void(SyncEngineWorker &)>;

    // interruptPush: called after any job but the Ping was posted, so the
    // Ping makes way for it.
    SyncEngineJobs(const SyncEngine::Config &config, std::function<void()> interruptPush);

    // From any thread.
    void post(Lane lane, const QString &key, Job job);
    bool hasWaiting(Lane lane) const;
    // Jobs already queued still run; run() then returns.
    void finish();

    // The engine thread's whole life.
    void run();

    // Reply headers a sync left for later, a few requests per job.
    void scheduleBackgroundWork(SyncEngineWorker &w);

private:
    // A long sync's safe point: the user's waiting jobs run now.
    void runUserWork();

    const SyncEngine::Config &m_config;
    std::function<void()> m_interruptPush;
    AccountScheduler m_scheduler;
    // Only touched on the engine's thread:
    SyncEngineWorker *m_worker = nullptr;
    Lane m_runningLane = Lane::Background;
    bool m_yielding = false;
};

} // namespace skein::eas
