#include "ServerAddress.h"

#include <QUrl>

namespace skein {

namespace {

QString cleanPath(QString path)
{
    path = path.trimmed();
    while (path.size() > 1 && path.endsWith(QLatin1Char('/')))
        path.chop(1);
    if (path.isEmpty() || path == QLatin1String("/"))
        return QString();
    return path.startsWith(QLatin1Char('/')) ? path : QLatin1Char('/') + path;
}

// A typed path that ends in the endpoint's name is the whole endpoint
// (pasted from a server's output); any other is a prefix the endpoint path
// goes under (https://host/SOGo means /SOGo/Microsoft-Server-ActiveSync).
QString endpointPath(const QString &typedPath, const QString &explicitPath)
{
    if (typedPath.isEmpty())
        return explicitPath;
    if (!explicitPath.isEmpty())
        return typedPath.endsWith(explicitPath, Qt::CaseInsensitive) ? typedPath : typedPath + explicitPath;
    if (typedPath.endsWith(ServerAddress::defaultPath(), Qt::CaseInsensitive))
        return typedPath;
    return typedPath + ServerAddress::defaultPath();
}

} // namespace

QString ServerAddress::defaultPath()
{
    return QStringLiteral("/Microsoft-Server-ActiveSync");
}

ServerAddress ServerAddress::fromTyped(const QString &typed, const QString &explicitPath)
{
    QString text = typed.trimmed();
    if (text.isEmpty())
        return {};
    if (!text.contains(QLatin1String("://")))
        text.prepend(QLatin1String("https://"));
    QUrl whole(text);
    const QString typedPath = cleanPath(whole.path());
    whole.setPath(QString());
    whole.setQuery(QString()); // a pasted request URL carries ?Cmd=...&User=...
    whole.setFragment(QString());
    whole.setUserInfo(QString());
    ServerAddress address;
    address.url = whole.toString();
    address.path = endpointPath(typedPath, cleanPath(explicitPath));
    return address;
}

} // namespace skein
