#include "MarkReadWait.h"

#include <QAbstractItemView>
#include <QTimer>

namespace skein::ui {

MarkReadWait::MarkReadWait(QAbstractItemView *view, QObject *parent)
    : QObject(parent)
    , m_view(view)
    , m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &MarkReadWait::expire);
}

void MarkReadWait::setDelay(int ms)
{
    m_delay = ms < 0 ? -1 : ms;
    start(m_index);
}

void MarkReadWait::start(const QModelIndex &index)
{
    m_timer->stop();
    m_index = index;
    if (index.isValid() && m_delay >= 0)
        m_timer->start(m_delay);
}

void MarkReadWait::stop()
{
    start({});
}

void MarkReadWait::expire()
{
    // Only what the user is still looking at.
    if (m_index.isValid() && m_index == m_view->currentIndex())
        Q_EMIT due(m_index);
}

} // namespace skein::ui
