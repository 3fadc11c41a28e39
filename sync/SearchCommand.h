#pragma once

#include "MailTypes.h"
#include "WbxmlElement.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace skein::eas {

// Search of the Mailbox store for one conversation ([MS-ASCON] 3.1.4.7):
// Query/And with airsync:Class Email (the client MUST scope the query to
// email) and search:ConversationId, sent OPAQUE like every ConversationId we
// send (the bytes exactly as the server gave them). No CollectionId: the
// server searches every folder. Range 0-99, the Mailbox maximum.
// freeText(): the same Store with search:FreeText instead of the
// ConversationId, for mail outside the synced window ([MS-ASCMD] 2.2.3.73).
class SearchCommand
{
public:
    static constexpr const char *name = "Search";

    explicit SearchCommand(QByteArray conversationId, QString range = QStringLiteral("0-99"));
    static SearchCommand freeText(QString words, QString range = QStringLiteral("0-49"));

    // Non-empty when the id was inferred by Skein (ThreadInference.h): the
    // server does not know it. request() is then an empty element that never
    // encodes, so EasSession::run fails without sending; callers search the
    // local store instead.
    QString refusal() const;

    wbxml::Element request() const;

    struct Found {
        QString folderId;  // airsync:CollectionId
        QString serverId;  // airsync:ServerId when sent, else the LongId
        QString longId;    // for ItemOperations Fetch
        Message message;   // folderId/serverId as above; Properties as far as sent
    };

    struct Result {
        int status = 1;      // top-level Search Status
        int storeStatus = 1; // Response/Store/Status
        QList<Found> found;
        int total = -1;      // the server's estimate; -1 when absent
        QString error;
    };

    // With no matches a server may send no Result or one empty Result: both
    // mean "nothing found".
    static Result parse(const wbxml::Element *root);

private:
    QByteArray m_conversationId;
    QString m_freeText; // set: a FreeText search
    QString m_range;
};

} // namespace skein::eas
