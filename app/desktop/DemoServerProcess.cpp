#include "DemoServerProcess.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>

#ifdef Q_OS_LINUX
#include <sys/resource.h>
#endif

namespace skein::desktop {

namespace {

// skein-server's first line of output once it serves.
const QRegularExpression kListeningLine(QStringLiteral("^listening (http://\\S+)$"));
// It stands in for a remote server: its work must not slow the window.
constexpr int kServerNice = 5;
constexpr int kStopGraceMs = 5000;

} // namespace

DemoServerProcess::DemoServerProcess(QObject *parent)
    : DemoBackend(parent)
{
    m_process.setObjectName(QStringLiteral("skein-demo-server"));
    // Its complaints (one line on failure) land on the app's stderr, where
    // a user starting `skein --demo` from a terminal sees them.
    m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
#ifdef Q_OS_LINUX
    m_process.setChildProcessModifier([] { setpriority(PRIO_PROCESS, 0, kServerNice); });
#endif
    connect(&m_process, &QProcess::readyReadStandardOutput, this, &DemoServerProcess::onStandardOutput);
    connect(&m_process, &QProcess::errorOccurred, this, &DemoServerProcess::onErrorOccurred);
    connect(&m_process, &QProcess::finished, this, &DemoServerProcess::onFinished);
    m_startTimeout.setSingleShot(true);
    m_startTimeout.setInterval(kStartTimeoutMs);
    connect(&m_startTimeout, &QTimer::timeout, this, &DemoServerProcess::onStartTimeout);
}

DemoServerProcess::~DemoServerProcess()
{
    m_answered = true; // nobody listens any more
    stop();
}

QString DemoServerProcess::serverExecutable()
{
    const QString overridden = qEnvironmentVariable(kServerPathVariable);
    if (!overridden.isEmpty())
        return overridden;
    return QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("skein-server"));
}

QStringList DemoServerProcess::arguments() const
{
    QStringList args{QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                     QStringLiteral("--data"), m_dir.path(),
                     QStringLiteral("--seed"), QStringLiteral("demo"),
                     QStringLiteral("--auth"), m_authMode,
                     QStringLiteral("--exit-on-stdin-close")};
    if (m_extraMessages > 0)
        args << QStringLiteral("--generate") << QString::number(m_extraMessages);
    return args;
}

void DemoServerProcess::start()
{
    if (m_process.state() != QProcess::NotRunning || m_answered)
        return;
    if (!m_dir.isValid()) {
        failOnce(tr("Cannot create a temporary folder for the demo server: %1").arg(m_dir.errorString()));
        return;
    }
    const QString program = serverExecutable();
    const QFileInfo info(program);
    if (!info.isFile() || !info.isExecutable()) {
        failOnce(tr("The demo needs the program skein-server, which was not found at %1. "
                    "Install it beside skein (the skein package does), or name it in %2.")
                     .arg(QDir::toNativeSeparators(program), QString::fromLatin1(kServerPathVariable)));
        return;
    }
    m_startTimeout.start();
    // Read-write: the child's standard input is our pipe, open until we stop it.
    m_process.start(program, arguments(), QIODevice::ReadWrite);
}

void DemoServerProcess::onStandardOutput()
{
    if (m_answered) {
        m_process.readAllStandardOutput(); // later output means nothing to us
        return;
    }
    m_output += m_process.readAllStandardOutput();
    const int newline = m_output.indexOf('\n');
    if (newline < 0)
        return;
    const QString line = QString::fromUtf8(m_output.left(newline)).trimmed();
    const QRegularExpressionMatch match = kListeningLine.match(line);
    const QUrl url(match.hasMatch() ? match.captured(1) : QString());
    if (!url.isValid() || url.port() <= 0) {
        failOnce(tr("The demo server answered something unexpected: %1").arg(line));
        stop();
        return;
    }
    m_startTimeout.stop();
    m_answered = true;
    announceReady(url);
}

void DemoServerProcess::onErrorOccurred(QProcess::ProcessError error)
{
    if (error == QProcess::FailedToStart)
        failOnce(tr("The demo server %1 could not be started: %2")
                     .arg(QDir::toNativeSeparators(m_process.program()), m_process.errorString()));
}

void DemoServerProcess::onFinished(int exitCode, QProcess::ExitStatus status)
{
    m_startTimeout.stop();
    if (status == QProcess::CrashExit)
        failOnce(tr("The demo server stopped unexpectedly (it crashed)."));
    else
        failOnce(tr("The demo server stopped unexpectedly (exit code %1).").arg(exitCode));
}

void DemoServerProcess::onStartTimeout()
{
    failOnce(tr("The demo server did not start within %1 seconds.").arg(kStartTimeoutMs / 1000));
    stop();
}

// Once ready, a server that stops later is not reported: the sync shows
// that the server cannot be reached, as it would for any server.
void DemoServerProcess::failOnce(const QString &reason)
{
    if (m_answered)
        return;
    m_answered = true;
    Q_EMIT failed(reason);
}

// Closing its standard input asks it to finish (it closes its store);
// SIGKILL only if it does not within the grace period.
void DemoServerProcess::stop()
{
    m_startTimeout.stop();
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.closeWriteChannel();
    if (!m_process.waitForFinished(kStopGraceMs)) {
        m_process.kill();
        m_process.waitForFinished(kStopGraceMs);
    }
}

} // namespace skein::desktop
