// What Skein refuses to open: programs, scripts, installers and launchers by
// name, by the sender's content type, by the executable bit and by content.
#include "AttachmentSafety.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace skein;

class TestAttachmentSafety : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void refusedByName_data()
    {
        QTest::addColumn<QString>("name");
        for (const char *name : {"setup.exe", "invoice.pdf.exe", "RUN.BAT", "x.cmd", "tool.js", "app.jar",
                                 "install.msi", "launcher.desktop", "script.sh", "Thing.AppImage", "pkg.deb",
                                 "setup.exe "})
            QTest::newRow(name) << QString::fromLatin1(name);
    }
    void refusedByName()
    {
        QFETCH(QString, name);
        const QString why = openRefusal(name, QString());
        QVERIFY(!why.isEmpty());
        QVERIFY(why.contains(QStringLiteral("Save it instead")));
    }

    void refusedByType()
    {
        QVERIFY(!openRefusal(QStringLiteral("report"), QStringLiteral("application/x-executable")).isEmpty());
        QVERIFY(!openRefusal(QStringLiteral("report"), QStringLiteral("application/x-msdownload; name=x")).isEmpty());
        QVERIFY(!openRefusal(QStringLiteral("a.txt"), QStringLiteral("application/x-sh")).isEmpty());
    }

    void documentsAreFine()
    {
        QVERIFY(openRefusal(QStringLiteral("contract.pdf"), QStringLiteral("application/pdf")).isEmpty());
        QVERIFY(openRefusal(QStringLiteral("photo.PNG"), QString()).isEmpty());
        QVERIFY(openRefusal(QStringLiteral("README"), QString()).isEmpty());
        QVERIFY(openRefusal(QStringLiteral("archive.tar.gz"), QStringLiteral("application/gzip")).isEmpty());
    }

    void refusedByExecutableBitAndContent()
    {
        QTemporaryDir dir;
        const QString doc = dir.filePath(QStringLiteral("notes.txt"));
        QFile f(doc);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("plain words\n");
        f.close();
        QVERIFY(openRefusalForFile(doc, QStringLiteral("text/plain")).isEmpty());
        QVERIFY(QFile::setPermissions(doc, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
        QVERIFY(openRefusalForFile(doc, QStringLiteral("text/plain")).contains(QStringLiteral("executable")));

        const QString elf = dir.filePath(QStringLiteral("holiday.jpg"));
        QFile e(elf);
        QVERIFY(e.open(QIODevice::WriteOnly));
        e.write("\x7f" "ELF\x02\x01\x01");
        e.close();
        QVERIFY(!openRefusalForFile(elf, QStringLiteral("image/jpeg")).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestAttachmentSafety)
#include "tst_attachmentsafety.moc"
