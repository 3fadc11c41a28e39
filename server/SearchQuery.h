#pragma once

#include "ServerStore.h"

#include <WbxmlElement.h>

#include <QStringList>

#include <optional>

namespace skein::server {

// A Mailbox Search query ([MS-ASCMD] 2.2.3.139 Query; [MS-ASCON] 3.1.4.7),
// reduced to what the reference server matches on.
struct SearchCriteria {
    QStringList words;                       // FreeText, every word must occur
    bool classOk = true;                     // false: airsync:Class given but not Email
    std::optional<qint64> collectionId;      // airsync:CollectionId
    QList<QByteArray> conversationIds;       // candidate readings of ConversationId; empty: any
    std::optional<qint64> receivedAfterMs;   // GreaterThan email:DateReceived
    std::optional<qint64> receivedBeforeMs;  // LessThan email:DateReceived
};

// Store Status: 1 ok, 2 invalid request (empty query, unknown element, bad
// date), 8 too complex (ConversationId outside And, more than one And, And
// inside And, Or, EqualTo, And next to other conditions).
int parseSearchQuery(const wbxml::Element &query, SearchCriteria *out);

// FreeText looks at subject, sender, recipients and the plain-text body,
// case-insensitively.
bool matchesSearch(const MessageRow &message, const SearchCriteria &criteria);

// "m-n" (zero-based, inclusive). Store Status: 1 ok, 2 malformed, 12 start
// beyond the 100 results a Mailbox search can return; n is capped at 99.
int parseSearchRange(const QString &text, int *first, int *last);

} // namespace skein::server
