#pragma once

#include <QString>

namespace skein::cli {

// A profile is a folder holding the store; the password lives only in the
// keychain (or comes from SKEIN_PASSWORD), never in the profile.
class Profile
{
public:
    explicit Profile(QString directory);

    static QString defaultDirectory();
    QString directory() const { return m_directory; }
    QString databasePath() const;
    // Where the desktop app's QSettings keep the settings: PROFILE/Skein/skein.ini
    // (organisation "Skein", application "skein", see desktop::configureApplication).
    QString settingsPath() const;
    bool exists() const;
    // Creates the folder when needed and keeps the profile private to the
    // user: the folder 0700, the database, its -wal and -shm and the settings
    // 0600. A profile made earlier under a looser umask is tightened.
    bool ensurePrivate(QString *error) const;
    // An empty settings file, 0600, when there is none yet: QSettings keeps
    // an existing file's permissions but creates a new one by the umask.
    bool ensureSettingsFile(QString *error) const;
    void removeDatabase() const;

    QString keychainKey(const QString &url, const QString &user) const;
    // An OAuth account's refresh token: by user, not URL, so that a server's
    // redirect (HTTP 451) does not lose the sign-in.
    QString refreshTokenKey(const QString &user) const;

private:
    QString m_directory;
};

// Password for the account: SKEIN_PASSWORD, else the keychain, else a prompt
// on the terminal. Empty with *error set when none could be had.
QString obtainPassword(const Profile &profile, const QString &url, const QString &user, QString *error);
bool savePassword(const Profile &profile, const QString &url, const QString &user, const QString &password,
                  QString *error);

} // namespace skein::cli
