#pragma once

#include <QString>

namespace skein {

// Whether Skein may hand an attachment to the desktop to open. Opening runs
// the desktop's handler for the file's type; for a program, a script, an
// installer or a launcher that means running code a stranger sent. Such
// files can still be saved, never opened from Skein.
// Empty when opening is fine; else a sentence saying why not.
QString openRefusal(const QString &fileName, const QString &contentType);

// The same for a file already on disk: also refuses one with an executable
// permission bit (a fetched file never gets one; a file that has it was
// changed by someone else since).
QString openRefusalForFile(const QString &path, const QString &contentType);

} // namespace skein
