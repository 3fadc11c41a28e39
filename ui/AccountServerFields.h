#pragma once

#include <QWidget>

class QLineEdit;

namespace skein::ui {

// The "Advanced" fields of the account dialog: server address, endpoint
// path and user name, as the dialog had them before it became email-first.
// Discovery prefills them; whatever they hold when the user signs in is
// what the dialog emits, so an edit here always wins over discovery.
class AccountServerFields : public QWidget
{
    Q_OBJECT
public:
    static QString defaultPath(); // /Microsoft-Server-ActiveSync

    explicit AccountServerFields(QWidget *parent = nullptr);

    void setFields(const QString &url, const QString &path, const QString &user);
    QString url() const;
    QString path() const;
    QString user() const; // trimmed
    bool isComplete() const; // a server and a user: enough to sign in
    // What the summary line shows: the endpoint the sign-in will reach.
    QString endpoint() const;

    // People paste the whole endpoint URL, or type a bare host name: split
    // the first into address and path, and give the second https.
    void normalize();
    void setInputEnabled(bool enabled);

    QLineEdit *urlField() const { return m_url; }
    QLineEdit *pathField() const { return m_path; }
    QLineEdit *userField() const { return m_user; }

Q_SIGNALS:
    void changed();

private:
    QLineEdit *addField(const char *objectName, const QString &accessibleName, const QString &placeholder);

    QLineEdit *m_url = nullptr;
    QLineEdit *m_path = nullptr;
    QLineEdit *m_user = nullptr;
};

} // namespace skein::ui
