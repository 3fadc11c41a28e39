#pragma once

// A stand-in for the desktop's notification daemon on the session bus (the
// tests' private dbus-run-session bus): it records every Notify and can
// click a notification. It lives on a thread of its own, so a caller that
// blocks on Notify on the GUI thread still gets its answer.

#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusMetaType>
#include <QDBusVirtualObject>
#include <QMutex>
#include <QObject>
#include <QStringList>
#include <QThread>
#include <QVariantMap>

namespace skein::test {

struct ReceivedNotification {
    QString appName;
    uint replacesId = 0;
    QString summary;
    QString body;
    QStringList actions;
    QVariantMap hints;
    uint id = 0;
};

// A virtual object (no moc needed in a test header): answers Notify,
// CloseNotification and GetCapabilities.
class FakeNotifications : public QDBusVirtualObject
{
public:
    explicit FakeNotifications(QDBusConnection bus) : m_bus(std::move(bus)) {}

    QList<ReceivedNotification> received()
    {
        QMutexLocker lock(&m_mutex);
        return m_received;
    }
    QList<uint> closed()
    {
        QMutexLocker lock(&m_mutex);
        return m_closed;
    }

    // As if the user clicked notification `id`.
    void click(uint id)
    {
        QDBusMessage signal = QDBusMessage::createSignal(QStringLiteral("/org/freedesktop/Notifications"),
                                                         QStringLiteral("org.freedesktop.Notifications"),
                                                         QStringLiteral("ActionInvoked"));
        signal << id << QStringLiteral("default");
        m_bus.send(signal);
    }

    QString introspect(const QString &) const override { return {}; }

    bool handleMessage(const QDBusMessage &message, const QDBusConnection &connection) override
    {
        const QList<QVariant> args = message.arguments();
        if (message.member() == QLatin1String("Notify") && args.size() == 8) {
            QMutexLocker lock(&m_mutex);
            const uint replaces = args.at(1).toUInt();
            const uint id = replaces != 0 ? replaces : ++m_lastId;
            m_received.append(ReceivedNotification{args.at(0).toString(), replaces, args.at(3).toString(), args.at(4).toString(),
                                                   args.at(5).toStringList(),
                                                   qdbus_cast<QVariantMap>(args.at(6)), id});
            connection.send(message.createReply(QVariant::fromValue(id)));
            return true;
        }
        if (message.member() == QLatin1String("CloseNotification") && args.size() == 1) {
            QMutexLocker lock(&m_mutex);
            m_closed.append(args.at(0).toUInt());
            connection.send(message.createReply());
            return true;
        }
        if (message.member() == QLatin1String("GetCapabilities")) {
            connection.send(message.createReply(QStringList{QStringLiteral("actions"), QStringLiteral("body")}));
            return true;
        }
        return false;
    }

private:
    QDBusConnection m_bus;
    QMutex m_mutex;
    QList<ReceivedNotification> m_received;
    QList<uint> m_closed;
    uint m_lastId = 0;
};

// Owns the service's thread and bus name; `ok()` false when no session bus
// is running or the name is taken.
class FakeNotificationService
{
public:
    FakeNotificationService()
    {
        m_thread.start();
        m_anchor.moveToThread(&m_thread);
        QMetaObject::invokeMethod(&m_anchor, [this] {
            QDBusConnection bus = QDBusConnection::connectToBus(QDBusConnection::SessionBus, QStringLiteral("skein-fake-notifications"));
            if (!bus.isConnected())
                return;
            m_service = new FakeNotifications(bus);
            m_ok = bus.registerVirtualObject(QStringLiteral("/org/freedesktop/Notifications"), m_service)
                && bus.registerService(QStringLiteral("org.freedesktop.Notifications"));
        }, Qt::BlockingQueuedConnection);
    }
    ~FakeNotificationService()
    {
        QMetaObject::invokeMethod(&m_anchor, [this] {
            QDBusConnection bus(QStringLiteral("skein-fake-notifications"));
            bus.unregisterService(QStringLiteral("org.freedesktop.Notifications"));
            bus.unregisterObject(QStringLiteral("/org/freedesktop/Notifications"));
            delete m_service;
            QDBusConnection::disconnectFromBus(QStringLiteral("skein-fake-notifications"));
        }, Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait();
    }

    bool ok() const { return m_ok; }
    FakeNotifications &service() { return *m_service; }

private:
    QThread m_thread;
    QObject m_anchor;
    FakeNotifications *m_service = nullptr;
    bool m_ok = false;
};

} // namespace skein::test
