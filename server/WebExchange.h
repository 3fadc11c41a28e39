#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QUrl>
#include <QUrlQuery>

#include <utility>

namespace skein::server {

// One HTTP request to the pages that are not ActiveSync (the identity
// provider, Autodiscover), reduced to what they read. Kept apart from
// QHttpServerRequest so the handlers do not depend on the socket layer.
struct WebRequest {
    QByteArray method; // "GET", "POST", ...
    QString path;      // decoded path, e.g. /common/oauth2/v2.0/token
    QUrlQuery query;
    QByteArray contentType;
    QByteArray body;
    // What clients use in URLs pointing back at this server, with no slash at
    // the end: http://127.0.0.1:PORT (the "BASE" of docs/signin.md).
    QString base;
};

// The answer to a WebRequest.
struct WebReply {
    int status = 200;
    QList<std::pair<QByteArray, QByteArray>> headers;
    QByteArray body;

    static WebReply json(int status, const QJsonObject &object);
    static WebReply html(int status, const QString &page);
    static WebReply xml(int status, const QByteArray &document);
    static WebReply redirect(const QUrl &location); // 302 Found
};

// An application/x-www-form-urlencoded body ('+' is a space, as HTML forms
// send it; QUrlQuery would keep it). A repeated name keeps its first value.
QHash<QString, QString> parseForm(const QByteArray &body);

// A query parameter by name, ignoring the case of the name (Autodiscover
// clients send both Protocol= and protocol=).
QString queryValueAnyCase(const QUrlQuery &query, const QString &name);

} // namespace skein::server
