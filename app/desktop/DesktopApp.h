#pragma once

#include "AccountDialog.h"
#include "AccountFlow.h"
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
class DemoServer;
class DesktopNotifier;
class ScreenshotTaker;

// The desktop application without main(): opens the profile, runs the sync
// engine on its own thread, and wires it to the main window and the account
// dialog. The GUI thread only reads the store; the network runs elsewhere.
class DesktopApp : public QObject
{
    Q_OBJECT
public:
    static constexpr int kSyncIntervalMs = 5 * 60 * 1000;

    explicit DesktopApp(DesktopOptions options, QObject *parent = nullptr);
    ~DesktopApp() override;

    // Returns at once; what follows (dialog, demo server, first sync) is driven by events.
    void start();

    ui::MainWindow *mainWindow() const { return m_window.get(); }
    ui::AccountDialog *accountDialog() const; // nullptr while none was shown
    eas::SyncEngine *engine() const { return m_engine.get(); }
    DemoServer *demoServer() const { return m_demo.get(); }
    Store &store() { return m_store; }
    const cli::Profile &profile() const { return *m_profile; }
    bool isSyncing() const { return m_syncing; }
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
    bool isPushListening() const { return m_pushListening; }

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
    void syncCompleted(bool ok);
    // The engine sent the action journal (SyncEngine::replayFinished).
    void actionsReplayed(bool ok);

private:
    bool openProfile();
    void createWindow();
    void bindRefreshKey();
    void startWithStoredAccount();
    void startDemo();
    void onDemoReady(const QUrl &url);
    void startDemoSignIn();
    void ensureAccountFlow();
    void showAccountSetup(std::optional<ui::AccountDialog::DialogError> failure = {}, const QString &message = {});
    // An OAuth account's sign-in expired or was revoked (SignInRequired).
    void showSignInAgain(const QString &sentence);
    bool handledAsSignInRequired(const eas::SyncReport &report);
    void onAccountReady();

    void startEngine(const EngineCredentials &credentials);
    void wireEngine();
    void connectAccount(const EngineCredentials &credentials, std::function<void(const eas::SyncReport &)> done);
    void openMailbox();
    void selectInbox();
    void refreshFoldersIfChanged();
    void onSyncFinished(const eas::SyncReport &report);
    void onBodyFetched(qint64 messageId, const QString &error);
    // DesktopAppActions.cpp: conversation actions, find, the date filter.
    void wireWindowActions();
    void wireEngineActions();
    // DesktopAppOutbox.cpp: Send Now and the outbox's outcomes.
    void wireWindowOutbox();
    void wireEngineOutbox();
    void changeSyncFilter(int filterType);
    void onEstimated(const QString &folderId, int status, int count, const QString &error);
    void fail(const QString &message);
    // DesktopAppCompose.cpp
    void wireCompose();
    void wireEngineCompose();
    ui::ComposerWindow *showComposer(const DraftEntry &draft);
    std::optional<DraftEntry> answerDraft(OutboxKind kind, qint64 sourceMessageId, bool replyAll,
                                          const QString &userText, QString *error);
    // Builds the MIME and puts it into the outbox, then sends; the reason
    // when it could not (nothing was queued then).
    QString sendDraft(const DraftEntry &draft);
    void sendFromComposer(ui::ComposerWindow *window, const DraftEntry &draft);
    void sendInlineReply(qint64 messageId, bool replyAll, const QString &text);
    void popOutInlineReply(qint64 messageId, bool replyAll, const QString &text);
    void fetchReplyHeadersIfMissing(qint64 messageId);
    void onSendFailed(qint64 entryId, const QString &message);
    // DesktopAppLive.cpp: push or interval, notifications, tray, title.
    void createLiveMail();
    void createTray();
    void raiseWindow();
    void wireLiveMail();
    void applyCheckingSettings();
    void startNewMailWatch();
    void onFolderChangedForAlerts(const QString &folderId);
    void openNotifiedConversation(const QString &key);
    void updateUnreadIndicators();

    DesktopOptions m_options;
    std::unique_ptr<QTemporaryDir> m_demoProfileDir; // --demo without --profile
    std::optional<cli::Profile> m_profile;
    Store m_store; // the GUI thread's read connection
    std::unique_ptr<ui::MainWindow> m_window;
    std::unique_ptr<DemoServer> m_demo;
    std::unique_ptr<eas::SyncEngine> m_engine;
    AccountFlow *m_accountFlow = nullptr;
    ScreenshotTaker *m_screenshot = nullptr;
    QTimer m_syncTimer;
    QStringList m_folderIds; // to tell the window only when the hierarchy changed
    bool m_syncing = false;
    // The engine is recreated with these when the date filter changes.
    EngineCredentials m_credentials;
    AccountFlow::BrowserLauncher m_browserLauncher; // empty: the system browser
    QSet<QString> m_estimating; // folders whose GetItemEstimate has not answered yet
    int m_estimateTotal = -1;
    QString m_estimateError;
    QList<QPointer<ui::ComposerWindow>> m_composers;
    // Live mail (DesktopAppLive.cpp).
    DesktopNotifier *m_notifier = nullptr;
    std::unique_ptr<NewMailWatch> m_newMail; // from the first finished sync on
    QHash<QString, NewMailAlert> m_alerts;   // by notification key
    QSystemTrayIcon *m_tray = nullptr;
    std::unique_ptr<QMenu> m_trayMenu;
    QPointer<ui::SettingsDialog> m_settingsDialog;
    bool m_pushListening = false;
};

} // namespace skein::desktop
