#pragma once

// Runs a program to its end as a script would (skein-cli, skein-server):
// what it printed and how it exited. Shared by the tests that drive the
// real binaries.

#include <QList>
#include <QProcess>
#include <QProcessEnvironment>

namespace skein::test {

struct Run {
    int exitCode = -1; // -1 when it crashed or was killed
    QByteArray out, err;
};

// password goes into SKEIN_PASSWORD (a null one removes it); after
// timeoutMs the program is killed: a hang guard, not a speed test.
inline Run runProgram(const QString &program, const QStringList &args, const QByteArray &password = "demo",
                      int timeoutMs = 120000)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (password.isNull())
        env.remove(QStringLiteral("SKEIN_PASSWORD"));
    else
        env.insert(QStringLiteral("SKEIN_PASSWORD"), QString::fromUtf8(password));
    p.setProcessEnvironment(env);
    p.start(program, args);
    p.closeWriteChannel();
    if (!p.waitForFinished(timeoutMs))
        p.kill();
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
            p.readAllStandardError()};
}

// The non-empty lines of a program's output.
inline QList<QByteArray> lines(const QByteArray &text)
{
    QList<QByteArray> out = text.split('\n');
    out.removeAll(QByteArray());
    return out;
}

} // namespace skein::test
