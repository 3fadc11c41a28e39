#pragma once

// One row of the conversation list and how to ask for a page of them
// (ConversationStore::conversations).

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QStringList>

namespace skein {

struct ConversationSummary {
    QByteArray conversationId;  // empty for a message without one (then headId identifies it)
    QString serverId;           // shown for a message without conversationId; not unique across folders
    QString subject;            // of the newest message
    QStringList participants;   // senders, newest first, unique
    int messageCount = 0;       // across all synced folders
    int unreadCount = 0;
    bool flagged = false;       // any message with an active flag
    bool hasAttachments = false;
    QDateTime latest;
    QStringList unreadSenders;  // senders of unread messages, newest first, unique
    // conversationId was made up by Skein (ThreadInference.h): never send it
    // to the server; actions on it use the local rule path and the local store.
    bool inferred = false;
    qint64 headId = 0;          // row id of the newest message: with latest, the paging keyset;
                                // for a message without conversationId, its identity

    friend bool operator==(const ConversationSummary &, const ConversationSummary &) = default;
};

// How conversations() sorts. Date: the conversation's newest message (any
// folder). Sender / Subject: of that newest message (subject: its thread
// topic when the server sent one, so "Re:" prefixes do not sort); ties by date.
enum class ConversationSort { Date, Sender, Subject };

struct ConversationQuery {
    int offset = 0;
    // Keyset paging, date order only: the rows after the conversation with
    // this head (ConversationSummary::headId and latest; latest may be
    // invalid). Unlike an offset it costs the same on every page; offset is
    // then ignored. 0: no keyset.
    qint64 afterHeadId = 0;
    QDateTime afterLatest;
    int limit = -1;  // -1: all
    ConversationSort sortKey = ConversationSort::Date;
    Qt::SortOrder order = Qt::DescendingOrder;  // Date descending: newest first
    // Keeps conversations with a message whose subject or sender contains the
    // text (case-insensitive for ASCII letters, as SQLite's LIKE).
    QString filterText;
};

} // namespace skein
