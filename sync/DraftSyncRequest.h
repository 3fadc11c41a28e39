#pragma once

#include "DraftTypes.h"
#include "WbxmlElement.h"

#include <QList>
#include <QString>

namespace skein::eas {

// One Sync request of the Drafts folder that carries only the client's
// draft commands ([MS-ASCMD] 16.0 drafts): Add (new, with its ClientId),
// Change (the draft has a ServerId) and Delete, GetChanges 0 (the folder's
// own Sync brings other devices' drafts) and DeletesAsMoves 0 (a deleted or
// sent draft is gone, as on this computer).
struct DraftSyncRequest {
    QString folderId;
    QString syncKey;
    QList<DraftUpload> adds;       // draft.serverId empty; clientId set
    QList<DraftUpload> changes;    // draft.serverId set
    QStringList deletes;           // ServerIds

    bool isEmpty() const { return adds.isEmpty() && changes.isEmpty() && deletes.isEmpty(); }
    wbxml::Element request() const;
    // To, Cc, email2:Bcc, Subject, Importance, airsyncbase:Body (Type 2
    // when the draft has HTML, else 1). Attachments are not sent.
    static wbxml::Element applicationData(const DraftEntry &draft);
};

// Responses of a Sync collection for the client's own commands.
struct DraftResponses {
    struct Item {
        QString clientId;  // Add only
        QString serverId;
        int status = 1;
    };
    QList<Item> adds;
    QList<Item> changes;  // only the failed ones: success has no entry
    QList<Item> deletes;  // only the failed ones
    static DraftResponses parse(const wbxml::Element *collection);
};

} // namespace skein::eas
