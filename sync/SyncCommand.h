#pragma once

#include "MailTypes.h"
#include "Store.h"
#include "WbxmlElement.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace skein::eas {

// A Read and/or Flag change the user made to one message ([MS-ASEMAIL]
// 3.1.5.4: a non-draft email accepts only Read, Flag and Categories).
struct ClientChange {
    QString serverId;
    std::optional<bool> read;
    std::optional<FlagState> flag; // status None = clear the flag
};

struct SyncCollectionRequest {
    QString folderId;
    QString syncKey;               // "0" primes the folder: nothing but SyncKey+CollectionId is sent
    bool getChanges = true;
    int windowSize = 100;
    bool conversationMode = true;  // 14.0+ only
    int filterType = 0;            // 0 all .. 5 one month (email)
    BodyType bodyType = BodyType::Html;
    int truncationSize = 51200;    // bytes of body per item; <= 0: no TruncationSize
    int previewChars = 255;        // 14.0+ only; <= 0: no Preview
    // With ConversationMode at 14.1+: also ask for each message's new text
    // (BodyPartPreference, HTML, truncationSize), which a conversation shows.
    bool messagePart = true;
    bool deletesAsMoves = true;    // false: the client's Deletes are permanent
    QList<ClientChange> changes;
    QStringList deletes;           // ServerIds
};

// A non-1 Status in Responses for one of the client's own Add/Change/Delete/Fetch.
struct ItemStatus {
    QString serverId;  // ClientId for a failed Add without ServerId
    int status = 1;
};

// A server item the client could not understand; the rest of the sync goes on.
struct SkippedItem {
    QString serverId;  // may be empty (that was the problem)
    QString reason;
};

// Sync ([MS-ASCMD] 2.2.1.21) for one or more mail folders.
class SyncCommand
{
public:
    static constexpr const char *name = "Sync";

    SyncCommand(QList<SyncCollectionRequest> collections, QString protocolVersion);

    wbxml::Element request() const;

    struct CollectionResult {
        QString folderId;
        int status = 1;
        QString syncKey;
        bool moreAvailable = false;
        SyncBatch batch;               // folderId + newSyncKey + adds/changes/deletes/softDeletes
        QList<ItemStatus> failures;    // Responses/Add|Change|Delete|Fetch with Status != 1
        QList<SkippedItem> skipped;
    };

    struct Result {
        int status = 1;                // top-level Sync Status (1 when omitted)
        QList<CollectionResult> collections;
        QString error;
    };

    // nullptr (empty HTTP 200 body) means "no changes in any folder": status 1,
    // no collections (a collection absent from a response has no changes).
    static Result parse(const wbxml::Element *root);

private:
    QList<SyncCollectionRequest> m_collections;
    QString m_protocolVersion;
};

} // namespace skein::eas
