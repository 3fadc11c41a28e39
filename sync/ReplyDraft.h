#pragma once

#include "MailTypes.h"
#include "OutgoingMessage.h"

namespace skein::eas {

// The parts of a reply or forward that follow from the message answered
// (the one the user chose in the reply tree, not necessarily the newest).
// Pure functions: the composer window and skein-cli share them.
enum class ReplyMode { Reply, ReplyAll, Forward };

// "RE: " once: "RE: Lunch", not "RE: RE: Lunch", for any spelling of a
// leading "Re:" ("AW:" and others are kept as they are).
QString replySubject(const QString &parentSubject);
// "FW: " once, the same way ("Fwd:" counts as a forward prefix).
QString forwardSubject(const QString &parentSubject);
// The subject without leading RE:/FW:/Fwd: prefixes (Thread-Topic).
QString threadTopicOf(const QString &subject);

struct ReplyRecipients {
    QStringList to;
    QStringList cc;
};
// Reply: the parent's Reply-To, else its From. Reply all: that plus the
// parent's To (into To) and Cc (into Cc), without ownAddress and without
// any address twice (compared case-insensitively).
ReplyRecipients replyRecipients(const Message &parent, const QString &ownAddress, bool all);

// The parent's text quoted below the user's: "On DATE, FROM wrote:" and the
// lines prefixed with "> ". An HTML body is reduced to text; a body the sync
// did not bring whole falls back to what is stored (or the preview).
QString quotedText(const Message &parent);
// A forward's header block and the original's text (not quoted).
QString forwardedText(const Message &parent);

// A reply's Thread-Index: the parent's ConversationIndex plus one 5-byte
// block (empty when the parent has none: a made-up index would start a new
// thread for servers that thread by it). A new message's: the 22-byte form
// Outlook writes (0x01, header, a random GUID).
QByteArray replyThreadIndex(const QByteArray &parentIndex, const QDateTime &now);
QByteArray newThreadIndex(const QDateTime &now);

// Everything a reply or forward takes from parent: recipients (reply),
// subject, In-Reply-To/References (the parent's Message-ID and References,
// as far as the store knows them: see docs/protocol.md "Sending mail"),
// Thread-Topic/Index and the body (user text + quote for a reply; for a
// forward only the user's text, since SmartForward appends the original and
// its attachments on the server).
OutgoingMessage draftReply(const Message &parent, ReplyMode mode, const QString &ownAddress, const QString &userText,
                           const QDateTime &now = QDateTime::currentDateTimeUtc());

} // namespace skein::eas
