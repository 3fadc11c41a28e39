#pragma once

// What Skein has learned about one account's server, kept in the store
// (table capabilities, migration 4) so the sync engine does not send a request
// the server refuses again — not even after a restart — and so the UI can
// explain what Skein does instead. Read with AccountStore::capability() /
// AccountStore::capabilities(), written with AccountStore::setCapability().
//
//   ConversationMove      [MS-ASCON] ItemOperations Move with MoveAlways
//                         (ignore / always-move rules kept by the server).
//                         Supported: a 2xx answer with Move Status 1.
//                         Refused: HTTP 500 / 501 or an empty 200 body (SOGo
//                         5.8): Skein keeps such rules itself (RuleScope::Local).
//   SearchByConversation  Search with a ConversationId. Refused: HTTP 500 /
//                         501 or an empty answer; Find then searches the local
//                         store.
//   ConversationIndex     Email2:ConversationIndex in Sync items: Seen /
//                         NeverSeen (set by the threading code).

#include <QHash>
#include <QString>

#include <optional>

namespace skein {

enum class Capability { ConversationMove, SearchByConversation, ConversationIndex };

enum class CapabilityState {
    Unknown,   // never learned (no row in the store)
    Supported, // the server did it
    Refused,   // the server answered the request with an error: never send it again
    Seen,      // ConversationIndex: the server sends it
    NeverSeen, // ConversationIndex: a sync brought items, none had it
};

// Stable names for the store and skein-cli: "conversation-move",
// "search-by-conversation", "conversation-index"; "unknown", "supported",
// "refused", "seen", "never-seen".
QString capabilityName(Capability capability);
std::optional<Capability> capabilityFromName(const QString &name);
QString capabilityStateName(CapabilityState state);
CapabilityState capabilityStateFromName(const QString &name); // Unknown for anything else

using Capabilities = QHash<Capability, CapabilityState>;

} // namespace skein
