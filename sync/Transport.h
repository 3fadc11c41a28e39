#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>

namespace skein::eas {

struct HttpRequest {
    QByteArray method = "POST";
    QUrl url;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    int timeoutMs = 120000;
};

struct HttpResponse {
    int status = 0;                  // 0 when no HTTP answer arrived
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    QString networkError;            // set when the request never got an answer
    bool tlsError = false;

    QByteArray header(const QByteArray &name) const;
};

// Carries one HTTP exchange. Implementations block the calling thread, which
// is always the sync thread, never the GUI thread; tests substitute a fake.
class Transport
{
public:
    virtual ~Transport() = default;
    virtual HttpResponse send(const HttpRequest &request) = 0;
};

} // namespace skein::eas
