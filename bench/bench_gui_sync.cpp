// The longest call on the GUI thread while the app's first sync of a large
// Inbox runs: the real window (as `skein --demo --demo-messages N`), every
// event dispatched on the GUI thread timed from the window's opening to the
// end of its first sync; against the same for the demo mailbox alone,
// measured in the same run.
//   bench_gui_sync [N]      (default 200000; QT_QPA_PLATFORM=offscreen)
#include "DesktopApp.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QMetaEnum>
#include <QSettings>
#include <QTemporaryDir>
#include <QThread>

#include <algorithm>
#include <cstdio>

using skein::desktop::DesktopApp;
using skein::desktop::DesktopOptions;

namespace {

struct Call {
    qint64 ns = 0;
    QByteArray what; // receiver class and event type
};

// Times every event the GUI thread dispatches (nested dispatches count in
// the call that made them).
class TimedApplication : public QApplication
{
public:
    using QApplication::QApplication;

    bool measuring = false;
    QList<Call> calls;

    bool notify(QObject *receiver, QEvent *event) override
    {
        // notify() runs on every thread: the sync engine's and the demo
        // server's events are not the window's.
        if (!measuring || m_depth > 0 || QThread::currentThread() != thread())
            return QApplication::notify(receiver, event);
        // Read before dispatching: a DeferredDelete deletes the receiver.
        QByteArray what = QByteArray(receiver->metaObject()->className()) + ' '
            + QMetaEnum::fromType<QEvent::Type>().valueToKey(event->type());
        if (receiver->parent()) // whose socket, timer or call it is
            what += QByteArray(" (") + receiver->parent()->metaObject()->className() + ')';
        QElapsedTimer timer;
        timer.start();
        ++m_depth;
        const bool handled = QApplication::notify(receiver, event);
        --m_depth;
        calls.append(Call{timer.nsecsElapsed(), what});
        return handled;
    }

private:
    int m_depth = 0;
};

struct Run {
    double syncSeconds = 0;
    QList<Call> calls; // longest first
};

Run firstSync(TimedApplication &app, int extraMessages)
{
    QTemporaryDir profile;
    DesktopOptions options;
    options.profileDir = profile.path();
    options.demo = true;
    options.demoMessages = extraMessages;
    DesktopApp desktop(options);
    QElapsedTimer sync;
    bool done = false;
    QObject::connect(&desktop, &DesktopApp::mailboxOpened, &desktop, [&] {
        app.calls.clear();
        app.measuring = true;
        sync.start();
    });
    QObject::connect(&desktop, &DesktopApp::syncCompleted, &desktop, [&](bool ok) {
        if (!app.measuring)
            return;
        if (!ok)
            std::fprintf(stderr, "bench_gui_sync: the first sync failed\n");
        done = true;
    });
    desktop.start();
    QElapsedTimer limit;
    limit.start();
    while (!done && limit.elapsed() < 30 * 60 * 1000)
        QApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents, 50);
    app.measuring = false;
    Run run{sync.isValid() ? sync.nsecsElapsed() / 1e9 : 0, app.calls};
    std::sort(run.calls.begin(), run.calls.end(), [](const Call &a, const Call &b) { return a.ns > b.ns; });
    return run;
}

void report(const char *label, const Run &run)
{
    const auto over = std::count_if(run.calls.cbegin(), run.calls.cend(), [](const Call &c) { return c.ns > 16'000'000; });
    std::printf("%s: first sync %.1f s, %lld GUI-thread calls, %lld over 16 ms\n", label, run.syncSeconds,
                qint64(run.calls.size()), qint64(over));
    for (int i = 0; i < std::min<qsizetype>(3, run.calls.size()); ++i)
        std::printf("  %d. %.2f ms  %s\n", i + 1, run.calls.at(i).ns / 1e6, run.calls.at(i).what.constData());
}

} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", qgetenv("QT_QPA_PLATFORM").isEmpty() ? "offscreen" : qgetenv("QT_QPA_PLATFORM"));
    // The demo's server runs as in skein: the build's skein-server, a child process.
    if (qEnvironmentVariableIsEmpty("SKEIN_SERVER_BIN"))
        qputenv("SKEIN_SERVER_BIN", SKEIN_SERVER_BIN);
    TimedApplication app(argc, argv);
    const int count = argc > 1 ? QByteArray(argv[1]).toInt() : 200000;
    QTemporaryDir settings; // the window's QSettings: a fresh, empty file
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, settings.path());
    QSettings::setDefaultFormat(QSettings::NativeFormat);

    const Run small = firstSync(app, 0);
    const Run big = firstSync(app, count);
    report("demo mailbox alone (baseline)", small);
    const QByteArray label = "demo mailbox + " + QByteArray::number(count) + " messages";
    report(label.constData(), big);
    if (!big.calls.isEmpty() && !small.calls.isEmpty())
        std::printf("longest GUI-thread call: %.2f ms against %.2f ms for the demo mailbox alone\n",
                    big.calls.first().ns / 1e6, small.calls.first().ns / 1e6);
    return big.calls.isEmpty() ? 1 : 0;
}
