#pragma once

#include "AccountPage.h"

class QGridLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QToolButton;

namespace skein::ui {

class AccountServerFields;

// The account dialog's second page: where Skein will connect, then the
// ways the server lets this user sign in (a password, "Sign in with
// Microsoft", or both), and "Advanced" with the server, path and user name.
class AccountCredentialsPage : public AccountPage
{
    Q_OBJECT
public:
    explicit AccountCredentialsPage(QWidget *parent = nullptr);

    AccountServerFields *serverFields() const { return m_fields; }
    QLineEdit *passwordField() const { return m_password; }
    QPushButton *signInButton() const { return m_signIn; }
    QPushButton *microsoftButton() const { return m_microsoft; }

    // Which ways in are shown; at least one of them must be true.
    void setMethods(bool basic, bool oauth);
    bool offersBasic() const { return m_basic; }
    bool offersOAuth() const { return m_oauth; }
    void setServerName(const QString &name);
    // A sentence above everything else, e.g. why the dialog asks again; empty hides it.
    void setReason(const QString &reason);
    void setAdvancedAvailable(bool available);
    void setAdvancedOpen(bool open);
    bool isAdvancedOpen() const;
    QString password() const;
    void clearPassword();
    void setInputEnabled(bool enabled);
    // Enter does what the user most likely means: a typed password is used,
    // otherwise the browser sign-in starts.
    void updateDefaultButton();
    void focusFirstInput();

Q_SIGNALS:
    void passwordSignInRequested();
    void microsoftSignInRequested();
    void advancedToggled(bool open); // the page's height changed

private:
    void buildPasswordRow(QGridLayout *grid);
    void updateSummary();
    void updateButtons();

    QLabel *m_reason = nullptr;
    QLabel *m_heading = nullptr;
    QLabel *m_summary = nullptr;
    QPushButton *m_microsoft = nullptr;
    QLabel *m_or = nullptr;
    QLabel *m_passwordLabel = nullptr;
    QLineEdit *m_password = nullptr;
    QPushButton *m_signIn = nullptr;
    QToolButton *m_advanced = nullptr;
    AccountServerFields *m_fields = nullptr;
    QString m_serverName;
    bool m_basic = true;
    bool m_oauth = true;
    bool m_enabled = true;
};

} // namespace skein::ui
