#include "OAuthConfig.h"

#include <QCoreApplication>

namespace skein::eas {

QUrl OAuthConfig::endpoint(const QString &name) const
{
    QString base = authority;
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    const QString segment = tenant.isEmpty() ? QString::fromLatin1(kDefaultTenant) : tenant;
    return QUrl(QStringLiteral("%1/%2/oauth2/v2.0/%3").arg(base, segment, name));
}

QString OAuthConfig::resolveClientId(const QString &given)
{
    if (!given.isEmpty())
        return given;
    return QString::fromUtf8(qgetenv(kClientIdVariable));
}

QString missingClientIdText()
{
    return QCoreApplication::translate("skein::eas::OAuthConfig", "Skein has no application (client) id to sign in with. Ask your administrator to "
                                                                  "register one for Skein and enter it in the account settings (or set %1).")
        .arg(QLatin1String(OAuthConfig::kClientIdVariable));
}

} // namespace skein::eas
