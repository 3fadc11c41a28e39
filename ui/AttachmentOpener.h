#pragma once

#include <QString>
#include <QTemporaryDir>

#include <functional>
#include <memory>

namespace skein::ui {

// Where attachments to open are fetched, and the hand-over to the desktop.
// The files live in one private temporary folder (0700, removed when Skein
// quits), each file 0600, so other users never read them. Before opening,
// the file is checked again (AttachmentSafety.h): programs, scripts and
// anything marked executable are refused, never run.
class AttachmentOpener
{
public:
    AttachmentOpener();

    // A fresh path in the private folder for an attachment called `name`;
    // empty (and *error) when the folder cannot be made.
    QString pathFor(const QString &name, QString *error);
    // True for a path pathFor() gave out.
    bool owns(const QString &path) const;
    // Makes the fetched file private and read-only, checks it and opens it
    // with the desktop's handler. A sentence when it refused or failed.
    QString openFetched(const QString &path, const QString &contentType);

    // Tests: what would be opened, instead of QDesktopServices.
    void setLauncher(std::function<bool(const QString &path)> launcher) { m_launch = std::move(launcher); }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    int m_counter = 0;
    std::function<bool(const QString &)> m_launch;
};

} // namespace skein::ui
