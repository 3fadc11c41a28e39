#pragma once

#include <QLocale>

namespace skein::desktop {

// Installs Skein's translation for the first of the locale's UI languages
// that has one (and Qt's own, for its standard buttons and dialogs), unless
// English comes first: English is the source language. Returns whether a
// Skein translation was installed. The desktop main calls it with
// QLocale::system(); GUI tests never do, so they run in English whatever
// the machine's language, unless a test asks for a language itself.
bool installTranslations(const QLocale &locale);

} // namespace skein::desktop
