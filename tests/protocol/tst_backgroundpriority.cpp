// The engine's thread yields a busy CPU to the window: its nice value is
// above the GUI thread's, so a sync storing pages cannot take the time
// slices a list refresh needs.
#include "SyncEngine.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sys/resource.h>

using namespace skein;
using namespace skein::eas;

namespace {

// The nice value of this process's thread called name, or nullopt.
std::optional<int> niceOfThread(const QByteArray &name)
{
    const QDir tasks(QStringLiteral("/proc/self/task"));
    for (const QString &tid : tasks.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QFile comm(tasks.filePath(tid + QStringLiteral("/comm")));
        if (!comm.open(QIODevice::ReadOnly) || comm.readAll().trimmed() != name)
            continue;
        QFile stat(tasks.filePath(tid + QStringLiteral("/stat")));
        if (!stat.open(QIODevice::ReadOnly))
            return std::nullopt;
        // After "pid (comm) ": state is field 3, nice field 19.
        const QByteArray line = stat.readAll();
        const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
        return fields.size() > 16 ? std::optional<int>(fields.at(16).toInt()) : std::nullopt;
    }
    return std::nullopt;
}

} // namespace

class TestBackgroundPriority : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void theSyncThreadYieldsToTheWindow()
    {
        QTemporaryDir dir;
        SyncEngine::Config config;
        config.databasePath = dir.filePath(QStringLiteral("skein.db"));
        SyncEngine engine(config);
        const int guiNice = getpriority(PRIO_PROCESS, 0);
        std::optional<int> syncNice;
        QTRY_VERIFY((syncNice = niceOfThread("skein-sync")) && *syncNice > guiNice);
        QCOMPARE(getpriority(PRIO_PROCESS, 0), guiNice); // the window's own thread is untouched
    }
};

QTEST_GUILESS_MAIN(TestBackgroundPriority)
#include "tst_backgroundpriority.moc"
