#include "AttachmentCancels.h"

namespace skein::eas {

QString AttachmentCancels::key(qint64 messageId, const QString &fileReference)
{
    return QString::number(messageId) + QLatin1Char('\n') + fileReference;
}

void AttachmentCancels::cancel(qint64 messageId, const QString &fileReference)
{
    QMutexLocker lock(&m_mutex);
    m_cancelled.insert(key(messageId, fileReference));
}

void AttachmentCancels::forget(qint64 messageId, const QString &fileReference)
{
    QMutexLocker lock(&m_mutex);
    m_cancelled.remove(key(messageId, fileReference));
}

bool AttachmentCancels::take(qint64 messageId, const QString &fileReference)
{
    QMutexLocker lock(&m_mutex);
    return m_cancelled.remove(key(messageId, fileReference));
}

} // namespace skein::eas
