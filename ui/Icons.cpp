#include "Icons.h"

#include <QHash>

namespace skein::ui {

QIcon themeIcon(const QString &name)
{
    // Cached: delegates ask for icons on every paint, and a theme lookup
    // walks the icon directories. GUI thread only, like all widgets.
    static QHash<QString, QIcon> cache;
    auto it = cache.find(name);
    if (it == cache.end())
        it = cache.insert(name, QIcon::fromTheme(name, QIcon(QStringLiteral(":/skein/icons/%1.svg").arg(name))));
    return *it;
}

} // namespace skein::ui
