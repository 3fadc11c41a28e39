#include "ChangeThrottle.h"

namespace skein {

ChangeThrottle::ChangeThrottle(int intervalMs, std::function<void(const QString &)> deliver, QObject *parent)
    : QObject(parent)
    , m_deliver(std::move(deliver))
{
    m_quiet.setSingleShot(true);
    m_quiet.setInterval(intervalMs);
    connect(&m_quiet, &QTimer::timeout, this, &ChangeThrottle::flush);
}

void ChangeThrottle::add(const QString &key)
{
    if (!m_quiet.isActive()) {
        m_quiet.start();
        m_deliver(key);
        return;
    }
    if (!m_pending.contains(key))
        m_pending.append(key);
}

void ChangeThrottle::flush()
{
    if (m_pending.isEmpty())
        return; // quiet for a whole interval: the next change goes at once
    m_quiet.start();
    const QStringList keys = std::exchange(m_pending, {});
    for (const QString &key : keys)
        m_deliver(key);
}

} // namespace skein
