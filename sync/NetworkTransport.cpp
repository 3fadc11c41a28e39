#include "NetworkTransport.h"

#include <QEventLoop>
#include <QNetworkReply>
#include <QTimer>

namespace skein::eas {

NetworkTransport::NetworkTransport()
{
    // EAS servers answer 451 with X-MS-Location themselves; automatic
    // redirects would hide that from the session.
    m_manager.setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
}

HttpResponse NetworkTransport::send(const HttpRequest &request)
{
    QNetworkRequest netRequest(request.url);
    for (const auto &[name, value] : request.headers)
        netRequest.setRawHeader(name, value);
    netRequest.setTransferTimeout(request.timeoutMs);

    QNetworkReply *reply = m_manager.sendCustomRequest(netRequest, request.method, request.body);
    HttpResponse response;
    QObject::connect(reply, &QNetworkReply::sslErrors, reply, [&response](const QList<QSslError> &) {
        // Never accept a certificate error silently: the reply fails and the
        // user is told (see docs/architecture.md).
        response.tlsError = true;
    });
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    if (!reply->isFinished())
        loop.exec();

    response.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    for (const auto &pair : reply->rawHeaderPairs())
        response.headers.append(pair);
    response.body = reply->readAll();
    if (response.status == 0)
        response.networkError = reply->errorString();
    reply->deleteLater();
    return response;
}

} // namespace skein::eas
