#pragma once

#include "AccountDialogDiscovery.h"

#include <QDialog>
#include <QUrl>

class QLabel;
class QMetaMethod;
class QProgressBar;
class QPushButton;
class QStackedWidget;

namespace skein::ui {

class AccountBrowserPage;
class AccountCredentialsPage;
class AccountEmailPage;

// First-start, "change account" and "sign in again" dialog, email first:
// the email address, then a password and/or "Sign in with Microsoft", with
// "Advanced" holding the server, path and user name. It only collects and
// displays: whoever owns the sync engine runs Autodiscover, connects and
// signs in, and reports back through the show* slots, so the dialog never
// touches the network (ui/ does not depend on sync/).
class AccountDialog : public QDialog
{
    Q_OBJECT
public:
    enum class DialogError { WrongPassword, Unreachable, Certificate, Other };
    Q_ENUM(DialogError)
    // Where the dialog is; each step shows one page and one set of buttons.
    enum class Step { Email, LookingUp, Credentials, Connecting, Browser, Connected };
    Q_ENUM(Step)

    explicit AccountDialog(QWidget *parent = nullptr);

    // A known password account (e.g. the keychain had no password): goes
    // straight to the credentials page with the fields prefilled.
    void setAccount(const QString &url, const QString &path, const QString &user);
    void setEmail(const QString &email); // the first page's field (the demo prefills it)
    QString email() const;
    QString statusText() const;
    // The application (client) id under Advanced, for "Sign in with
    // Microsoft"; the owner prefills it (account settings or
    // SKEIN_OAUTH_CLIENT_ID) and reads it when the sign-in is requested.
    void setClientId(const QString &clientId);
    QString clientId() const;
    Step step() const { return m_step; }
    bool isSignInAgain() const { return m_signInAgain; }
    // The sentence shown for a failure kind, before the server's own words.
    static QString explanation(DialogError kind);
    static QString signInAgainReason(const QString &user);

public Q_SLOTS:
    void showDiscovered(const skein::ui::Discovery &discovery);
    void showDiscoveryFailed(const QString &message);
    // The re-sign-in entry point, for an OAuth account whose refresh token
    // expired or was revoked: only "Sign in with Microsoft", no Advanced.
    void showSignInAgain(const QString &url, const QString &path, const QString &user, const QString &detail = {});
    // browserOpened: false when no browser could be started (the user then
    // opens the link by hand, e.g. on a machine without a desktop browser).
    void showBrowserHandoff(const QUrl &authorizeUrl, bool browserOpened = true);
    void showSignInFailed(const QString &message);
    void showConnecting();
    void showConnected(const QString &protocolVersion, int folderCount);
    void showFailed(skein::ui::AccountDialog::DialogError kind, const QString &message);
    void reject() override; // also cancels a lookup or sign-in under way

Q_SIGNALS:
    void discoverRequested(const QString &email);
    void discoveryCancelled();
    void connectRequested(const QString &url, const QString &path, const QString &user, const QString &password);
    void oauthSignInRequested(const QString &url, const QString &path, const QString &user);
    void signInCancelled();

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    void buildButtons();
    QPushButton *addButton(const char *objectName, const QString &text, const QString &accessibleName);
    void setStep(Step step);
    void showCredentials(const QString &url, const QString &path, const QString &user, bool basic, bool oauth);
    bool ownerHandles(const QMetaMethod &signal) const;
    void requestDiscovery();
    void setUpManually();
    void goBack();
    void requestPasswordSignIn();
    void requestMicrosoftSignIn();
    void cancelLookup();
    void cancelSignIn();
    void setStatus(const QString &text, bool isError);
    int neededHeight();
    void growToFit();
    void fitHeight();
    void restoreFields();
    void rememberFields() const;

    QStackedWidget *m_pages = nullptr;
    AccountEmailPage *m_emailPage = nullptr;
    AccountCredentialsPage *m_credentialsPage = nullptr;
    AccountBrowserPage *m_browserPage = nullptr;
    QProgressBar *m_busy = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_back = nullptr;
    QPushButton *m_manual = nullptr;
    QPushButton *m_cancel = nullptr;
    QPushButton *m_cancelLookup = nullptr;
    QPushButton *m_cancelSignIn = nullptr;
    QPushButton *m_next = nullptr;
    Step m_step = Step::Email;
    bool m_signInAgain = false;
};

} // namespace skein::ui
