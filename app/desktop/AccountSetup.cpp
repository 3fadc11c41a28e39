#include "AccountSetup.h"

#include "AccountSessions.h"
#include "AppEnvironment.h"
#include "KeychainTokenStore.h"
#include "MainWindow.h"
#include "SyncEngine.h"
#include "WindowActions.h"

#include <QAction>

namespace skein::desktop {

AccountSetup::AccountSetup(AccountSessions &sessions, ui::MainWindow *window, const DesktopOptions &options,
                           QObject *parent)
    : QObject(parent)
    , m_sessions(sessions)
    , m_window(window)
    , m_options(options)
{
    connect(&m_sessions, &AccountSessions::aboutToRemove, this, &AccountSetup::forget);
    connect(m_window->panes().actions->action(ui::WindowActions::Account), &QAction::triggered, this, [this] { showAccountSetup(); });
}

AccountSetup::~AccountSetup()
{
    delete m_accountFlow;
}

ui::AccountDialog *AccountSetup::dialog() const
{
    return m_accountFlow ? m_accountFlow->dialog() : nullptr;
}

void AccountSetup::setBrowserLauncher(AccountFlow::BrowserLauncher launcher)
{
    m_browserLauncher = std::move(launcher);
    if (m_accountFlow && m_browserLauncher)
        m_accountFlow->setBrowserLauncher(m_browserLauncher);
}

void AccountSetup::startWithStoredAccount(AccountSession *session)
{
    const AccountSettings account = *session->store().accountStore().account();
    if (account.usesOAuth()) {
        // No prompt: the engine reads the refresh token from the keychain on
        // its thread; a missing or revoked one comes back as SignInRequired.
        EngineCredentials credentials;
        credentials.tokenStore = std::make_shared<cli::KeychainTokenStore>(session->profile(), account.user);
        m_sessions.startEngine(session, credentials);
    } else {
        QString error;
        const QString password = storedPassword(session->profile(), account.url, account.user, &error);
        if (password.isEmpty()) {
            if (session == m_sessions.active()) {
                showAccountSetup(); // prefilled from the store; only the password is missing
                return;
            }
            m_window->showBanner(tr("Skein has no password for %1.").arg(session->label()),
                                 tr("Choose one of its folders and then Account… to enter it."));
        } else {
            EngineCredentials credentials;
            credentials.password = password;
            m_sessions.startEngine(session, credentials);
        }
    }
    Q_EMIT storedAccountStarted(session);
}

// The flow sets up the active account; showing another account's folders
// while its dialog is closed makes a new flow for that one.
void AccountSetup::ensureAccountFlow()
{
    if (m_accountFlow && m_accountFlowSession != m_sessions.active() && !(m_accountFlow->dialog() && m_accountFlow->dialog()->isVisible())) {
        delete m_accountFlow;
        m_accountFlow = nullptr;
    }
    if (!m_accountFlow) {
        AccountSession *session = m_sessions.active();
        m_accountFlowSession = session;
        auto connector = [this, session](const EngineCredentials &credentials,
                                         std::function<void(const eas::SyncReport &)> done) {
            m_sessions.connectAccount(session, credentials, std::move(done));
        };
        m_accountFlow = new AccountFlow(session->profile(), session->store(), connector);
        if (m_browserLauncher)
            m_accountFlow->setBrowserLauncher(m_browserLauncher);
        connect(m_accountFlow, &AccountFlow::accountReady, this, &AccountSetup::onAccountReady);
        // Cancelling the very first set-up leaves nothing to show; cancelling
        // an added account's leaves no trace of it. Queued: removing the
        // account deletes the flow and its dialog, which is still inside
        // the signal that reported the Cancel (a crash, now and then).
        connect(m_accountFlow, &AccountFlow::cancelled, this, [this] {
            if (!m_addedAccount.isEmpty()) {
                const QString added = std::exchange(m_addedAccount, QString());
                m_sessions.switchToAccount(m_previousAccount);
                QString error;
                m_sessions.removeAccount(added, &error);
                return;
            }
            if (!m_window->isVisible())
                Q_EMIT exitRequested(0, QStringLiteral("no account was set up"));
        }, Qt::QueuedConnection);
    }
}

void AccountSetup::showAccountSetup(std::optional<ui::AccountDialog::DialogError> failure, const QString &message)
{
    ensureAccountFlow();
    m_accountFlowSession->syncTimer.stop(); // no background sync with a password the server refused
    m_accountFlow->start(failure, message);
}

void AccountSetup::editAccount(const QString &name)
{
    if (m_sessions.switchToAccount(name))
        showAccountSetup();
}

// The engine keeps running meanwhile: what the user does stays in the
// journal (SignInRequired is transient for it) until the new sign-in's
// engine sends it. Every job that fails says so; the dialog opens once.
void AccountSetup::showSignInAgain(const QString &sentence)
{
    ensureAccountFlow();
    m_accountFlowSession->syncTimer.stop();
    if (ui::AccountDialog *dialog = m_accountFlow->dialog(); dialog && dialog->isVisible())
        return;
    m_accountFlow->startSignInAgain(sentence);
}

bool AccountSetup::handledAsSignInRequired(AccountSession *session, const eas::SyncReport &report)
{
    if (report.error != eas::ErrorKind::SignInRequired || (m_options.demo && !m_options.demoOAuth))
        return false;
    if (session != m_sessions.active()) {
        m_window->showBanner(tr("The sign-in of %1 has expired.").arg(session->label()),
                             tr("Choose one of its folders to sign in again; its mail and actions are kept."));
        return true;
    }
    showSignInAgain(report.message);
    return true;
}

void AccountSetup::onAccountReady()
{
    const bool added = !std::exchange(m_addedAccount, QString()).isEmpty();
    Q_EMIT accountConnected();
    if (added)
        Q_EMIT accountAdded();
    // Actions taken while the sign-in was gone are still journaled: send them.
    if (m_accountFlow->wasSignInAgain() && m_sessions.activeEngine())
        m_sessions.activeEngine()->replayNow();
    if (!m_accountFlow->keychainWarning().isEmpty())
        m_window->showBanner(m_accountFlow->keychainWarning(),
                             m_accountFlow->credentials().usesOAuth()
                                 ? tr("Skein works for now but will ask you to sign in again at the next start.")
                                 : tr("Skein works for now but will ask for the password at the next start."));
}

void AccountSetup::addAccount()
{
    if (!m_addedAccount.isEmpty())
        return; // one at a time: its dialog is open
    QString error;
    AccountSession *session = m_sessions.addSession(m_sessions.nextAccountName(), &error);
    if (!session) {
        m_window->showBanner(tr("A new account cannot be made: %1").arg(error));
        return;
    }
    m_previousAccount = m_sessions.active()->name();
    m_addedAccount = session->name();
    m_sessions.showAccount(session->name()); // empty until the dialog has connected it
    showAccountSetup();
    if (ui::AccountDialog *dialog = this->dialog())
        dialog->setEmail(QString()); // not the last account's address
}

void AccountSetup::forget(AccountSession *session)
{
    if (m_accountFlowSession != session)
        return;
    delete m_accountFlow;
    m_accountFlow = nullptr;
    m_accountFlowSession = nullptr;
}

} // namespace skein::desktop
