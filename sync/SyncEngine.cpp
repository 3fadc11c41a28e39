#include "SyncEngine.h"

#include "AttachmentDownloader.h"
#include "DraftUploader.h"
#include "SyncEngineJobs.h"
#include "SyncEnginePush.h"
#include "SyncEngineWorker.h"

#include <QCoreApplication>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcEngine, "skein.engine")

namespace skein::eas {

SyncEngine::SyncEngine(Config config, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_jobs(std::make_unique<SyncEngineJobs>(m_config, [this] { m_push->interrupt(); }))
    , m_push(std::make_unique<SyncEnginePush>(*this, *m_jobs))
{
    qRegisterMetaType<skein::eas::SyncReport>();
    qRegisterMetaType<skein::eas::FindResult>();
    qRegisterMetaType<skein::eas::ServerSearchResult>();
    // No event loop on this thread: a job runs to its end, and a request's
    // wait (NetworkTransport) cannot start another job meanwhile.
    m_thread.reset(QThread::create([this] { m_jobs->run(); }));
    m_thread->setObjectName(QStringLiteral("skein-sync"));
    m_thread->start();
}

SyncEngine::~SyncEngine()
{
    // Jobs queued before this finish first (a running sync completes its
    // transaction instead of being cut off); background work waits for the
    // next start. The worker's objects die on the thread they were made on.
    // A Ping may wait minutes for the server: it ends now.
    m_push->shutdown();
    m_jobs->finish();
    m_thread->wait();
}

void SyncEngine::connectAccount()
{
    m_jobs->post(Lane::User, QStringLiteral("connect"), [this](SyncEngineWorker &w) {
        Q_EMIT connected(w.ensureReady(this) ? w.runner->connect() : w.notReady());
    });
}

void SyncEngine::syncAll()
{
    m_jobs->post(Lane::Sync, QStringLiteral("sync"), [this](SyncEngineWorker &w) {
        Q_EMIT syncFinished(w.ensureReady(this) ? w.runner->syncAll() : w.notReady());
        m_jobs->scheduleBackgroundWork(w);
        m_push->post(); // the first sync gives Ping its folders
        if (w.runner && DraftUploader::serverKeepsDrafts(w.session->account().protocolVersion)
            && DraftUploader::hasWork(w.store))
            saveDraftsNow();
    });
}

void SyncEngine::saveDraftsNow()
{
    m_jobs->post(Lane::Background, QStringLiteral("drafts"), [this](SyncEngineWorker &w) {
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
    m_jobs->post(Lane::Sync, QStringLiteral("sync:") + folderId, [this, folderId](SyncEngineWorker &w) {
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
        m_jobs->scheduleBackgroundWork(w);
    });
}

void SyncEngine::fetchBody(qint64 messageId)
{
    m_jobs->post(Lane::User, QStringLiteral("body:%1").arg(messageId), [this, messageId](SyncEngineWorker &w) {
        Q_EMIT bodyFetched(messageId, w.ensureReady(this) ? w.runner->fetchBody(messageId) : w.openError);
    });
}

void SyncEngine::estimate(const QString &folderId, int filterType)
{
    m_jobs->post(Lane::User, QStringLiteral("estimate:%1:%2").arg(folderId).arg(filterType),
                 [this, folderId, filterType](SyncEngineWorker &w) {
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
    m_jobs->post(Lane::User, QStringLiteral("find:") + QString::fromLatin1(conversationId.toHex()),
                 [this, conversationId](SyncEngineWorker &w) {
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
    m_jobs->post(Lane::User, QStringLiteral("search:") + words, [this, words](SyncEngineWorker &w) {
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
    m_jobs->post(Lane::User, QStringLiteral("directory:") + query, [this, query](SyncEngineWorker &w) {
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
    m_jobs->post(Lane::User, QStringLiteral("reply-headers:%1").arg(messageId), [this, messageId](SyncEngineWorker &w) {
        Q_EMIT replyHeadersFetched(messageId, w.ensureReady(this) ? w.runner->fetchReplyHeadersOf(messageId) : w.openError);
    });
}

void SyncEngine::replayNow()
{
    m_jobs->post(Lane::User, QStringLiteral("replay"), [this](SyncEngineWorker &w) {
        Q_EMIT replayFinished(w.ensureReady(this) ? w.runner->replayAndSync() : w.notReady());
    });
}

// ---- Push ----

void SyncEngine::startPush()
{
    m_push->start();
}

void SyncEngine::stopPush()
{
    m_push->stop();
}

// ---- Attachments ----

void SyncEngine::cancelAttachment(qint64 messageId, const QString &fileReference)
{
    m_cancels.cancel(messageId, fileReference);
}

void SyncEngine::saveAttachment(qint64 messageId, const QString &fileReference, const QString &targetPath)
{
    m_cancels.forget(messageId, fileReference);
    const QString key = QString::number(messageId) + QLatin1Char('\n') + fileReference + QLatin1Char('\n') + targetPath;
    m_jobs->post(Lane::User, QStringLiteral("attachment:") + key,
                 [this, messageId, fileReference, targetPath](SyncEngineWorker &w) {
        if (!w.ensureReady(this)) {
            Q_EMIT attachmentSaved(messageId, fileReference, targetPath, w.openError, false);
            return;
        }
        bool cancelled = false;
        const auto progress = [&](qint64 received, qint64 total) {
            if (m_cancels.take(messageId, fileReference)) {
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
