#include "SyncEnginePush.h"

#include "PingCommand.h"
#include "SyncEngineJobs.h"
#include "SyncEngineWorker.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QTimer>

#include <algorithm>

Q_LOGGING_CATEGORY(lcPush, "skein.push")

namespace skein::eas {

namespace {

constexpr int kMaxRetryMs = 5 * 60 * 1000;

// The folders whose new mail matters: every synced mail folder except the
// Outbox, Inbox first so a server's folder limit keeps it.
QStringList pushFolders(const Store &store, int limit)
{
    QList<Folder> folders;
    for (const Folder &f : store.folderStore().folders())
        if (isMailFolder(f.type) && f.type != FolderType::Outbox && store.folderStore().syncKey(f.serverId) != QLatin1String("0"))
            folders.append(f);
    std::stable_sort(folders.begin(), folders.end(), [](const Folder &a, const Folder &b) {
        return (a.type == FolderType::Inbox) > (b.type == FolderType::Inbox);
    });
    QStringList ids;
    for (const Folder &f : folders)
        if (limit <= 0 || ids.size() < limit)
            ids.append(f.serverId);
    return ids;
}

} // namespace

SyncEnginePush::SyncEnginePush(SyncEngine &engine, SyncEngineJobs &jobs)
    : m_engine(engine)
    , m_jobs(jobs)
{
}

void SyncEnginePush::start()
{
    m_enabled = true;
    post();
}

void SyncEnginePush::stop()
{
    shutdown();
    setListening(false, {});
}

void SyncEnginePush::shutdown()
{
    m_enabled = false;
    interrupt();
}

void SyncEnginePush::post()
{
    if (m_enabled)
        m_jobs.post(Lane::Push, QStringLiteral("ping"), [this](SyncEngineWorker &w) { ping(w); });
}

void SyncEnginePush::interrupt()
{
    std::lock_guard lock(m_pingMutex);
    if (m_pingTransport) {
        m_pingInterrupted = true;
        m_pingTransport->abort();
    }
}

void SyncEnginePush::pingLater(int ms)
{
    // The engine's thread has no event loop: the timer runs where the engine lives.
    QMetaObject::invokeMethod(&m_engine, [this, ms] {
        QTimer::singleShot(ms, &m_engine, [this] { post(); });
    }, Qt::QueuedConnection);
}

void SyncEnginePush::setListening(bool listening, const QString &note)
{
    if (listening == m_listening && listening)
        return;
    m_listening = listening;
    Q_EMIT m_engine.pushChanged(listening, note);
}

void SyncEnginePush::ping(SyncEngineWorker &w)
{
    if (!m_enabled)
        return;
    if (!w.ensureReady(&m_engine)) {
        setListening(false, w.openError);
        return;
    }
    const QStringList folders = pushFolders(w.store, m_pingMaxFolders);
    if (folders.isEmpty())
        return; // nothing synced yet: the first sync's end starts push again
    {
        std::lock_guard lock(m_pingMutex);
        // Push may have been switched off (the engine is closing) since the
        // check above, by an interrupt() that found no Ping to abort:
        // sending it now would hold the closing window for a heartbeat.
        if (!m_enabled)
            return;
        m_pingTransport = w.transport.get();
        m_pingInterrupted = false;
    }
    const auto release = [this] {
        std::lock_guard lock(m_pingMutex);
        m_pingTransport = nullptr;
        return std::exchange(m_pingInterrupted, false);
    };
    // Work posted before the Ping could be interrupted goes first.
    if (m_jobs.hasWaiting(Lane::Background)) {
        release();
        post();
        return;
    }
    setListening(true, {});
    const int heartbeat = m_heartbeat.seconds();
    w.session->setRequestTimeoutMs(m_heartbeat.requestTimeoutMs());
    QElapsedTimer waited;
    waited.start();
    EasReply reply;
    const PingCommand::Result result = w.session->run(PingCommand(heartbeat, folders), &reply);
    w.session->setRequestTimeoutMs(w.config.requestTimeoutMs);
    const bool interrupted = release();
    const int waitedSeconds = int(waited.elapsed() / 1000);

    if (!reply.ok()) {
        // Interrupted on purpose, or by an interrupt meant for the Ping before.
        if (interrupted || (std::exchange(m_staleAbortPossible, false) && waited.elapsed() < 1000)) {
            post();
            return;
        }
        if (reply.error == ErrorKind::Auth || reply.error == ErrorKind::SignInRequired || reply.error == ErrorKind::Blocked
            || reply.error == ErrorKind::PasswordExpired) {
            // Asking again would only repeat the refusal; signing in again restarts push.
            m_enabled = false;
            setListening(false, QCoreApplication::translate("skein::eas::SyncEngine", "Push is paused: %1").arg(reply.message));
            return;
        }
        if (reply.error == ErrorKind::NotSupported || reply.error == ErrorKind::Protocol) {
            m_enabled = false;
            setListening(false, QCoreApplication::translate("skein::eas::SyncEngine", "The server does not offer push (%1); Skein checks for mail at the interval instead.")
                                        .arg(reply.message));
            return;
        }
        if (reply.error == ErrorKind::Network)
            m_heartbeat.dropped(waitedSeconds);
        const int delay = std::min(kMaxRetryMs, w.config.pushRetryMs << std::min(m_pingFailures, 4));
        ++m_pingFailures;
        qCInfo(lcPush) << "Ping failed:" << reply.message << "- trying again in" << delay << "ms";
        setListening(false, QCoreApplication::translate("skein::eas::SyncEngine", "Push is interrupted (%1); trying again in %2 s.").arg(reply.message).arg(delay / 1000));
        pingLater(delay);
        return;
    }
    m_staleAbortPossible = interrupted; // the answer beat the interrupt to it
    const bool understood = result.status == 1 || result.status == 2 || (result.status >= 5 && result.status <= 7);
    // A server that keeps refusing the request is not asked in a tight loop.
    m_pingFailures = understood ? 0 : m_pingFailures + 1;
    if (!understood && m_pingFailures >= 3) {
        const int delay = std::min(kMaxRetryMs, w.config.pushRetryMs << std::min(m_pingFailures - 3, 4));
        setListening(false, QCoreApplication::translate("skein::eas::SyncEngine", "The server could not keep push open (Ping status %1); trying again in %2 s.")
                                    .arg(result.status).arg(delay / 1000));
        pingLater(delay);
        return;
    }
    switch (result.status) {
    case 1:
        m_heartbeat.expired();
        break;
    case 2:
        for (const QString &folderId : result.changedFolders)
            m_engine.syncFolder(folderId); // the Sync lane runs before the next Ping
        break;
    case 5:
        m_heartbeat.outOfRange(result.heartbeatInterval);
        break;
    case 6:
        m_pingMaxFolders = std::max(1, result.maxFolders);
        break;
    case 7:
        w.runner->connect(); // FolderSync, then Ping the folders it leaves
        break;
    default:
        break; // 3, 4, 8 or unknown: the full request goes again, a few times
    }
    post();
}

} // namespace skein::eas
