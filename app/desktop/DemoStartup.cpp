#include "DemoStartup.h"

#include "AccountSessions.h"
#include "AccountSetup.h"
#include "EngineRequests.h"
#include "DemoBackend.h"
#include "MailboxSync.h"
#include "MainWindow.h"
#include "ScreenshotTaker.h"
#include "SyncEngine.h"

#include <QMessageBox>

namespace skein::desktop {

namespace {

const QString kDemoUser = QStringLiteral("demo");
const QString kDemoPassword = QStringLiteral("demo"); // demo mode keeps it in memory only
const QString kDemoEmail = QStringLiteral("demo@skein.test");
// Any id does for the reference server; a real tenant needs its own registration.
const QString kDemoClientId = QStringLiteral("skein-demo");

} // namespace

DemoStartup::DemoStartup(const DesktopOptions &options, AccountSessions &sessions, AccountSetup &setup,
                         MailboxSync &mailbox, ui::MainWindow *window, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_sessions(sessions)
    , m_setup(setup)
    , m_mailbox(mailbox)
    , m_window(window)
{
}

DemoStartup::~DemoStartup()
{
    delete m_screenshot;
}

void DemoStartup::takeScreenshot(EngineRequests &actions)
{
    m_screenshot = new ScreenshotTaker(*m_window, m_options.screenshotPath, m_options.selectSubject,
                                       m_options.selectFolder);
    // The picture shows the mailbox as it is, not as the wait for it left it.
    m_window->setMarkReadDelay(-1);
    connect(m_screenshot, &ScreenshotTaker::done, this, &DemoStartup::exitRequested);
    connect(&m_mailbox, &MailboxSync::shownAccountSynced, m_screenshot, &ScreenshotTaker::syncFinished);
    connect(&actions, &EngineRequests::bodyShown, m_screenshot, &ScreenshotTaker::bodyFetched);
}

void DemoStartup::startDemo(DemoBackend &backend)
{
    m_demo = &backend;
    if (m_options.demoOAuth)
        m_demo->setAuthMode(QStringLiteral("oauth"));
    m_demo->setExtraMessages(m_options.demoMessages);
    connect(m_demo, &DemoBackend::ready, this, &DemoStartup::onDemoReady);
    connect(m_demo, &DemoBackend::failed, this, &DemoStartup::failDemoServer);
    m_demo->start();
}

void DemoStartup::failDemoServer(const QString &reason)
{
    if (!m_options.screenshotPath.isEmpty()) {
        Q_EMIT exitRequested(1, reason);
        return;
    }
    auto *box = new QMessageBox(QMessageBox::Critical, tr("Skein demo"),
                                tr("The demo mailbox cannot be shown."), QMessageBox::Close);
    box->setObjectName(QStringLiteral("demoServerError"));
    box->setAccessibleName(tr("Demo server error"));
    box->setInformativeText(reason);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, reason] { Q_EMIT exitRequested(1, reason); });
    box->open();
}

void DemoStartup::onDemoReady(const QUrl &url)
{
    if (m_options.demoOAuth) {
        startDemoSignIn();
        return;
    }
    const QString address = url.adjusted(QUrl::RemovePath).toString();
    AccountSession *demo = m_sessions.all().front();
    if (!saveAccountSettings(demo->store(), address, url.path(), kDemoUser)) {
        Q_EMIT failed(demo->store().lastError());
        return;
    }
    AccountSettings settings = *demo->store().accountStore().account();
    settings.email = kDemoEmail; // what the folder pane and notifications call the account
    demo->store().accountStore().saveAccount(settings);
    EngineCredentials demoCredentials;
    demoCredentials.password = kDemoPassword;
    m_sessions.connectAccount(demo, demoCredentials, [this](const eas::SyncReport &report) {
        if (report.ok()) {
            m_mailbox.openMailbox();
            return;
        }
        m_window->show();
        m_window->showBanner(report.message);
        if (m_screenshot)
            m_screenshot->syncFinished(false, report.message);
    });
}

// --demo-oauth: the account dialog as a new user meets it, with Autodiscover
// and the client id pointing at the demo server (the testers' overrides
// of docs/signin.md, set for this process only); the system browser shows
// the server's sign-in page (demo / demo).
void DemoStartup::startDemoSignIn()
{
    const QByteArray base = m_demo->baseUrl().toString().toUtf8();
    qputenv("SKEIN_AUTODISCOVER_URL", base);
    if (qEnvironmentVariableIsEmpty(eas::OAuthConfig::kClientIdVariable))
        qputenv(eas::OAuthConfig::kClientIdVariable, kDemoClientId.toUtf8());
    m_setup.showAccountSetup();
    m_setup.dialog()->setEmail(kDemoEmail);
}

} // namespace skein::desktop
