#include "DesktopApp.h"

#include "AccountFlow.h"
#include "AppEnvironment.h"
#include "ComposerWindow.h"
#include "DemoServer.h"
#include "KeychainTokenStore.h"
#include "MainWindow.h"
#include "ScreenshotTaker.h"
#include "SyncEngine.h"
#include "SyncSummary.h"

#include <QAction>
#include <QMenu>
#include <QShortcut>
#include <QTemporaryDir>

namespace skein::desktop {

namespace {

const QString kDemoUser = QStringLiteral("demo");
const QString kDemoPassword = QStringLiteral("demo"); // demo mode keeps it in memory only
const QString kDemoEmail = QStringLiteral("demo@skein.test");
// Any id does for the reference server; a real tenant needs its own registration.
const QString kDemoClientId = QStringLiteral("skein-demo");

bool hasRefreshShortcut(const QWidget &window)
{
    const QList<QAction *> actions = window.findChildren<QAction *>();
    return std::any_of(actions.begin(), actions.end(), [](const QAction *action) {
        return action->shortcuts().contains(QKeySequence(Qt::Key_F5));
    });
}

QStringList folderIds(const Store &store)
{
    QStringList ids;
    for (const Folder &folder : store.folders())
        ids.append(folder.serverId + QLatin1Char('\t') + folder.name + QLatin1Char('\t') + folder.parentId);
    return ids;
}

} // namespace

DesktopApp::DesktopApp(DesktopOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
{
    if (m_options.demo && m_options.profileDir.isEmpty()) {
        m_demoProfileDir = std::make_unique<QTemporaryDir>();
        m_options.profileDir = m_demoProfileDir->path();
    }
    m_profile.emplace(m_options.profileDir);
    configureApplication(*m_profile);
    m_syncTimer.setInterval(kSyncIntervalMs);
    connect(&m_syncTimer, &QTimer::timeout, this, &DesktopApp::requestSync);
}

DesktopApp::~DesktopApp()
{
    // The engine first: its thread may be writing the store or talking to the demo server.
    m_syncTimer.stop();
    m_engine.reset();
    m_demo.reset();
    delete m_accountFlow;
    delete m_screenshot;
    for (const QPointer<ui::ComposerWindow> &composer : std::as_const(m_composers))
        delete composer.data();
    m_window.reset();
}

ui::AccountDialog *DesktopApp::accountDialog() const
{
    return m_accountFlow ? m_accountFlow->dialog() : nullptr;
}

void DesktopApp::start()
{
    if (!openProfile())
        return;
    createWindow();
    if (!m_options.screenshotPath.isEmpty()) {
        m_screenshot = new ScreenshotTaker(*m_window, m_options.screenshotPath, m_options.selectSubject,
                                           m_options.selectFolder);
        // The picture shows the mailbox as it is, not as the wait for it left it.
        m_window->setMarkReadDelay(-1);
        connect(m_screenshot, &ScreenshotTaker::done, this, &DesktopApp::exitRequested);
    }
    if (m_options.demo)
        startDemo();
    else if (m_store.account())
        startWithStoredAccount();
    else
        showAccountSetup();
}

bool DesktopApp::openProfile()
{
    QString error;
    if (!m_profile->ensurePrivate(&error) || !m_profile->ensureSettingsFile(&error)) {
        fail(error);
        return false;
    }
    if (!m_store.open(m_profile->databasePath())) {
        fail(QStringLiteral("Cannot open %1: %2").arg(m_profile->databasePath(), m_store.lastError()));
        return false;
    }
    return true;
}

void DesktopApp::createWindow()
{
    m_window = std::make_unique<ui::MainWindow>(m_store);
    connect(m_window.get(), &ui::MainWindow::syncRequested, this, &DesktopApp::requestSync);
    connect(m_window.get(), &ui::MainWindow::bodyRequested, this, [this](qint64 messageId) {
        if (m_engine)
            m_engine->fetchBody(messageId);
    });
    connect(m_window.get(), &ui::MainWindow::accountSetupRequested, this, [this] { showAccountSetup(); });
    createLiveMail();
    wireWindowActions();
    wireWindowOutbox();
    wireCompose();
    bindRefreshKey();
}

// F5 syncs. If the window already binds F5 to its refresh action (which emits
// syncRequested), a second shortcut would make the key ambiguous and dead.
void DesktopApp::bindRefreshKey()
{
    if (hasRefreshShortcut(*m_window))
        return;
    auto *shortcut = new QShortcut(QKeySequence(Qt::Key_F5), m_window.get());
    connect(shortcut, &QShortcut::activated, this, &DesktopApp::requestSync);
}

void DesktopApp::setBrowserLauncher(AccountFlow::BrowserLauncher launcher)
{
    m_browserLauncher = std::move(launcher);
    if (m_accountFlow && m_browserLauncher)
        m_accountFlow->setBrowserLauncher(m_browserLauncher);
}

void DesktopApp::startWithStoredAccount()
{
    const AccountSettings account = *m_store.account();
    if (account.usesOAuth()) {
        // No prompt: the engine reads the refresh token from the keychain on
        // its thread; a missing or revoked one comes back as SignInRequired.
        EngineCredentials credentials;
        credentials.tokenStore = std::make_shared<cli::KeychainTokenStore>(*m_profile, account.user);
        startEngine(credentials);
        openMailbox();
        return;
    }
    QString error;
    const QString password = storedPassword(*m_profile, account.url, account.user, &error);
    if (password.isEmpty()) {
        showAccountSetup(); // prefilled from the store; only the password is missing
        return;
    }
    EngineCredentials credentials;
    credentials.password = password;
    startEngine(credentials);
    openMailbox();
}

void DesktopApp::startDemo()
{
    m_demo = std::make_unique<DemoServer>();
    if (m_options.demoOAuth)
        m_demo->setAuthMode(QStringLiteral("oauth"));
    connect(m_demo.get(), &DemoServer::ready, this, &DesktopApp::onDemoReady);
    connect(m_demo.get(), &DemoServer::failed, this, &DesktopApp::fail);
    m_demo->start();
}

void DesktopApp::onDemoReady(const QUrl &url)
{
    if (m_options.demoOAuth) {
        startDemoSignIn();
        return;
    }
    const QString address = url.adjusted(QUrl::RemovePath).toString();
    if (!saveAccountSettings(m_store, address, url.path(), kDemoUser)) {
        fail(m_store.lastError());
        return;
    }
    EngineCredentials demoCredentials;
    demoCredentials.password = kDemoPassword;
    connectAccount(demoCredentials, [this](const eas::SyncReport &report) {
        if (report.ok()) {
            openMailbox();
            return;
        }
        m_window->show();
        m_window->showBanner(report.message);
        if (m_screenshot)
            m_screenshot->syncFinished(false, report.message);
    });
}

// --demo-oauth: the account dialog as a new user meets it, with Autodiscover
// and the client id pointing at the built-in server (the testers' overrides
// of docs/signin.md, set for this process only); the system browser shows
// the server's sign-in page (demo / demo).
void DesktopApp::startDemoSignIn()
{
    const QByteArray base = m_demo->baseUrl().toString().toUtf8();
    qputenv("SKEIN_AUTODISCOVER_URL", base);
    if (qEnvironmentVariableIsEmpty(eas::OAuthConfig::kClientIdVariable))
        qputenv(eas::OAuthConfig::kClientIdVariable, kDemoClientId.toUtf8());
    showAccountSetup();
    m_accountFlow->dialog()->setEmail(kDemoEmail);
}

void DesktopApp::ensureAccountFlow()
{
    if (!m_accountFlow) {
        auto connector = [this](const EngineCredentials &credentials,
                                std::function<void(const eas::SyncReport &)> done) {
            connectAccount(credentials, std::move(done));
        };
        m_accountFlow = new AccountFlow(*m_profile, m_store, connector);
        if (m_browserLauncher)
            m_accountFlow->setBrowserLauncher(m_browserLauncher);
        connect(m_accountFlow, &AccountFlow::accountReady, this, &DesktopApp::onAccountReady);
        // Cancelling the very first set-up leaves nothing to show.
        connect(m_accountFlow, &AccountFlow::cancelled, this, [this] {
            if (!m_window->isVisible())
                Q_EMIT exitRequested(0, QStringLiteral("no account was set up"));
        });
    }
}

void DesktopApp::showAccountSetup(std::optional<ui::AccountDialog::DialogError> failure, const QString &message)
{
    ensureAccountFlow();
    m_syncTimer.stop(); // no background sync with a password the server refused
    m_accountFlow->start(failure, message);
}

// The engine keeps running meanwhile: what the user does stays in the
// journal (SignInRequired is transient for it) until the new sign-in's
// engine sends it. Every job that fails says so; the dialog opens once.
void DesktopApp::showSignInAgain(const QString &sentence)
{
    ensureAccountFlow();
    m_syncTimer.stop();
    if (ui::AccountDialog *dialog = m_accountFlow->dialog(); dialog && dialog->isVisible())
        return;
    m_accountFlow->startSignInAgain(sentence);
}

bool DesktopApp::handledAsSignInRequired(const eas::SyncReport &report)
{
    if (report.error != eas::ErrorKind::SignInRequired || (m_options.demo && !m_options.demoOAuth))
        return false;
    showSignInAgain(report.message);
    return true;
}

void DesktopApp::onAccountReady()
{
    openMailbox();
    // Actions taken while the sign-in was gone are still journaled: send them.
    if (m_accountFlow->wasSignInAgain() && m_engine)
        m_engine->replayNow();
    if (!m_accountFlow->keychainWarning().isEmpty())
        m_window->showBanner(m_accountFlow->keychainWarning(),
                             m_accountFlow->credentials().usesOAuth()
                                 ? tr("Skein works for now but will ask you to sign in again at the next start.")
                                 : tr("Skein works for now but will ask for the password at the next start."));
}

// One engine per password or sign-in: the engine reads the account and its
// credentials once, on its thread, so new ones mean a new engine.
void DesktopApp::startEngine(const EngineCredentials &credentials)
{
    m_engine.reset(); // waits for a running job; queued reports still arrive
    m_syncing = false;
    m_credentials = credentials;
    eas::SyncEngine::Config config;
    config.databasePath = m_profile->databasePath();
    config.password = credentials.password;
    config.tokenStore = credentials.tokenStore;
    config.initialTokens = credentials.initialTokens;
    config.options.filterType = m_window->syncFilter();
    m_engine = std::make_unique<eas::SyncEngine>(config);
    wireEngine();
}

void DesktopApp::wireEngine()
{
    ui::MainWindow *window = m_window.get();
    eas::SyncEngine *engine = m_engine.get();
    connect(engine, &eas::SyncEngine::progress, window, &ui::MainWindow::syncProgress);
    connect(engine, &eas::SyncEngine::folderChanged, window, &ui::MainWindow::folderContentChanged);
    connect(engine, &eas::SyncEngine::syncFinished, this, &DesktopApp::onSyncFinished);
    connect(engine, &eas::SyncEngine::bodyFetched, this, &DesktopApp::onBodyFetched);
    wireEngineActions();
    wireEngineOutbox();
    wireEngineCompose();
    wireLiveMail();
}

void DesktopApp::connectAccount(const EngineCredentials &credentials,
                                std::function<void(const eas::SyncReport &)> done)
{
    startEngine(credentials);
    connect(m_engine.get(), &eas::SyncEngine::connected, this, std::move(done), Qt::SingleShotConnection);
    m_engine->connectAccount();
}

void DesktopApp::openMailbox()
{
    const AccountSettings account = m_store.account().value_or(AccountSettings{});
    m_window->setAccountLabel(QStringLiteral("%1 — %2").arg(account.user, QUrl(account.url).host()));
    refreshFoldersIfChanged();
    selectInbox();
    m_window->show();
    m_window->raise();
    Q_EMIT mailboxOpened();
    requestSync();
    applyCheckingSettings();
}

void DesktopApp::selectInbox()
{
    if (const std::optional<Folder> inbox = m_store.folderOfType(FolderType::Inbox))
        m_window->selectFolder(inbox->serverId);
}

void DesktopApp::refreshFoldersIfChanged()
{
    const QStringList ids = folderIds(m_store);
    if (ids == m_folderIds)
        return;
    const bool first = m_folderIds.isEmpty();
    m_folderIds = ids;
    m_window->foldersChanged();
    if (first || m_window->currentFolderId().isEmpty())
        selectInbox();
}

void DesktopApp::requestSync()
{
    if (!m_engine || m_syncing)
        return; // the running sync already brings what a second one would
    m_syncing = true;
    m_window->syncStarted();
    m_engine->syncAll();
}

void DesktopApp::onSyncFinished(const eas::SyncReport &report)
{
    m_syncing = false;
    refreshFoldersIfChanged();
    if (report.ok())
        startNewMailWatch();
    const SyncSummary summary = summarize(report);
    m_window->syncFinished(summary.ok, summary.message, summary.folderProblems);
    // SignInRequired opens the sign-in-again dialog instead of the password one.
    if (!handledAsSignInRequired(report) && report.error == eas::ErrorKind::Auth && !m_options.demo)
        showAccountSetup(ui::AccountDialog::DialogError::WrongPassword, report.message);
    if (m_screenshot)
        m_screenshot->syncFinished(summary.ok, summary.message);
    Q_EMIT syncCompleted(summary.ok);
}

void DesktopApp::onBodyFetched(qint64 messageId, const QString &error)
{
    m_window->bodyFetched(messageId, error);
    if (m_screenshot)
        m_screenshot->bodyFetched();
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
