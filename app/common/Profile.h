#pragma once

#include <QString>

namespace skein::cli {

// A profile is a folder holding the stores of its accounts; passwords live
// only in the keychain (or come from SKEIN_PASSWORD), never in the profile.
// The default account's store is PROFILE/skein.db (every profile made before
// there were several accounts has just that one); a named account's is
// PROFILE/accounts/NAME/skein.db, each with its own sync state.
class Profile
{
public:
    // account: empty for the default account.
    explicit Profile(QString directory, QString account = {});

    // Letters, digits and . _ @ - (not starting with a dot), at most 64:
    // the name is a folder's.
    static bool isValidAccountName(const QString &name);
    QString account() const { return m_account; }
    // The profile's accounts that have a store: "" (the default) first if
    // PROFILE/skein.db exists, then the named ones sorted.
    QStringList accountNames() const;

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

    // The account's folder: the profile's own for the default account.
    QString accountDirectory() const;

    QString keychainKey(const QString &url, const QString &user) const;
    // An OAuth account's refresh token: by user, not URL, so that a server's
    // redirect (HTTP 451) does not lose the sign-in.
    QString refreshTokenKey(const QString &user) const;

private:
    QString m_directory;
    QString m_account;
};

// Password for the account: SKEIN_PASSWORD, else the keychain, else a prompt
// on the terminal. Empty with *error set when none could be had.
QString obtainPassword(const Profile &profile, const QString &url, const QString &user, QString *error);
bool savePassword(const Profile &profile, const QString &url, const QString &user, const QString &password,
                  QString *error);
// Deletes the account's password and OAuth refresh token from the keychain
// (an entry that is not there is no error); false with *error otherwise.
bool forgetSecrets(const Profile &profile, const QString &url, const QString &user, QString *error);

} // namespace skein::cli
