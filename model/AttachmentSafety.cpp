#include "AttachmentSafety.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QStringList>

namespace skein {

namespace {

// Suffixes the desktop would run, install or interpret as code.
const QStringList &runnableSuffixes()
{
    static const QStringList suffixes{
        QStringLiteral("exe"), QStringLiteral("com"), QStringLiteral("scr"), QStringLiteral("pif"),
        QStringLiteral("msi"), QStringLiteral("msp"), QStringLiteral("bat"), QStringLiteral("cmd"),
        QStringLiteral("ps1"), QStringLiteral("vbs"), QStringLiteral("vbe"), QStringLiteral("js"),
        QStringLiteral("jse"), QStringLiteral("wsf"), QStringLiteral("hta"), QStringLiteral("jar"),
        QStringLiteral("sh"), QStringLiteral("bash"), QStringLiteral("run"), QStringLiteral("bin"),
        QStringLiteral("desktop"), QStringLiteral("appimage"), QStringLiteral("deb"), QStringLiteral("rpm"),
        QStringLiteral("snap"), QStringLiteral("flatpakref"), QStringLiteral("py"), QStringLiteral("pl"),
        QStringLiteral("lnk"), QStringLiteral("reg"), QStringLiteral("apk"), QStringLiteral("dmg"),
        QStringLiteral("pkg"), QStringLiteral("app"), QStringLiteral("command"),
    };
    return suffixes;
}

// MIME types of programs, scripts and installers, whatever the name says.
bool isRunnableType(const QString &contentType)
{
    const QString type = contentType.section(QLatin1Char(';'), 0, 0).trimmed().toLower();
    static const QStringList types{
        QStringLiteral("application/x-executable"), QStringLiteral("application/x-msdownload"),
        QStringLiteral("application/x-msdos-program"), QStringLiteral("application/x-ms-installer"),
        QStringLiteral("application/x-msi"), QStringLiteral("application/x-sharedlib"),
        QStringLiteral("application/x-pie-executable"), QStringLiteral("application/x-elf"),
        QStringLiteral("application/x-sh"), QStringLiteral("application/x-shellscript"),
        QStringLiteral("text/x-shellscript"), QStringLiteral("application/x-bat"),
        QStringLiteral("application/javascript"), QStringLiteral("text/javascript"),
        QStringLiteral("application/java-archive"), QStringLiteral("application/x-java-archive"),
        QStringLiteral("application/x-desktop"), QStringLiteral("application/vnd.debian.binary-package"),
        QStringLiteral("application/x-deb"), QStringLiteral("application/x-rpm"),
        QStringLiteral("application/vnd.appimage"), QStringLiteral("application/x-appimage"),
        QStringLiteral("application/vnd.microsoft.portable-executable"),
    };
    return types.contains(type);
}

} // namespace

QString openRefusal(const QString &fileName, const QString &contentType)
{
    // Every suffix counts: "invoice.pdf.exe" is a program, and so is
    // "setup.exe " once the desktop trims it.
    const QStringList parts = QFileInfo(fileName.trimmed()).fileName().toLower().split(QLatin1Char('.'));
    const QString suffix = parts.size() > 1 ? parts.last().trimmed() : QString();
    if (runnableSuffixes().contains(suffix))
        return QCoreApplication::translate("skein::AttachmentSafety", "Skein does not open \"%1\": it is a program or script (.%2), and opening it could run "
                                                                      "it. Save it instead if you trust the sender.").arg(fileName, suffix);
    if (isRunnableType(contentType))
        return QCoreApplication::translate("skein::AttachmentSafety", "Skein does not open \"%1\": the sender says it is a program (%2), and opening it "
                                                                      "could run it. Save it instead if you trust the sender.").arg(fileName, contentType);
    return {};
}

QString openRefusalForFile(const QString &path, const QString &contentType)
{
    const QFileInfo info(path);
    if (const QString refusal = openRefusal(info.fileName(), contentType); !refusal.isEmpty())
        return refusal;
    if (info.permissions() & (QFileDevice::ExeUser | QFileDevice::ExeGroup | QFileDevice::ExeOther))
        return QCoreApplication::translate("skein::AttachmentSafety", "Skein does not open \"%1\": the file is marked as a program (executable), and "
                                                                      "opening it could run it.").arg(info.fileName());
    // The bytes themselves: a program or script under an innocent name.
    QFile file(path);
    if (file.open(QIODevice::ReadOnly)) {
        const QByteArray head = file.read(4);
        if (head.startsWith("\x7f" "ELF") || head.startsWith("MZ") || head.startsWith("#!"))
            return QCoreApplication::translate("skein::AttachmentSafety", "Skein does not open \"%1\": its content is a program or script, whatever its "
                                                                          "name says, and opening it could run it.").arg(info.fileName());
    }
    return {};
}

} // namespace skein
