#include "HttpReply.h"

#include <WbxmlCodec.h>

#include <QtEndian>

namespace skein::server {

HttpReply HttpReply::document(const wbxml::Element &document)
{
    const wbxml::EncodeResult encoded = wbxml::encode(document);
    if (!encoded.ok()) {
        qWarning("skein-server: cannot encode a response: %s", qPrintable(encoded.error));
        return HttpReply{500, {}, {}, std::nullopt};
    }
    return HttpReply{200, {{"Content-Type", "application/vnd.ms-sync.wbxml"}}, encoded.bytes, std::nullopt};
}

HttpReply HttpReply::multipart(const wbxml::Element &document, const QList<QByteArray> &parts)
{
    HttpReply reply = HttpReply::document(document);
    if (reply.status != 200)
        return reply;
    // [MS-ASCMD] 2.2.2.10.1: PartsCount, then Offset and Length of each part
    // (32-bit little-endian, offsets from the start of the body), then the parts.
    QList<QByteArray> all = {reply.body};
    all += parts;
    auto le32 = [](qint64 v) {
        QByteArray b(4, '\0');
        qToLittleEndian(qint32(v), b.data());
        return b;
    };
    QByteArray body = le32(all.size());
    qint64 offset = 4 + 8 * qint64(all.size());
    for (const QByteArray &part : all) {
        body += le32(offset) + le32(part.size());
        offset += part.size();
    }
    for (const QByteArray &part : all)
        body += part;
    return HttpReply{200, {{"Content-Type", "application/vnd.ms-sync.multipart"}}, body, std::nullopt};
}

} // namespace skein::server
