#pragma once

#include "MailTypes.h"
#include "StorePart.h"

namespace skein {

// Applies what a Sync response said about one folder, keeping what the user
// did locally and has not sent yet.
class SyncApplier : private StorePart
{
public:
    SyncApplier(Store &store, Database &db) : StorePart(store, db) {}

    // The batch and its new sync key, in one transaction.
    bool applySyncBatch(const SyncBatch &batch);
    // Before a Sync batch of folderId is applied: an Add of a message that a
    // local move put there as a placeholder takes over the placeholder row
    // (same ConversationId, ConversationIndex and date) instead of adding a
    // duplicate. Returns how many placeholders were adopted, -1 on error.
    int adoptMovedMessages(const QString &folderId, const QList<Message> &adds);
    // After a whole Sync of folderId: a placeholder whose twin (same
    // ConversationId, ConversationIndex and date) is already the server's
    // row there will never be taken over: the server counts that message as
    // this device's and sends no Add for it. It goes, unless an unfinished
    // action still names it. Returns how many went, -1 on error.
    int dropPlaceholdersWithTwins(const QString &folderId);
};

} // namespace skein
