// "Sign in with Microsoft" in the desktop app, end to end against the
// reference server in-process (auth mode oauth, its identity provider and
// Autodiscover): a new profile and nothing but the email address, the
// browser played by a QNetworkAccessManager (the login form, the 302 to
// Skein's loopback listener), the mailbox; the refresh token in the
// keychain and in no file of the profile. Then the sign-in is revoked while
// the app runs: the sign-in-again dialog, a mark-read that waits, and after
// signing in again the server has it.
//
// SKEIN_SCREENSHOT_DIR=/some/dir saves signin-*.png on the way.
#include "AccountDialog.h"
#include "AccountDialogDriver.h"
#include "AccountFlow.h"
#include "CommandLine.h"
#include "ConversationActionsController.h"
#include "ConversationListPane.h"
#include "ConversationView.h"
#include "DemoServer.h"
#include "DesktopApp.h"
#include "GuiTestWindow.h"
#include "KeychainTokenStore.h"
#include "MainWindow.h"
#include "ModelRoles.h"
#include "ReferenceServer.h"

#include <QAction>
#include <QDirIterator>
#include <QJsonArray>
#include <QLabel>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTextDocumentFragment>
#include <QTreeView>
#include <QtTest>
#include <QUrlQuery>

using namespace skein;
using skein::desktop::DemoServer;
using skein::desktop::DesktopApp;
using skein::desktop::DesktopOptions;
using skein::ui::AccountDialog;
using namespace guitest;

namespace {

const QString kEmail = QStringLiteral("demo@skein.test");
const QString kClientId = QStringLiteral("5b1e7a52-desktop-test-client");

struct HttpAnswer {
    int status = 0;
    QByteArray body;
    QUrl location;
};

// One request without following redirects, as a browser's network stack
// sees it before it acts on a 302.
HttpAnswer request(QNetworkAccessManager &web, const QByteArray &verb, const QUrl &url, const QByteArray &form = {})
{
    QNetworkRequest req(url);
    req.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    if (!form.isEmpty())
        req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/x-www-form-urlencoded"));
    QNetworkReply *reply = web.sendCustomRequest(req, verb, form);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!reply->isFinished())
        finished.wait(30000);
    HttpAnswer answer{reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->readAll(),
                      url.resolved(QUrl::fromEncoded(reply->rawHeader("Location")))};
    delete reply;
    return answer;
}

QString htmlDecoded(const QString &text)
{
    return QTextDocumentFragment::fromHtml(text).toPlainText();
}

// The user in the browser: the login form, its hidden fields carried on,
// user name and password typed, "Sign in", then the identity provider's 302
// to Skein's loopback listener. Returns what that listener answered.
HttpAnswer playBrowser(const QUrl &authorizeUrl, const QString &user, const QString &password)
{
    QNetworkAccessManager web;
    const HttpAnswer form = request(web, "GET", authorizeUrl);
    if (form.status != 200)
        return form;
    const QString html = QString::fromUtf8(form.body);
    const QRegularExpression actionPattern(QStringLiteral("<form id=\"login\" method=\"post\" action=\"([^\"]*)\""));
    const QRegularExpression hiddenPattern(QStringLiteral("<input type=\"hidden\" name=\"([^\"]*)\" value=\"([^\"]*)\">"));
    QUrlQuery fields;
    auto add = [&fields](const QString &name, const QString &value) {
        fields.addQueryItem(QString::fromLatin1(QUrl::toPercentEncoding(name)),
                            QString::fromLatin1(QUrl::toPercentEncoding(value)));
    };
    for (const QRegularExpressionMatch &m : hiddenPattern.globalMatch(html))
        add(htmlDecoded(m.captured(1)), htmlDecoded(m.captured(2)));
    add(QStringLiteral("username"), user);
    add(QStringLiteral("password"), password);
    add(QStringLiteral("signin"), QStringLiteral("1"));
    QUrl action = authorizeUrl.resolved(QUrl(htmlDecoded(actionPattern.match(html).captured(1))));
    action.setQuery(QString());
    const HttpAnswer submitted = request(web, "POST", action, fields.toString(QUrl::FullyEncoded).toLatin1());
    if (submitted.status != 302)
        return submitted;
    return request(web, "GET", submitted.location);
}

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

} // namespace

class TestDesktopOAuth : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void signsInFromTheEmailAddressAlone();
    void revokedSignInAsksAgainAndKeepsActions();
    void nextStartUsesTheKeychainsSignIn();
    void browserThatNeverAnswersTimesOut();
    void cancelEndsTheBrowserSignIn();
    void demoOAuthWalksThroughTheSignIn();

private:
    AccountDialog *dialog() const { return m_app->accountDialog(); }
    ui::MainWindow *window() const { return m_app->mainWindow(); }
    // The browser launcher's last URL, waited for and taken.
    QUrl takeAuthorizeUrl();
    QString storedRefreshToken();
    bool isReadOnServer(const QString &serverId);
    void screenshot(QWidget *widget, const QString &name);

    std::unique_ptr<DemoServer> m_server;
    QTemporaryDir m_profile;
    std::unique_ptr<DesktopApp> m_app;
    QList<QUrl> m_browserOpened;
};

void TestDesktopOAuth::initTestCase()
{
    if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
        QSKIP("No D-Bus session: no keychain for the refresh token (scripts/test provides one).");
    qunsetenv("SKEIN_PASSWORD");
    m_server = std::make_unique<DemoServer>();
    QSignalSpy ready(m_server.get(), &DemoServer::ready);
    m_server->start();
    QVERIFY(!ready.isEmpty() || ready.wait(30000));
    QUrl base;
    bool oauthOnly = false;
    m_server->runOnServerThread([&](server::ReferenceServer &s) {
        oauthOnly = s.identity().setAuthMode(QStringLiteral("oauth"));
        base = s.baseUrl();
    });
    QVERIFY(oauthOnly);
    // Autodiscover at the server, never off this machine (docs/signin.md).
    qputenv("SKEIN_AUTODISCOVER_URL", base.toString().toUtf8());
    qputenv(eas::OAuthConfig::kClientIdVariable, kClientId.toUtf8());

    m_app = std::make_unique<DesktopApp>(DesktopOptions{m_profile.filePath(QStringLiteral("profile")), false, {}});
    m_app->setBrowserLauncher([this](const QUrl &url) { m_browserOpened.append(url); return true; });
    QSettings().setValue(QStringLiteral("reading/markReadDelayMs"), -1); // this test marks read itself
    m_app->start();
    QVERIFY(dialog());
    QVERIFY(dialog()->isVisible());
}

void TestDesktopOAuth::cleanupTestCase()
{
    if (m_app) {
        if (const auto account = m_app->store().accountStore().account())
            cli::KeychainTokenStore(m_app->profile(), account->user).saveRefreshToken(QString(), nullptr);
    }
    m_app.reset();
    m_server.reset();
}

QUrl TestDesktopOAuth::takeAuthorizeUrl()
{
    if (m_browserOpened.isEmpty() && !QTest::qWaitFor([this] { return !m_browserOpened.isEmpty(); }, 30000))
        return {};
    return m_browserOpened.takeLast();
}

QString TestDesktopOAuth::storedRefreshToken()
{
    const auto account = m_app->store().accountStore().account();
    if (!account)
        return {};
    QString error;
    return cli::KeychainTokenStore(m_app->profile(), account->user).loadRefreshToken(&error);
}

bool TestDesktopOAuth::isReadOnServer(const QString &serverId)
{
    QJsonObject dump;
    m_server->runOnServerThread([&dump](server::ReferenceServer &s) { dump = s.dump(); });
    for (const QJsonValue &u : dump.value(QStringLiteral("users")).toArray())
        for (const QJsonValue &m : u[QStringLiteral("messages")].toArray())
            if (m[QStringLiteral("serverId")].toString() == serverId)
                return m[QStringLiteral("read")].toBool();
    return false;
}

void TestDesktopOAuth::screenshot(QWidget *widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("SKEIN_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    QTest::qWait(100); // let layouts and the first paint settle
    QDir().mkpath(dir);
    QVERIFY(widget->grab().save(dir + QStringLiteral("/signin-") + name + QStringLiteral(".png")));
}

void TestDesktopOAuth::signsInFromTheEmailAddressAlone()
{
    AccountDialog *d = dialog();
    QVERIFY(shown(d, "accountEmail"));
    typeInto(d, "accountEmail", kEmail);
    screenshot(d, QStringLiteral("1-email"));
    click(d, "accountNext");
    QTRY_COMPARE_WITH_TIMEOUT(d->step(), AccountDialog::Step::Credentials, 30000);
    // The server's 401 offers only Bearer: no password field, only Microsoft.
    QVERIFY(shown(d, "accountSignInWithMicrosoft"));
    QVERIFY(!shown(d, "accountPassword"));
    QCOMPARE(textOf(d, "accountClientId"), kClientId); // prefilled from SKEIN_OAUTH_CLIENT_ID
    screenshot(d, QStringLiteral("2-credentials"));
    click(d, "accountAdvanced");
    QVERIFY(shown(d, "accountClientId"));
    screenshot(d, QStringLiteral("2b-credentials-advanced"));
    click(d, "accountAdvanced");

    click(d, "accountSignInWithMicrosoft");
    const QUrl authorize = takeAuthorizeUrl();
    QVERIFY(authorize.isValid());
    QCOMPARE(d->step(), AccountDialog::Step::Browser);
    QVERIFY(shown(d, "accountCopySignInLink"));
    QVERIFY(shown(d, "accountCancelSignIn"));
    QCOMPARE(QUrlQuery(authorize).queryItemValue(QStringLiteral("login_hint"), QUrl::FullyDecoded), kEmail);
    QCOMPARE(QUrlQuery(authorize).queryItemValue(QStringLiteral("client_id"), QUrl::FullyDecoded), kClientId);
    screenshot(d, QStringLiteral("3-browser-handoff"));

    QSignalSpy synced(m_app.get(), &DesktopApp::syncCompleted);
    const HttpAnswer landed = playBrowser(authorize, QStringLiteral("demo"), QStringLiteral("demo"));
    QCOMPARE(landed.status, 200);
    QVERIFY2(landed.body.contains("You can close this window"), landed.body.constData());
    QTRY_VERIFY_WITH_TIMEOUT(d->statusText().contains(QStringLiteral("16.1")), 30000);
    QTRY_VERIFY_WITH_TIMEOUT(window()->isVisible(), 10000);
    QTRY_VERIFY(!d->isVisible());
    const auto inbox = m_app->store().folderStore().folderOfType(FolderType::Inbox);
    QVERIFY(inbox);
    QCOMPARE(window()->currentFolderId(), inbox->serverId);
    QVERIFY(synced.count() > 0 || synced.wait(60000));
    QVERIFY2(synced.first().first().toBool(), "the first sync after the sign-in failed");
    QTRY_VERIFY(window()->panes().list->view()->model()->rowCount() > 0);

    const auto account = m_app->store().accountStore().account();
    QVERIFY(account);
    QVERIFY(account->usesOAuth());
    QCOMPARE(account->email, kEmail);
    QCOMPARE(account->oauthClientId, kClientId);
    QCOMPARE(account->oauthTenant, QStringLiteral("common"));
    QVERIFY(!account->oauthAuthority.isEmpty());

    // The refresh token: in the keychain, in no file of the profile (store,
    // its WAL, skein.ini).
    const QString token = storedRefreshToken();
    QVERIFY2(token.size() > 20, "no refresh token in the keychain");
    const QStringList leaks = filesContaining(m_app->profile().directory(), token.toUtf8());
    QVERIFY2(leaks.isEmpty(), qPrintable(leaks.join(QLatin1Char(' '))));
    window()->resize(1280, 800);
    screenshot(window(), QStringLiteral("4-mailbox"));
}

void TestDesktopOAuth::revokedSignInAsksAgainAndKeepsActions()
{
    QVERIFY(m_app->store().accountStore().account());
    int revoked = 0;
    m_server->runOnServerThread([&revoked](server::ReferenceServer &s) { revoked = s.revokeTokens(QStringLiteral("demo")); });
    QVERIFY(revoked > 0);

    // The next sync finds the sign-in gone: the sign-in-again dialog, with the sentence.
    QSignalSpy synced(m_app.get(), &DesktopApp::syncCompleted);
    m_app->requestSync();
    QVERIFY(synced.wait(60000));
    QVERIFY(!synced.first().first().toBool());
    AccountDialog *d = dialog();
    QTRY_VERIFY(d && d->isVisible());
    QVERIFY(d->isSignInAgain());
    QCOMPARE(d->step(), AccountDialog::Step::Credentials);
    QVERIFY(shown(d, "accountSignInWithMicrosoft"));
    QVERIFY(!shown(d, "accountPassword"));
    QVERIFY(!shown(d, "accountAdvanced"));
    const auto reason = named<QLabel>(d, "accountReason");
    QVERIFY(reason && reason->isVisibleTo(d));
    QVERIFY2(d->statusText().contains(QStringLiteral("expired or was revoked"))
                 || reason->text().contains(QStringLiteral("expired or was revoked")),
             qPrintable(d->statusText() + QStringLiteral(" | ") + reason->text()));
    screenshot(d, QStringLiteral("5-sign-in-again"));

    // Meanwhile the user marks a conversation read in the window: local at
    // once, journaled, and refused by nobody (it waits for the sign-in).
    const QString inbox = m_app->store().folderStore().folderOfType(FolderType::Inbox)->serverId;
    QByteArray conversation;
    QString unreadServerId;
    for (const ConversationSummary &c : m_app->store().conversationStore().conversations(inbox)) {
        for (const Message &m : m_app->store().messageStore().conversationMessages(c.conversationId))
            if (!c.conversationId.isEmpty() && m.folderId == inbox && !m.read) {
                conversation = c.conversationId;
                unreadServerId = m.serverId;
            }
        if (!conversation.isEmpty())
            break;
    }
    QVERIFY(!conversation.isEmpty());
    QVERIFY(!isReadOnServer(unreadServerId));
    QTreeView *view = window()->panes().list->view();
    const QModelIndex row = conversationRow(view, conversation);
    QVERIFY(row.isValid());
    window()->activateWindow();
    view->setCurrentIndex(row);
    view->setFocus(Qt::OtherFocusReason);
    QSignalSpy replayed(m_app.get(), &DesktopApp::actionsReplayed);
    window()->panes().conversationActions->action(ui::ConversationActionsController::MarkRead)->trigger();
    QVERIFY(conversationRow(view, conversation).data(ReadRole).toBool());
    QVERIFY(replayed.wait(60000));
    QVERIFY(!replayed.first().first().toBool());
    QVERIFY(!m_app->store().journalStore().actions(true).isEmpty()); // still pending
    QVERIFY(!isReadOnServer(unreadServerId));
    QVERIFY(d->isVisible());
    QCOMPARE(d->step(), AccountDialog::Step::Credentials); // not reset by the second report

    // Signing in again: the new engine gets the tokens and sends the journal.
    replayed.clear();
    click(d, "accountSignInWithMicrosoft");
    const QUrl authorize = takeAuthorizeUrl();
    QVERIFY(authorize.isValid());
    const HttpAnswer landed = playBrowser(authorize, QStringLiteral("demo"), QStringLiteral("demo"));
    QCOMPARE(landed.status, 200);
    QTRY_VERIFY_WITH_TIMEOUT(!d->isVisible(), 30000);
    QTRY_VERIFY_WITH_TIMEOUT(isReadOnServer(unreadServerId), 60000);
    QTRY_VERIFY_WITH_TIMEOUT(m_app->store().journalStore().actions(true).isEmpty(), 30000);
    const QString token = storedRefreshToken();
    QVERIFY(!token.isEmpty());
    QVERIFY(filesContaining(m_app->profile().directory(), token.toUtf8()).isEmpty());
}

// A new start of the app on this profile: no dialog, no prompt; the engine
// reads the refresh token from the keychain and syncs.
void TestDesktopOAuth::nextStartUsesTheKeychainsSignIn()
{
    const QString profileDir = m_app->profile().directory();
    m_app.reset();
    m_app = std::make_unique<DesktopApp>(DesktopOptions{profileDir, false, {}});
    m_app->setBrowserLauncher([this](const QUrl &url) { m_browserOpened.append(url); return true; });
    QSignalSpy synced(m_app.get(), &DesktopApp::syncCompleted);
    m_app->start();
    QVERIFY(window()->isVisible());
    QVERIFY(synced.wait(60000));
    QVERIFY2(synced.first().first().toBool(), "the sync with the stored sign-in failed");
    QVERIFY(!dialog());
    QVERIFY(m_browserOpened.isEmpty());
}

// The browser is opened and nobody signs in: the wait ends with a sentence,
// the loopback listener is closed, and the button works again.
void TestDesktopOAuth::browserThatNeverAnswersTimesOut()
{
    desktop::AccountFlow flow(m_app->profile(), m_app->store(), [](const desktop::EngineCredentials &, auto) {});
    QList<QUrl> opened;
    flow.setBrowserLauncher([&opened](const QUrl &url) { opened.append(url); return true; });
    flow.setBrowserSignInTimeout(300);
    flow.startSignInAgain(QString());
    AccountDialog *d = flow.dialog();
    QVERIFY(d && d->isVisible());
    click(d, "accountSignInWithMicrosoft");
    QTRY_VERIFY(!opened.isEmpty());
    QCOMPARE(d->step(), AccountDialog::Step::Browser);
    QTRY_COMPARE_WITH_TIMEOUT(d->step(), AccountDialog::Step::Credentials, 10000);
    QVERIFY2(d->statusText().contains(desktop::AccountFlow::browserTimeoutText()), qPrintable(d->statusText()));
    QVERIFY(desktop::AccountFlow::browserTimeoutText().contains(QStringLiteral("within 10 minutes")));
    // The listener is gone: the browser finds nobody at the redirect.
    const QUrl redirect(QUrlQuery(opened.constLast()).queryItemValue(QStringLiteral("redirect_uri"), QUrl::FullyDecoded));
    QNetworkAccessManager web;
    QUrl answer = redirect;
    answer.setQuery(QStringLiteral("code=x&state=y"));
    const HttpAnswer late = request(web, "GET", answer);
    QVERIFY2(late.status != 200, late.body.constData());
    QVERIFY(named<QWidget>(d, "accountSignInWithMicrosoft")->isEnabled());
    d->reject();
}

// Cancel while the browser is open: back to the button, the loopback
// listener closed, a late redirect finds nobody.
void TestDesktopOAuth::cancelEndsTheBrowserSignIn()
{
    desktop::AccountFlow flow(m_app->profile(), m_app->store(), [](const desktop::EngineCredentials &, auto) {});
    QList<QUrl> opened;
    flow.setBrowserLauncher([&opened](const QUrl &url) { opened.append(url); return true; });
    flow.startSignInAgain(QString());
    AccountDialog *d = flow.dialog();
    click(d, "accountSignInWithMicrosoft");
    QTRY_VERIFY(!opened.isEmpty());
    QCOMPARE(d->step(), AccountDialog::Step::Browser);
    click(d, "accountCancelSignIn");
    QCOMPARE(d->step(), AccountDialog::Step::Credentials);
    QTest::qWait(200); // the cancel reaches the sign-in's thread
    const HttpAnswer late = playBrowser(opened.constLast(), QStringLiteral("demo"), QStringLiteral("demo"));
    QVERIFY2(late.status != 200, late.body.constData());
    QCOMPARE(d->step(), AccountDialog::Step::Credentials);
    d->reject();
}

// skein --demo-oauth: the built-in server accepts only OAuth, the dialog
// starts on demo@skein.test, and the sign-in reaches the mailbox. Last: the
// demo points SKEIN_AUTODISCOVER_URL at its own server for the process.
void TestDesktopOAuth::demoOAuthWalksThroughTheSignIn()
{
    const auto parsed = desktop::parseCommandLine({QStringLiteral("skein"), QStringLiteral("--demo-oauth")});
    QVERIFY(parsed.options);
    QVERIFY(parsed.options->demo);
    QVERIFY(parsed.options->demoOAuth);
    DesktopApp demo(*parsed.options);
    QList<QUrl> opened;
    demo.setBrowserLauncher([&opened](const QUrl &url) { opened.append(url); return true; });
    demo.start();
    QTRY_VERIFY_WITH_TIMEOUT(demo.accountDialog() && demo.accountDialog()->isVisible(), 30000);
    AccountDialog *d = demo.accountDialog();
    QCOMPARE(textOf(d, "accountEmail"), kEmail);
    click(d, "accountNext");
    QTRY_COMPARE_WITH_TIMEOUT(d->step(), AccountDialog::Step::Credentials, 30000);
    QVERIFY(shown(d, "accountSignInWithMicrosoft"));
    QVERIFY(!shown(d, "accountPassword"));
    click(d, "accountSignInWithMicrosoft");
    QTRY_VERIFY_WITH_TIMEOUT(!opened.isEmpty(), 30000);
    QCOMPARE(playBrowser(opened.constLast(), QStringLiteral("demo"), QStringLiteral("demo")).status, 200);
    QTRY_VERIFY_WITH_TIMEOUT(demo.mainWindow()->isVisible() && !d->isVisible(), 30000);
    QVERIFY(demo.store().accountStore().account()->usesOAuth());
    cli::KeychainTokenStore(demo.profile(), demo.store().accountStore().account()->user).saveRefreshToken(QString(), nullptr);
}

QTEST_MAIN(TestDesktopOAuth)
#include "tst_desktopoauth.moc"
