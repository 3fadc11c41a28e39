#include "DesktopApp.h"

#include "AccountFlow.h"
#include "AppEnvironment.h"
#include "ChangeThrottle.h"
#include "ComposerWindow.h"
#include "DemoServerProcess.h"
#include "FolderPane.h"
#include "KeychainTokenStore.h"
#include "MainWindow.h"
#include "ReadingPane.h"
#include "ScreenshotTaker.h"
#include "StatusArea.h"
#include "SyncEngine.h"
#include "SyncFilterControl.h"
#include "SyncSummary.h"
#include "WindowActions.h"

#include <QAction>
#include <QMenu>
#include <QMessageBox>
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
    for (const Folder &folder : store.folderStore().folders())
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
}

DesktopApp::~DesktopApp()
{
    // The engines first: their threads may be writing the stores or talking to the demo server.
    m_sessions.clear();
    m_active = nullptr;
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

eas::SyncEngine *DesktopApp::engine() const
{
    return m_active ? m_active->engine() : nullptr;
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
        startDemo(); // the default account; the profile's other accounts start as stored
    else if (!m_active->hasAccount()) {
        showAccountSetup();
        return;
    }
    for (const auto &session : m_sessions)
        if (session->hasAccount() && !(m_options.demo && session.get() == m_active))
            startWithStoredAccount(session.get());
}

// Every account of the profile gets its session; a profile made before
// there were several accounts has just the default one (PROFILE/skein.db),
// and a new profile starts with an empty default account.
bool DesktopApp::openProfile()
{
    QString error;
    if (!m_profile->ensurePrivate(&error) || !m_profile->ensureSettingsFile(&error)) {
        fail(error);
        return false;
    }
    QStringList names = m_profile->accountNames();
    if (names.isEmpty() || (m_options.demo && !names.contains(QString())))
        names.prepend(QString()); // the demo account is the default one
    for (const QString &name : std::as_const(names)) {
        if (!addSession(name, &error)) {
            fail(error);
            return false;
        }
    }
    // The window opens on the first account that has been set up.
    const auto ready = std::find_if(m_sessions.begin(), m_sessions.end(),
                                    [](const auto &session) { return session->hasAccount(); });
    m_active = (m_options.demo || ready == m_sessions.end() ? m_sessions.begin() : ready)->get();
    if (!m_store.open(m_active->profile().databasePath())) {
        fail(tr("Cannot open %1: %2").arg(m_active->profile().databasePath(), m_store.lastError()));
        return false;
    }
    return true;
}

void DesktopApp::createWindow()
{
    m_window = std::make_unique<ui::MainWindow>(m_store);
    const ui::MainWindow::Panes &panes = m_window->panes();
    connect(panes.actions->action(ui::WindowActions::Sync), &QAction::triggered, this, &DesktopApp::requestSync);
    connect(panes.reading, &ui::ReadingPane::bodyRequested, this, [this](qint64 messageId) {
        if (eas::SyncEngine *engine = this->engine())
            engine->fetchBody(messageId);
    });
    connect(panes.actions->action(ui::WindowActions::Account), &QAction::triggered, this,
            [this] { showAccountSetup(); });
    // The user chose one of its folders (or an All Inboxes row): the window opens that itself.
    connect(panes.folders, &ui::FolderPane::accountSwitchRequested, this, &DesktopApp::showAccount);
    updateFolderPaneAccounts();
    createLiveMail();
    wireWindowActions();
    wireWindowOutbox();
    wireCompose();
    bindRefreshKey();
}

// F5 syncs. If the window already binds F5 to its Sync Now action (which the
// app connects to requestSync), a second shortcut would make the key ambiguous and dead.
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

void DesktopApp::startWithStoredAccount(AccountSession *session)
{
    const AccountSettings account = *session->store().accountStore().account();
    if (account.usesOAuth()) {
        // No prompt: the engine reads the refresh token from the keychain on
        // its thread; a missing or revoked one comes back as SignInRequired.
        EngineCredentials credentials;
        credentials.tokenStore = std::make_shared<cli::KeychainTokenStore>(session->profile(), account.user);
        startEngine(session, credentials);
    } else {
        QString error;
        const QString password = storedPassword(session->profile(), account.url, account.user, &error);
        if (password.isEmpty()) {
            if (session == m_active) {
                showAccountSetup(); // prefilled from the store; only the password is missing
                return;
            }
            m_window->showBanner(tr("Skein has no password for %1.").arg(session->label()),
                                 tr("Choose one of its folders and then Account… to enter it."));
        } else {
            EngineCredentials credentials;
            credentials.password = password;
            startEngine(session, credentials);
        }
    }
    if (session == m_active)
        openMailbox();
    else
        syncAccount(session);
}

void DesktopApp::setDemoBackend(std::unique_ptr<DemoBackend> backend)
{
    m_demo = std::move(backend);
}

void DesktopApp::startDemo()
{
    if (!m_demo)
        m_demo = std::make_unique<DemoServerProcess>();
    if (m_options.demoOAuth)
        m_demo->setAuthMode(QStringLiteral("oauth"));
    m_demo->setExtraMessages(m_options.demoMessages);
    connect(m_demo.get(), &DemoBackend::ready, this, &DesktopApp::onDemoReady);
    connect(m_demo.get(), &DemoBackend::failed, this, &DesktopApp::failDemoServer);
    m_demo->start();
}

void DesktopApp::failDemoServer(const QString &reason)
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

void DesktopApp::onDemoReady(const QUrl &url)
{
    if (m_options.demoOAuth) {
        startDemoSignIn();
        return;
    }
    const QString address = url.adjusted(QUrl::RemovePath).toString();
    AccountSession *demo = m_sessions.front().get();
    if (!saveAccountSettings(demo->store(), address, url.path(), kDemoUser)) {
        fail(demo->store().lastError());
        return;
    }
    AccountSettings settings = *demo->store().accountStore().account();
    settings.email = kDemoEmail; // what the folder pane and notifications call the account
    demo->store().accountStore().saveAccount(settings);
    EngineCredentials demoCredentials;
    demoCredentials.password = kDemoPassword;
    connectAccount(demo, demoCredentials, [this](const eas::SyncReport &report) {
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
// and the client id pointing at the demo server (the testers' overrides
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

// The flow sets up the active account; showing another account's folders
// while its dialog is closed makes a new flow for that one.
void DesktopApp::ensureAccountFlow()
{
    if (m_accountFlow && m_accountFlowSession != m_active && !(m_accountFlow->dialog() && m_accountFlow->dialog()->isVisible())) {
        delete m_accountFlow;
        m_accountFlow = nullptr;
    }
    if (!m_accountFlow) {
        AccountSession *session = m_active;
        m_accountFlowSession = session;
        auto connector = [this, session](const EngineCredentials &credentials,
                                         std::function<void(const eas::SyncReport &)> done) {
            connectAccount(session, credentials, std::move(done));
        };
        m_accountFlow = new AccountFlow(session->profile(), session->store(), connector);
        if (m_browserLauncher)
            m_accountFlow->setBrowserLauncher(m_browserLauncher);
        connect(m_accountFlow, &AccountFlow::accountReady, this, &DesktopApp::onAccountReady);
        // Cancelling the very first set-up leaves nothing to show; cancelling
        // an added account's leaves no trace of it. Queued: removing the
        // account deletes the flow and its dialog, which is still inside
        // the signal that reported the Cancel (a crash, now and then).
        connect(m_accountFlow, &AccountFlow::cancelled, this, [this] {
            if (!m_addedAccount.isEmpty()) {
                const QString added = std::exchange(m_addedAccount, QString());
                switchToAccount(m_previousAccount);
                QString error;
                removeAccount(added, &error);
                return;
            }
            if (!m_window->isVisible())
                Q_EMIT exitRequested(0, QStringLiteral("no account was set up"));
        }, Qt::QueuedConnection);
    }
}

void DesktopApp::showAccountSetup(std::optional<ui::AccountDialog::DialogError> failure, const QString &message)
{
    ensureAccountFlow();
    m_accountFlowSession->syncTimer.stop(); // no background sync with a password the server refused
    m_accountFlow->start(failure, message);
}

// The engine keeps running meanwhile: what the user does stays in the
// journal (SignInRequired is transient for it) until the new sign-in's
// engine sends it. Every job that fails says so; the dialog opens once.
void DesktopApp::showSignInAgain(const QString &sentence)
{
    ensureAccountFlow();
    m_accountFlowSession->syncTimer.stop();
    if (ui::AccountDialog *dialog = m_accountFlow->dialog(); dialog && dialog->isVisible())
        return;
    m_accountFlow->startSignInAgain(sentence);
}

bool DesktopApp::handledAsSignInRequired(AccountSession *session, const eas::SyncReport &report)
{
    if (report.error != eas::ErrorKind::SignInRequired || (m_options.demo && !m_options.demoOAuth))
        return false;
    if (session != m_active) {
        m_window->showBanner(tr("The sign-in of %1 has expired.").arg(session->label()),
                             tr("Choose one of its folders to sign in again; its mail and actions are kept."));
        return true;
    }
    showSignInAgain(report.message);
    return true;
}

void DesktopApp::onAccountReady()
{
    const bool added = !std::exchange(m_addedAccount, QString()).isEmpty();
    openMailbox();
    if (added)
        Q_EMIT accountsChanged();
    // Actions taken while the sign-in was gone are still journaled: send them.
    if (m_accountFlow->wasSignInAgain() && engine())
        engine()->replayNow();
    if (!m_accountFlow->keychainWarning().isEmpty())
        m_window->showBanner(m_accountFlow->keychainWarning(),
                             m_accountFlow->credentials().usesOAuth()
                                 ? tr("Skein works for now but will ask you to sign in again at the next start.")
                                 : tr("Skein works for now but will ask for the password at the next start."));
}

// One engine per password or sign-in: the engine reads the account and its
// credentials once, on its thread, so new ones mean a new engine.
void DesktopApp::startEngine(AccountSession *session, const EngineCredentials &credentials)
{
    session->startEngine(credentials, m_window->panes().syncFilter->syncFilter());
    wireEngine(session);
}

// What every account's engine reports whether or not the window shows the
// account: sync outcomes, new mail, push. The rest goes to the window only
// while the account is the one shown (linkToWindow).
void DesktopApp::wireEngine(AccountSession *session)
{
    eas::SyncEngine *engine = session->engine();
    connect(engine, &eas::SyncEngine::syncFinished, session,
            [this, session](const eas::SyncReport &report) { onSyncFinished(session, report); });
    // Another account's changes only touch the folder pane's counts: at most a few times a second.
    auto *paneRefresh = new ChangeThrottle(kWindowRefreshMs, [this](const QString &) { m_window->refreshFolderPane(); },
                                           session->engine());
    connect(engine, &eas::SyncEngine::folderChanged, session, [this, session, paneRefresh](const QString &folderId) {
        if (session != m_active)
            paneRefresh->add(QString());
        onFolderChangedForAlerts(session, folderId);
    });
    connect(engine, &eas::SyncEngine::replayFinished, session, [this, session](const eas::SyncReport &report) {
        handledAsSignInRequired(session, report);
        Q_EMIT actionsReplayed(report.ok());
    });
    connect(engine, &eas::SyncEngine::sendFailed, session,
            [this, session](qint64 entryId, const QString &message) { onSendFailed(session, entryId, message); });
    wireLiveMail(session);
    if (session == m_active)
        linkToWindow(session);
}

void DesktopApp::linkToWindow(AccountSession *session)
{
    delete session->windowLink.data();
    if (!session->engine())
        return;
    session->windowLink = new QObject(session);
    QObject *link = session->windowLink;
    ui::MainWindow *window = m_window.get();
    eas::SyncEngine *engine = session->engine();
    connect(engine, &eas::SyncEngine::progress, link,
            [window](const QString &folder, int items) { window->panes().status->syncProgress(folder, items); });
    // A sync reports a change per reply: the window redraws at most a few times a second.
    auto *contentRefresh = new ChangeThrottle(
        kWindowRefreshMs, [window](const QString &folderId) { window->folderContentChanged(folderId); }, link);
    connect(engine, &eas::SyncEngine::folderChanged, contentRefresh, &ChangeThrottle::add);
    connect(engine, &eas::SyncEngine::bodyFetched, link,
            [this](qint64 messageId, const QString &error) { onBodyFetched(messageId, error); });
    linkEngineActions(session);
    linkEngineOutbox(session);
    linkEngineCompose(session);
}

void DesktopApp::connectAccount(AccountSession *session, const EngineCredentials &credentials,
                                std::function<void(const eas::SyncReport &)> done)
{
    startEngine(session, credentials);
    connect(session->engine(), &eas::SyncEngine::connected, this, std::move(done), Qt::SingleShotConnection);
    session->engine()->connectAccount();
}

void DesktopApp::openMailbox()
{
    const AccountSettings account = m_store.accountStore().account().value_or(AccountSettings{});
    m_window->panes().status->setAccountLabel(QStringLiteral("%1 — %2").arg(account.user, QUrl(account.url).host()));
    updateFolderPaneAccounts();
    refreshFoldersIfChanged(m_active);
    selectInbox();
    m_window->show();
    m_window->raise();
    Q_EMIT mailboxOpened();
    syncAccount(m_active);
    applyCheckingSettings(); // accounts started before the window showed listen now too
}

void DesktopApp::selectInbox()
{
    if (const std::optional<Folder> inbox = m_store.folderStore().folderOfType(FolderType::Inbox))
        m_window->selectFolder(inbox->serverId);
}

void DesktopApp::refreshFoldersIfChanged(AccountSession *session)
{
    const QStringList ids = folderIds(session->store());
    if (ids == session->folderSignature)
        return;
    const bool first = session->folderSignature.isEmpty();
    session->folderSignature = ids;
    if (session != m_active) {
        m_window->refreshFolderPane();
        return;
    }
    m_window->foldersChanged();
    if (first || m_window->currentFolderId().isEmpty())
        selectInbox();
}

// Check for new mail: every account (F5, the tray, the account's timer).
void DesktopApp::requestSync()
{
    for (const auto &session : m_sessions)
        syncAccount(session.get());
}

void DesktopApp::syncAccount(AccountSession *session)
{
    if (!session->engine() || session->syncing)
        return; // the running sync already brings what a second one would
    session->syncing = true;
    if (session == m_active)
        m_window->panes().status->syncStarted();
    session->engine()->syncAll();
}

void DesktopApp::onSyncFinished(AccountSession *session, const eas::SyncReport &report)
{
    session->syncing = false;
    refreshFoldersIfChanged(session);
    if (report.ok())
        startNewMailWatch(session);
    const SyncSummary summary = summarize(report);
    if (session != m_active) {
        // What the status bar will say when the account is shown again.
        session->status.syncing = false;
        session->status.text = !summary.ok ? tr("Sync failed")
            : summary.folderProblems.isEmpty() ? (summary.message.isEmpty() ? tr("Synced") : summary.message)
                                               : tr("Synced, with problems in %n folder(s)", nullptr, int(summary.folderProblems.size()));
        session->status.toolTip = summary.folderProblems.isEmpty() ? summary.message : summary.folderProblems.join(QLatin1Char('\n'));
        if (summary.ok)
            session->status.lastSync = QDateTime::currentDateTime();
        if (!handledAsSignInRequired(session, report) && !summary.ok)
            m_window->panes().status->showNotice(tr("%1: %2").arg(session->label(), summary.message));
        Q_EMIT syncCompleted(summary.ok);
        return;
    }
    m_window->panes().status->syncFinished(summary.ok, summary.message, summary.folderProblems);
    // SignInRequired opens the sign-in-again dialog instead of the password one.
    if (!handledAsSignInRequired(session, report) && report.error == eas::ErrorKind::Auth && !m_options.demo)
        showAccountSetup(ui::AccountDialog::DialogError::WrongPassword, report.message);
    if (m_screenshot)
        m_screenshot->syncFinished(summary.ok, summary.message);
    Q_EMIT syncCompleted(summary.ok);
}

void DesktopApp::onBodyFetched(qint64 messageId, const QString &error)
{
    m_window->panes().reading->bodyFetched(messageId, error);
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
