#include "DesktopNotifier.h"

#include <QDBusMessage>
#include <QDBusReply>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcNotify, "skein.notify")

namespace skein::desktop {

namespace {

const QString kService = QStringLiteral("org.freedesktop.Notifications");
const QString kPath = QStringLiteral("/org/freedesktop/Notifications");
const QString kInterface = QStringLiteral("org.freedesktop.Notifications");

} // namespace

DesktopNotifier::DesktopNotifier(QDBusConnection bus, QObject *parent)
    : QObject(parent), m_bus(std::move(bus))
{
    m_bus.connect(kService, kPath, kInterface, QStringLiteral("ActionInvoked"), this, SLOT(onActionInvoked(uint, QString)));
    m_bus.connect(kService, kPath, kInterface, QStringLiteral("NotificationClosed"), this, SLOT(onClosed(uint, uint)));
}

bool DesktopNotifier::notify(const QString &key, const QString &summary, const QString &body)
{
    if (!m_bus.isConnected())
        return false;
    QDBusMessage call = QDBusMessage::createMethodCall(kService, kPath, kInterface, QStringLiteral("Notify"));
    const QVariantMap hints{{QStringLiteral("category"), QStringLiteral("email.arrived")},
                            {QStringLiteral("desktop-entry"), QStringLiteral(SKEIN_APP_ID)}};
    call << QStringLiteral("Skein") << m_idByKey.value(key, 0u) << QStringLiteral("skein") << summary << body
         << QStringList{QStringLiteral("default"), tr("Open")} << hints << int(-1);
    const QDBusReply<uint> reply = m_bus.call(call, QDBus::Block, 2000);
    if (!reply.isValid()) {
        qCInfo(lcNotify) << "no notification service:" << reply.error().message();
        return false;
    }
    m_idByKey.insert(key, reply.value());
    return true;
}

void DesktopNotifier::closeAll()
{
    for (const uint id : std::as_const(m_idByKey)) {
        QDBusMessage call = QDBusMessage::createMethodCall(kService, kPath, kInterface, QStringLiteral("CloseNotification"));
        call << id;
        m_bus.call(call, QDBus::NoBlock);
    }
    m_idByKey.clear();
}

void DesktopNotifier::onActionInvoked(uint id, const QString &action)
{
    Q_UNUSED(action) // "default" (a click on the body) and "Open" mean the same
    const QString key = m_idByKey.key(id);
    if (!key.isNull())
        Q_EMIT activated(key);
}

void DesktopNotifier::onClosed(uint id, uint reason)
{
    Q_UNUSED(reason)
    const QString key = m_idByKey.key(id);
    if (!key.isNull())
        m_idByKey.remove(key);
}

} // namespace skein::desktop
