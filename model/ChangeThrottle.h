#pragma once

#include <QObject>
#include <QStringList>
#include <QTimer>

#include <functional>

namespace skein {

// Passes the first change on at once and the ones after it at most once per
// interval, each key once: a sync reports a folder change per reply (about
// 2,000 in a large first sync), and the window need not redraw more than a
// few times a second. Pending keys are dropped with the throttle.
class ChangeThrottle : public QObject
{
    Q_OBJECT
public:
    ChangeThrottle(int intervalMs, std::function<void(const QString &key)> deliver, QObject *parent = nullptr);

    void add(const QString &key);
    QStringList pending() const { return m_pending; }

private:
    void flush();

    std::function<void(const QString &)> m_deliver;
    QTimer m_quiet; // running: something was delivered less than an interval ago
    QStringList m_pending;
};

} // namespace skein
