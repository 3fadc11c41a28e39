#pragma once

#include "MailTypes.h"
#include "WbxmlElement.h"

#include <QByteArray>
#include <QString>

namespace skein::eas {

// ItemOperations Fetch ([MS-ASCMD] 2.2.1.10) of one message body by folder
// and ServerId. The request always holds a Fetch naming CollectionId and
// ServerId together: SOGo 5.8 treats an ItemOperations without Fetch as
// EmptyFolderContents and deletes every message of a named CollectionId.
class ItemOperationsFetchCommand
{
public:
    static constexpr const char *name = "ItemOperations";

    ItemOperationsFetchCommand(QString folderId, QString serverId, BodyType bodyType);

    wbxml::Element request() const;

    struct Result {
        int status = 1;          // top-level ItemOperations Status
        int fetchStatus = 1;     // Response/Fetch/Status
        QString folderId;
        QString serverId;
        BodyType bodyType = BodyType::None;
        QByteArray body;
        bool truncated = false;
        qint64 estimatedSize = 0;
        // Every other property the server sent (subject, flag, ConversationId, ...).
        Message message;
        QString error;
    };

    // nullptr (empty HTTP 200 body) is malformed: a fetch must return the item.
    static Result parse(const wbxml::Element *root);

private:
    QString m_folderId;
    QString m_serverId;
    BodyType m_bodyType;
};

} // namespace skein::eas
