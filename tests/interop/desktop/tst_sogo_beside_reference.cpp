// The desktop app with a SOGo account beside a reference-server account in
// one window: the reference server runs in process (demo mode, account
// demo), SOGo's alice is added through Settings > Accounts > Add and the real
// account dialog. Both sync; the folder pane groups each account's folders;
// each list shows its own mail; an action on the reference account reaches
// the reference server; mail delivered there while SOGo is shown is counted.
//
// Skips unless SKEIN_SOGO_URL is set (fails instead when CI is set), like
// tst_sogo_smoke; tests/interop/sogo/run-interop.sh provides the server.
// Read-only towards SOGo: nothing is selected in its lists (no body
// fetch, no mark-as-read), so the seeded mailbox stays as the other interop
// tests expect it.
#include "AccountDialogDriver.h"
#include "AccountSessions.h"
#include "ComposeDemoApp.h"
#include "ConversationActionsController.h"
#include "ConversationListPane.h"
#include "ConversationView.h"
#include "LiveMail.h"
#include "SettingsDialog.h"

using namespace guitest;
using skein::ui::ConversationActionsController;

namespace {

const QString kSogoAccount = QStringLiteral("account-2"); // the first added account's name
const QString kDemoSubject = QStringLiteral("Annual infrastructure report");
const QString kSogoTopic = QStringLiteral("Q3 report draft"); // a seeded INBOX thread

QString env(const char *name, const QString &fallback = QString())
{
    const QString value = qEnvironmentVariable(name);
    return value.isEmpty() ? fallback : value;
}

} // namespace

class TestSogoBesideReference : public QObject, public ComposeDemoApp
{
    Q_OBJECT

    QStringList folderNamesOf(const QString &name) const
    {
        QStringList names;
        QAbstractItemModel *model = folderView()->model();
        std::function<void(const QModelIndex &)> walk = [&](const QModelIndex &parent) {
            for (int row = 0; row < model->rowCount(parent); ++row) {
                const QModelIndex index = model->index(row, 0, parent);
                names.append(index.data().toString());
                walk(index);
            }
        };
        walk(accountRow(name));
        return names;
    }

    bool listHasTopic(const QString &topic) const
    {
        const QStringList subjects = listSubjects();
        return std::any_of(subjects.begin(), subjects.end(),
                           [&](const QString &s) { return s.contains(topic, Qt::CaseInsensitive); });
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (env("SKEIN_SOGO_URL").isEmpty()) {
            if (!qEnvironmentVariableIsEmpty("CI"))
                QFAIL("SKEIN_SOGO_URL is not set on CI (CI is set): run the tests through tests/interop/sogo/run-interop.sh");
            QSKIP("SKEIN_SOGO_URL is not set: no SOGo server to test against.");
        }
        const QString failed = startDemo();
        QVERIFY2(failed.isEmpty(), qPrintable(failed));
    }

    void cleanupTestCase()
    {
        if (m_app) {
            QString error;
            m_app->sessions().removeAccount(kSogoAccount, &error); // its keychain entry goes too
        }
        m_app.reset();
    }

    void addsTheSogoAccountBesideTheReferenceAccount()
    {
        QSignalSpy synced(m_app.get(), &DesktopApp::syncCompleted);
        skein::ui::SettingsDialog *settings = m_app->liveMail().showSettings();
        QTest::mouseClick(settings->findChild<QPushButton *>(QStringLiteral("addAccountButton")), Qt::LeftButton);
        QTRY_VERIFY(m_app->accountDialog() && m_app->accountDialog()->isVisible());
        setUpManually(m_app->accountDialog(), env("SKEIN_SOGO_EMAIL", QStringLiteral("alice@example.test")),
                      env("SKEIN_SOGO_URL") + env("SKEIN_SOGO_PATH", QStringLiteral("/SOGo/Microsoft-Server-ActiveSync")),
                      env("SKEIN_SOGO_USER", QStringLiteral("alice")), env("SKEIN_SOGO_PASSWORD", QStringLiteral("alicepass")));
        QTRY_VERIFY_WITH_TIMEOUT(accountRow(kSogoAccount).isValid() && !m_app->accountDialog()->isVisible(), 60000);
        settings->close();
        QTRY_VERIFY_WITH_TIMEOUT(!synced.isEmpty() && !m_app->sessions().find(kSogoAccount)->syncing, 120000);
        QVERIFY2(synced.last().first().toBool(), "SOGo's first sync failed");

        QVERIFY(accountRow(QString()).isValid());
        QVERIFY2(accountRow(kSogoAccount).data().toString().startsWith(QLatin1String("alice@")),
                 qPrintable(accountRow(kSogoAccount).data().toString()));
        const QStringList sogoFolders = folderNamesOf(kSogoAccount);
        for (const QString &name : {QStringLiteral("Offsite"), QStringLiteral("Projects")})
            QVERIFY2(sogoFolders.contains(name), qPrintable(sogoFolders.join(QLatin1Char('|'))));
        QVERIFY(inboxRowOf(kSogoAccount).isValid() && inboxRowOf(QString()).isValid());
        QVERIFY(!folderNamesOf(QString()).contains(QStringLiteral("Offsite")));
    }

    void eachListShowsItsOwnServersMail()
    {
        clickFolder(inboxRowOf(kSogoAccount));
        QCOMPARE(m_app->activeAccount()->name(), kSogoAccount);
        QTRY_VERIFY2(listHasTopic(kSogoTopic), qPrintable(listSubjects().join(QLatin1Char('|'))));
        QVERIFY(!listSubjects().contains(kDemoSubject));

        clickFolder(inboxRowOf(QString()));
        QCOMPARE(m_app->activeAccount()->name(), QString());
        QTRY_VERIFY(listSubjects().contains(kDemoSubject));
        QVERIFY(!listHasTopic(kSogoTopic));
    }

    // Flag on the reference account reaches the reference server; then mail
    // delivered there while SOGo is shown counts on the reference row.
    void theReferenceAccountWorksWhileSogoIsShown()
    {
        QAbstractItemModel *model = window()->panes().list->view()->model();
        for (int row = 0; row < model->rowCount(); ++row)
            if (model->index(row, 0).data(skein::SubjectRole).toString() == kDemoSubject)
                window()->panes().list->view()->setCurrentIndex(model->index(row, 0));
        window()->panes().conversationActions->action(ConversationActionsController::Flag)->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(withSubject(QStringLiteral("demo"), kDemoSubject).value(0)[QStringLiteral("flagStatus")].toInt() == 2, 15000);

        clickFolder(inboxRowOf(kSogoAccount));
        const int before = accountRow(QString()).data(skein::UnreadCountRole).toInt();
        demoServerOf(*m_app)->runOnServerThread([](skein::server::ReferenceServer &server) {
            skein::server::IncomingMail mail;
            mail.to = QStringLiteral("demo");
            mail.from = QStringLiteral("Bob Builder <bob@skein.test>");
            mail.subject = QStringLiteral("While SOGo is shown");
            mail.body = QStringLiteral("Counted on demo's row.");
            server.deliver(mail);
        });
        QTRY_COMPARE_WITH_TIMEOUT(accountRow(QString()).data(skein::UnreadCountRole).toInt(), before + 1, 15000);
        QCOMPARE(m_app->activeAccount()->name(), kSogoAccount);
        QVERIFY(!listSubjects().contains(QStringLiteral("While SOGo is shown")));
        saveShot(window(), QStringLiteral("sogo-beside-reference.png"));
    }
};

QTEST_MAIN(TestSogoBesideReference)
#include "tst_sogo_beside_reference.moc"
