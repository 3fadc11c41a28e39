#pragma once

// Checks that a profile folder is readable by its user only, shared by the
// Profile unit test and the skein / skein-cli tests.

#include <QDirIterator>
#include <QFile>
#include <QStringList>

#include <sys/stat.h>

namespace skein::test {

// The permission bits of path as chmod writes them (0700, 0644 ...); -1 when missing.
inline int fileMode(const QString &path)
{
    struct stat st {};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return -1;
    return int(st.st_mode & 07777);
}

// Every folder under root (root too) that is not 0700 and every file that is
// not 0600, as "path mode".
inline QStringList notPrivate(const QString &root)
{
    QStringList loose;
    const auto check = [&loose](const QString &path, bool folder) {
        const int mode = fileMode(path);
        if (mode != (folder ? 0700 : 0600))
            loose.append(QStringLiteral("%1 %2").arg(path).arg(mode, 4, 8, QLatin1Char('0')));
    };
    check(root, true);
    QDirIterator it(root, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        check(path, it.fileInfo().isDir());
    }
    return loose;
}

} // namespace skein::test

// Fails the test with the list of what others may read.
#define SKEIN_VERIFY_PRIVATE(root)                                                                           \
    do {                                                                                                     \
        const QStringList loose_ = skein::test::notPrivate(root);                                            \
        QVERIFY2(loose_.isEmpty(), qPrintable(loose_.join(QStringLiteral(", "))));                           \
    } while (false)
