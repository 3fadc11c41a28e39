#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;

namespace skein::ui {

// First-start (and "change account") dialog: asks for the server and the
// credentials and shows how the connection attempt went. It only collects
// and displays; whoever owns the sync engine connects and reports back
// through the show* slots, so the dialog never touches the network.
class AccountDialog : public QDialog
{
    Q_OBJECT
public:
    enum class DialogError { WrongPassword, Unreachable, Certificate, Other };
    Q_ENUM(DialogError)

    explicit AccountDialog(QWidget *parent = nullptr);

    // Prefills the fields (e.g. when the keychain had no password).
    void setAccount(const QString &url, const QString &path, const QString &user);
    QString statusText() const;
    // The sentence shown for a failure kind, before the server's own words.
    static QString explanation(DialogError kind);

public Q_SLOTS:
    void showConnecting();
    void showConnected(const QString &protocolVersion, int folderCount);
    void showFailed(skein::ui::AccountDialog::DialogError kind, const QString &message);

Q_SIGNALS:
    void connectRequested(const QString &url, const QString &path, const QString &user, const QString &password);

private:
    void buildForm();
    QLineEdit *addField(const QString &accessibleName, const QString &placeholder);
    void requestConnect();
    void normalizeAddress();
    void setEditable(bool editable);
    void updateConnectButton();
    void setStatus(const QString &text, bool isError);
    void growToFit();
    void restoreFields();
    void rememberFields() const;

    QLineEdit *m_url = nullptr;
    QLineEdit *m_path = nullptr;
    QLineEdit *m_user = nullptr;
    QLineEdit *m_password = nullptr;
    QPushButton *m_connect = nullptr;
    QPushButton *m_cancel = nullptr;
    QProgressBar *m_busy = nullptr;
    QLabel *m_status = nullptr;
    bool m_connecting = false;
};

} // namespace skein::ui
