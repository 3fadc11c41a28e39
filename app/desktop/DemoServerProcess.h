#pragma once

#include "DemoBackend.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTimer>

namespace skein::desktop {

// Demo mode's server as a child process: skein-server with the demo mailbox
// in a fresh temporary folder, on a free loopback port it reports on its
// first line of output. It stops with this object, and by itself when the
// app ends any other way (a crash included): it exits when its standard
// input, a pipe from this process, closes.
class DemoServerProcess : public DemoBackend
{
    Q_OBJECT
public:
    // Overrides where skein-server is found (tests point it at the build's).
    static constexpr const char *kServerPathVariable = "SKEIN_SERVER_BIN";
    // How long skein-server may take to seed the mailbox and listen.
    static constexpr int kStartTimeoutMs = 30000;

    explicit DemoServerProcess(QObject *parent = nullptr);
    ~DemoServerProcess() override; // stops the child, then removes its folder

    void start() override;

    // $SKEIN_SERVER_BIN if set, else skein-server beside this executable.
    static QString serverExecutable();
    // The child's process id while it runs, else 0.
    qint64 processId() const { return m_process.processId(); }

private:
    QStringList arguments() const;
    void onStandardOutput();
    void onErrorOccurred(QProcess::ProcessError error);
    void onFinished(int exitCode, QProcess::ExitStatus status);
    void onStartTimeout();
    void failOnce(const QString &reason);
    void stop();

    QTemporaryDir m_dir;
    QProcess m_process;
    QTimer m_startTimeout;
    QByteArray m_output; // stdout until the listening line
    bool m_answered = false; // ready or failed was emitted
};

} // namespace skein::desktop
