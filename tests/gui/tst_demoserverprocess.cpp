// DemoServerProcess: demo mode's skein-server as a child process, found
// through SKEIN_SERVER_BIN (ctest sets it to the build's), stopped with its
// owner; a missing or misbehaving program is reported, never waited on.
#include "DemoServerProcess.h"

#include <QSignalSpy>
#include <QTcpSocket>
#include <QtTest>

#include <cerrno>
#include <csignal>

using skein::desktop::DemoServerProcess;

namespace {

// Points DemoServerProcess at `program` for the life of this object.
class ServerPathOverride
{
public:
    explicit ServerPathOverride(const QString &program)
        : m_previous(qgetenv(DemoServerProcess::kServerPathVariable))
    {
        qputenv(DemoServerProcess::kServerPathVariable, program.toLocal8Bit());
    }
    ~ServerPathOverride() { qputenv(DemoServerProcess::kServerPathVariable, m_previous); }

private:
    QByteArray m_previous;
};

bool processExists(qint64 pid)
{
    return ::kill(pid_t(pid), 0) == 0 || errno != ESRCH;
}

// The reason `server` failed with, or an empty string if it became ready.
QString startAndWaitForFailure(DemoServerProcess &server)
{
    QSignalSpy failed(&server, &DemoServerProcess::failed);
    QSignalSpy ready(&server, &DemoServerProcess::ready);
    server.start();
    if (!QTest::qWaitFor([&] { return !failed.isEmpty() || !ready.isEmpty(); }, 30000))
        return QStringLiteral("(neither ready nor failed)");
    return failed.isEmpty() ? QString() : failed.first().first().toString();
}

} // namespace

class TestDemoServerProcess : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void startsTheServerOnALoopbackPortAndStopsIt()
    {
        const ServerPathOverride path(QStringLiteral(SKEIN_SERVER_BIN));
        qint64 pid = 0;
        {
            DemoServerProcess server;
            server.setExtraMessages(3);
            QSignalSpy ready(&server, &DemoServerProcess::ready);
            QSignalSpy failed(&server, &DemoServerProcess::failed);
            server.start();
            QVERIFY(ready.wait(30000));
            QVERIFY(failed.isEmpty());
            const QUrl url = server.url();
            QCOMPARE(url.host(), QStringLiteral("127.0.0.1"));
            QVERIFY(url.port() > 0);
            QCOMPARE(url.path(), QStringLiteral("/Microsoft-Server-ActiveSync"));
            QCOMPARE(server.baseUrl(), url.adjusted(QUrl::RemovePath));

            QTcpSocket socket;
            socket.connectToHost(url.host(), quint16(url.port()));
            QVERIFY(socket.waitForConnected(5000));

            pid = server.processId();
            QVERIFY(pid > 0);
            QVERIFY(processExists(pid));
        }
        QVERIFY2(!processExists(pid), "skein-server outlived its DemoServerProcess");
    }

    void aMissingServerIsReportedWithItsPath()
    {
        const QString missing = QDir::temp().filePath(QStringLiteral("no-such-dir/skein-server"));
        const ServerPathOverride path(missing);
        DemoServerProcess server;
        const QString reason = startAndWaitForFailure(server);
        QVERIFY2(reason.contains(missing), qPrintable(reason));
        QVERIFY2(reason.contains(QStringLiteral("skein-server")), qPrintable(reason));
    }

    void withoutOverrideItLooksBesideTheExecutable()
    {
        const ServerPathOverride path(QString{});
        QCOMPARE(DemoServerProcess::serverExecutable(),
                 QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("skein-server")));
    }

    void aServerThatExitsAtOnceIsReported()
    {
        const ServerPathOverride path(QStringLiteral("/bin/false"));
        DemoServerProcess server;
        const QString reason = startAndWaitForFailure(server);
        QVERIFY2(reason.contains(QStringLiteral("exit code 1")), qPrintable(reason));
    }

    void aServerSayingSomethingElseIsReported()
    {
        // echo prints its arguments: a first line that is not "listening URL".
        const ServerPathOverride path(QStringLiteral("/bin/echo"));
        DemoServerProcess server;
        const QString reason = startAndWaitForFailure(server);
        QVERIFY2(reason.contains(QStringLiteral("--listen 127.0.0.1:0")), qPrintable(reason));
    }

    void failsOnlyOnce()
    {
        const ServerPathOverride path(QStringLiteral("/bin/echo"));
        DemoServerProcess server;
        QSignalSpy failed(&server, &DemoServerProcess::failed);
        server.start();
        QVERIFY(failed.wait(30000));
        QTest::qWait(200); // the child's exit comes after its output
        QCOMPARE(failed.size(), 1);
    }
};

QTEST_MAIN(TestDemoServerProcess)
#include "tst_demoserverprocess.moc"
