#pragma once

#include "AccountDialog.h"
#include "AccountFlow.h"
#include "AccountSession.h"
#include "CommandLine.h"
#include "Profile.h"
#include "Store.h"

#include <QObject>

#include <memory>

class QTemporaryDir;

namespace skein::eas {
class SyncEngine;
}
namespace skein::ui {
class MainWindow;
}

namespace skein::desktop {

class AccountSessions;
class AccountSetup;
class ComposeController;
class EngineRequests;
class DemoBackend;
class DemoStartup;
class LiveMail;
class MailboxSync;

// The desktop application without main(): opens the profile, makes the main
// window and the controllers that each own one concern, and wires them:
// AccountSessions (the accounts, their engines, the one shown),
// AccountSetup (signing in), MailboxSync (syncs and what they show),
// EngineRequests (what the window asks of the engine), ComposeController
// (composers, drafts, the outbox), LiveMail (push, notifications, tray,
// settings) and DemoStartup (--demo, --screenshot). The GUI thread only
// reads the stores; the network runs on each account's engine thread.
class DesktopApp : public QObject
{
    Q_OBJECT
public:
    explicit DesktopApp(DesktopOptions options, QObject *parent = nullptr);
    ~DesktopApp() override;

    // Returns at once; what follows (dialog, demo server, first sync) is driven by events.
    void start();

    ui::MainWindow *mainWindow() const { return m_window.get(); }
    ui::AccountDialog *accountDialog() const; // nullptr while none was shown
    // The active account's engine, store (the window's connection) and profile.
    eas::SyncEngine *engine() const;
    Store &store() { return m_store; }
    const cli::Profile &profile() const { return activeAccount()->profile(); }
    bool isSyncing() const;
    // The profile's accounts, the default first, and the one the window shows.
    QList<AccountSession *> accounts() const;
    AccountSession *activeAccount() const;
    // Where --demo's server runs: by default skein-server as a child process
    // (DemoServerProcess); tests may hand in another before start().
    void setDemoBackend(std::unique_ptr<DemoBackend> backend);
    DemoBackend *demoBackend() const { return m_demo.get(); }
    // How "Sign in with Microsoft" opens the browser (tests replace
    // QDesktopServices::openUrl); takes effect for dialogs shown from now on.
    void setBrowserLauncher(AccountFlow::BrowserLauncher launcher);

    // The controllers, made by start().
    AccountSessions &sessions() const { return *m_sessions; }
    AccountSetup &accountSetup() const { return *m_setup; }
    ComposeController &compose() const { return *m_compose; }
    LiveMail &liveMail() const { return *m_live; }

public Q_SLOTS:
    // Check for new mail, every account (F5, the tray).
    void requestSync();

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
    // The window and the controllers on it, wired to each other and to this.
    void createWindow();
    void fail(const QString &message);

    DesktopOptions m_options;
    std::unique_ptr<QTemporaryDir> m_demoProfileDir; // --demo without --profile
    Store m_store; // the GUI thread's connection to the active account's store
    std::unique_ptr<AccountSessions> m_sessions;
    std::unique_ptr<ui::MainWindow> m_window;
    std::unique_ptr<DemoBackend> m_demo;
    AccountFlow::BrowserLauncher m_browserLauncher; // empty: the system browser
    std::unique_ptr<AccountSetup> m_setup;
    std::unique_ptr<LiveMail> m_live;
    std::unique_ptr<MailboxSync> m_mailbox;
    std::unique_ptr<EngineRequests> m_requests;
    std::unique_ptr<ComposeController> m_compose;
    std::unique_ptr<DemoStartup> m_startup;
};

} // namespace skein::desktop
