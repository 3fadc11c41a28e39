#pragma once

// The browser's side of a loopback redirect: a QNetworkAccessManager that
// follows where the identity provider would send it.

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QUrl>

namespace fakebrowser {

struct BrowserVisit {
    int status = 0;
    QByteArray body;
};

// What the browser sees when the identity provider sends it to url.
inline BrowserVisit visit(const QUrl &url)
{
    QNetworkAccessManager browser;
    QNetworkReply *reply = browser.get(QNetworkRequest(url));
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!reply->isFinished())
        finished.wait(10000);
    BrowserVisit seen{reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->readAll()};
    delete reply;
    return seen;
}

inline QUrl answerUrl(const QUrl &redirectUri, const QString &query)
{
    QUrl url = redirectUri;
    url.setQuery(query);
    return url;
}

} // namespace fakebrowser
