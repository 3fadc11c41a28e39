#include "SyncEngine.h"

#include "AttachmentDownloader.h"
#include "DraftUploader.h"
#include "NetworkTransport.h"
#include "OAuthTokenProvider.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcEngine, "skein.engine")

namespace skein::eas {

// Everything that touches the network or writes the store; built lazily on
// the sync thread so that each object lives where it is used.
struct SyncEngine::Worker {
    SyncEngine::Config config;
    std::unique_ptr<Transport> transport;
    Store store;
    std::shared_ptr<TokenStore> tokenStore;
    std::unique_ptr<OAuthTokenProvider> tokens;
    std::unique_ptr<EasSession> session;
    std::unique_ptr<SyncRunner> runner;
    QString openError;

    bool ensureReady(SyncEngine *engine)
    {
        if (runner)
            return true;
        if (!store.open(config.databasePath)) {
            openError = store.lastError();
            return false;
        }
        const std::optional<AccountSettings> account = store.account();
        if (!account) {
            openError = QStringLiteral("No account is set up in this profile.");
            return false;
        }
        transport = config.transportFactory ? config.transportFactory() : std::make_unique<NetworkTransport>();
        session = std::make_unique<EasSession>(*transport, *account, config.password);
        if (account->usesOAuth()) {
            tokenStore = config.tokenStore ? config.tokenStore : std::make_shared<InMemoryTokenStore>();
            const QString name = account->email.isEmpty() ? account->user : account->email;
            tokens = std::make_unique<OAuthTokenProvider>(*transport, oauthConfigFor(*account), *tokenStore, name);
            if (!config.initialTokens.accessToken.isEmpty())
                tokens->setInitialTokens(config.initialTokens);
            session->setAccessTokenSource(tokens.get());
        }
        session->setMaxRetryAfterMs(config.maxRetryAfterMs);
        session->setRequestTimeoutMs(config.requestTimeoutMs);
        session->setAccountChangedHandler([this](const AccountSettings &changed) {
            AccountSettings merged = changed;
            merged.folderSyncKey = store.account().value_or(changed).folderSyncKey;
            store.saveAccount(merged);
        });
        runner = std::make_unique<SyncRunner>(*session, store, config.options);
        runner->setFolderChangedHandler([engine, this](const QString &folderId) {
            // A copy of a sent reply may have arrived: it takes the local row's place for good.
            if (store.recordSentCopies() < 0)
                qCWarning(lcEngine) << "Could not record the copies of sent messages:" << store.lastError();
            Q_EMIT engine->folderChanged(folderId);
        });
        runner->setProgressHandler([engine](const Folder &folder, int items) { Q_EMIT engine->progress(folder.name, items); });
        runner->actionReplayer().setOutcomeHandler([engine](qint64 id, ActionState state, const QString &message) {
            if (state == ActionState::Failed)
                Q_EMIT engine->actionFailed(id, message);
            Q_EMIT engine->actionsChanged();
        });
        runner->outboxSender().setOutcomeHandler([engine](qint64 id, OutboxState state, const QString &message) {
            if (state == OutboxState::Failed)
                Q_EMIT engine->sendFailed(id, message);
            Q_EMIT engine->outboxChanged(id);
        });
        runner->actionReplayer().setNoticeHandler([engine](const QString &message) { Q_EMIT engine->notice(message); });
        runner->setYieldHandler([engine] { engine->runUserWork(); });
        return true;
    }

    SyncReport notReady() const
    {
        SyncReport report;
        report.error = ErrorKind::Protocol;
        report.message = openError;
        return report;
    }
};

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
    m_scheduler.finish();
    m_thread->wait();
}

void SyncEngine::runJobs()
{
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
        if (const std::optional<Folder> folder = w.store.folder(folderId))
            appendFolderReport(report, w.runner->syncFolder(*folder));
        else
            report.message = QStringLiteral("There is no folder %1.").arg(folderId);
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
        const std::optional<Folder> folder = w.store.folder(folderId);
        if (!folder) {
            Q_EMIT estimated(folderId, 0, -1, QStringLiteral("There is no folder %1.").arg(folderId));
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
            w.store.setAttachmentContentType(messageId, fileReference, r.contentType);
        Q_EMIT attachmentSaved(messageId, fileReference, targetPath, r.ok ? QString() : r.error,
                               r.cancelled || cancelled);
    });
}

} // namespace skein::eas
