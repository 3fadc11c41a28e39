// Every input under tests/data/fuzz/<target>/ (crashers the fuzzers found,
// fixed since) through its target's function, in the normal build: a
// regression crashes or aborts this test even where there is no clang.
#include "FuzzTargets.h"

#include <QDir>
#include <QFile>
#include <QTest>

class TestFuzzReplay : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Each input in turn, named first: an abort or a sanitizer report ends
    // the output right after the name of the input that caused it.
    void replay()
    {
        const QDir data(QStringLiteral(SKEIN_TEST_DATA "/fuzz"));
        int replayed = 0;
        for (const skein::fuzz::Target &target : skein::fuzz::targets()) {
            const QDir dir(data.filePath(QLatin1String(target.name)));
            for (const QString &name : dir.entryList(QDir::Files, QDir::Name)) {
                QFile file(dir.filePath(name));
                QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
                const QByteArray input = file.readAll();
                qInfo("%s/%s", target.name, qPrintable(name));
                QCOMPARE(target.run(reinterpret_cast<const uint8_t *>(input.constData()), size_t(input.size())), 0);
                ++replayed;
            }
        }
        qInfo("%d inputs replayed", replayed);
    }

    // The folders are the targets' names: an input in a misspelt folder would never run.
    void everyFolderIsATarget()
    {
        const QDir data(QStringLiteral(SKEIN_TEST_DATA "/fuzz"));
        for (const QString &folder : data.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
            bool known = false;
            for (const skein::fuzz::Target &t : skein::fuzz::targets())
                known = known || folder == QLatin1String(t.name);
            QVERIFY2(known, qPrintable(folder));
        }
    }
};

QTEST_GUILESS_MAIN(TestFuzzReplay)
#include "tst_fuzz_replay.moc"
