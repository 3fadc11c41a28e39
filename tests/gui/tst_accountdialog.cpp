// The account dialog as DesktopApp drives it, against the reference server
// running in-process on its own thread: wrong password, right password (and
// where the password ends up), unreachable server. Then the dialog alone,
// as a view: each page, each signal, each report from its owner, the keys.
#include "AccountDialog.h"
#include "AccountDialogDriver.h"
#include "GuiTestWindow.h"
#include "DemoServer.h"
#include "DesktopApp.h"
#include "MainWindow.h"
#include "ReferenceServer.h"

#include <qt6keychain/keychain.h>

#include <QClipboard>
#include <QDirIterator>
#include <QGuiApplication>
#include <QLabel>
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
using namespace guitest;

namespace {

const QString kUser = QStringLiteral("alice");
// Distinctive, so a copy of it in any file is found by a plain byte search.
const QString kPassword = QStringLiteral("Quokka-7-Lantern-Sekrit");

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

    // The dialog alone, as its owner sees it.
    void init();
    void emailValidation_data();
    void emailValidation();
    void nextEmitsDiscoverRequestedAndShowsLookup();
    void lookupCancelledIgnoresLateAnswer();
    void oauthOnlyShowsOnlyMicrosoft();
    void bothMethodsShowBoth();
    void basicOnlyShowsPassword();
    void discoveryFailureOpensAdvanced();
    void setUpManually();
    void advancedEditsGoIntoSignals();
    void browserHandoffAndCopyLink();
    void browserThatDidNotStartIsSaidPlainly();
    void cancelSignIn();
    void signInFailureReturnsToCredentials();
    void basicFailureAndConnected();
    void signInAgainMode();
    void backReturnsToEmail();
    void ownerWithoutDiscoveryGetsManualSetup();
    void setAccountAsksForThePassword();
    void enterTriggersDefaultAction();
    void escapeCancelsWhatIsUnderWay();
    void screenshots();

private:
    std::unique_ptr<DesktopApp> startFirstRun(const QString &profileDir);
    std::unique_ptr<AccountDialog> openDialog();
    // Email typed, Next clicked, discovery answered: the credentials page.
    std::unique_ptr<AccountDialog> openDiscovered(bool basic, bool oauth);

    std::unique_ptr<QTemporaryDir> m_settings;

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
        if (qobject_cast<QLineEdit *>(w) || qobject_cast<QAbstractButton *>(w) || qobject_cast<QProgressBar *>(w)) {
            QVERIFY2(!w->accessibleName().isEmpty(), w->metaObject()->className());
            QVERIFY2(w->objectName().startsWith(QLatin1String("account")), qPrintable(w->accessibleName()));
        }
    }
    for (const char *name : {"accountEmail", "accountNext", "accountSetUpManually", "accountPassword",
                             "accountSignIn", "accountSignInWithMicrosoft", "accountAdvanced", "accountServerUrl",
                             "accountEndpointPath", "accountUser", "accountCopySignInLink", "accountCancelSignIn",
                             "accountStatus", "accountBack", "accountCancel", "accountCancelLookup", "accountClientId"})
        QVERIFY2(named(dialog, name), name);
    QVERIFY(shown(dialog, "accountEmail")); // email first
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

    openManualSetup(dialog);
    // Manual set-up asks nobody which ways the server accepts; DesktopApp carries out both.
    QVERIFY(shown(dialog, "accountSignInWithMicrosoft"));
    QVERIFY(shown(dialog, "accountClientId"));
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
    const auto inbox = app->store().folderStore().folderOfType(skein::FolderType::Inbox);
    QVERIFY(inbox);
    QCOMPARE(app->mainWindow()->currentFolderId(), inbox->serverId);
    const auto account = app->store().accountStore().account();
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
    openManualSetup(dialog);
    type(dialog, QStringLiteral("Server address"), QStringLiteral("http://127.0.0.1:%1").arg(port));
    type(dialog, QStringLiteral("User name"), kUser);
    type(dialog, QStringLiteral("Password"), kPassword);
    clickConnect(dialog);
    const QString unreachable = AccountDialog::explanation(AccountDialog::DialogError::Unreachable);
    QTRY_VERIFY_WITH_TIMEOUT(dialog->statusText().contains(unreachable), 30000);
    QVERIFY(dialog->isVisible());
    QVERIFY(!app->mainWindow()->isVisible());
}

// ---- The dialog alone -------------------------------------------------------

void TestAccountDialog::init()
{
    // DesktopApp points the settings at its profile; the view tests get their own.
    m_settings = std::make_unique<QTemporaryDir>();
    isolateSettings(*m_settings, QStringLiteral("tst_accountdialog"));
}

std::unique_ptr<AccountDialog> TestAccountDialog::openDialog()
{
    auto dialog = std::make_unique<AccountDialog>();
    dialog->show();
    dialog->activateWindow();
    if (!QTest::qWaitForWindowExposed(dialog.get()))
        qWarning("account dialog not exposed");
    return dialog;
}

std::unique_ptr<AccountDialog> TestAccountDialog::openDiscovered(bool basic, bool oauth)
{
    auto dialog = openDialog();
    // The owner's connections, so the dialog offers what it is told.
    QObject::connect(dialog.get(), &AccountDialog::discoverRequested, [] {});
    QObject::connect(dialog.get(), &AccountDialog::connectRequested, [] {});
    QObject::connect(dialog.get(), &AccountDialog::oauthSignInRequested, [] {});
    submitEmail(dialog.get(), QStringLiteral("demo@skein.test"));
    dialog->showDiscovered(discovered(basic, oauth));
    return dialog;
}

void TestAccountDialog::emailValidation_data()
{
    QTest::addColumn<QString>("email");
    QTest::addColumn<bool>("plausible");
    QTest::newRow("plain") << QStringLiteral("demo@skein.test") << true;
    QTest::newRow("spaces around") << QStringLiteral("  demo@skein.test ") << true;
    QTest::newRow("no domain dot") << QStringLiteral("demo@localhost") << true;
    QTest::newRow("no at") << QStringLiteral("demo.skein.test") << false;
    QTest::newRow("nothing before") << QStringLiteral("@skein.test") << false;
    QTest::newRow("nothing after") << QStringLiteral("demo@") << false;
    QTest::newRow("two ats") << QStringLiteral("demo@x@skein.test") << false;
    QTest::newRow("space inside") << QStringLiteral("de mo@skein.test") << false;
    QTest::newRow("empty label") << QStringLiteral("demo@skein..test") << false;
}

void TestAccountDialog::emailValidation()
{
    QFETCH(QString, email);
    QFETCH(bool, plausible);
    const auto dialog = openDialog();
    DialogSignals spies(dialog.get());
    QVERIFY(!named<QPushButton>(dialog.get(), "accountNext")->isEnabled()); // nothing typed yet
    submitEmail(dialog.get(), email);
    QCOMPARE(spies.discover.count(), plausible ? 1 : 0);
    QCOMPARE(shown(dialog.get(), "accountEmailProblem"), !plausible);
    if (plausible) {
        QCOMPARE(spies.discover.at(0).at(0).toString(), email.trimmed());
        return;
    }
    QCOMPARE(dialog->step(), AccountDialog::Step::Email);
    typeInto(dialog.get(), "accountEmail", QStringLiteral("x")); // typing again retracts the complaint
    QVERIFY(!shown(dialog.get(), "accountEmailProblem"));
}

void TestAccountDialog::nextEmitsDiscoverRequestedAndShowsLookup()
{
    const auto dialog = openDialog();
    DialogSignals spies(dialog.get());
    submitEmail(dialog.get(), QStringLiteral("demo@example.com"));
    QCOMPARE(spies.discover.count(), 1);
    QCOMPARE(spies.discover.at(0).at(0).toString(), QStringLiteral("demo@example.com"));
    QCOMPARE(dialog->step(), AccountDialog::Step::LookingUp);
    QCOMPARE(dialog->statusText(), QStringLiteral("Looking up the server for example.com…"));
    QVERIFY(shown(dialog.get(), "accountBusy"));
    QVERIFY(shown(dialog.get(), "accountCancelLookup"));
    QVERIFY(!shown(dialog.get(), "accountCancel")); // one Cancel at a time
    QVERIFY(!named(dialog.get(), "accountEmail")->isEnabled());
    QVERIFY(!named(dialog.get(), "accountNext")->isEnabled());
    QVERIFY(!named(dialog.get(), "accountSetUpManually")->isEnabled());
}

void TestAccountDialog::lookupCancelledIgnoresLateAnswer()
{
    const auto dialog = openDialog();
    DialogSignals spies(dialog.get());
    submitEmail(dialog.get(), QStringLiteral("demo@example.com"));
    click(dialog.get(), "accountCancelLookup");
    QCOMPARE(spies.discoveryCancelled.count(), 1);
    QCOMPARE(dialog->step(), AccountDialog::Step::Email);
    QCOMPARE(textOf(dialog.get(), "accountEmail"), QStringLiteral("demo@example.com"));
    QVERIFY(named(dialog.get(), "accountEmail")->isEnabled());
    dialog->showDiscovered(discovered(true, true));
    dialog->showDiscoveryFailed(QStringLiteral("too late"));
    QCOMPARE(dialog->step(), AccountDialog::Step::Email);
    QVERIFY(spies.rejected.isEmpty());
}

void TestAccountDialog::oauthOnlyShowsOnlyMicrosoft()
{
    const auto dialog = openDiscovered(false, true);
    DialogSignals spies(dialog.get());
    QCOMPARE(dialog->step(), AccountDialog::Step::Credentials);
    QVERIFY(shown(dialog.get(), "accountSignInWithMicrosoft"));
    QVERIFY(!shown(dialog.get(), "accountPassword"));
    QVERIFY(!shown(dialog.get(), "accountSignIn"));
    QVERIFY(!shown(dialog.get(), "accountServerUrl")); // Advanced starts closed after discovery
    QVERIFY(shown(dialog.get(), "accountAdvanced"));
    const QString summary = named<QLabel>(dialog.get(), "accountEndpointSummary")->text();
    QVERIFY2(summary.contains(QLatin1String("Exchange ActiveSync at <b>https://mail.skein.test/Microsoft-Server-ActiveSync</b>")),
             qPrintable(summary));
    QVERIFY(summary.contains(QLatin1String("Skein reference server")));
    click(dialog.get(), "accountSignInWithMicrosoft");
    QCOMPARE(spies.oauth.count(), 1);
    QCOMPARE(spies.oauth.at(0), (QVariantList{QStringLiteral("https://mail.skein.test"),
                                              QStringLiteral("/Microsoft-Server-ActiveSync"),
                                              QStringLiteral("demo@skein.test")}));
    QVERIFY(spies.connect.isEmpty());
}

void TestAccountDialog::bothMethodsShowBoth()
{
    const auto dialog = openDiscovered(true, true);
    DialogSignals spies(dialog.get());
    QVERIFY(shown(dialog.get(), "accountSignInWithMicrosoft"));
    QVERIFY(shown(dialog.get(), "accountPassword"));
    QVERIFY(shown(dialog.get(), "accountSignIn"));
    QVERIFY(!named(dialog.get(), "accountSignIn")->isEnabled()); // no password yet
    typeInto(dialog.get(), "accountPassword", kPassword);
    click(dialog.get(), "accountSignIn");
    QCOMPARE(spies.connect.count(), 1);
    QCOMPARE(spies.connect.at(0), (QVariantList{QStringLiteral("https://mail.skein.test"),
                                                QStringLiteral("/Microsoft-Server-ActiveSync"),
                                                QStringLiteral("demo@skein.test"), kPassword}));
    QVERIFY(spies.oauth.isEmpty());
}

void TestAccountDialog::basicOnlyShowsPassword()
{
    const auto dialog = openDiscovered(true, false);
    QVERIFY(shown(dialog.get(), "accountPassword"));
    QVERIFY(shown(dialog.get(), "accountSignIn"));
    QVERIFY(!shown(dialog.get(), "accountSignInWithMicrosoft"));
    QVERIFY(named(dialog.get(), "accountPassword")->hasFocus());
}

void TestAccountDialog::discoveryFailureOpensAdvanced()
{
    auto dialog = openDialog();
    DialogSignals spies(dialog.get());
    submitEmail(dialog.get(), QStringLiteral("demo@example.com"));
    const QString sentence = QStringLiteral("Skein found no server for example.com.");
    dialog->showDiscoveryFailed(sentence);
    QCOMPARE(dialog->step(), AccountDialog::Step::Credentials);
    QVERIFY(dialog->statusText().startsWith(sentence));
    QVERIFY(shown(dialog.get(), "accountServerUrl"));
    QVERIFY(shown(dialog.get(), "accountEndpointPath"));
    QVERIFY(named(dialog.get(), "accountServerUrl")->hasFocus());
    QCOMPARE(textOf(dialog.get(), "accountUser"), QStringLiteral("demo@example.com"));
    QCOMPARE(textOf(dialog.get(), "accountEndpointPath"), QStringLiteral("/Microsoft-Server-ActiveSync"));
    QVERIFY(shown(dialog.get(), "accountPassword")); // nobody knows which way in: both
    QVERIFY(shown(dialog.get(), "accountSignInWithMicrosoft"));
    QVERIFY(!named(dialog.get(), "accountSignInWithMicrosoft")->isEnabled()); // no server yet
    click(dialog.get(), "accountBack");
    QCOMPARE(textOf(dialog.get(), "accountEmail"), QStringLiteral("demo@example.com")); // kept
}

void TestAccountDialog::setUpManually()
{
    const auto dialog = openDialog();
    DialogSignals spies(dialog.get());
    typeInto(dialog.get(), "accountEmail", QStringLiteral("alice@example.org"));
    click(dialog.get(), "accountSetUpManually");
    QVERIFY(spies.discover.isEmpty());
    QCOMPARE(dialog->step(), AccountDialog::Step::Credentials);
    QVERIFY(shown(dialog.get(), "accountServerUrl"));
    QVERIFY(named(dialog.get(), "accountServerUrl")->hasFocus());
    QCOMPARE(textOf(dialog.get(), "accountUser"), QStringLiteral("alice@example.org"));
    // A pasted endpoint URL is split into the address and the path.
    typeInto(dialog.get(), "accountServerUrl", QStringLiteral("mail.example.org/SOGo/Microsoft-Server-ActiveSync"));
    typeInto(dialog.get(), "accountUser", QStringLiteral("alice"));
    typeInto(dialog.get(), "accountPassword", kPassword);
    click(dialog.get(), "accountSignIn");
    QCOMPARE(spies.connect.count(), 1);
    QCOMPARE(spies.connect.at(0), (QVariantList{QStringLiteral("https://mail.example.org"),
                                                QStringLiteral("/SOGo/Microsoft-Server-ActiveSync"),
                                                QStringLiteral("alice"), kPassword}));
}

void TestAccountDialog::advancedEditsGoIntoSignals()
{
    const auto dialog = openDiscovered(true, true);
    DialogSignals spies(dialog.get());
    click(dialog.get(), "accountAdvanced");
    QVERIFY(shown(dialog.get(), "accountServerUrl"));
    QCOMPARE(textOf(dialog.get(), "accountServerUrl"), QStringLiteral("https://mail.skein.test"));
    typeInto(dialog.get(), "accountServerUrl", QStringLiteral("https://eas.skein.test"));
    typeInto(dialog.get(), "accountEndpointPath", QStringLiteral("/eas"));
    typeInto(dialog.get(), "accountUser", QStringLiteral("demo"));
    QVERIFY(named<QLabel>(dialog.get(), "accountEndpointSummary")->text().contains(
        QLatin1String("https://eas.skein.test/eas")));
    click(dialog.get(), "accountSignInWithMicrosoft");
    QCOMPARE(spies.oauth.count(), 1);
    QCOMPARE(spies.oauth.at(0), (QVariantList{QStringLiteral("https://eas.skein.test"), QStringLiteral("/eas"),
                                              QStringLiteral("demo")}));
    click(dialog.get(), "accountAdvanced");
    QVERIFY(!shown(dialog.get(), "accountServerUrl"));
}

void TestAccountDialog::browserHandoffAndCopyLink()
{
    const auto dialog = openDiscovered(false, true);
    const QUrl authorize(QStringLiteral("http://127.0.0.1:8443/common/oauth2/v2.0/authorize?response_type=code"
                                        "&client_id=skein&state=xyz&login_hint=demo%40skein.test"));
    dialog->showBrowserHandoff(authorize);
    QCOMPARE(dialog->step(), AccountDialog::Step::Browser);
    QVERIFY(shown(dialog.get(), "accountCopySignInLink"));
    QVERIFY(shown(dialog.get(), "accountCancelSignIn"));
    QVERIFY(!shown(dialog.get(), "accountSignInWithMicrosoft"));
    const QString link = named<QLabel>(dialog.get(), "accountSignInLink")->text();
    QVERIFY2(link.contains(QLatin1String(">the sign-in page</a> in your browser")), qPrintable(link));
    QVERIFY2(link.contains(authorize.toString(QUrl::FullyEncoded).toHtmlEscaped()), qPrintable(link));
    QGuiApplication::clipboard()->clear();
    click(dialog.get(), "accountCopySignInLink");
    QCOMPARE(QGuiApplication::clipboard()->text(), authorize.toString(QUrl::FullyEncoded));
    QVERIFY(shown(dialog.get(), "accountLinkCopied"));
}

// No browser could be started (a machine without a desktop browser): the
// page must not claim it opened one.
void TestAccountDialog::browserThatDidNotStartIsSaidPlainly()
{
    const auto dialog = openDiscovered(false, true);
    dialog->showBrowserHandoff(QUrl(QStringLiteral("http://127.0.0.1:8443/common/oauth2/v2.0/authorize")), false);
    const QString link = named<QLabel>(dialog.get(), "accountSignInLink")->text();
    QVERIFY2(link.contains(QLatin1String("could not start a web browser")), qPrintable(link));
    QVERIFY2(!link.contains(QLatin1String("Skein opened")), qPrintable(link));
    QVERIFY(shown(dialog.get(), "accountCopySignInLink"));
}

void TestAccountDialog::cancelSignIn()
{
    const auto dialog = openDiscovered(false, true);
    DialogSignals spies(dialog.get());
    dialog->showBrowserHandoff(QUrl(QStringLiteral("https://login.microsoftonline.com/common/oauth2/v2.0/authorize")));
    click(dialog.get(), "accountCancelSignIn");
    QCOMPARE(spies.signInCancelled.count(), 1);
    QVERIFY(spies.rejected.isEmpty());
    QCOMPARE(dialog->step(), AccountDialog::Step::Credentials);
    QVERIFY(shown(dialog.get(), "accountSignInWithMicrosoft"));
    QVERIFY(named(dialog.get(), "accountSignInWithMicrosoft")->isEnabled());
}

void TestAccountDialog::signInFailureReturnsToCredentials()
{
    const auto dialog = openDiscovered(true, true);
    dialog->showBrowserHandoff(QUrl(QStringLiteral("https://login.microsoftonline.com/common/oauth2/v2.0/authorize")));
    const QString failure = QStringLiteral("You cancelled the sign-in in the browser (access_denied).");
    dialog->showSignInFailed(failure);
    QCOMPARE(dialog->step(), AccountDialog::Step::Credentials);
    QCOMPARE(dialog->statusText(), failure);
    QVERIFY(shown(dialog.get(), "accountSignInWithMicrosoft"));
    QVERIFY(shown(dialog.get(), "accountPassword"));
    QVERIFY(named(dialog.get(), "accountSignInWithMicrosoft")->hasFocus());
}

void TestAccountDialog::basicFailureAndConnected()
{
    const auto dialog = openDiscovered(true, false);
    typeInto(dialog.get(), "accountPassword", QStringLiteral("wrong"));
    click(dialog.get(), "accountSignIn");
    dialog->showConnecting();
    QVERIFY(!named(dialog.get(), "accountPassword")->isEnabled()); // busy: no input
    QVERIFY(!named(dialog.get(), "accountBack")->isEnabled());
    QVERIFY(shown(dialog.get(), "accountBusy"));
    dialog->showFailed(AccountDialog::DialogError::WrongPassword, QStringLiteral("HTTP 401"));
    QVERIFY(dialog->statusText().startsWith(AccountDialog::explanation(AccountDialog::DialogError::WrongPassword)));
    QVERIFY(named(dialog.get(), "accountPassword")->hasFocus());
    dialog->showConnected(QStringLiteral("16.1"), 7);
    QCOMPARE(dialog->statusText(), QStringLiteral("Connected. The server speaks ActiveSync 16.1; 7 folders found."));
    QVERIFY(!named(dialog.get(), "accountCancel")->isEnabled());
}

void TestAccountDialog::signInAgainMode()
{
    const auto dialog = openDialog();
    QObject::connect(dialog.get(), &AccountDialog::oauthSignInRequested, [] {});
    DialogSignals spies(dialog.get());
    dialog->showSignInAgain(QStringLiteral("https://mail.skein.test"), QStringLiteral("/Microsoft-Server-ActiveSync"),
                            QStringLiteral("demo@skein.test"));
    QVERIFY(dialog->isSignInAgain());
    QCOMPARE(dialog->windowTitle(), QStringLiteral("Sign in again"));
    QCOMPARE(named<QLabel>(dialog.get(), "accountReason")->text(),
             QStringLiteral("Your sign-in to demo@skein.test has expired or was revoked. Sign in again to keep "
                            "syncing; nothing you did is lost."));
    QVERIFY(shown(dialog.get(), "accountReason"));
    QVERIFY(shown(dialog.get(), "accountSignInWithMicrosoft"));
    for (const char *hidden : {"accountPassword", "accountSignIn", "accountAdvanced", "accountServerUrl",
                               "accountBack", "accountEmail"})
        QVERIFY2(!shown(dialog.get(), hidden), hidden);
    click(dialog.get(), "accountSignInWithMicrosoft");
    QCOMPARE(spies.oauth.count(), 1);
    QCOMPARE(spies.oauth.at(0).at(2).toString(), QStringLiteral("demo@skein.test"));
    dialog->showBrowserHandoff(QUrl(QStringLiteral("https://login.microsoftonline.com/")));
    dialog->showSignInFailed(QStringLiteral("AADSTS50173"));
    QVERIFY(!shown(dialog.get(), "accountAdvanced")); // still the re-sign-in, after a failure
    QVERIFY(shown(dialog.get(), "accountReason"));
}

void TestAccountDialog::backReturnsToEmail()
{
    const auto dialog = openDiscovered(true, true);
    click(dialog.get(), "accountBack");
    QCOMPARE(dialog->step(), AccountDialog::Step::Email);
    QVERIFY(shown(dialog.get(), "accountEmail"));
    QVERIFY(named(dialog.get(), "accountEmail")->isEnabled());
    QCOMPARE(textOf(dialog.get(), "accountEmail"), QStringLiteral("demo@skein.test"));
    QVERIFY(!shown(dialog.get(), "accountBack"));
}

// AccountFlow as it is before the rewiring: only connectRequested is handled.
void TestAccountDialog::ownerWithoutDiscoveryGetsManualSetup()
{
    const auto dialog = openDialog();
    QSignalSpy connectSpy(dialog.get(), &AccountDialog::connectRequested);
    submitEmail(dialog.get(), QStringLiteral("alice@example.org"));
    QCOMPARE(dialog->step(), AccountDialog::Step::Credentials);
    QVERIFY(shown(dialog.get(), "accountServerUrl"));
    QCOMPARE(textOf(dialog.get(), "accountUser"), QStringLiteral("alice@example.org"));
    QVERIFY(shown(dialog.get(), "accountPassword"));
    QVERIFY(!shown(dialog.get(), "accountSignInWithMicrosoft")); // nobody would carry it out
}

void TestAccountDialog::setAccountAsksForThePassword()
{
    const auto dialog = openDialog();
    DialogSignals spies(dialog.get());
    dialog->setAccount(QStringLiteral("https://mail.example.org"), QStringLiteral("/eas"), QStringLiteral("alice"));
    QCOMPARE(dialog->step(), AccountDialog::Step::Credentials);
    QVERIFY(shown(dialog.get(), "accountPassword"));
    QVERIFY(!shown(dialog.get(), "accountSignInWithMicrosoft"));
    QVERIFY(named(dialog.get(), "accountPassword")->hasFocus());
    typeInto(dialog.get(), "accountPassword", kPassword);
    QTest::keyClick(named(dialog.get(), "accountPassword"), Qt::Key_Return);
    QCOMPARE(spies.connect.count(), 1);
    QCOMPARE(spies.connect.at(0), (QVariantList{QStringLiteral("https://mail.example.org"), QStringLiteral("/eas"),
                                                QStringLiteral("alice"), kPassword}));
}

void TestAccountDialog::enterTriggersDefaultAction()
{
    const auto dialog = openDiscovered(true, true);
    DialogSignals spies(dialog.get());
    // No password typed: Enter starts the browser sign-in.
    QTest::keyClick(named(dialog.get(), "accountPassword"), Qt::Key_Return);
    QCOMPARE(spies.oauth.count(), 1);
    // A password typed: Enter uses it.
    typeInto(dialog.get(), "accountPassword", kPassword);
    QTest::keyClick(named(dialog.get(), "accountPassword"), Qt::Key_Return);
    QCOMPARE(spies.connect.count(), 1);
    QCOMPARE(spies.oauth.count(), 1);
    // On the email page Enter is Next.
    click(dialog.get(), "accountBack");
    typeInto(dialog.get(), "accountEmail", QStringLiteral("bob@example.net"));
    QTest::keyClick(named(dialog.get(), "accountEmail"), Qt::Key_Enter);
    QCOMPARE(spies.discover.count(), 1);
    QCOMPARE(spies.discover.at(0).at(0).toString(), QStringLiteral("bob@example.net"));
}

void TestAccountDialog::escapeCancelsWhatIsUnderWay()
{
    const auto dialog = openDialog();
    DialogSignals spies(dialog.get());
    submitEmail(dialog.get(), QStringLiteral("demo@skein.test"));
    QTest::keyClick(dialog.get(), Qt::Key_Escape);
    QCOMPARE(spies.discoveryCancelled.count(), 1);
    QVERIFY(dialog->isVisible());
    click(dialog.get(), "accountNext");
    dialog->showDiscovered(discovered(false, true));
    dialog->showBrowserHandoff(QUrl(QStringLiteral("https://login.microsoftonline.com/")));
    QTest::keyClick(named(dialog.get(), "accountCopySignInLink"), Qt::Key_Escape);
    QCOMPARE(spies.signInCancelled.count(), 1);
    QVERIFY(dialog->isVisible());
    QVERIFY(spies.rejected.isEmpty());
    // Nothing under way: Esc closes the dialog.
    QTest::keyClick(named(dialog.get(), "accountSignInWithMicrosoft"), Qt::Key_Escape);
    QCOMPARE(spies.rejected.count(), 1);
    QVERIFY(!dialog->isVisible());
}

// Not a check: SKEIN_SCREENSHOT_DIR=/some/dir saves what the pages look like.
void TestAccountDialog::screenshots()
{
    const QString dir = qEnvironmentVariable("SKEIN_SCREENSHOT_DIR");
    if (dir.isEmpty())
        QSKIP("SKEIN_SCREENSHOT_DIR is not set");
    const auto save = [&dir](AccountDialog *dialog, const QString &name) {
        QTest::qWait(50); // let layouts settle after the last change
        QVERIFY(dialog->grab().save(dir + QLatin1Char('/') + name));
    };
    auto dialog = openDialog();
    QObject::connect(dialog.get(), &AccountDialog::discoverRequested, [] {});
    typeInto(dialog.get(), "accountEmail", QStringLiteral("demo@skein.test"));
    save(dialog.get(), QStringLiteral("1-email.png"));
    click(dialog.get(), "accountNext");
    save(dialog.get(), QStringLiteral("2-looking-up.png"));
    dialog = openDiscovered(true, true);
    save(dialog.get(), QStringLiteral("3-credentials-both.png"));
    click(dialog.get(), "accountAdvanced");
    save(dialog.get(), QStringLiteral("4-credentials-advanced.png"));
    dialog->showBrowserHandoff(QUrl(QStringLiteral("http://127.0.0.1:8443/common/oauth2/v2.0/authorize")));
    save(dialog.get(), QStringLiteral("5-browser-handoff.png"));
    dialog = openDialog();
    QObject::connect(dialog.get(), &AccountDialog::discoverRequested, [] {});
    submitEmail(dialog.get(), QStringLiteral("demo@example.com"));
    dialog->showDiscoveryFailed(QStringLiteral("Skein found no server for example.com."));
    save(dialog.get(), QStringLiteral("6-discovery-failed.png"));
    dialog = openDialog();
    QObject::connect(dialog.get(), &AccountDialog::oauthSignInRequested, [] {});
    dialog->showSignInAgain(QStringLiteral("https://mail.skein.test"), QStringLiteral("/Microsoft-Server-ActiveSync"),
                            QStringLiteral("demo@skein.test"));
    save(dialog.get(), QStringLiteral("7-sign-in-again.png"));
}

QTEST_MAIN(TestAccountDialog)
#include "tst_accountdialog.moc"
