// A profile made before there were several accounts (one store at
// PROFILE/skein.db, its password in the keychain) opens unchanged as the
// default account; adding a second account leaves the first's store and
// device id alone; after a restart both accounts sign in from the keychain
// and sync. The reference server runs in process (users demo and alice).
#include "AccountDialogDriver.h"
#include "AccountSessions.h"
#include "AccountSetup.h"
#include "DemoServer.h"
#include "DesktopApp.h"
#include "FolderPane.h"
#include "MainWindow.h"
#include "ModelRoles.h"
#include "Profile.h"
#include "ReferenceServer.h"
#include "Store.h"

#include <QDBusConnection>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTreeView>
#include <QtTest>

using skein::desktop::DemoServer;
using skein::desktop::DesktopApp;
using skein::desktop::DesktopOptions;
using namespace guitest;

class TestAccountMigration : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<DemoServer> m_server;
    std::unique_ptr<DesktopApp> m_app;
    QString m_address; // http://127.0.0.1:PORT
    QString m_deviceId; // the old profile's

    QString profileDir() const { return m_dir.filePath(QStringLiteral("profile")); }

    // Starts the app on the profile and waits for `syncs` successful syncs.
    bool startApp(int syncs)
    {
        m_app = std::make_unique<DesktopApp>(DesktopOptions{profileDir(), false, {}});
        QSignalSpy synced(m_app.get(), &DesktopApp::syncCompleted);
        m_app->start();
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < 60000) {
            int ok = 0;
            for (const QList<QVariant> &s : synced)
                ok += s.first().toBool();
            if (ok >= syncs)
                return true;
            synced.wait(1000);
        }
        return false;
    }

    int accountRows() const
    {
        QAbstractItemModel *model = m_app->mainWindow()->panes().folders->model();
        int n = 0;
        for (int row = 0; row < model->rowCount(); ++row)
            n += model->index(row, 0).data(skein::IsAccountRole).toBool();
        return n;
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (!QDBusConnection::sessionBus().isConnected())
            QSKIP("no D-Bus session bus for the keychain (run under dbus-run-session)");
        m_server = std::make_unique<DemoServer>();
        QSignalSpy ready(m_server.get(), &DemoServer::ready);
        m_server->start();
        QVERIFY(ready.wait(30000));
        m_address = m_server->baseUrl().toString();
        bool added = false;
        m_server->runOnServerThread([&added](skein::server::ReferenceServer &s) {
            added = s.addUser(QStringLiteral("alice"), QStringLiteral("alice"));
        });
        QVERIFY(added);

        // The profile as an earlier Skein left it: one store, one password.
        const skein::cli::Profile old(profileDir());
        QString error;
        QVERIFY2(old.ensurePrivate(&error), qPrintable(error));
        {
            skein::Store store;
            QVERIFY(store.open(old.databasePath()));
            QVERIFY(skein::desktop::saveAccountSettings(store, m_address, m_server->url().path(), QStringLiteral("demo")));
            m_deviceId = store.accountStore().account()->deviceId;
        }
        if (!skein::cli::savePassword(old, m_address, QStringLiteral("demo"), QStringLiteral("demo"), &error))
            QSKIP(qPrintable(QStringLiteral("the keychain refuses writes here: %1").arg(error)));
    }

    void cleanupTestCase()
    {
        m_app.reset();
        QString error;
        skein::cli::forgetSecrets(skein::cli::Profile(profileDir()), m_address, QStringLiteral("demo"), &error);
        skein::cli::forgetSecrets(skein::cli::Profile(profileDir(), QStringLiteral("account-2")), m_address,
                                  QStringLiteral("alice"), &error);
        m_server.reset();
    }

    void anOldProfileOpensAsTheDefaultAccount()
    {
        QVERIFY(startApp(1));
        QCOMPARE(m_app->accounts().size(), 1);
        QCOMPARE(m_app->activeAccount()->name(), QString());
        QVERIFY(m_app->mainWindow()->isVisible());
        QCOMPARE(accountRows(), 0);
        QVERIFY(m_app->store().folderStore().folderOfType(skein::FolderType::Inbox));
        QCOMPARE(m_app->store().accountStore().account()->deviceId, m_deviceId);
        QVERIFY(!QFileInfo::exists(m_dir.filePath(QStringLiteral("profile/accounts"))));
    }

    void aSecondAccountAndARestartKeepBoth()
    {
        QSignalSpy changed(m_app.get(), &DesktopApp::accountsChanged);
        m_app->accountSetup().addAccount();
        QTRY_VERIFY(m_app->accountDialog() && m_app->accountDialog()->isVisible());
        setUpManually(m_app->accountDialog(), QStringLiteral("alice@skein.test"), m_address, QStringLiteral("alice"),
                      QStringLiteral("alice"));
        QTRY_VERIFY_WITH_TIMEOUT(!changed.isEmpty(), 30000);
        QCOMPARE(m_app->accounts().size(), 2);
        QCOMPARE(accountRows(), 2);
        QCOMPARE(m_app->sessions().find(QString())->store().accountStore().account()->deviceId, m_deviceId);

        m_app.reset();
        QVERIFY2(startApp(2), "both accounts should sync after the restart");
        QCOMPARE(m_app->accounts().size(), 2);
        QCOMPARE(accountRows(), 2);
        QCOMPARE(m_app->activeAccount()->name(), QString());
        QCOMPARE(m_app->store().accountStore().account()->deviceId, m_deviceId);
        QCOMPARE(m_app->sessions().find(QStringLiteral("account-2"))->store().accountStore().account()->email, QStringLiteral("alice@skein.test"));
        QVERIFY(m_app->sessions().find(QStringLiteral("account-2"))->engine());
    }
};

QTEST_MAIN(TestAccountMigration)
#include "tst_accountmigration.moc"
