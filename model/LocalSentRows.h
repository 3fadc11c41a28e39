#pragma once

// The sent message in the conversation (issue 11 part 5): a reply or
// forward in the outbox shows at once under the message it answers, as a
// local row, until the server's copy from Sent Items takes its place
// (SentCopyMatch.h). A new mail (no source) shows in the Outbox only.
//
// A local row is a Message with a negative id (-outbox id; row ids of the
// store are positive) in a folder id of its own (localSentFolderId), whose
// folder name is the row's state in words: "Sending…", "Not sent: REASON",
// "Sent Items".

#include "MailTypes.h"
#include "OutboxTypes.h"

#include <QHash>
#include <QList>

namespace skein {

class Store;

QString localSentFolderId(qint64 outboxId);
bool isLocalSentFolderId(const QString &folderId);
// The entry's state where a message names its folder.
QString localSentLabel(const OutboxEntry &entry);

// Entries shown as local rows now, with the message each answers: not sent
// yet, or sent (to be saved in Sent Items) while the copy has not arrived.
struct LocalSentEntry {
    OutboxEntry entry;
    Message source;
};
QList<LocalSentEntry> localSentEntries(const Store &store);

// The row of one entry.
Message localSentRow(const LocalSentEntry &local, const QString &sender);
// The rows under the messages of `stored` (one conversation as the store
// has it), to be added to it.
QList<Message> localSentRows(const Store &store, const QList<Message> &stored);
// Conversation id -> how many local rows it has (the list's message count).
QHash<QByteArray, int> localSentCounts(const Store &store);
// localSentFolderId -> localSentLabel of every local row (FolderNameRole).
QHash<QString, QString> localSentLabels(const Store &store);

} // namespace skein
