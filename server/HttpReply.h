#pragma once

#include "PingHandler.h"

#include <QByteArray>
#include <QList>

#include <optional>
#include <utility>

namespace skein::server {

// What the server answers one HTTP request with.
struct HttpReply {
    int status = 200;
    QList<std::pair<QByteArray, QByteArray>> headers;
    QByteArray body;
    std::optional<PingHandler::Watch> wait; // a Ping that waits for changes
    bool activeSync = true; // false: identity provider or Autodiscover, no MS-Server-ActiveSync header

    // 200 with the encoded document; 500 when it cannot be encoded.
    static HttpReply document(const wbxml::Element &document);
    // application/vnd.ms-sync.multipart: the WBXML document as part 0, then `parts`.
    static HttpReply multipart(const wbxml::Element &document, const QList<QByteArray> &parts);
};

} // namespace skein::server
