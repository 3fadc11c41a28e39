#pragma once

#include "SyncRunner.h"

#include <QObject>
#include <QThread>

#include <functional>
#include <memory>

namespace skein::eas {

// The background face of the sync: owns a thread on which its own store
// connection, transport and session live. Every public slot returns at once;
// results arrive as signals (queued to the caller's thread).
class SyncEngine : public QObject
{
    Q_OBJECT
public:
    struct Config {
        QString databasePath;
        QString password;
        SyncOptions options;
        // Made on the sync thread; NetworkTransport when empty.
        std::function<std::unique_ptr<Transport>()> transportFactory;
        int maxRetryAfterMs = 300000;
        int requestTimeoutMs = 120000; // no answer for this long fails the request
    };

    explicit SyncEngine(Config config, QObject *parent = nullptr);
    ~SyncEngine() override;

public Q_SLOTS:
    void connectAccount();
    void syncAll();
    void syncFolder(const QString &folderId);
    // The body of the message with local row id messageId; answers with bodyFetched().
    void fetchBody(qint64 messageId);
    void estimate(const QString &folderId, int filterType);
    // Search for a conversation across all folders (falls back to the local
    // store when the server refuses); answers with found().
    void find(const QByteArray &conversationId);
    // Sends the action journal now (after ConversationActions::actionApplied):
    // FolderSync, the journal in order, then a Sync of the folders involved.
    // Answers with replayFinished(); each entry's outcome with actionsChanged()
    // and, when refused, actionFailed().
    void replayNow();

Q_SIGNALS:
    void progress(const QString &folderName, int itemsSoFar);
    void folderChanged(const QString &folderId);
    void connected(const skein::eas::SyncReport &report);
    void syncFinished(const skein::eas::SyncReport &report);
    void bodyFetched(qint64 messageId, const QString &error);
    void estimated(const QString &folderId, int status, int count, const QString &error);
    void found(const skein::eas::FindResult &result);
    // A journal entry became done or failed (its local change may have been
    // rolled back): views re-read the store, ConversationRules::list() too.
    void actionsChanged();
    // The server refused entry entryId; message says why, in words.
    void actionFailed(qint64 entryId, const QString &message);
    // A sentence to show once in the status bar, e.g. that Skein now keeps a
    // conversation rule on this computer because the server refused it.
    void notice(const QString &message);
    void replayFinished(const skein::eas::SyncReport &report);

private:
    struct Worker;
    void post(std::function<void(Worker &)> job);

    QThread m_thread;
    QObject *m_context = nullptr; // lives on m_thread; jobs run in its thread
    std::shared_ptr<Worker> m_worker;
};

} // namespace skein::eas

Q_DECLARE_METATYPE(skein::eas::SyncReport)
Q_DECLARE_METATYPE(skein::eas::FindResult)
