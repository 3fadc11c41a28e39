#include "AppEnvironment.h"

#include <qt6keychain/keychain.h>

#include <QCoreApplication>
#include <QEventLoop>
#include <QGuiApplication>
#include <QIcon>
#include <QSettings>

// Resources compiled into a static library are dropped by the linker unless
// something references them; Q_INIT_RESOURCE must run at global scope.
static void initSkeinResources()
{
    Q_INIT_RESOURCE(resources);
}

namespace skein::desktop {

void configureApplication(const cli::Profile &profile)
{
    initSkeinResources();
    QCoreApplication::setOrganizationName(QStringLiteral("Skein"));
    QCoreApplication::setApplicationName(QStringLiteral("skein"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SKEIN_VERSION));
    QGuiApplication::setApplicationDisplayName(QStringLiteral("Skein"));
    // The installed .desktop file's name and the AppStream id (app/CMakeLists.txt).
    QGuiApplication::setDesktopFileName(QStringLiteral(SKEIN_APP_ID));
    QGuiApplication::setWindowIcon(QIcon::fromTheme(QStringLiteral("skein"), QIcon(QStringLiteral(":/skein/icons/skein.svg"))));

    // QSettings() then reads and writes PROFILE/Skein/skein.ini and nothing
    // outside the profile (the system scope points there too).
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, profile.directory());
    QSettings::setPath(QSettings::IniFormat, QSettings::SystemScope, profile.directory() + QStringLiteral("/system"));
}

QString storedPassword(const cli::Profile &profile, const QString &url, const QString &user, QString *error)
{
    const QByteArray fromEnv = qgetenv("SKEIN_PASSWORD");
    if (!fromEnv.isEmpty())
        return QString::fromUtf8(fromEnv);

    // Same service and key as cli::savePassword, so both read one entry.
    QKeychain::ReadPasswordJob job(QStringLiteral("skein"));
    job.setAutoDelete(false);
    job.setKey(profile.keychainKey(url, user));
    QEventLoop loop;
    QObject::connect(&job, &QKeychain::Job::finished, &loop, &QEventLoop::quit);
    job.start();
    loop.exec();
    if (job.error() == QKeychain::NoError && !job.textData().isEmpty())
        return job.textData();
    *error = job.errorString();
    return {};
}

} // namespace skein::desktop
