#pragma once

#include "AccountDialog.h"
#include "AccountFlow.h"
#include "AccountSession.h"
#include "NewMailWatch.h"
#include "CommandLine.h"
#include "DraftTypes.h"
#include "Profile.h"
#include "Store.h"
#include "SyncRunner.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>

#include <functional>
#include <memory>
#include <optional>

class QMenu;
class QSystemTrayIcon;
class QTemporaryDir;

namespace skein::eas {
class SyncEngine;
}
namespace skein::ui {
class ComposerWindow;
class MainWindow;
class SettingsDialog;
}

namespace skein::desktop {

class AccountFlow;
class DemoBackend;
class DesktopNotifier;
class ScreenshotTaker;

// The desktop application without main(): opens the profile's accounts, runs
// each account's sync engine on its own thread, and wires the engines to the
// main window and the account dialog. The window shows one account at a
// time (the active one; its folder pane lists them all); the GUI thread only
// reads the stores; the network runs elsewhere.
class DesktopApp : public QObject
{
    Q_OBJECT
public:
    static constexpr int kSyncIntervalMs = 5 * 60 * 1000;
    // The window re-reads a changed folder at most this often during a sync
    // (the first change of a quiet spell at once).
    static constexpr int kWindowRefreshMs = 250;

    explicit DesktopApp(DesktopOptions options, QObject *parent = nullptr);
    ~DesktopApp() override;

    // Returns at once; what follows (dialog, demo server, first sync) is driven by events.
    void start();

    ui::MainWindow *mainWindow() const { return m_window.get(); }
    ui::AccountDialog *accountDialog() const; // nullptr while none was shown
    // The active account's engine, store (the window's connection) and profile.
    eas::SyncEngine *engine() const;
    // Where --demo's server runs: by default skein-server as a child process
    // (DemoServerProcess); tests may hand in another before start().
    void setDemoBackend(std::unique_ptr<DemoBackend> backend);
    DemoBackend *demoBackend() const { return m_demo.get(); }
    Store &store() { return m_store; }
    const cli::Profile &profile() const { return m_active->profile(); }
    bool isSyncing() const { return m_active && m_active->syncing; }

    // ---- Several accounts (DesktopAppAccounts.cpp) ----
    // The profile's accounts, the default first.
    QList<AccountSession *> accounts() const;
    AccountSession *activeAccount() const { return m_active; }
    AccountSession *account(const QString &name) const;
    // Shows the account (its Inbox); false if its store could not be opened.
    bool switchToAccount(const QString &name);
    // Settings > Accounts > Add: the account dialog for a new account named
    // "account-N"; cancelling it leaves no trace.
    void addAccount();
    // Settings > Accounts > Remove, after the user confirmed: stops its
    // engine, deletes its store and its keychain entries.
    bool removeAccount(const QString &name, QString *error);
    // How "Sign in with Microsoft" opens the browser (tests replace
    // QDesktopServices::openUrl); takes effect for dialogs shown from now on.
    void setBrowserLauncher(AccountFlow::BrowserLauncher launcher);

    // ---- Writing mail (DesktopAppCompose.cpp) ----
    // The composer windows open now, oldest first.
    QList<ui::ComposerWindow *> composers() const;
    // The address mail goes out from: the account's, else the sender Sent Items shows most.
    QString ownAddress() const;
    // DesktopAppLive.cpp: the settings dialog (made on first use), the tray's menu.
    ui::SettingsDialog *showSettings();
    QMenu *trayMenu() const;
    DesktopNotifier *notifier() const { return m_notifier; }
    bool isPushListening() const { return m_active && m_active->pushListening; }

public Q_SLOTS:
    void requestSync();
    // New mail (kind Send) or an answer to the message with local row id
    // sourceMessageId, prefilled: recipients, subject, signature, quote.
    ui::ComposerWindow *openComposer(skein::OutboxKind kind, qint64 sourceMessageId, bool replyAll);
    // A stored draft or an outbox message, opened again as it was.
    ui::ComposerWindow *openDraft(const skein::DraftEntry &draft);
    // The composer's autosave and Keep: the drafts store keeps it here.
    void keepDraft(const skein::DraftEntry &draft);
    // The user discarded a message; draftId is its stored draft (0: none).
    void discardDraft(qint64 draftId);
    // The Outbox's Open: the waiting message in a composer.
    void editOutboxMessage(qint64 outboxId);

Q_SIGNALS:
    // The process should end: the user cancelled the first set-up, the demo
    // server failed, or the screenshot is done.
    void exitRequested(int exitCode, const QString &message);
    void mailboxOpened();
    void syncCompleted(bool ok); // any account's sync
    // The account list changed (added, removed, its first sign-in done).
    void accountsChanged();
    // The engine sent the action journal (SyncEngine::replayFinished).
    void actionsReplayed(bool ok);

private:
    bool openProfile();
    void createWindow();
    void bindRefreshKey();
    void startWithStoredAccount(AccountSession *session);
    void startDemo();
    void onDemoReady(const QUrl &url);
    // The demo server is missing or did not start: a message box (not
    // with --screenshot, which runs unattended), then the app ends.
    void failDemoServer(const QString &reason);
    void startDemoSignIn();
    void ensureAccountFlow();
    void showAccountSetup(std::optional<ui::AccountDialog::DialogError> failure = {}, const QString &message = {});
    // An OAuth account's sign-in expired or was revoked (SignInRequired).
    void showSignInAgain(const QString &sentence);
    bool handledAsSignInRequired(AccountSession *session, const eas::SyncReport &report);
    void onAccountReady();

    // DesktopAppAccounts.cpp: the sessions and which one the window shows.
    AccountSession *addSession(const QString &name, QString *error);
    // Opens the account's store in the window; what it lists is the caller's choice.
    bool showAccount(const QString &name);
    void updateFolderPaneAccounts();
    QString nextAccountName() const;
    void confirmRemoveAccount(const QString &name);

    void startEngine(AccountSession *session, const EngineCredentials &credentials);
    void wireEngine(AccountSession *session);
    // The engine's connections to the window, made while the account is shown.
    void linkToWindow(AccountSession *session);
    void connectAccount(AccountSession *session, const EngineCredentials &credentials,
                        std::function<void(const eas::SyncReport &)> done);
    void openMailbox();
    void selectInbox();
    void refreshFoldersIfChanged(AccountSession *session);
    void syncAccount(AccountSession *session);
    void onSyncFinished(AccountSession *session, const eas::SyncReport &report);
    void onBodyFetched(qint64 messageId, const QString &error);
    // DesktopAppActions.cpp: conversation actions, find, the date filter.
    void wireWindowActions();
    void linkEngineActions(AccountSession *session);
    // DesktopAppOutbox.cpp: Send Now and the outbox's outcomes.
    void wireWindowOutbox();
    void linkEngineOutbox(AccountSession *session);
    void changeSyncFilter(int filterType);
    void onEstimated(const QString &folderId, int status, int count, const QString &error);
    void fail(const QString &message);
    // DesktopAppCompose.cpp
    void wireCompose();
    void linkEngineCompose(AccountSession *session);
    // A composer belongs to the account that was shown when it opened.
    AccountSession *composerAccount(QObject *composer) const;
    QString ownAddress(AccountSession &session) const;
    ui::ComposerWindow *showComposer(const DraftEntry &draft);
    std::optional<DraftEntry> answerDraft(OutboxKind kind, qint64 sourceMessageId, bool replyAll,
                                          const QString &userText, QString *error);
    // Builds the MIME and puts it into the account's outbox, then sends; the
    // reason when it could not (nothing was queued then).
    QString sendDraft(AccountSession &session, const DraftEntry &draft);
    void keepDraftOf(AccountSession &session, QObject *composer, const DraftEntry &draft);
    void discardDraftOf(AccountSession &session, qint64 draftId);
    void sendFromComposer(ui::ComposerWindow *window, const DraftEntry &draft);
    void sendInlineReply(qint64 messageId, bool replyAll, const QString &text);
    void popOutInlineReply(qint64 messageId, bool replyAll, const QString &text);
    void fetchReplyHeadersIfMissing(qint64 messageId);
    void onSendFailed(AccountSession *session, qint64 entryId, const QString &message);
    // DesktopAppLive.cpp: push or interval, notifications, tray, title.
    void createLiveMail();
    void createTray();
    void raiseWindow();
    void wireLiveMail(AccountSession *session);
    void applyCheckingSettings();
    void applyCheckingSettings(AccountSession *session);
    void startNewMailWatch(AccountSession *session);
    void onFolderChangedForAlerts(AccountSession *session, const QString &folderId);
    void openNotifiedConversation(const QString &key);
    void updateUnreadIndicators();

    DesktopOptions m_options;
    std::unique_ptr<QTemporaryDir> m_demoProfileDir; // --demo without --profile
    std::optional<cli::Profile> m_profile; // the profile itself (its default account)
    // The accounts, the default first; m_active is the one the window shows.
    std::vector<std::unique_ptr<AccountSession>> m_sessions;
    AccountSession *m_active = nullptr;
    Store m_store; // the GUI thread's connection to the active account's store
    std::unique_ptr<ui::MainWindow> m_window;
    std::unique_ptr<DemoBackend> m_demo;
    AccountFlow *m_accountFlow = nullptr;
    AccountSession *m_accountFlowSession = nullptr; // the account m_accountFlow sets up
    QString m_addedAccount; // an account being added: removed again if its set-up is cancelled
    QString m_previousAccount; // shown again when that happens
    ScreenshotTaker *m_screenshot = nullptr;
    AccountFlow::BrowserLauncher m_browserLauncher; // empty: the system browser
    QSet<QString> m_estimating; // folders whose GetItemEstimate has not answered yet
    int m_estimateTotal = -1;
    QString m_estimateError;
    QList<QPointer<ui::ComposerWindow>> m_composers;
    // Live mail (DesktopAppLive.cpp).
    DesktopNotifier *m_notifier = nullptr;
    struct Alert {
        QString account;
        NewMailAlert alert;
    };
    QHash<QString, Alert> m_alerts; // by notification key
    QSystemTrayIcon *m_tray = nullptr;
    std::unique_ptr<QMenu> m_trayMenu;
    QPointer<ui::SettingsDialog> m_settingsDialog;
};

} // namespace skein::desktop
