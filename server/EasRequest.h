#pragma once

#include "ServerStore.h"

#include <WbxmlElement.h>

#include <QDateTime>
#include <QHash>

#include <optional>

namespace skein::server {

// One authenticated, provisioned (where required) EAS command request.
struct EasRequest {
    UserRow user;
    QString command;
    QString deviceId;
    QString deviceType;
    int version = 141; // protocol version x 10: 121, 140, 141, 160, 161
    std::optional<wbxml::Element> body; // empty when the POST had no body
    // 12.x SendMail/SmartReply/SmartForward: the MIME as posted
    // (Content-Type message/rfc822), and the query's ItemId, CollectionId,
    // LongId, SaveInSent.
    QByteArray rawMime;
    bool isRawMime = false;
    QHash<QString, QString> query;
    bool acceptMultiPart = false; // MS-ASAcceptMultiPart: T: file data as separate parts

    bool hasConversations() const { return version >= 140; } // Email2, Preview, ConversationMode
};

// What a command handler answers: a WBXML document, or a bare HTTP status.
struct HandlerResult {
    int httpStatus = 200;
    std::optional<wbxml::Element> document; // none: empty body
    QList<QByteArray> parts; // non-empty: a multipart answer, document first (ItemOperations)

    static HandlerResult http(int status) { return HandlerResult{status, std::nullopt, {}}; }
    static HandlerResult doc(wbxml::Element e) { return HandlerResult{200, std::move(e), {}}; }
    static HandlerResult empty() { return HandlerResult{200, std::nullopt, {}}; }
};

// EAS dateTime: YYYY-MM-DDTHH:MM:SS.MSSZ (UTC).
inline QString easDate(qint64 msSinceEpoch)
{
    return QDateTime::fromMSecsSinceEpoch(msSinceEpoch, Qt::UTC)
        .toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ"));
}

// Accepts the EAS form and the compact basic form (20240315T093000Z); invalid on failure.
inline QDateTime parseEasDate(const QString &text)
{
    QDateTime dt = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!dt.isValid()) {
        dt = QDateTime::fromString(text, QStringLiteral("yyyyMMdd'T'HHmmss'Z'"));
        if (dt.isValid())
            dt.setTimeSpec(Qt::UTC);
    }
    if (dt.isValid() && dt.timeSpec() != Qt::UTC)
        dt = dt.toUTC();
    return dt;
}

} // namespace skein::server
