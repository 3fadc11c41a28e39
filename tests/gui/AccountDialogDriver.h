#pragma once

// Drives the account dialog the way a user does: widgets found by their
// objectName, clicked and typed into with QTest, every signal recorded.

#include "AccountDialog.h"

#include <QAbstractButton>
#include <QLineEdit>
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

} // namespace guitest
