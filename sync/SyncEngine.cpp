#include "SyncEngine.h"

#include "AttachmentDownloader.h"
#include "BackgroundPriority.h"
#include "DraftUploader.h"
#include "SyncEngineWorker.h"

#include <QCoreApplication>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcEngine, "skein.engine")

namespace skein::eas {

namespace {

// Reply-header requests per background job: small enough that a sync or
// the user's work asked for meanwhile waits for a few requests at most.
constexpr int kBackgroundBatchesPerJob = 4;

} // namespace

SyncEngine::SyncEngine(Config config, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
{
    qRegisterMetaType<skein::eas::SyncReport>();
    qRegisterMetaType<skein::eas::FindResult>();
    qRegisterMetaType<skein::eas::ServerSearchResult>();
    // No event loop on this thread: a job runs to its end, and a request's
    // wait (NetworkTransport) cannot start another job meanwhile.
    m_thread.reset(QThread::create([this] { runJobs(); }));
    m_thread->setObjectName(QStringLiteral("skein-sync"));
    m_thread->start();
}

SyncEngine::~SyncEngine()
{
    // Jobs queued before this finish first (a running sync completes its
    // transaction instead of being cut off); background work waits for the
    // next start. The worker's objects die on the thread they were made on.
    // A Ping may wait minutes for the server: it ends now.
    m_pushEnabled = false;
    interruptPing();
    m_scheduler.finish();
    m_thread->wait();
}

void SyncEngine::runJobs()
{
    yieldCpuToTheWindow();
    Worker worker;
    worker.config = m_config;
    m_worker = &worker;
    while (std::optional<AccountScheduler::Job> job = m_scheduler.next())
        (*job)();
    m_worker = nullptr;
}

void SyncEngine::post(Lane lane, const QString &key, std::function<void(Worker &)> job)
{
    m_scheduler.post(lane, key, [this, lane, job = std::move(job)] {
        const Lane outer = m_runningLane;
        m_runningLane = lane;
        job(*m_worker);
        m_runningLane = outer;
    });
    if (lane != Lane::Push)
        interruptPing();
}

void SyncEngine::runUserWork()
{
    if (m_yielding || m_runningLane == Lane::User)
        return;
    m_yielding = true;
    while (std::optional<AccountScheduler::Job> job = m_scheduler.take(Lane::User))
        (*job)();
    m_yielding = false;
}

void SyncEngine::scheduleBackgroundWork(Worker &w)
{
    if (!w.runner || !w.runner->replyHeadersPending())
        return;
    post(Lane::Background, QStringLiteral("reply-headers"), [this](Worker &w) {
        if (w.runner->fetchMoreReplyHeaders(kBackgroundBatchesPerJob))
            scheduleBackgroundWork(w);
    });
}

void SyncEngine::connectAccount()
{
    post(Lane::User, QStringLiteral("connect"), [this](Worker &w) {
        Q_EMIT connected(w.ensureReady(this) ? w.runner->connect() : w.notReady());
    });
}

void SyncEngine::syncAll()
{
    post(Lane::Sync, QStringLiteral("sync"), [this](Worker &w) {
        Q_EMIT syncFinished(w.ensureReady(this) ? w.runner->syncAll() : w.notReady());
        scheduleBackgroundWork(w);
        postPing(); // the first sync gives Ping its folders
        if (w.runner && DraftUploader::serverKeepsDrafts(w.session->account().protocolVersion)
            && DraftUploader::hasWork(w.store))
            saveDraftsNow();
    });
}

void SyncEngine::saveDraftsNow()
{
    post(Lane::Background, QStringLiteral("drafts"), [this](Worker &w) {
        if (!w.ensureReady(this)) {
            Q_EMIT draftSaved(0, false, w.openError);
            return;
        }
        const DraftUploader::Report report = DraftUploader::run(*w.runner, *w.session, w.store);
        for (const DraftUploader::Report::Outcome &o : report.outcomes)
            Q_EMIT draftSaved(o.draftId, o.onServer, o.error);
        if (!report.ok())
            Q_EMIT draftSaved(0, false, report.message);
    });
}

void SyncEngine::syncFolder(const QString &folderId)
{
    post(Lane::Sync, QStringLiteral("sync:") + folderId, [this, folderId](Worker &w) {
        if (!w.ensureReady(this)) {
            Q_EMIT syncFinished(w.notReady());
            return;
        }
        SyncReport report;
        if (const std::optional<Folder> folder = w.store.folderStore().folder(folderId))
            appendFolderReport(report, w.runner->syncFolder(*folder));
        else
            report.message = QCoreApplication::translate("skein::eas::SyncEngine", "There is no folder %1.").arg(folderId);
        Q_EMIT syncFinished(report);
        scheduleBackgroundWork(w);
    });
}

void SyncEngine::fetchBody(qint64 messageId)
{
    post(Lane::User, QStringLiteral("body:%1").arg(messageId), [this, messageId](Worker &w) {
        Q_EMIT bodyFetched(messageId, w.ensureReady(this) ? w.runner->fetchBody(messageId) : w.openError);
    });
}

void SyncEngine::estimate(const QString &folderId, int filterType)
{
    post(Lane::User, QStringLiteral("estimate:%1:%2").arg(folderId).arg(filterType),
         [this, folderId, filterType](Worker &w) {
        if (!w.ensureReady(this)) {
            Q_EMIT estimated(folderId, 0, -1, w.openError);
            return;
        }
        const std::optional<Folder> folder = w.store.folderStore().folder(folderId);
        if (!folder) {
            Q_EMIT estimated(folderId, 0, -1, QCoreApplication::translate("skein::eas::SyncEngine", "There is no folder %1.").arg(folderId));
            return;
        }
        const SyncRunner::Estimate e = w.runner->estimate(*folder, filterType);
        Q_EMIT estimated(folderId, e.status, e.count, e.error);
    });
}

void SyncEngine::find(const QByteArray &conversationId)
{
    post(Lane::User, QStringLiteral("find:") + QString::fromLatin1(conversationId.toHex()),
         [this, conversationId](Worker &w) {
        if (!w.ensureReady(this)) {
            FindResult result;
            result.conversationId = conversationId;
            result.note = w.openError;
            Q_EMIT found(result);
            return;
        }
        // Search needs a provisioned session; connect() also refreshes folder names.
        w.runner->connect();
        Q_EMIT found(w.runner->find(conversationId));
    });
}

void SyncEngine::searchServer(const QString &words)
{
    post(Lane::User, QStringLiteral("search:") + words, [this, words](Worker &w) {
        if (!w.ensureReady(this)) {
            ServerSearchResult result;
            result.words = words;
            result.error = w.openError;
            Q_EMIT serverSearchFinished(result);
            return;
        }
        w.runner->connect(); // Search needs a provisioned session
        Q_EMIT serverSearchFinished(w.runner->searchServer(words));
    });
}

void SyncEngine::searchDirectory(const QString &query)
{
    post(Lane::User, QStringLiteral("directory:") + query, [this, query](Worker &w) {
        if (!w.ensureReady(this)) {
            Q_EMIT directoryFound(query, {}, w.openError);
            return;
        }
        QString error;
        const QStringList addresses = w.runner->searchDirectory(query, &error);
        Q_EMIT directoryFound(query, addresses, error);
    });
}

void SyncEngine::fetchReplyHeaders(qint64 messageId)
{
    post(Lane::User, QStringLiteral("reply-headers:%1").arg(messageId), [this, messageId](Worker &w) {
        Q_EMIT replyHeadersFetched(messageId, w.ensureReady(this) ? w.runner->fetchReplyHeadersOf(messageId) : w.openError);
    });
}

void SyncEngine::replayNow()
{
    post(Lane::User, QStringLiteral("replay"), [this](Worker &w) {
        Q_EMIT replayFinished(w.ensureReady(this) ? w.runner->replayAndSync() : w.notReady());
    });
}

// ---- Attachments ----

QString SyncEngine::downloadKey(qint64 messageId, const QString &fileReference)
{
    return QString::number(messageId) + QLatin1Char('\n') + fileReference;
}

bool SyncEngine::takeCancel(const QString &key)
{
    QMutexLocker lock(&m_cancelMutex);
    return m_cancelledDownloads.remove(key);
}

void SyncEngine::cancelAttachment(qint64 messageId, const QString &fileReference)
{
    QMutexLocker lock(&m_cancelMutex);
    m_cancelledDownloads.insert(downloadKey(messageId, fileReference));
}

void SyncEngine::saveAttachment(qint64 messageId, const QString &fileReference, const QString &targetPath)
{
    const QString key = downloadKey(messageId, fileReference);
    {
        // A cancel left over from an earlier download must not stop this one.
        QMutexLocker lock(&m_cancelMutex);
        m_cancelledDownloads.remove(key);
    }
    post(Lane::User, QStringLiteral("attachment:") + key + QLatin1Char('\n') + targetPath,
         [this, messageId, fileReference, targetPath, key](Worker &w) {
        if (!w.ensureReady(this)) {
            Q_EMIT attachmentSaved(messageId, fileReference, targetPath, w.openError, false);
            return;
        }
        bool cancelled = false;
        const auto progress = [&](qint64 received, qint64 total) {
            if (takeCancel(key)) {
                cancelled = true;
                return false;
            }
            Q_EMIT attachmentProgress(messageId, fileReference, received, total);
            return true;
        };
        const AttachmentDownloader::Result r
            = AttachmentDownloader(*w.session).fetchToFile(fileReference, targetPath, progress);
        if (r.ok && !r.contentType.isEmpty())
            w.store.messageStore().setAttachmentContentType(messageId, fileReference, r.contentType);
        Q_EMIT attachmentSaved(messageId, fileReference, targetPath, r.ok ? QString() : r.error,
                               r.cancelled || cancelled);
    });
}

} // namespace skein::eas
