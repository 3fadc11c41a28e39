#pragma once

#include "ConversationActions.h"

namespace skein {

// The ignore and always-move rules this account set up (ConversationActions::
// ignore / alwaysMove create them), so the user can see and stop them.
//
// Important: Exchange ActiveSync has no way to remove such a rule from the
// server — MS-ASCON defines no "unignore" and no "stop always moving". The
// server keeps the rule it was given; stopIgnoring() only forgets it on this
// computer and, if asked, brings the messages back. New messages of the
// conversation may still be moved by the server (say so in the UI).
class ConversationRules
{
public:
    explicit ConversationRules(Store &store);

    QList<ConversationRule> list() const;
    std::optional<ConversationRule> rule(const QByteArray &conversationId) const;
    bool isIgnored(const QByteArray &conversationId) const;

    // Removes the local rule (ignore or always-move). bringBack: also moves the
    // conversation's messages out of the rule's target folder, each to the
    // folder it came from (Inbox when unknown), with one MoveItems entry;
    // returns that entry's id (0 when nothing had to move). error is set when
    // there was no rule or the store failed.
    ConversationActions::Result stopIgnoring(const QByteArray &conversationId, bool bringBack,
                                             ConversationActions *actions = nullptr);

private:
    ActionEntry bringBackEntry(const ConversationRule &rule) const;

    Store &m_store;
};

} // namespace skein
