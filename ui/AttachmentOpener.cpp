#include "AttachmentOpener.h"

#include "AttachmentSafety.h"

#include <QCoreApplication>
#include <QDesktopServices>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QUrl>

namespace skein::ui {

AttachmentOpener::AttachmentOpener()
    : m_launch([](const QString &path) { return QDesktopServices::openUrl(QUrl::fromLocalFile(path)); })
{
}

QString AttachmentOpener::pathFor(const QString &name, QString *error)
{
    if (!m_dir) {
        // QTemporaryDir makes its folder 0700.
        m_dir = std::make_unique<QTemporaryDir>(QDir::temp().filePath(QStringLiteral("skein-attachments-XXXXXX")));
        if (!m_dir->isValid()) {
            *error = QCoreApplication::translate("skein::ui::AttachmentOpener", "Cannot make a private folder for the attachment: %1").arg(m_dir->errorString());
            m_dir.reset();
            return {};
        }
    }
    // A folder per file keeps the attachment's own name (what the viewer's
    // title shows) while two files of one name never meet.
    QString base = QFileInfo(QString(name).replace(QLatin1Char('\\'), QLatin1Char('/'))).fileName().trimmed();
    while (base.startsWith(QLatin1Char('.')))
        base.remove(0, 1);
    if (base.isEmpty())
        base = QStringLiteral("attachment");
    const QString sub = m_dir->filePath(QString::number(++m_counter));
    if (!QDir().mkpath(sub)
        || !QFile::setPermissions(sub, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner)) {
        *error = QCoreApplication::translate("skein::ui::AttachmentOpener", "Cannot make a private folder for the attachment in %1.").arg(m_dir->path());
        return {};
    }
    return QDir(sub).filePath(base);
}

bool AttachmentOpener::owns(const QString &path) const
{
    return m_dir && QFileInfo(path).absolutePath().startsWith(m_dir->path() + QLatin1Char('/'));
}

QString AttachmentOpener::openFetched(const QString &path, const QString &contentType)
{
    if (!owns(path))
        return QCoreApplication::translate("skein::ui::AttachmentOpener", "Skein opens only attachments it fetched itself.");
    // 0600 before anything reads it: private, and never executable.
    if (!QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner))
        return QCoreApplication::translate("skein::ui::AttachmentOpener", "Cannot make %1 private; it was not opened.").arg(path);
    if (const QString refusal = openRefusalForFile(path, contentType); !refusal.isEmpty()) {
        QFile::remove(path);
        return refusal;
    }
    if (!m_launch(path))
        return QCoreApplication::translate("skein::ui::AttachmentOpener", "No program on this computer opens %1. Use Save As\u2026 instead.")
            .arg(QFileInfo(path).fileName());
    return {};
}

} // namespace skein::ui
