// Profile: a folder only its user can read (mail, account, settings), both
// for a new profile and for one made earlier under a looser umask.
#include "PrivateFiles.h"
#include "KeychainTokenStore.h"
#include "Profile.h"
#include "Store.h"

#include <QDir>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <thread>

#include <sys/stat.h>

using namespace skein;
using skein::cli::Profile;

namespace {

void loosen(const QString &path, int bits)
{
    QVERIFY(::chmod(QFile::encodeName(path).constData(), mode_t(bits)) == 0);
}

void saveAccount(Store &store, const QString &url)
{
    AccountSettings account;
    account.url = url;
    account.user = QStringLiteral("demo");
    account.deviceId = QStringLiteral("DEV1");
    QVERIFY2(store.accountStore().saveAccount(account), qPrintable(store.lastError()));
}

} // namespace

class TestProfile : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    mode_t m_umask = 0;

private Q_SLOTS:
    void initTestCase()
    {
        // The usual desktop umask, under which files are readable by everyone.
        m_umask = ::umask(022);
    }

    void cleanupTestCase() { ::umask(m_umask); }

    void newProfileIsPrivate()
    {
        const Profile profile(m_dir.filePath(QStringLiteral("new/profile")));
        QString error;
        QVERIFY2(profile.ensurePrivate(&error), qPrintable(error));
        QVERIFY2(profile.ensureSettingsFile(&error), qPrintable(error));
        Store store;
        QVERIFY2(store.open(profile.databasePath()), qPrintable(store.lastError()));
        saveAccount(store, QStringLiteral("https://mail.example.com"));
        QVERIFY(QFile::exists(profile.databasePath() + QStringLiteral("-wal")));
        QVERIFY(QFile::exists(profile.databasePath() + QStringLiteral("-shm")));
        {
            QSettings settings(profile.settingsPath(), QSettings::IniFormat);
            settings.setValue(QStringLiteral("reading/markReadDelayMs"), 1500);
            settings.sync();
            QCOMPARE(settings.status(), QSettings::NoError);
        }
        QVERIFY(QFileInfo(profile.settingsPath()).size() > 0);
        SKEIN_VERIFY_PRIVATE(profile.directory());
    }

    void accountsHaveTheirOwnStores()
    {
        const QString dir = m_dir.filePath(QStringLiteral("several"));
        const Profile first(dir);
        const Profile alice(dir, QStringLiteral("alice@work"));
        QCOMPARE(first.databasePath(), dir + QStringLiteral("/skein.db")); // as every profile before
        QCOMPARE(alice.databasePath(), dir + QStringLiteral("/accounts/alice@work/skein.db"));
        QVERIFY(first.accountNames().isEmpty());
        QVERIFY(first.keychainKey(QStringLiteral("https://x"), QStringLiteral("u"))
                != alice.keychainKey(QStringLiteral("https://x"), QStringLiteral("u")));
        for (const Profile *p : {&first, &alice}) {
            QString error;
            QVERIFY2(p->ensurePrivate(&error), qPrintable(error));
            Store store;
            QVERIFY(store.open(p->databasePath()));
            saveAccount(store, QStringLiteral("https://mail.example.com"));
        }
        QCOMPARE(first.accountNames(), (QStringList{QString(), QStringLiteral("alice@work")}));
        SKEIN_VERIFY_PRIVATE(dir);
        // A folder under accounts/ without a store is no account.
        QVERIFY(QDir().mkpath(dir + QStringLiteral("/accounts/empty")));
        QCOMPARE(first.accountNames().size(), 2);
    }

    void accountNamesAreFolderNamesOnly()
    {
        for (const char *good : {"alice", "alice@example.com", "work-2", "a_b.c"})
            QVERIFY2(Profile::isValidAccountName(QLatin1String(good)), good);
        for (const char *bad : {"", ".", "..", "../x", "a/b", ".hidden", "with space", "x\\y"})
            QVERIFY2(!Profile::isValidAccountName(QLatin1String(bad)), bad);
        QVERIFY(!Profile::isValidAccountName(QString(65, QLatin1Char('a'))));
    }

    void olderProfileIsTightened()
    {
        const Profile profile(m_dir.filePath(QStringLiteral("older")));
        QVERIFY(QDir().mkpath(profile.directory() + QStringLiteral("/Skein")));
        Store store;
        QVERIFY2(store.open(profile.databasePath()), qPrintable(store.lastError()));
        saveAccount(store, QStringLiteral("https://mail.example.com"));
        {
            QSettings settings(profile.settingsPath(), QSettings::IniFormat);
            settings.setValue(QStringLiteral("reading/markReadDelayMs"), 1500);
        }
        // As an earlier Skein left it under umask 022.
        loosen(profile.directory(), 0755);
        loosen(profile.directory() + QStringLiteral("/Skein"), 0755);
        for (const QString &file : {profile.databasePath(), profile.databasePath() + QStringLiteral("-wal"),
                                    profile.databasePath() + QStringLiteral("-shm"), profile.settingsPath()})
            loosen(file, 0644);
        QVERIFY(!skein::test::notPrivate(profile.directory()).isEmpty());

        QString error;
        QVERIFY2(profile.ensurePrivate(&error), qPrintable(error));
        QVERIFY2(profile.ensureSettingsFile(&error), qPrintable(error));
        SKEIN_VERIFY_PRIVATE(profile.directory());
        // Nothing lost: the account and the setting are still there.
        QCOMPARE(store.accountStore().account().value_or(AccountSettings{}).url, QStringLiteral("https://mail.example.com"));
        QCOMPARE(QSettings(profile.settingsPath(), QSettings::IniFormat).value(QStringLiteral("reading/markReadDelayMs")).toInt(),
                 1500);
        saveAccount(store, QStringLiteral("https://other.example.com"));
        SKEIN_VERIFY_PRIVATE(profile.directory());
    }

    void unusableFolderIsAClearError()
    {
        QFile file(m_dir.filePath(QStringLiteral("a-file")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        const Profile profile(file.fileName());
        QString error;
        QVERIFY(!profile.ensurePrivate(&error));
        QVERIFY2(error.contains(file.fileName()), qPrintable(error));
    }

    // The engine thread has no event loop: the keychain store must work from
    // a plain thread, and what one instance saves the next one reads.
    // Needs a Secret Service (scripts/test starts one); skipped without.
    void refreshTokenRoundTripsThroughTheKeychainFromAThreadWithoutEventLoop()
    {
        if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
            QSKIP("no D-Bus session: run under scripts/test (gnome-keyring)");
        const Profile profile(m_dir.filePath(QStringLiteral("keychain-profile")));
        const QString token = QStringLiteral("rt-%1").arg(QDateTime::currentMSecsSinceEpoch());
        std::atomic<bool> saved = false, returned = false;
        QString error;
        std::thread engineLike([&] {
            skein::cli::KeychainTokenStore store(profile, QStringLiteral("ann@example.com"));
            saved = store.saveRefreshToken(token, &error);
            returned = true;
        });
        // This (the application) thread runs its event loop meanwhile, as
        // the desktop app and skein-cli's runEngine do.
        QTRY_VERIFY_WITH_TIMEOUT(returned, 30000);
        engineLike.join();
        if (!saved && error.contains(QLatin1String("D-Bus"), Qt::CaseInsensitive))
            QSKIP(qPrintable(error));
        QVERIFY2(saved, qPrintable(error));
        skein::cli::KeychainTokenStore reader(profile, QStringLiteral("ann@example.com"));
        QCOMPARE(reader.loadRefreshToken(&error), token);
        skein::cli::KeychainTokenStore other(profile, QStringLiteral("bob@example.com"));
        QVERIFY(other.loadRefreshToken(&error).isEmpty());
        QVERIFY(!error.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestProfile)
#include "tst_profile.moc"
