#include "Profile.h"

#include <qt6keychain/keychain.h>

#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTextStream>

#include <cstdio>
#include <termios.h>
#include <unistd.h>

namespace skein::cli {

namespace {

const QString kKeychainService = QStringLiteral("skein");

void waitFor(QKeychain::Job &job)
{
    QEventLoop loop;
    QObject::connect(&job, &QKeychain::Job::finished, &loop, &QEventLoop::quit);
    job.start();
    loop.exec();
}

QString promptWithoutEcho(const QString &prompt)
{
    if (!isatty(STDIN_FILENO))
        return {};
    QTextStream err(stderr);
    err << prompt << Qt::flush;
    termios old {};
    tcgetattr(STDIN_FILENO, &old);
    termios silent = old;
    silent.c_lflag &= ~tcflag_t(ECHO);
    tcsetattr(STDIN_FILENO, TCSANOW, &silent);
    QTextStream in(stdin);
    const QString line = in.readLine();
    tcsetattr(STDIN_FILENO, TCSANOW, &old);
    err << "\n" << Qt::flush;
    return line;
}

constexpr QFile::Permissions kPrivateFolder = QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner;
constexpr QFile::Permissions kPrivateFile = QFile::ReadOwner | QFile::WriteOwner;

// A folder that did not exist is created 0700; one that did is left as it is.
bool makePrivateFolder(const QString &path)
{
    return QDir().mkdir(path, kPrivateFolder) || QFileInfo(path).isDir();
}

// Sets an existing file's or folder's permissions; a missing one is no error.
bool keepPrivate(const QString &path, QFile::Permissions permissions, QString *error)
{
    if (!QFileInfo::exists(path) || QFile::setPermissions(path, permissions))
        return true;
    *error = QStringLiteral("Cannot make %1 private to you (only you may read it).").arg(path);
    return false;
}

} // namespace

Profile::Profile(QString directory, QString account)
    : m_directory(directory.isEmpty() ? defaultDirectory() : QDir(directory).absolutePath())
    , m_account(std::move(account))
{
}

bool Profile::isValidAccountName(const QString &name)
{
    static const QRegularExpression valid(QStringLiteral("^[A-Za-z0-9_@-][A-Za-z0-9._@-]{0,63}$"));
    return valid.match(name).hasMatch();
}

QString Profile::accountDirectory() const
{
    return m_account.isEmpty() ? m_directory : m_directory + QStringLiteral("/accounts/") + m_account;
}

QStringList Profile::accountNames() const
{
    QStringList names;
    if (QFile::exists(m_directory + QStringLiteral("/skein.db")))
        names.append(QString());
    QStringList named = QDir(m_directory + QStringLiteral("/accounts")).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    for (const QString &name : std::as_const(named))
        if (isValidAccountName(name) && QFile::exists(Profile(m_directory, name).databasePath()))
            names.append(name);
    return names;
}

QString Profile::defaultDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + QStringLiteral("/skein");
}

QString Profile::databasePath() const
{
    return accountDirectory() + QStringLiteral("/skein.db");
}

bool Profile::exists() const
{
    return QFile::exists(databasePath());
}

QString Profile::settingsPath() const
{
    return m_directory + QStringLiteral("/Skein/skein.ini");
}

bool Profile::ensurePrivate(QString *error) const
{
    // Made 0700 from the start; the folders above it are ordinary ones.
    if (!QDir().mkpath(QFileInfo(m_directory).absolutePath()) || !makePrivateFolder(m_directory)) {
        *error = QStringLiteral("Cannot create the profile folder %1.").arg(m_directory);
        return false;
    }
    if (!m_account.isEmpty()) {
        const QString accounts = m_directory + QStringLiteral("/accounts");
        if (!makePrivateFolder(accounts) || !makePrivateFolder(accountDirectory())) {
            *error = QStringLiteral("Cannot create the account folder %1.").arg(accountDirectory());
            return false;
        }
        if (!keepPrivate(accounts, kPrivateFolder, error) || !keepPrivate(accountDirectory(), kPrivateFolder, error))
            return false;
    }
    const QString db = databasePath();
    return keepPrivate(m_directory, kPrivateFolder, error)
        && keepPrivate(QFileInfo(settingsPath()).absolutePath(), kPrivateFolder, error)
        && keepPrivate(settingsPath(), kPrivateFile, error)
        && keepPrivate(db, kPrivateFile, error)
        && keepPrivate(db + QStringLiteral("-wal"), kPrivateFile, error)
        && keepPrivate(db + QStringLiteral("-shm"), kPrivateFile, error)
        && keepPrivate(db + QStringLiteral("-journal"), kPrivateFile, error);
}

bool Profile::ensureSettingsFile(QString *error) const
{
    const QString folder = QFileInfo(settingsPath()).absolutePath();
    if (!makePrivateFolder(folder)) {
        *error = QStringLiteral("Cannot create the settings folder %1.").arg(folder);
        return false;
    }
    QFile file(settingsPath());
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly, kPrivateFile) && !file.exists()) {
        *error = QStringLiteral("Cannot create the settings file %1: %2").arg(file.fileName(), file.errorString());
        return false;
    }
    return keepPrivate(folder, kPrivateFolder, error) && keepPrivate(file.fileName(), kPrivateFile, error);
}

void Profile::removeDatabase() const
{
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
        QFile::remove(databasePath() + suffix);
}

QString Profile::keychainKey(const QString &url, const QString &user) const
{
    // The profile folder is part of the key so two profiles on one server do
    // not overwrite each other's entries.
    return QStringLiteral("%1@%2 (%3)").arg(user, url, accountDirectory());
}

QString Profile::refreshTokenKey(const QString &user) const
{
    return QStringLiteral("OAuth refresh token: %1 (%2)").arg(user, accountDirectory());
}

QString obtainPassword(const Profile &profile, const QString &url, const QString &user, QString *error)
{
    const QByteArray fromEnv = qgetenv("SKEIN_PASSWORD");
    if (!fromEnv.isEmpty())
        return QString::fromUtf8(fromEnv);

    QKeychain::ReadPasswordJob job(kKeychainService);
    job.setAutoDelete(false);
    job.setKey(profile.keychainKey(url, user));
    waitFor(job);
    if (job.error() == QKeychain::NoError)
        return job.textData();

    const QString typed = promptWithoutEcho(QStringLiteral("Password for %1: ").arg(user));
    if (!typed.isEmpty())
        return typed;
    *error = QStringLiteral("No password: set SKEIN_PASSWORD, or store one with 'account add' (keychain: %1).")
                 .arg(job.errorString());
    return {};
}

bool savePassword(const Profile &profile, const QString &url, const QString &user, const QString &password,
                  QString *error)
{
    QKeychain::WritePasswordJob job(kKeychainService);
    job.setAutoDelete(false);
    job.setKey(profile.keychainKey(url, user));
    job.setTextData(password);
    waitFor(job);
    if (job.error() == QKeychain::NoError)
        return true;
    *error = QStringLiteral("Could not store the password in the keychain: %1").arg(job.errorString());
    return false;
}

bool forgetSecrets(const Profile &profile, const QString &url, const QString &user, QString *error)
{
    for (const QString &key : {profile.keychainKey(url, user), profile.refreshTokenKey(user)}) {
        QKeychain::DeletePasswordJob job(kKeychainService);
        job.setAutoDelete(false);
        job.setKey(key);
        waitFor(job);
        if (job.error() != QKeychain::NoError && job.error() != QKeychain::EntryNotFound) {
            *error = QStringLiteral("Could not delete the account's secrets from the keychain: %1").arg(job.errorString());
            return false;
        }
    }
    return true;
}

} // namespace skein::cli
