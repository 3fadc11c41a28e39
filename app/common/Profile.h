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
    bool exists() const;
    bool ensureDirectory(QString *error) const;
    void removeDatabase() const;

    QString keychainKey(const QString &url, const QString &user) const;

private:
    QString m_directory;
};

// Password for the account: SKEIN_PASSWORD, else the keychain, else a prompt
// on the terminal. Empty with *error set when none could be had.
QString obtainPassword(const Profile &profile, const QString &url, const QString &user, QString *error);
bool savePassword(const Profile &profile, const QString &url, const QString &user, const QString &password,
                  QString *error);

} // namespace skein::cli
