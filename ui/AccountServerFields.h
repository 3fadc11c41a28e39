#pragma once

#include <QObject>

class QGridLayout;
class QLabel;
class QLineEdit;
class QWidget;

namespace skein::ui {

// The "Advanced" fields of the account dialog: server address, endpoint
// path and user name, as the dialog had them before it became email-first.
// Discovery prefills them; whatever they hold when the user signs in is
// what the dialog emits, so an edit here always wins over discovery.
// Not a widget of its own: its rows go into the page's grid, so their
// fields line up with the password field above them.
class AccountServerFields : public QObject
{
    Q_OBJECT
public:
    static QString defaultPath(); // /Microsoft-Server-ActiveSync

    explicit AccountServerFields(QWidget *page);
    // Four rows (label, field spanning `fieldColumns`) from `firstRow` on.
    void addRows(QGridLayout *grid, int firstRow, int fieldColumns);
    int labelWidth() const; // the widest of its labels
    void setVisible(bool visible);
    bool isVisible() const;

    void setFields(const QString &url, const QString &path, const QString &user);
    QString url() const;
    QString path() const;
    QString user() const; // trimmed
    bool isComplete() const; // a server and a user: enough to sign in
    // The application (client) id for "Sign in with Microsoft" (docs/signin.md,
    // "Client id"): a fourth row, shown only while Microsoft sign-in is offered.
    void setClientIdWanted(bool wanted);
    void setClientId(const QString &clientId);
    QString clientId() const; // trimmed
    // What the summary line shows: the endpoint the sign-in will reach.
    QString endpoint() const;

    // People paste the whole endpoint URL, or type a bare host name: split
    // the first into address and path, and give the second https.
    void normalize();
    void setInputEnabled(bool enabled);

    QLineEdit *urlField() const { return m_url; }
    QLineEdit *pathField() const { return m_path; }
    QLineEdit *userField() const { return m_user; }
    QLineEdit *clientIdField() const { return m_clientId; }

Q_SIGNALS:
    void changed();

private:
    QLineEdit *addField(const char *objectName, const QString &accessibleName, const QString &placeholder,
                        const QString &label);

    QLineEdit *m_url = nullptr;
    QLineEdit *m_path = nullptr;
    QLineEdit *m_user = nullptr;
    QLineEdit *m_clientId = nullptr;
    bool m_clientIdWanted = false;
    QList<QLabel *> m_labels;
    bool m_visible = true;
};

} // namespace skein::ui
