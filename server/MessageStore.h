#pragma once

#include "ServerRows.h"

#include <optional>

struct sqlite3;

namespace skein::server {

// Messages (mail and calendar items), their attachments, and the look-ups
// conversation actions, sending and delivery make: a conversation's
// members, a message by its Message-ID.
class MessageStore
{
public:
    explicit MessageStore(sqlite3 *const &db) : m_db(db) {}

    // Inserts message and attachments; sets row.id.
    qint64 insertMessage(MessageRow &row);
    std::optional<MessageRow> message(qint64 userId, qint64 messageId, bool withAttachments = true);
    QList<MessageRow> messages(qint64 userId); // without attachments, by id
    // withConversations = false leaves conversationId empty (see
    // needsConversations()): a blob per row is most of the cost of a read
    // that every Sync, Ping and GetItemEstimate makes of a whole folder.
    QList<MessageState> folderStates(qint64 folderId, bool withConversations = true);
    QList<AttachmentRow> attachments(qint64 messageId);
    std::optional<AttachmentRow> attachment(qint64 userId, qint64 attachmentId);
    bool setRead(qint64 messageId, bool read);
    bool setFlag(qint64 messageId, const QByteArray &flagBlob);
    bool moveMessage(qint64 messageId, qint64 folderId);
    bool deleteMessage(qint64 messageId);

    // Every message of the user in that conversation, by id, without attachments.
    QList<MessageRow> conversationMessages(qint64 userId, const QByteArray &conversationId);
    // The newest message of the user carrying that Message-ID (with or without <>).
    std::optional<MessageRow> messageByInternetId(qint64 userId, const QString &internetMessageId);

    // Calendar items (MessageStoreCalendar.cpp): inserts the item's message
    // row (sets row.id) and its details.
    qint64 insertCalendarItem(MessageRow &row, const CalendarDetails &details);
    std::optional<CalendarDetails> calendarDetails(qint64 messageId);

private:
    sqlite3 *const &m_db; // the store's connection: null while it is closed
};

} // namespace skein::server
