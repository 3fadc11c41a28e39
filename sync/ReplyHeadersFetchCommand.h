#pragma once

#include "MailTypes.h"
#include "WbxmlElement.h"

#include <QList>
#include <QString>

namespace skein::eas {

// ItemOperations with one Fetch per message ([MS-ASCMD] 2.2.1.10) asking for
// the start of its MIME (BodyPreference Type 4, small TruncationSize) to read
// Message-ID / In-Reply-To / References, for servers that send no
// ConversationIndex (see ThreadInference.h). Every Fetch names its
// CollectionId and ServerId: SOGo 5.8 empties a folder named outside a
// Fetch. A command without items has no request: the caller must not send it.
class ReplyHeadersFetchCommand
{
public:
    static constexpr const char *name = "ItemOperations";
    static constexpr int kTruncationSize = 2048; // headers only; SOGo may send everything
    // Fetch elements per request: the first request of a run stays small so
    // the newest conversations are right after one short round trip; each
    // next one doubles, up to kMaxBatchSize (about 1 MB of answer).
    static constexpr int kFirstBatchSize = 50;
    static constexpr int kMaxBatchSize = 500;

    struct Item {
        QString folderId;
        QString serverId;
    };
    explicit ReplyHeadersFetchCommand(QList<Item> items);

    bool isEmpty() const { return m_items.isEmpty(); }
    wbxml::Element request() const;

    struct Fetched {
        int status = 1;          // Response/Fetch/Status
        QString folderId;
        QString serverId;
        bool hasMime = false;    // the server sent a body
        ReplyHeaders headers;
    };
    struct Result {
        int status = 1;          // top-level ItemOperations Status
        QList<Fetched> fetched;  // in response order
        QString error;
    };
    static Result parse(const wbxml::Element *root);

private:
    QList<Item> m_items;
};

} // namespace skein::eas
