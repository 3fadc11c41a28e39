// DesktopApp's demo mode as shipped: skein-server runs as a child process
// (DemoServerProcess), the first sync reads from it, and it stops with the
// app; without the program the user is told why, in a message box.
#include "CommandLine.h"
#include "DemoServerProcess.h"
#include "DesktopApp.h"
#include "MainWindow.h"

#include <QAbstractButton>
#include <QMessageBox>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <cerrno>
#include <csignal>

using skein::desktop::DemoServerProcess;
using skein::desktop::DesktopApp;
using skein::desktop::DesktopOptions;

namespace {

bool processExists(qint64 pid)
{
    return ::kill(pid_t(pid), 0) == 0 || errno != ESRCH;
}

QMessageBox *demoServerError()
{
    for (QWidget *widget : QApplication::topLevelWidgets()) {
        if (widget->objectName() == QLatin1String("demoServerError") && widget->isVisible())
            return qobject_cast<QMessageBox *>(widget);
    }
    return nullptr;
}

} // namespace

class TestDesktopDemo : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        if (qEnvironmentVariableIsEmpty(DemoServerProcess::kServerPathVariable))
            qputenv(DemoServerProcess::kServerPathVariable, QByteArrayLiteral(SKEIN_SERVER_BIN));
        m_serverPath = qgetenv(DemoServerProcess::kServerPathVariable);
    }

    void cleanup() { qputenv(DemoServerProcess::kServerPathVariable, m_serverPath); }

    void syncsFromTheChildServerAndStopsIt()
    {
        QTemporaryDir profile;
        auto app = std::make_unique<DesktopApp>(DesktopOptions{profile.path(), true, {}});
        QSettings().setValue(QStringLiteral("reading/markReadDelayMs"), -1);
        QSignalSpy synced(app.get(), &DesktopApp::syncCompleted);
        app->start();
        QVERIFY(synced.wait(90000));
        QVERIFY2(synced.first().first().toBool(), "the first sync of the demo mailbox failed");
        QVERIFY(app->mainWindow()->isVisible());

        auto *server = qobject_cast<DemoServerProcess *>(app->demoBackend());
        QVERIFY(server);
        const qint64 pid = server->processId();
        QVERIFY(pid > 0 && processExists(pid));
        app.reset();
        QVERIFY2(!processExists(pid), "skein-server outlived the app");
    }

    void aMissingServerIsExplainedThenTheAppEnds()
    {
        const QString missing = QDir::temp().filePath(QStringLiteral("no-such-dir/skein-server"));
        qputenv(DemoServerProcess::kServerPathVariable, missing.toLocal8Bit());
        QTemporaryDir profile;
        DesktopApp app(DesktopOptions{profile.path(), true, {}});
        QSignalSpy exit(&app, &DesktopApp::exitRequested);
        app.start();
        QTRY_VERIFY(demoServerError());
        QMessageBox *box = demoServerError();
        QVERIFY2(box->informativeText().contains(missing), qPrintable(box->informativeText()));
        QVERIFY(!box->accessibleName().isEmpty());
        QVERIFY(exit.isEmpty()); // the user reads it first
        box->button(QMessageBox::Close)->click();
        QTRY_COMPARE(exit.size(), 1);
        QCOMPARE(exit.first().at(0).toInt(), 1);
        QVERIFY(exit.first().at(1).toString().contains(missing));
    }

    void withScreenshotAMissingServerEndsTheAppWithoutAsking()
    {
        qputenv(DemoServerProcess::kServerPathVariable, QByteArrayLiteral("/nonexistent/skein-server"));
        QTemporaryDir profile;
        DesktopOptions options{profile.path(), true, {}};
        options.screenshotPath = profile.filePath(QStringLiteral("shot.png"));
        DesktopApp app(options);
        QSignalSpy exit(&app, &DesktopApp::exitRequested);
        app.start();
        QTRY_COMPARE(exit.size(), 1);
        QCOMPARE(exit.first().at(0).toInt(), 1);
        QVERIFY(!demoServerError());
    }

private:
    QByteArray m_serverPath;
};

QTEST_MAIN(TestDesktopDemo)
#include "tst_desktopdemo.moc"
