#pragma once

// Conversations for servers that send no MS-ASCON data. Protocol 12.1 and
// some servers send no Email2:ConversationId, so there is nothing to group
// by; Skein then infers conversations from the RFC 5322 reply headers it
// fetched (Message-ID, In-Reply-To, References) and from the thread topic.
//
// An inferred id is stored in messages.conversation_id like a server's, so
// every grouping query works unchanged, with conversation_inferred = 1. It
// starts with kInferredConversationPrefix and is NEVER sent to the server
// (ConversationMovesCommand and SearchCommand refuse it). A server-sent id
// always wins.

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace skein {

inline constexpr char kInferredConversationPrefix[] = "skein-inferred:";

// True for an id Skein made up (ThreadInference), false for a server's.
bool isInferredConversationId(const QByteArray &conversationId);

// The topic a subject belongs to: any number of leading Re:/RE:/Fwd:/FW:/
// AW:/WG:/SV:/Antw: (any case, also "Re[2]:") stripped, whitespace collapsed,
// lower case. "Re: Re:  Lunch" and "RE: lunch" share "lunch".
QString normalizedTopic(const QString &subject);
// Whether the subject starts with one of those prefixes.
bool hasReplyPrefix(const QString &subject);

// One stored message as the inference sees it.
struct ThreadCandidate {
    qint64 id = 0;                  // local row id
    QByteArray serverConversationId; // empty when the server sent none
    QString messageId;              // headers without angle brackets; empty if unknown
    QString inReplyTo;
    QStringList references;         // oldest first
    QString subject;
    QString threadTopic;            // Email ThreadTopic when sent
    QDateTime date;
};

struct InferredConversation {
    QByteArray conversationId; // empty: the message stays on its own
    bool inferred = false;     // set by Skein, not by the server
};

class ThreadInference
{
public:
    // Messages that share a topic join only when they are at most this far
    // apart (from one to the next in date order).
    static constexpr qint64 kMaxTopicGapDays = 30;

    // The conversation of each candidate (same order). Union-find across the
    // whole account:
    // - copies with the same Message-ID, and messages whose In-Reply-To or
    //   References name a Message-ID (present or not) another one also names,
    //   are one conversation;
    // - messages with the same topic (ThreadTopic, else the subject) join the
    //   one before them in date order when that is at most kMaxTopicGapDays
    //   earlier and one of the two is a reply (a reply prefix or reply
    //   headers), so two unrelated "Hello" mails stay apart;
    // - a group never joins two different server ConversationIds; a message
    //   without one takes the server id of its group (inferred = true).
    // A group without a server id gets kInferredConversationPrefix plus its
    // root's Message-ID (the first References entry of its earliest message,
    // else In-Reply-To, else its Message-ID), so the key stays put as replies
    // arrive. A message alone keeps an empty id, as before.
    static QList<InferredConversation> infer(const QList<ThreadCandidate> &candidates);

    // What a candidate can meet others by: "id:" plus every Message-ID it
    // names (its own, In-Reply-To, References) and "topic:" plus its topic.
    // infer() only ever groups candidates that share a key, directly or
    // through others, so a set closed under shared keys (plus whole stored
    // conversations) gets the same result alone as within the whole account:
    // ThreadStore::regroupChangedConversations relies on that.
    static QStringList linkKeys(const ThreadCandidate &candidate);
};

} // namespace skein
