#include "Profile.h"

#include <qt6keychain/keychain.h>

#include <QDir>
#include <QEventLoop>
#include <QFile>
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

} // namespace

Profile::Profile(QString directory)
    : m_directory(directory.isEmpty() ? defaultDirectory() : QDir(directory).absolutePath())
{
}

QString Profile::defaultDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + QStringLiteral("/skein");
}

QString Profile::databasePath() const
{
    return m_directory + QStringLiteral("/skein.db");
}

bool Profile::exists() const
{
    return QFile::exists(databasePath());
}

bool Profile::ensureDirectory(QString *error) const
{
    if (QDir().mkpath(m_directory))
        return true;
    *error = QStringLiteral("Cannot create the profile folder %1.").arg(m_directory);
    return false;
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
    return QStringLiteral("%1@%2 (%3)").arg(user, url, m_directory);
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

} // namespace skein::cli
