#pragma once

// A message waiting in the outbox, back in the composer's form (issue 11
// part 3: "can be opened and edited again while waiting"). The outbox keeps
// only the MIME Skein built; this reads it back with GMime (model/ has no
// MIME parser). The app's composer reopens the result and, when the user
// sends again, replaces the entry with OutboxStore::editOutbox (same ClientId).

#include "DraftTypes.h"
#include "OutboxTypes.h"

namespace skein::eas {

struct OutboxDraft {
    DraftEntry draft;
    QString error; // why it could not be read; empty on success
    bool ok() const { return error.isEmpty(); }
};

// To, Cc, Bcc ("Name <addr>" or "addr"), Subject, the plain and HTML text
// (LF line ends, without the final line break the MIME adds)
// and the attachments of entry.mime; kind, sourceMessageId and outboxId
// (= entry.id) from the entry. Attachment bytes are written to files in
// attachmentDir (made owner-only, 0700; the files 0600) so each
// DraftAttachment::path is a real file; an empty attachmentDir means
// privateAttachmentDir(entry.id).
OutboxDraft draftFromOutboxMime(const OutboxEntry &entry, const QString &attachmentDir = {});

// <temp>/skein-outbox-<user>/<outboxId>: where a reopened message's
// attachments are put unless the caller names a folder.
QString privateAttachmentDir(qint64 outboxId);

} // namespace skein::eas
