#include "SyncEngine.h"

#include "NetworkTransport.h"

#include <QMetaObject>

namespace skein::eas {

// Everything that touches the network or writes the store; built lazily on
// the sync thread so that each object lives where it is used.
struct SyncEngine::Worker {
    SyncEngine::Config config;
    std::unique_ptr<Transport> transport;
    Store store;
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
        session->setMaxRetryAfterMs(config.maxRetryAfterMs);
        session->setRequestTimeoutMs(config.requestTimeoutMs);
        session->setAccountChangedHandler([this](const AccountSettings &changed) {
            AccountSettings merged = changed;
            merged.folderSyncKey = store.account().value_or(changed).folderSyncKey;
            store.saveAccount(merged);
        });
        runner = std::make_unique<SyncRunner>(*session, store, config.options);
        runner->setFolderChangedHandler([engine](const QString &folderId) { Q_EMIT engine->folderChanged(folderId); });
        runner->setProgressHandler([engine](const Folder &folder, int items) { Q_EMIT engine->progress(folder.name, items); });
        runner->actionReplayer().setOutcomeHandler([engine](qint64 id, ActionState state, const QString &message) {
            if (state == ActionState::Failed)
                Q_EMIT engine->actionFailed(id, message);
            Q_EMIT engine->actionsChanged();
        });
        runner->actionReplayer().setNoticeHandler([engine](const QString &message) { Q_EMIT engine->notice(message); });
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

SyncEngine::SyncEngine(Config config, QObject *parent)
    : QObject(parent)
    , m_worker(std::make_shared<Worker>())
{
    qRegisterMetaType<skein::eas::SyncReport>();
    qRegisterMetaType<skein::eas::FindResult>();
    m_worker->config = std::move(config);
    m_thread.setObjectName(QStringLiteral("skein-sync"));
    m_context = new QObject;
    m_context->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_context, &QObject::deleteLater);
    m_thread.start();
}

SyncEngine::~SyncEngine()
{
    // The worker's objects must die on the thread they were made on.
    // Blocking: jobs queued before this one finish first, so a running sync
    // completes its transaction instead of being cut off.
    QMetaObject::invokeMethod(m_context, [this] { m_worker.reset(); }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

void SyncEngine::post(std::function<void(Worker &)> job)
{
    std::shared_ptr<Worker> worker = m_worker;
    QMetaObject::invokeMethod(m_context, [worker, job = std::move(job)] { job(*worker); }, Qt::QueuedConnection);
}

void SyncEngine::connectAccount()
{
    post([this](Worker &w) {
        Q_EMIT connected(w.ensureReady(this) ? w.runner->connect() : w.notReady());
    });
}

void SyncEngine::syncAll()
{
    post([this](Worker &w) {
        Q_EMIT syncFinished(w.ensureReady(this) ? w.runner->syncAll() : w.notReady());
    });
}

void SyncEngine::syncFolder(const QString &folderId)
{
    post([this, folderId](Worker &w) {
        if (!w.ensureReady(this)) {
            Q_EMIT syncFinished(w.notReady());
            return;
        }
        SyncReport report;
        if (const std::optional<Folder> folder = w.store.folder(folderId))
            report.folders.append(w.runner->syncFolder(*folder));
        else
            report.message = QStringLiteral("There is no folder %1.").arg(folderId);
        Q_EMIT syncFinished(report);
    });
}

void SyncEngine::fetchBody(qint64 messageId)
{
    post([this, messageId](Worker &w) {
        Q_EMIT bodyFetched(messageId, w.ensureReady(this) ? w.runner->fetchBody(messageId) : w.openError);
    });
}

void SyncEngine::estimate(const QString &folderId, int filterType)
{
    post([this, folderId, filterType](Worker &w) {
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
    post([this, conversationId](Worker &w) {
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

void SyncEngine::replayNow()
{
    post([this](Worker &w) {
        Q_EMIT replayFinished(w.ensureReady(this) ? w.runner->replayAndSync() : w.notReady());
    });
}

} // namespace skein::eas
