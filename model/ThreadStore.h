#pragma once

#include "MailTypes.h"
#include "StorePart.h"

#include <utility>

namespace skein {

// Reply headers and the conversations Skein infers for messages the server
// gave no ConversationId (ThreadInference.h).
class ThreadStore : private StorePart
{
public:
    ThreadStore(Store &store, Database &db) : StorePart(store, db) {}

    // Messages of folderId without a ConversationIndex whose reply headers
    // were never fetched (and whose fetch failed fewer than maxFailures
    // times), oldest row first; only id, folderId and serverId are set.
    QList<Message> messagesNeedingReplyHeaders(const QString &folderId, int limit,
                                               int maxFailures = 3) const;
    // The same messages, all of them, newest conversation first (by topic,
    // as ThreadInference joins them; its newest message decides), then
    // newest message first: the order the conversation list shows them.
    QList<Message> replyHeaderQueue(const QString &folderId, int maxFailures = 3) const;
    // Stores what the server sent (possibly nothing) and marks the message
    // fetched, so it is never asked again.
    bool setReplyHeaders(qint64 messageId, const ReplyHeaders &headers);
    // The same for every message of one server answer, in one transaction.
    bool setReplyHeaders(const QList<std::pair<qint64, ReplyHeaders>> &fetched);
    // A fetch that failed: asked again on a later sync, maxFailures times.
    bool noteReplyHeadersFailed(const QList<qint64> &messageIds);
    // Regroups the messages without a server ConversationId (ThreadInference);
    // *changed (if given) counts the rows whose conversation changed, and
    // *joined lists those that now have one (for local conversation rules).
    // Cheap when every message has a server ConversationId.
    bool inferConversations(int *changed = nullptr, QList<qint64> *joined = nullptr);
    // The same, limited to what changed since the last regroup: messages
    // stored since, or whose headers, subject, date or server id changed,
    // or that lost a neighbour (migration 14), together with everything
    // ThreadInference could group with them and the rest of their
    // conversations. *considered (if given) counts the messages it read.
    // Gives the same conversations as inferConversations.
    bool regroupChangedConversations(int *changed = nullptr, QList<qint64> *joined = nullptr,
                                     int *considered = nullptr);

private:
    bool needsConversationInference(bool *needed) const;
    // Runs ThreadInference over the rows sql selects (in id order) and writes
    // what changed; inside the caller's transaction.
    bool regroupCandidates(const QByteArray &sql, int *changed, QList<qint64> *joined, int *considered);
    // Writes the thread links of every message whose links are missing;
    // *stale counts those, *total all messages (counted up to 2 * stale + 1,
    // all the caller needs to know).
    bool storeMissingThreadLinks(int *stale, int *total);
};

} // namespace skein
