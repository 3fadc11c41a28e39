#pragma once

#include "MailTypes.h"
#include "StorePart.h"

namespace skein {

struct DraftEntry;  // DraftTypes.h
struct DraftUpload; // DraftTypes.h
struct DraftDelete; // DraftTypes.h

// Drafts (migration 11; types in DraftTypes.h): the user's, their
// attachment copies, and their way to and from the server's Drafts folder.
class DraftStore : private StorePart
{
public:
    DraftStore(Store &store, Database &db) : StorePart(store, db) {}

    // Inserts (draft.id 0) or replaces the draft; sets `updated` to now and
    // marks it for upload (16.0+; only the last content goes). Attachment
    // files are copied into draftFilesDir() so the draft survives the
    // original being moved. Returns the id, 0 on failure (lastError).
    qint64 saveDraft(const DraftEntry &draft);
    std::optional<DraftEntry> draft(qint64 id) const;
    QList<DraftEntry> drafts() const; // newest first
    // Removes the draft and its files; when the server has it (or may: an
    // Add whose answer was lost), journals the server delete. False when
    // there is no such draft.
    bool deleteDraft(qint64 id);
    // A draft of another device (a message synced into Drafts, by local row
    // id) becomes a local draft with its ServerId, already uploaded. The
    // existing local draft when one has that ServerId; nullopt on failure.
    std::optional<DraftEntry> importServerDraft(qint64 messageId);
    // Messages in the Drafts folder that are no local draft's ServerId.
    QList<Message> serverOnlyDrafts() const;
    // <profile>/drafts: where the copies of draft attachments live (0700).
    QString draftFilesDir() const;

    // ---- For the engine ----
    // Drafts whose last save the server has not taken.
    QList<DraftUpload> draftsToUpload() const;
    // Before a request carries it: attempts + 1 (a kill then leaves a trace).
    bool noteDraftUploading(qint64 id);
    // The server took `revision` under serverId; a later save stays pending.
    bool setDraftUploaded(qint64 id, qint64 revision, const QString &serverId);
    bool setDraftUploadError(qint64 id, const QString &error);
    QList<DraftDelete> draftDeletes() const;
    bool setDraftDeleteServerId(qint64 deleteId, const QString &serverId);
    bool finishDraftDelete(qint64 deleteId);
};

} // namespace skein
