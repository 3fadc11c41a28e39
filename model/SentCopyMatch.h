#pragma once

// Which message of the store is the server's copy of a reply or forward
// Skein sent (issue 11 part 5): until it arrives, the conversation shows a
// local row for the outbox entry; once matched, the server's row takes its
// place and the local one is never shown again (docs/architecture.md
// "The sent message in the conversation").

#include "MailTypes.h"
#include "OutboxTypes.h"

#include <QHash>
#include <QList>
#include <QSet>

namespace skein {

// One top-level header of an RFC 5322 message, unfolded and trimmed; empty
// when absent. Enough for the headers Skein itself wrote (Message-ID,
// Thread-Index); no MIME parsing.
QByteArray mimeHeader(const QByteArray &mime, const QByteArray &name);
// The Message-ID the entry's MIME carries, without angle brackets.
QString outboxMessageId(const OutboxEntry &entry);

// An entry waiting for its server copy, with the message it answers.
struct SentReply {
    OutboxEntry entry;        // sourceMessageId != 0
    QString messageId;        // outboxMessageId(entry)
    Message source;           // the parent as stored; id 0 when it is gone
};

// The server's copy of each reply among candidates, as entry id -> message
// row id. A candidate is taken by one entry at most, and `taken` (rows an
// earlier match already holds) by none. First by Message-ID (servers without
// ConversationIndex: their reply headers are fetched); else a candidate in a
// Sent Items folder (sentFolders) of the source's conversation whose
// ConversationIndex is the source's plus one block, with the entry's subject
// and a date no earlier than 5 minutes before the entry was created; of
// several, the earliest, entries oldest first, so two replies to one parent
// with one subject get one copy each, in the order they were sent.
QHash<qint64, qint64> matchSentCopies(const QList<SentReply> &replies, const QList<Message> &candidates,
                                      const QSet<QString> &sentFolders, const QSet<qint64> &taken);

} // namespace skein
