#include "EasFormat.h"

#include <QTimeZone>

namespace skein::eas {

QString formatEasDate(const QDateTime &dateTime)
{
    return dateTime.toUTC().toString(QStringLiteral("yyyy-MM-dd'T'HH:mm:ss.zzz'Z'"));
}

QDateTime parseEasDate(QStringView text)
{
    const QString trimmed = text.trimmed().toString();
    if (trimmed.isEmpty())
        return {};
    // Qt's ISO parser takes "…:26.948Z", "…:26Z" and offsets like "+01:00".
    QDateTime parsed = QDateTime::fromString(trimmed, Qt::ISODateWithMs);
    if (!parsed.isValid()) {
        // 12.x-era compact form "20090321T070426Z" (tasks, some older servers).
        parsed = QDateTime::fromString(trimmed, QStringLiteral("yyyyMMdd'T'HHmmss'Z'"));
        if (parsed.isValid())
            parsed.setTimeZone(QTimeZone::utc());
    }
    // A date without a zone is taken as UTC: EAS dates are UTC by definition.
    if (parsed.isValid() && parsed.timeSpec() == Qt::LocalTime)
        parsed.setTimeZone(QTimeZone::utc());
    return parsed.isValid() ? parsed.toUTC() : QDateTime();
}

int protocolTenths(const QString &protocolVersion)
{
    const QStringList parts = protocolVersion.trimmed().split(QLatin1Char('.'));
    if (parts.size() != 2)
        return 0;
    bool majorOk = false;
    bool minorOk = false;
    const int major = parts[0].toInt(&majorOk);
    const int minor = parts[1].toInt(&minorOk);
    if (!majorOk || !minorOk || major < 0 || minor < 0 || minor > 9)
        return 0;
    return major * 10 + minor;
}

} // namespace skein::eas
