#pragma once

#include <QString>

namespace skein::server {

// "Behave like another server" knobs, so the client's tests can meet a peer
// that lacks MS-ASCON features. Unlike FaultInjector they hold for the whole
// life of the process. Modelled on SOGo 5.8 (docs/servers.md):
//   conversation-move    ItemOperations requests containing a conversation
//                        Move answer a bare HTTP 500, empty body, nothing done
//   conversation-search  Search requests naming a ConversationId: the same
//   conversation-index   never send email2:ConversationIndex (ConversationId still sent)
struct PeerQuirks {
    bool refuseConversationMove = false;
    bool refuseConversationSearch = false;
    bool sendConversationIndex = true;

    void setRefusals(bool conversationMove, bool conversationSearch)
    {
        refuseConversationMove = conversationMove;
        refuseConversationSearch = conversationSearch;
    }
    void setConversationIndexEnabled(bool enabled) { sendConversationIndex = enabled; }

    // Comma separated names above (--refuse, SKEIN_SERVER_REFUSE). Adds to
    // what is set; false + *error naming the unknown word otherwise.
    bool applyRefusalSpec(const QString &spec, QString *error = nullptr)
    {
        PeerQuirks next = *this;
        for (const QString &raw : spec.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            const QString word = raw.trimmed().toLower();
            if (word == QLatin1String("conversation-move"))
                next.refuseConversationMove = true;
            else if (word == QLatin1String("conversation-search"))
                next.refuseConversationSearch = true;
            else if (word == QLatin1String("conversation-index"))
                next.sendConversationIndex = false;
            else {
                if (error)
                    *error = QStringLiteral("unknown --refuse item '%1' (use conversation-move, "
                                            "conversation-search, conversation-index)").arg(raw.trimmed());
                return false;
            }
        }
        *this = next;
        return true;
    }
};

} // namespace skein::server
