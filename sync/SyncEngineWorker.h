#pragma once

// Private to SyncEngine*.cpp: what lives on the engine's thread.
#include "NetworkTransport.h"
#include "OAuthTokenProvider.h"
#include "SyncEngine.h"

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcEngine)

namespace skein::eas {

// Everything that touches the network or writes the store; built lazily on
// the sync thread so that each object lives where it is used.
struct SyncEngineWorker {
    SyncEngine::Config config;
    std::unique_ptr<Transport> transport;
    Store store;
    std::shared_ptr<TokenStore> tokenStore;
    std::unique_ptr<OAuthTokenProvider> tokens;
    std::unique_ptr<EasSession> session;
    std::unique_ptr<SyncRunner> runner;
    QString openError;
    // Set by SyncEngineJobs: runs the user's waiting jobs at a long sync's safe points.
    std::function<void()> yieldToUser;

    bool ensureReady(SyncEngine *engine)
    {
        if (runner)
            return true;
        if (!store.open(config.databasePath)) {
            openError = store.lastError();
            return false;
        }
        const std::optional<AccountSettings> account = store.accountStore().account();
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
            merged.folderSyncKey = store.accountStore().account().value_or(changed).folderSyncKey;
            store.accountStore().saveAccount(merged);
        });
        runner = std::make_unique<SyncRunner>(*session, store, config.options);
        runner->setFolderChangedHandler([engine, this](const QString &folderId) {
            // A copy of a sent reply may have arrived: it takes the local row's place for good.
            if (store.outboxStore().recordSentCopies() < 0)
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
        runner->setYieldHandler(yieldToUser);
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

} // namespace skein::eas
