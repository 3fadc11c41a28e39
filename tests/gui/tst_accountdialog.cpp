// The account dialog as DesktopApp drives it, against the reference server
// running in-process on its own thread: wrong password, right password (and
// where the password ends up), unreachable server.
#include "AccountDialog.h"
#include "DemoServer.h"
#include "DesktopApp.h"
#include "MainWindow.h"
#include "ReferenceServer.h"

#include <qt6keychain/keychain.h>

#include <QDirIterator>
#include <QEventLoop>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QtTest>

using skein::desktop::DemoServer;
using skein::desktop::DesktopApp;
using skein::desktop::DesktopOptions;
using skein::ui::AccountDialog;

namespace {

const QString kUser = QStringLiteral("alice");
// Distinctive, so a copy of it in any file is found by a plain byte search.
const QString kPassword = QStringLiteral("Quokka-7-Lantern-Sekrit");

template<typename Widget>
Widget *byAccessibleName(QWidget *root, const QString &name)
{
    const QList<Widget *> widgets = root->findChildren<Widget *>();
    for (Widget *w : widgets)
        if (w->accessibleName() == name)
            return w;
    return nullptr;
}

void type(QWidget *dialog, const QString &field, const QString &text)
{
    QLineEdit *edit = byAccessibleName<QLineEdit>(dialog, field);
    QVERIFY2(edit, qPrintable(field));
    edit->clear();
    QTest::keyClicks(edit, text);
}

void clickConnect(QWidget *dialog)
{
    QPushButton *button = byAccessibleName<QPushButton>(dialog, QStringLiteral("Connect"));
    QVERIFY(button);
    QVERIFY(button->isEnabled());
    QTest::mouseClick(button, Qt::LeftButton);
}

// Every file under dir (store, its WAL, settings) must be free of needle.
QStringList filesContaining(const QString &dir, const QByteArray &needle)
{
    QStringList found;
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        if (file.open(QIODevice::ReadOnly) && file.readAll().contains(needle))
            found.append(file.fileName());
    }
    return found;
}

QString readKeychain(const QString &key, QString *error)
{
    QKeychain::ReadPasswordJob job(QStringLiteral("skein"));
    job.setAutoDelete(false);
    job.setKey(key);
    QEventLoop loop;
    QObject::connect(&job, &QKeychain::Job::finished, &loop, &QEventLoop::quit);
    job.start();
    loop.exec();
    *error = job.errorString();
    return job.error() == QKeychain::NoError ? job.textData() : QString();
}

void deleteFromKeychain(const QString &key);

// A keyring that exists but is locked (scripts/test unlocks only one it
// created itself) refuses every write: that is the machine, not Skein.
bool keychainUsable(QString *error)
{
    QKeychain::WritePasswordJob job(QStringLiteral("skein"));
    job.setAutoDelete(false);
    job.setKey(QStringLiteral("skein-test-probe"));
    job.setTextData(QStringLiteral("probe"));
    QEventLoop loop;
    QObject::connect(&job, &QKeychain::Job::finished, &loop, &QEventLoop::quit);
    job.start();
    loop.exec();
    *error = job.errorString();
    return job.error() == QKeychain::NoError;
}

void deleteFromKeychain(const QString &key)
{
    QKeychain::DeletePasswordJob job(QStringLiteral("skein"));
    job.setAutoDelete(false);
    job.setKey(key);
    QEventLoop loop;
    QObject::connect(&job, &QKeychain::Job::finished, &loop, &QEventLoop::quit);
    job.start();
    loop.exec();
}

} // namespace

class TestAccountDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void dialogControlsHaveAccessibleNames();
    void wrongThenRightPassword();
    void unreachableServer();

private:
    std::unique_ptr<DesktopApp> startFirstRun(const QString &profileDir);

    std::unique_ptr<DemoServer> m_server;
    QString m_address; // http://127.0.0.1:PORT
};

void TestAccountDialog::initTestCase()
{
    qunsetenv("SKEIN_PASSWORD"); // the test is about what the dialog types
    m_server = std::make_unique<DemoServer>();
    QSignalSpy ready(m_server.get(), &DemoServer::ready);
    m_server->start();
    QVERIFY(!ready.isEmpty() || ready.wait(30000));
    m_address = m_server->url().adjusted(QUrl::RemovePath).toString();
    bool added = false;
    m_server->runOnServerThread([&](skein::server::ReferenceServer &s) { added = s.addUser(kUser, kPassword); });
    QVERIFY(added);
}

std::unique_ptr<DesktopApp> TestAccountDialog::startFirstRun(const QString &profileDir)
{
    auto app = std::make_unique<DesktopApp>(DesktopOptions{profileDir, false, {}});
    app->start();
    return app;
}

void TestAccountDialog::dialogControlsHaveAccessibleNames()
{
    QTemporaryDir profile;
    const auto app = startFirstRun(profile.path());
    AccountDialog *dialog = app->accountDialog();
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    const QList<QWidget *> widgets = dialog->findChildren<QWidget *>();
    for (QWidget *w : widgets) {
        if (qobject_cast<QLineEdit *>(w) || qobject_cast<QPushButton *>(w) || qobject_cast<QProgressBar *>(w))
            QVERIFY2(!w->accessibleName().isEmpty(), w->metaObject()->className());
    }
    QLineEdit *password = byAccessibleName<QLineEdit>(dialog, QStringLiteral("Password"));
    QVERIFY(password);
    QCOMPARE(password->echoMode(), QLineEdit::Password);
    QCOMPARE(byAccessibleName<QLineEdit>(dialog, QStringLiteral("Endpoint path"))->text(),
             QStringLiteral("/Microsoft-Server-ActiveSync"));
}

void TestAccountDialog::wrongThenRightPassword()
{
    QTemporaryDir profile;
    const auto app = startFirstRun(profile.path());
    AccountDialog *dialog = app->accountDialog();
    QVERIFY(dialog);

    type(dialog, QStringLiteral("Server address"), m_address);
    type(dialog, QStringLiteral("User name"), kUser);
    type(dialog, QStringLiteral("Password"), QStringLiteral("not-the-password"));
    clickConnect(dialog);
    const QString wrong = AccountDialog::explanation(AccountDialog::DialogError::WrongPassword);
    QTRY_VERIFY_WITH_TIMEOUT(dialog->statusText().contains(wrong), 30000);
    QVERIFY(!app->mainWindow()->isVisible());

    QSignalSpy synced(app.get(), &DesktopApp::syncCompleted);
    type(dialog, QStringLiteral("Password"), kPassword);
    clickConnect(dialog);
    QTRY_VERIFY_WITH_TIMEOUT(dialog->statusText().contains(QStringLiteral("16.1")), 30000);
    QTRY_VERIFY_WITH_TIMEOUT(app->mainWindow()->isVisible(), 10000);
    QVERIFY(!dialog->isVisible());
    const auto inbox = app->store().folderOfType(skein::FolderType::Inbox);
    QVERIFY(inbox);
    QCOMPARE(app->mainWindow()->currentFolderId(), inbox->serverId);
    const auto account = app->store().account();
    QVERIFY(account);
    QCOMPARE(account->deviceId.size(), 32);
    QVERIFY(QRegularExpression(QStringLiteral("^[0-9A-F]{32}$")).match(account->deviceId).hasMatch());

    // The password is nowhere in the profile: not in the store (nor its WAL),
    // not in the ini file, which does hold the server address.
    QTRY_VERIFY_WITH_TIMEOUT(synced.count() > 0, 30000); // let the engine write what it writes
    QVERIFY2(filesContaining(profile.path(), kPassword.toUtf8()).isEmpty(),
             qPrintable(filesContaining(profile.path(), kPassword.toUtf8()).join(QLatin1Char(' '))));
    const QStringList inis = filesContaining(profile.path(), m_address.toUtf8());
    QVERIFY2(std::any_of(inis.begin(), inis.end(), [](const QString &f) { return f.endsWith(QLatin1String(".ini")); }),
             qPrintable(inis.join(QLatin1Char(' '))));

    if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
        QSKIP("No D-Bus session: cannot read the keychain back (scripts/test provides one).");
    QString error;
    if (!keychainUsable(&error))
        QSKIP(qPrintable(QStringLiteral("The Secret Service refuses writes here (%1).").arg(error)));
    deleteFromKeychain(QStringLiteral("skein-test-probe"));
    const QString key = app->profile().keychainKey(m_address, kUser);
    const QString stored = readKeychain(key, &error);
    QVERIFY2(stored == kPassword, qPrintable(QStringLiteral("keychain %1: %2").arg(key, error)));
    deleteFromKeychain(key);
}

void TestAccountDialog::unreachableServer()
{
    QTcpServer probe; // a port that was free a moment ago and now refuses connections
    QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
    const quint16 port = probe.serverPort();
    probe.close();

    QTemporaryDir profile;
    const auto app = startFirstRun(profile.path());
    AccountDialog *dialog = app->accountDialog();
    QVERIFY(dialog);
    type(dialog, QStringLiteral("Server address"), QStringLiteral("http://127.0.0.1:%1").arg(port));
    type(dialog, QStringLiteral("User name"), kUser);
    type(dialog, QStringLiteral("Password"), kPassword);
    clickConnect(dialog);
    const QString unreachable = AccountDialog::explanation(AccountDialog::DialogError::Unreachable);
    QTRY_VERIFY_WITH_TIMEOUT(dialog->statusText().contains(unreachable), 30000);
    QVERIFY(dialog->isVisible());
    QVERIFY(!app->mainWindow()->isVisible());
}

QTEST_MAIN(TestAccountDialog)
#include "tst_accountdialog.moc"
