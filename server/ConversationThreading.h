#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <optional>

namespace skein::server {

// Conversation identity as the server creates it when a message is sent
// ([MS-ASCON] 3.2.4): a 16-byte ConversationId shared by the whole thread and
// a ConversationIndex in the modern 5-byte EAS form, each reply extending its
// parent's index by one 5-byte response level.
namespace threading {

// 16 opaque bytes derived from `seed` (MD5), so seeded data is reproducible.
QByteArray conversationIdFor(const QByteArray &seed);
// A fresh random 16-byte id for a new thread.
QByteArray newConversationId();
// Thread starter: the 5-byte header for the time it was sent.
QByteArray rootIndex(const QDateTime &sent);
// Reply: parent's index plus one block with the delta to `sent`.
QByteArray replyIndex(const QByteArray &parentIndex, const QDateTime &sent, quint8 randomByte);
// Same with a random byte, for live mail.
QByteArray replyIndex(const QByteArray &parentIndex, const QDateTime &sent);

// An Outlook/Exchange Thread-Index header (base64-decoded MAPI
// PidTagConversationIndex: 0x01, 5 FILETIME bytes, 16-byte GUID, 5-byte
// blocks) in EAS terms: ConversationId = the GUID ([MS-OXOMSG] 2.2.1.2),
// ConversationIndex = MAPI bytes 1..5 + the blocks. nullopt when the value
// is not in that form (too short, or no 0x01 reserved byte).
struct ThreadIdentity {
    QByteArray conversationId;
    QByteArray conversationIndex;
};
std::optional<ThreadIdentity> fromThreadIndex(const QByteArray &mapiIndex);

// Thread-Topic / subject without the reply and forward prefixes.
QString topicOf(const QString &subject);

} // namespace threading
} // namespace skein::server
