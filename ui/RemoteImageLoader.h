#pragma once

#include <QImage>
#include <QObject>
#include <QThread>
#include <QUrl>

class QNetworkAccessManager;

namespace skein::ui {

// Fetches remote images the user allowed, on its own thread with its own
// QNetworkAccessManager, so the GUI thread never waits on the network.
// Results come back as queued signals on the loader's (GUI) thread. Only
// http and https; at most maxBytes per image; a request that stalls is
// abandoned after a timeout; hosts under the reserved ".invalid" TLD
// (RFC 6761) fail at once without a lookup.
class RemoteImageLoader : public QObject
{
    Q_OBJECT
public:
    explicit RemoteImageLoader(QObject *parent = nullptr);
    ~RemoteImageLoader() override;

    static constexpr qint64 maxBytes = 8 * 1024 * 1024;
    static constexpr int timeoutMs = 20000;

    void load(const QUrl &url);

Q_SIGNALS:
    void imageLoaded(const QUrl &url, const QImage &image);
    void imageFailed(const QUrl &url, const QString &error);

private:
    void fetch(const QUrl &url); // runs on m_thread
    void deliver(const QUrl &url, const QImage &image, const QString &error);

    QThread m_thread;
    QObject *m_worker = nullptr;          // lives on m_thread
    QNetworkAccessManager *m_nam = nullptr; // created on m_thread
};

} // namespace skein::ui
