#include "DesktopApp.h"

#include "AccountSessions.h"
#include "AccountSetup.h"
#include "AppEnvironment.h"
#include "ComposeController.h"
#include "EngineRequests.h"
#include "DemoServerProcess.h"
#include "DemoStartup.h"
#include "LiveMail.h"
#include "MailboxSync.h"
#include "MainWindow.h"

#include <QTemporaryDir>

namespace skein::desktop {

DesktopApp::DesktopApp(DesktopOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
{
    if (m_options.demo && m_options.profileDir.isEmpty()) {
        m_demoProfileDir = std::make_unique<QTemporaryDir>();
        m_options.profileDir = m_demoProfileDir->path();
    }
    const cli::Profile profile(m_options.profileDir);
    configureApplication(profile);
    m_sessions = std::make_unique<AccountSessions>(profile, m_store);
}

DesktopApp::~DesktopApp()
{
    // The engines first: their threads may be writing the stores or talking to the demo server.
    m_sessions->closeAll();
    m_demo.reset();
    m_startup.reset();
    m_compose.reset(); // closes its composers
    m_requests.reset();
    m_mailbox.reset();
    m_live.reset();
    m_setup.reset(); // closes the account dialog
    m_window.reset();
}

ui::AccountDialog *DesktopApp::accountDialog() const
{
    return m_setup ? m_setup->dialog() : nullptr;
}

eas::SyncEngine *DesktopApp::engine() const
{
    return m_sessions->activeEngine();
}

bool DesktopApp::isSyncing() const
{
    return activeAccount() && activeAccount()->syncing;
}

QList<AccountSession *> DesktopApp::accounts() const
{
    return m_sessions->all();
}

AccountSession *DesktopApp::activeAccount() const
{
    return m_sessions->active();
}

void DesktopApp::setDemoBackend(std::unique_ptr<DemoBackend> backend)
{
    m_demo = std::move(backend);
}

void DesktopApp::setBrowserLauncher(AccountFlow::BrowserLauncher launcher)
{
    m_browserLauncher = launcher;
    if (m_setup)
        m_setup->setBrowserLauncher(std::move(launcher));
}

void DesktopApp::requestSync()
{
    m_mailbox->requestSync();
}

void DesktopApp::start()
{
    QString error;
    if (!m_sessions->open(m_options.demo, &error)) {
        fail(error);
        return;
    }
    createWindow();
    if (!m_options.screenshotPath.isEmpty())
        m_startup->takeScreenshot(*m_requests);
    if (m_options.demo) {
        if (!m_demo)
            m_demo = std::make_unique<DemoServerProcess>();
        m_startup->startDemo(*m_demo); // the default account; the profile's other accounts start as stored
    } else if (!activeAccount()->hasAccount()) {
        m_setup->showAccountSetup();
        return;
    }
    for (AccountSession *session : m_sessions->all())
        if (session->hasAccount() && !(m_options.demo && session == activeAccount()))
            m_setup->startWithStoredAccount(session);
}

// The order of creation is the order in which they hear of a new engine
// (AccountSessions::engineStarted): live mail, then the sync, then the rest.
void DesktopApp::createWindow()
{
    m_window = std::make_unique<ui::MainWindow>(m_store);
    m_sessions->attachWindow(m_window.get());
    m_setup = std::make_unique<AccountSetup>(*m_sessions, m_window.get(), m_options);
    if (m_browserLauncher)
        m_setup->setBrowserLauncher(m_browserLauncher);
    m_live = std::make_unique<LiveMail>(*m_sessions, m_window.get());
    m_mailbox = std::make_unique<MailboxSync>(*m_sessions, *m_setup, *m_live, m_window.get(), m_options);
    m_requests = std::make_unique<EngineRequests>(*m_sessions, *m_setup, m_window.get());
    m_compose = std::make_unique<ComposeController>(*m_sessions, m_window.get());
    m_startup = std::make_unique<DemoStartup>(m_options, *m_sessions, *m_setup, *m_mailbox, m_window.get());

    connect(m_setup.get(), &AccountSetup::exitRequested, this, &DesktopApp::exitRequested);
    connect(m_startup.get(), &DemoStartup::exitRequested, this, &DesktopApp::exitRequested);
    connect(m_startup.get(), &DemoStartup::failed, this, &DesktopApp::fail);
    connect(m_live.get(), &LiveMail::quitRequested, this, [this] { Q_EMIT exitRequested(0, {}); });
    connect(m_live.get(), &LiveMail::addAccountRequested, m_setup.get(), &AccountSetup::addAccount);
    connect(m_live.get(), &LiveMail::editAccountRequested, m_setup.get(), &AccountSetup::editAccount);
    connect(m_mailbox.get(), &MailboxSync::mailboxOpened, this, &DesktopApp::mailboxOpened);
    connect(m_mailbox.get(), &MailboxSync::syncCompleted, this, &DesktopApp::syncCompleted);
    connect(m_requests.get(), &EngineRequests::actionsReplayed, this, &DesktopApp::actionsReplayed);
    connect(m_setup.get(), &AccountSetup::accountAdded, this, &DesktopApp::accountsChanged);
    connect(m_sessions.get(), &AccountSessions::accountRemoved, this, &DesktopApp::accountsChanged);
    connect(this, &DesktopApp::accountsChanged, m_live.get(), &LiveMail::refreshOpenSettings);
}

void DesktopApp::fail(const QString &message)
{
    if (m_window) {
        m_window->show();
        m_window->showBanner(message);
    }
    Q_EMIT exitRequested(1, message);
}

} // namespace skein::desktop
