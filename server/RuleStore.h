#pragma once

#include "ServerRows.h"

#include <optional>

struct sqlite3;

namespace skein::server {

// The persistent always-move / ignore rules of conversation Moves, which
// delivery applies to every later message of the conversation.
class RuleStore
{
public:
    explicit RuleStore(sqlite3 *const &db) : m_db(db) {}

    std::optional<ConversationRule> conversationRule(qint64 userId, const QByteArray &conversationId);
    QList<ConversationRule> conversationRules(qint64 userId);
    // Replaces the conversation's rule, if it has one.
    bool setConversationRule(qint64 userId, const ConversationRule &rule);

private:
    sqlite3 *const &m_db; // the store's connection: null while it is closed
};

} // namespace skein::server
