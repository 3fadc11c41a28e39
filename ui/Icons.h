#pragma once

#include <QIcon>
#include <QString>

namespace skein::ui {

// A freedesktop theme icon, falling back to the bundled copy the app ships
// under :/skein/icons/<name>.svg, so the window looks the same on desktops
// without an icon theme (and offscreen in tests).
QIcon themeIcon(const QString &name);

} // namespace skein::ui
