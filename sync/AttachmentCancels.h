#pragma once

#include <QMutex>
#include <QSet>
#include <QString>

namespace skein::eas {

// The attachment downloads the user cancelled. The GUI thread marks one;
// the engine's thread, while that download runs, takes the mark and stops.
class AttachmentCancels
{
public:
    // From any thread, also while the download runs.
    void cancel(qint64 messageId, const QString &fileReference);
    // Before a download is queued: a cancel left over from an earlier
    // download of the same file must not stop this one.
    void forget(qint64 messageId, const QString &fileReference);
    // True once per cancel of this download.
    bool take(qint64 messageId, const QString &fileReference);

private:
    static QString key(qint64 messageId, const QString &fileReference);
    QMutex m_mutex;
    QSet<QString> m_cancelled;
};

} // namespace skein::eas
