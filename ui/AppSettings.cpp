#include "AppSettings.h"

#include <QSettings>

namespace skein::ui::settings {

int markReadDelayMs()
{
    return QSettings().value(markReadDelayKey, kDefaultMarkReadDelayMs).toInt();
}

QStringList allowedSenders()
{
    return QSettings().value(allowedSendersKey).toStringList();
}

bool push()
{
    return QSettings().value(pushKey, true).toBool();
}

int intervalMinutes()
{
    return std::max(1, QSettings().value(intervalKey, kDefaultIntervalMinutes).toInt());
}

bool notificationsEnabled()
{
    return QSettings().value(notificationsKey, true).toBool();
}

QString signatureKey(const QString &accountAddress)
{
    return QStringLiteral("compose/signature/") + accountAddress.trimmed().toLower();
}

QString signature(const QString &accountAddress)
{
    return QSettings().value(signatureKey(accountAddress)).toString();
}

} // namespace skein::ui::settings
