#pragma once

#include "WbxmlElement.h"

#include <QByteArray>
#include <QString>

namespace skein::eas {

// ItemOperations Move of a whole conversation ([MS-ASCON] 3.1.4.4 ignore,
// 3.1.4.6 always move): a persistent rule, so Options/MoveAlways is always
// sent. Never carries an airsync:CollectionId (SOGo 5.8 would empty that folder).
class ItemOperationsMoveCommand
{
public:
    static constexpr const char *name = "ItemOperations";

    // conversationId: the email2:ConversationId bytes exactly as received.
    ItemOperationsMoveCommand(QByteArray conversationId, QString destinationFolderId);

    wbxml::Element request() const;

    struct Result {
        int status = 1;      // top-level or Response/Status (MS-ASCON 4.2 puts it in Response)
        int moveStatus = 1;  // Move/Status: 1, 2, 3, 6, 105, 155, 156
        QByteArray conversationId;
        QString error;
    };

    // nullptr (empty HTTP 200 body) is malformed: Move/Status is required.
    static Result parse(const wbxml::Element *root);

private:
    QByteArray m_conversationId;
    QString m_destinationFolderId;
};

} // namespace skein::eas
