#include "Translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

namespace skein::desktop {

namespace {

// The .qm files of resources/translations, embedded by the build.
const QString kSkeinTranslations = QStringLiteral(":/i18n");

// Loads and installs one translation; a translator that loaded nothing is dropped.
bool install(const QString &fileName, const QString &directory)
{
    auto translator = std::make_unique<QTranslator>(QCoreApplication::instance());
    if (!translator->load(fileName, directory))
        return false;
    QCoreApplication::installTranslator(translator.release());
    return true;
}

} // namespace

bool installTranslations(const QLocale &locale)
{
    // uiLanguages lists the user's languages in order of preference (on
    // Linux from LANGUAGE, then LC_ALL / LC_MESSAGES / LANG), e.g. "de-DE", "de".
    for (QString language : locale.uiLanguages()) {
        language.replace(QLatin1Char('-'), QLatin1Char('_'));
        if (QLocale(language).language() == QLocale::English || QLocale(language).language() == QLocale::C)
            return false;
        if (!install(QStringLiteral("skein_") + language, kSkeinTranslations))
            continue;
        // Qt's own strings (Cancel, OK, the line edit's context menu) in the
        // same language, where the system has them (Debian: qt6-translations-l10n).
        install(QStringLiteral("qtbase_") + language, QLibraryInfo::path(QLibraryInfo::TranslationsPath));
        return true;
    }
    return false;
}

} // namespace skein::desktop
