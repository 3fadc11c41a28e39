#pragma once

#include "MailDelivery.h"

namespace skein::server {

// One SendMail / SmartReply / SmartForward, already parsed and checked.
struct Submission {
    enum class Kind { Send, Reply, Forward };
    Kind kind = Kind::Send;
    ParsedMail mail;
    std::optional<MessageRow> original; // the sender's copy, for Reply/Forward
    bool saveInSent = false;
    bool replaceMime = false; // true: the client's MIME is the whole message
    QString clientId;         // remembered for status 118; empty (12.1): not checked
};

struct SubmitResult {
    int status = 1; // 1, or 119 no recipient, 110 store failure
    std::optional<Delivered> sentCopy;
    QList<Delivered> deliveries; // one per local recipient mailbox
};

// Sends as `sender` in one transaction: [MS-ASCON] 3.2.4 conversation id and
// index (a new conversation, or the original's plus one 5-byte block), the
// Sent Items copy (same id and index), one copy in the Inbox of every local
// recipient (To/Cc/Bcc) after that recipient's conversation rules, and the
// ClientId. Recipients who are not local users are accepted and dropped:
// the reference server relays nothing to the internet.
SubmitResult submitMail(ServerStore &store, qint64 nowMs, const UserRow &sender, Submission submission);

} // namespace skein::server
