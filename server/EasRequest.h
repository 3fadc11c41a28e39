#pragma once

#include "ServerStore.h"

#include <EasFormat.h>
#include <WbxmlElement.h>

#include <QDateTime>
#include <QHash>
#include <QTimeZone>

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

// EAS dateTime of a stored time (eas::formatEasDate, as the client writes it);
// requests' dates are read with eas::parseEasDate.
inline QString easDate(qint64 msSinceEpoch)
{
    return eas::formatEasDate(QDateTime::fromMSecsSinceEpoch(msSinceEpoch, QTimeZone::utc()));
}

} // namespace skein::server
