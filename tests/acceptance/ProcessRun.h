#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace acceptance {

// What a finished helper process left: exit code (-1 when it crashed or
// timed out) and both output streams.
struct Run {
    int exitCode = -1;
    QByteArray out, err;
};

// Runs program with args to the end, killing it after timeoutMs.
Run runProcess(const QString &program, const QStringList &args, int timeoutMs = 60000);

} // namespace acceptance
