#pragma once

#include "MailTypes.h"
#include "StorePart.h"

#include <QHash>
#include <QSet>

namespace skein {

struct OutboxEntry; // OutboxTypes.h
struct SentReply;   // SentCopyMatch.h

// The outbox (types in OutboxTypes.h) and the server's copies of sent
// replies (OutboxSentCopies.cpp; SentCopyMatch.h).
class OutboxStore : private StorePart
{
public:
    OutboxStore(Store &store, Database &db) : StorePart(store, db) {}

    // In the order the user sent them. Each call is one statement, so one
    // transaction by itself.
    qint64 insertOutbox(const OutboxEntry &entry); // the new id; 0 on failure
    std::optional<OutboxEntry> outboxEntry(qint64 id) const;
    // Oldest first. unsentOnly: waiting, sending and failed (what the Outbox
    // folder shows); else every row, sent ones too.
    QList<OutboxEntry> outbox(bool unsentOnly = true) const;
    // What the engine sends next: waiting and sending, oldest first.
    QList<OutboxEntry> outboxToSend() const;
    // State, attempts, error and sent time of entry.id.
    bool updateOutboxState(const OutboxEntry &entry);
    // The user edited a waiting or failed message: new MIME, subject and
    // recipients, back to waiting with no error. The ClientId stays. False
    // (with lastError) when the entry is sending or sent: too late to edit.
    bool editOutbox(qint64 id, const QByteArray &mime, const QString &subject, const QString &recipients);
    // Deletes a waiting or failed message; false when sending or sent.
    bool deleteOutbox(qint64 id);
    // Drops sent rows older than `before`; how many went, -1 on error.
    int forgetSentOutbox(const QDateTime &before);

    // ---- The server's copies of sent replies ----
    // Outbox entry id -> the message row recorded as its server copy.
    QHash<qint64, qint64> sentCopies() const;
    // Replies and forwards with a source row that may show in their
    // conversation: not sent, or sent to Sent Items with no copy recorded;
    // oldest first, `mime` cut to its first 16 KiB (the headers).
    QList<OutboxEntry> repliesInOutbox() const;
    // Replies and forwards that went out (or may have: 'sending') whose copy
    // is not recorded yet, each with its source message.
    QList<SentReply> repliesAwaitingCopy() const;
    // Where their copies may be: the sources' conversations and the rows
    // with their Message-IDs.
    QList<Message> sentCopyCandidates(const QList<SentReply> &replies) const;
    QSet<QString> sentItemsFolderIds() const;
    // Finds the copies that arrived (matchSentCopies) and records them for
    // good; how many were recorded, -1 on error. Call after a Sync stored.
    int recordSentCopies();

private:
    bool hasSentCopiesTable() const;
};

} // namespace skein
