#include "WebExchange.h"

#include <QJsonDocument>

namespace skein::server {

WebReply WebReply::json(int status, const QJsonObject &object)
{
    return WebReply{status,
                    {{"Content-Type", "application/json; charset=utf-8"}, {"Cache-Control", "no-store"}},
                    QJsonDocument(object).toJson(QJsonDocument::Compact)};
}

WebReply WebReply::html(int status, const QString &page)
{
    return WebReply{status,
                    {{"Content-Type", "text/html; charset=utf-8"}, {"Cache-Control", "no-store"}},
                    page.toUtf8()};
}

WebReply WebReply::xml(int status, const QByteArray &document)
{
    return WebReply{status, {{"Content-Type", "text/xml; charset=utf-8"}}, document};
}

WebReply WebReply::redirect(const QUrl &location)
{
    return WebReply{302, {{"Location", location.toEncoded()}, {"Cache-Control", "no-store"}}, {}};
}

QHash<QString, QString> parseForm(const QByteArray &body)
{
    QHash<QString, QString> fields;
    for (const QByteArray &pair : body.split('&')) {
        if (pair.isEmpty())
            continue;
        const int eq = pair.indexOf('=');
        QByteArray name = eq < 0 ? pair : pair.left(eq);
        QByteArray value = eq < 0 ? QByteArray() : pair.mid(eq + 1);
        name.replace('+', ' ');
        value.replace('+', ' ');
        const QString key = QString::fromUtf8(QByteArray::fromPercentEncoding(name));
        if (!fields.contains(key))
            fields.insert(key, QString::fromUtf8(QByteArray::fromPercentEncoding(value)));
    }
    return fields;
}

QString queryValueAnyCase(const QUrlQuery &query, const QString &name)
{
    for (const auto &[key, value] : query.queryItems(QUrl::FullyDecoded))
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    return {};
}

} // namespace skein::server
