#pragma once

#include <QObject>
#include <QPersistentModelIndex>

class QAbstractItemView;
class QTimer;

namespace skein::ui {

// Marking read on open, as in Outlook: a row the user stays on for delay()
// ms is due to be marked read. Any other selection, even one a refresh
// makes, starts the wait over; a row that went away, or a selection that
// moved without telling (a model reset), is never due.
class MarkReadWait : public QObject
{
    Q_OBJECT
public:
    explicit MarkReadWait(QAbstractItemView *view, QObject *parent = nullptr);

    // 0 at once, -1 never. A running wait restarts with the new delay.
    int delay() const { return m_delay; }
    void setDelay(int ms);
    void start(const QModelIndex &index);
    void stop();

Q_SIGNALS:
    void due(const QModelIndex &index);

private:
    void expire();

    QAbstractItemView *m_view;
    QTimer *m_timer;
    QPersistentModelIndex m_index; // what was opened when the wait began
    int m_delay = 1500;
};

} // namespace skein::ui
