#pragma once

// A message being written (issue 11 parts 1 and 4): what the composer window
// holds. It is saved on this computer every few seconds while the user types
// and, at EAS 16.0 and later, also in the server's Drafts folder (Sync Add /
// Change, [MS-ASCMD] 16.0 drafts); below 16.0 it stays on this computer only.
// Plain values: the composer (ui/), the store (model/) and the app share it;
// the app turns it into an eas::OutgoingMessage when the user sends.

#include "OutboxTypes.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace skein {

struct DraftAttachment {
    QString path;        // the file the user added; read when the mail is built
    QString name;        // what the recipient sees; path's file name when empty
    QString contentType; // guessed from the name when empty
    qint64 size = 0;     // bytes, for the composer's list and total
};

struct DraftEntry {
    qint64 id = 0;               // local row; 0 before it is first saved
    QDateTime updated;           // last local save (UTC)
    OutboxKind kind = OutboxKind::Send;
    qint64 sourceMessageId = 0;  // reply / forward: the message answered (local row)
    qint64 outboxId = 0;         // editing a message still waiting in the outbox
    QStringList to;              // each "Name <addr>" or "addr"
    QStringList cc;
    QStringList bcc;
    QString subject;
    QString plainBody;           // always set
    QString htmlBody;            // rich text; empty: plain text only
    QList<DraftAttachment> attachments;
    // At 16.0+: the draft's ServerId in the server's Drafts folder once the
    // server took it; empty while only on this computer.
    QString serverId;
    int importance = 1;          // 0 low, 1 normal, 2 high (email:Importance)
    // Set by the store when read: false while a local save waits to reach
    // the server (16.0+), or always below 16.0.
    bool uploaded = false;
    QString uploadError;         // the server's last refusal, in words; empty when none

    bool isEmpty() const
    {
        return to.isEmpty() && cc.isEmpty() && bcc.isEmpty() && subject.isEmpty()
            && plainBody.trimmed().isEmpty() && attachments.isEmpty();
    }
};

// What the engine uploads (DraftStore::draftsToUpload): the content as of
// `revision`, the local save it carries, and the ClientId of its Sync Add.
struct DraftUpload {
    DraftEntry draft;
    QString clientId;
    qint64 revision = 0;
    int attempts = 0;  // requests that carried it; > 0 without serverId: the
                       // server may hold it under clientId (a lost answer)
};

// A server draft to delete: its local draft was deleted or sent. serverId
// empty: the Add's answer never arrived; clientId finds it (DraftUploader).
struct DraftDelete {
    qint64 id = 0;
    QString serverId;
    QString clientId;
};

} // namespace skein
