#include "SyncEngineJobs.h"

#include "BackgroundPriority.h"
#include "SyncEngineWorker.h"

namespace skein::eas {

namespace {

// Reply-header requests per background job: small enough that a sync or
// the user's work asked for meanwhile waits for a few requests at most.
constexpr int kBackgroundBatchesPerJob = 4;

} // namespace

SyncEngineJobs::SyncEngineJobs(const SyncEngine::Config &config, std::function<void()> interruptPush)
    : m_config(config)
    , m_interruptPush(std::move(interruptPush))
{
}

void SyncEngineJobs::run()
{
    yieldCpuToTheWindow();
    SyncEngineWorker worker;
    worker.config = m_config;
    worker.yieldToUser = [this] { runUserWork(); };
    m_worker = &worker;
    while (std::optional<AccountScheduler::Job> job = m_scheduler.next())
        (*job)();
    m_worker = nullptr;
}

void SyncEngineJobs::post(Lane lane, const QString &key, Job job)
{
    m_scheduler.post(lane, key, [this, lane, job = std::move(job)] {
        const Lane outer = m_runningLane;
        m_runningLane = lane;
        job(*m_worker);
        m_runningLane = outer;
    });
    if (lane != Lane::Push)
        m_interruptPush();
}

bool SyncEngineJobs::hasWaiting(Lane lane) const
{
    return m_scheduler.hasWaiting(lane);
}

void SyncEngineJobs::finish()
{
    m_scheduler.finish();
}

void SyncEngineJobs::runUserWork()
{
    if (m_yielding || m_runningLane == Lane::User)
        return;
    m_yielding = true;
    while (std::optional<AccountScheduler::Job> job = m_scheduler.take(Lane::User))
        (*job)();
    m_yielding = false;
}

void SyncEngineJobs::scheduleBackgroundWork(SyncEngineWorker &w)
{
    if (!w.runner || !w.runner->replyHeadersPending())
        return;
    post(Lane::Background, QStringLiteral("reply-headers"), [this](SyncEngineWorker &w) {
        if (w.runner->fetchMoreReplyHeaders(kBackgroundBatchesPerJob))
            scheduleBackgroundWork(w);
    });
}

} // namespace skein::eas
