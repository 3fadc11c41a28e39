#include "RemoteImageLoader.h"

#include <QMetaObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>

namespace skein::ui {

RemoteImageLoader::RemoteImageLoader(QObject *parent)
    : QObject(parent)
{
    m_thread.setObjectName(QStringLiteral("skein-remote-images"));
    m_worker = new QObject;
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start();
}

RemoteImageLoader::~RemoteImageLoader()
{
    m_thread.quit();
    m_thread.wait();
}

void RemoteImageLoader::load(const QUrl &url)
{
    const QString scheme = url.scheme().toLower();
    if (scheme != QLatin1String("http") && scheme != QLatin1String("https")) {
        deliver(url, {}, tr("Only http and https images are loaded"));
        return;
    }
    if (url.host().toLower().endsWith(QLatin1String(".invalid"))) {
        deliver(url, {}, tr("The host name is reserved as invalid"));
        return;
    }
    QMetaObject::invokeMethod(m_worker, [this, url] { fetch(url); }, Qt::QueuedConnection);
}

void RemoteImageLoader::fetch(const QUrl &url)
{
    if (!m_nam) {
        m_nam = new QNetworkAccessManager(m_worker);
        m_nam->setRedirectPolicy(QNetworkRequest::NoLessSafeRedirectPolicy);
        m_nam->setTransferTimeout(timeoutMs);
    }
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    QNetworkReply *reply = m_nam->get(request);
    QObject::connect(reply, &QNetworkReply::downloadProgress, reply, [reply](qint64 received, qint64) {
        if (received > maxBytes)
            reply->abort();
    });
    QObject::connect(reply, &QNetworkReply::finished, reply, [this, reply, url] {
        reply->deleteLater();
        if (reply->error() != QNetworkReply::NoError) {
            deliver(url, {}, reply->errorString());
            return;
        }
        const QImage image = QImage::fromData(reply->readAll());
        deliver(url, image, image.isNull() ? tr("Not an image") : QString());
    });
}

void RemoteImageLoader::deliver(const QUrl &url, const QImage &image, const QString &error)
{
    // Always cross back to the loader's own thread before emitting.
    QMetaObject::invokeMethod(
        this,
        [this, url, image, error] {
            if (error.isEmpty())
                Q_EMIT imageLoaded(url, image);
            else
                Q_EMIT imageFailed(url, error);
        },
        Qt::QueuedConnection);
}

} // namespace skein::ui
