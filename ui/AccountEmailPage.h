#pragma once

#include "AccountPage.h"

class QLabel;
class QLineEdit;

namespace skein::ui {

// The account dialog's first page: the email address, from which the owner
// finds the server (Autodiscover). Its buttons live in the dialog's button
// row; the page only holds the field and says what is wrong with it.
class AccountEmailPage : public AccountPage
{
    Q_OBJECT
public:
    explicit AccountEmailPage(QWidget *parent = nullptr);

    QString email() const; // trimmed
    void setEmail(const QString &email);
    QLineEdit *emailField() const { return m_email; }
    void setInputEnabled(bool enabled);

    // something@domain: one @, no spaces, a domain without empty labels.
    // Deliberately loose: the server, not a regular expression, decides
    // which addresses exist.
    static bool isPlausibleEmail(const QString &email);
    static QString domainOf(const QString &email);

    // Shows why Next did nothing; returns whether the address is plausible.
    bool validate();

Q_SIGNALS:
    void emailChanged(const QString &email);

private:
    QLineEdit *m_email = nullptr;
    QLabel *m_problem = nullptr;
};

} // namespace skein::ui
