#pragma once

#include <QDBusConnection>
#include <QHash>
#include <QObject>

namespace skein::desktop {

// Desktop notifications through the freedesktop.org service
// (org.freedesktop.Notifications on the session bus), which every Linux
// desktop provides. One notification per key (a conversation): a second
// message in the same conversation replaces the first instead of stacking.
class DesktopNotifier : public QObject
{
    Q_OBJECT
public:
    explicit DesktopNotifier(QDBusConnection bus = QDBusConnection::sessionBus(), QObject *parent = nullptr);

    // False when no notification service answers (nothing is shown then).
    bool notify(const QString &key, const QString &summary, const QString &body);
    // Closes every notification this notifier raised (the user read the mail here).
    void closeAll();

Q_SIGNALS:
    // The user clicked the notification of `key`.
    void activated(const QString &key);

private Q_SLOTS:
    void onActionInvoked(uint id, const QString &action);
    void onClosed(uint id, uint reason);

private:
    QDBusConnection m_bus;
    QHash<QString, uint> m_idByKey;
};

} // namespace skein::desktop
