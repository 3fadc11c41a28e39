#pragma once

#include "StorePart.h"

#include <QByteArray>
#include <QList>

#include <optional>

namespace skein {

struct ActionEntry;      // ActionTypes.h
struct ConversationRule; // ActionTypes.h

// The rows of the action journal and the conversation rules (types in
// ActionTypes.h). None of these opens a transaction: ActionJournal and
// ConversationActions wrap a local change and its journal entry in one.
class JournalStore : private StorePart
{
public:
    JournalStore(Store &store, Database &db) : StorePart(store, db) {}

    qint64 insertAction(const ActionEntry &entry); // the new id; 0 on failure
    std::optional<ActionEntry> action(qint64 id) const;
    // In journal order; unfinishedOnly: pending and sending entries.
    QList<ActionEntry> actions(bool unfinishedOnly) const;
    bool updateAction(const ActionEntry &entry); // state, attempts, error, items

    bool saveConversationRule(const ConversationRule &rule);
    bool removeConversationRule(const QByteArray &conversationId);
    std::optional<ConversationRule> conversationRule(const QByteArray &conversationId) const;
    QList<ConversationRule> conversationRules() const;
};

} // namespace skein
