#pragma once

#include "AccountDialog.h"
#include "AccountFlow.h"
#include "CommandLine.h"
#include "SyncRunner.h"

#include <QObject>

#include <optional>

namespace skein::ui {
class MainWindow;
}

namespace skein::desktop {

class AccountSession;
class AccountSessions;

// Signing accounts in: an account set up before starts from its stored
// password or keychain token; a new one, a refused password or an expired
// sign-in goes through the account dialog (AccountFlow) for the account
// shown. Adding an account is its dialog for a new, empty session.
class AccountSetup : public QObject
{
    Q_OBJECT
public:
    AccountSetup(AccountSessions &sessions, ui::MainWindow *window, const DesktopOptions &options,
                 QObject *parent = nullptr);
    ~AccountSetup() override;

    ui::AccountDialog *dialog() const; // nullptr while none was shown
    // How "Sign in with Microsoft" opens the browser (tests replace
    // QDesktopServices::openUrl); takes effect for dialogs shown from now on.
    void setBrowserLauncher(AccountFlow::BrowserLauncher launcher);

    void startWithStoredAccount(AccountSession *session);
    void showAccountSetup(std::optional<ui::AccountDialog::DialogError> failure = {}, const QString &message = {});
    // Settings > Accounts > Edit: the account shown, then its dialog.
    void editAccount(const QString &name);
    // Settings > Accounts > Add: the account dialog for a new account named
    // "account-N"; cancelling it leaves no trace.
    void addAccount();
    // An expired or revoked OAuth sign-in (SignInRequired) asks to sign in
    // again, or says so for an account not shown; false for any other report.
    bool handledAsSignInRequired(AccountSession *session, const eas::SyncReport &report);

Q_SIGNALS:
    // The account shown is connected: its mailbox opens.
    void accountConnected();
    // The dialog connected an account added with addAccount.
    void accountAdded();
    // An account started from what is stored: shown if active, else synced.
    void storedAccountStarted(skein::desktop::AccountSession *session);
    void exitRequested(int exitCode, const QString &message);

private:
    void ensureAccountFlow();
    // An OAuth account's sign-in expired or was revoked (SignInRequired).
    void showSignInAgain(const QString &sentence);
    void onAccountReady();
    // The account goes: so does its dialog.
    void forget(AccountSession *session);

    AccountSessions &m_sessions;
    ui::MainWindow *m_window;
    const DesktopOptions &m_options;
    AccountFlow *m_accountFlow = nullptr;
    AccountSession *m_accountFlowSession = nullptr; // the account m_accountFlow sets up
    QString m_addedAccount; // an account being added: removed again if its set-up is cancelled
    QString m_previousAccount; // shown again when that happens
    AccountFlow::BrowserLauncher m_browserLauncher; // empty: the system browser
};

} // namespace skein::desktop
