#pragma once

// Drives the account dialog the way a user does: widgets found by their
// objectName, clicked and typed into with QTest, every signal recorded.

#include "AccountDialog.h"

#include <QAbstractButton>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

namespace guitest {

using skein::ui::AccountDialog;
using skein::ui::Discovery;

template<typename Widget = QWidget>
Widget *named(QWidget *root, const char *objectName)
{
    return root->findChild<Widget *>(QString::fromLatin1(objectName));
}

// Visible to the user: the widget and every parent up to the dialog.
inline bool shown(QWidget *root, const char *objectName)
{
    QWidget *w = named(root, objectName);
    return w && w->isVisibleTo(root) && root->isVisible();
}

inline void click(QWidget *root, const char *objectName)
{
    auto *button = named<QAbstractButton>(root, objectName);
    QVERIFY2(button, objectName);
    QVERIFY2(button->isVisibleTo(root), objectName);
    QVERIFY2(button->isEnabled(), objectName);
    QTest::mouseClick(button, Qt::LeftButton);
}

inline void typeInto(QWidget *root, const char *objectName, const QString &text)
{
    auto *edit = named<QLineEdit>(root, objectName);
    QVERIFY2(edit, objectName);
    QVERIFY2(edit->isVisibleTo(root) && edit->isEnabled(), objectName);
    edit->setFocus();
    edit->clear();
    QTest::keyClicks(edit, text);
}

inline QString textOf(QWidget *root, const char *objectName)
{
    auto *edit = named<QLineEdit>(root, objectName);
    return edit ? edit->text() : QStringLiteral("<no %1>").arg(QLatin1String(objectName));
}

// Every signal the dialog's owner would listen to.
struct DialogSignals
{
    explicit DialogSignals(AccountDialog *d)
        : discover(d, &AccountDialog::discoverRequested)
        , discoveryCancelled(d, &AccountDialog::discoveryCancelled)
        , connect(d, &AccountDialog::connectRequested)
        , oauth(d, &AccountDialog::oauthSignInRequested)
        , signInCancelled(d, &AccountDialog::signInCancelled)
        , rejected(d, &QDialog::rejected)
    {
    }
    QSignalSpy discover;
    QSignalSpy discoveryCancelled;
    QSignalSpy connect;
    QSignalSpy oauth;
    QSignalSpy signInCancelled;
    QSignalSpy rejected;
};

inline Discovery discovered(bool basic, bool oauth)
{
    Discovery d;
    d.url = QStringLiteral("https://mail.skein.test");
    d.path = QStringLiteral("/Microsoft-Server-ActiveSync");
    d.user = QStringLiteral("demo@skein.test");
    d.basicOffered = basic;
    d.oauthOffered = oauth;
    d.serverName = QStringLiteral("Skein reference server");
    return d;
}

// Email page: type the address and press Next.
inline void submitEmail(AccountDialog *dialog, const QString &email)
{
    typeInto(dialog, "accountEmail", email);
    click(dialog, "accountNext");
}

template<typename Widget>
Widget *byAccessibleName(QWidget *root, const QString &name)
{
    const QList<Widget *> widgets = root->findChildren<Widget *>();
    for (Widget *w : widgets)
        if (w->accessibleName() == name)
            return w;
    return nullptr;
}

// Types into the field the user knows by its (accessible) name.
inline void type(QWidget *dialog, const QString &field, const QString &text)
{
    QLineEdit *edit = byAccessibleName<QLineEdit>(dialog, field);
    QVERIFY2(edit, qPrintable(field));
    edit->clear();
    QTest::keyClicks(edit, text);
}

// The server, path and user fields are under Advanced on the credentials
// page; "Set up manually" on the email page goes there directly.
inline void openManualSetup(QWidget *dialog)
{
    click(dialog, "accountSetUpManually");
    QVERIFY(byAccessibleName<QLineEdit>(dialog, QStringLiteral("Server address"))->isVisible());
}

inline void clickConnect(QWidget *dialog)
{
    QPushButton *button = byAccessibleName<QPushButton>(dialog, QStringLiteral("Sign in"));
    QVERIFY(button);
    QVERIFY(button->isEnabled());
    QTest::mouseClick(button, Qt::LeftButton);
}

// A whole manual set-up with a password: email, server address, user, Sign in.
inline void setUpManually(QWidget *dialog, const QString &email, const QString &server, const QString &user,
                          const QString &password)
{
    type(dialog, QStringLiteral("Email address"), email);
    openManualSetup(dialog);
    type(dialog, QStringLiteral("Server address"), server);
    type(dialog, QStringLiteral("User name"), user);
    type(dialog, QStringLiteral("Password"), password);
    clickConnect(dialog);
}

} // namespace guitest
