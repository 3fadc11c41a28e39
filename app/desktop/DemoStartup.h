#pragma once

#include "CommandLine.h"

#include <QObject>

class QUrl;

namespace skein::ui {
class MainWindow;
}

namespace skein::desktop {

class AccountSessions;
class AccountSetup;
class EngineRequests;
class DemoBackend;
class MailboxSync;
class ScreenshotTaker;

// How --demo and --screenshot start: the demo server (a DemoBackend), the
// default account signed in to it (by password, or with --demo-oauth through
// the account dialog as a new user meets it), and the screenshot taken once
// the first sync has shown the mailbox.
class DemoStartup : public QObject
{
    Q_OBJECT
public:
    DemoStartup(const DesktopOptions &options, AccountSessions &sessions, AccountSetup &setup, MailboxSync &mailbox,
                ui::MainWindow *window, QObject *parent = nullptr);
    ~DemoStartup() override;

    // --screenshot: the window is captured after the shown account's first sync.
    void takeScreenshot(EngineRequests &actions);
    // Starts the server; the default account connects to it when it is ready.
    void startDemo(DemoBackend &backend);

Q_SIGNALS:
    void exitRequested(int exitCode, const QString &message);
    void failed(const QString &message); // the demo account could not be stored

private:
    void onDemoReady(const QUrl &url);
    // The demo server is missing or did not start: a message box (not
    // with --screenshot, which runs unattended), then the app ends.
    void failDemoServer(const QString &reason);
    void startDemoSignIn();

    const DesktopOptions &m_options;
    AccountSessions &m_sessions;
    AccountSetup &m_setup;
    MailboxSync &m_mailbox;
    ui::MainWindow *m_window;
    DemoBackend *m_demo = nullptr;
    ScreenshotTaker *m_screenshot = nullptr;
};

} // namespace skein::desktop
