#pragma once

#include "Profile.h"

#include <QString>

namespace skein::desktop {

// Names, icon and QSettings location for the whole process. QSettings goes to
// an ini file inside the profile folder, so that two profiles (and every
// test's temporary profile) keep their own settings.
void configureApplication(const cli::Profile &profile);

// SKEIN_PASSWORD, else the keychain; empty with *error when neither has one.
// Unlike cli::obtainPassword it never prompts on a terminal: the GUI asks in
// its account dialog instead of blocking on stdin.
QString storedPassword(const cli::Profile &profile, const QString &url, const QString &user, QString *error);

} // namespace skein::desktop
