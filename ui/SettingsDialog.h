#pragma once

#include <QDialog>
#include <QHash>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QRadioButton;
class QSpinBox;
class QTabWidget;

namespace skein::ui {

// Preferences in one dialog: accounts, how mail is checked, reading,
// remote content, notifications and a signature per account. Everything it
// edits stays in QSettings (see AppSettings.h) and is written on OK only;
// accounts are the app's: the dialog lists them and asks for changes.
class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    struct AccountRow {
        QString id;      // the app's key for the account
        QString label;   // "demo@skein.test (reference server)"
        QString address; // the signature's key
    };

    explicit SettingsDialog(QWidget *parent = nullptr);

    void setAccounts(const QList<AccountRow> &accounts);
    // Which tab shows: "accounts", "mail", "reading", "privacy", "notifications", "signatures".
    void showPage(const QString &name);

    // Writes every setting the dialog shows to QSettings (OK does it too).
    void save();

Q_SIGNALS:
    void addAccountRequested();
    void editAccountRequested(const QString &accountId);
    void removeAccountRequested(const QString &accountId);
    // After save(): whoever depends on a setting reads it again.
    void saved();

private:
    QWidget *accountsPage();
    QWidget *mailPage();
    QWidget *readingPage();
    QWidget *privacyPage();
    QWidget *notificationsPage();
    QWidget *signaturesPage();
    void load();
    void showSignatureOf(int accountRow);
    QString selectedAccountId() const;

    QTabWidget *m_tabs = nullptr;
    QList<AccountRow> m_accounts;
    QListWidget *m_accountList = nullptr;
    QPushButton *m_editAccount = nullptr;
    QPushButton *m_removeAccount = nullptr;
    QRadioButton *m_push = nullptr;
    QRadioButton *m_interval = nullptr;
    QSpinBox *m_intervalMinutes = nullptr;
    QCheckBox *m_markRead = nullptr;
    QDoubleSpinBox *m_markReadSeconds = nullptr;
    QListWidget *m_allowedSenders = nullptr;
    QPushButton *m_removeSender = nullptr;
    QCheckBox *m_notifications = nullptr;
    QComboBox *m_signatureAccount = nullptr;
    QPlainTextEdit *m_signature = nullptr;
    QHash<QString, QString> m_signatures; // by address, edited but not saved yet
    int m_signatureShown = -1;
};

} // namespace skein::ui
