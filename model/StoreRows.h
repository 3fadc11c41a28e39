#pragma once

// Shared by the store's parts (Store.h); not part of the model's interface:
// the database, row readers and the message row writer.

#include "Database.h"
#include "Store.h"

namespace skein {

struct OutboxEntry;

// Column list shared by every message reader; readMessage() follows its order.
#define SKEIN_MESSAGE_SELECT                                                                  \
    "SELECT m.id, m.folder_id, m.server_id, m.subject, m.sender, m.to_addr, m.cc, "            \
    "m.reply_to, m.thread_topic, m.date_received, m.read, m.flag_status, m.flag_type, "       \
    "m.flag_start, m.flag_due, m.flag_completed, m.importance, m.message_class, m.preview, "  \
    "m.has_attachments, m.conversation_id, m.conversation_index, b.type, b.data, "            \
    "b.truncated, b.estimated_size, m.message_id, m.in_reply_to, m.reply_references, "          \
    "m.conversation_inferred, b.part, b.part_truncated "                                        \
    "FROM messages m LEFT JOIN bodies b ON b.message_id = m.id "

Message readMessage(const sql::Statement &q);
// Steps a bound SELECT of SKEIN_MESSAGE_SELECT until done; on failure an
// empty list and db's error set to what failed.
QList<Message> readMessages(const Database &db, sql::Statement &q, const QString &what);

// One row of an outbox SELECT in OutboxStore.cpp's column order (id,
// created, kind, client_id, mime, subject, recipients, source_folder_id,
// source_server_id, source_long_id, source_message_id, save_in_sent, state,
// attempts, error, sent).
OutboxEntry readOutboxRow(const sql::Statement &q);

// Folder state needed while writing messages into a folder.
struct FolderState {
    bool resyncing = false;
    qint64 generation = 0;
};
// False (with the error set) for an unknown folder or a failed query.
bool readFolderState(const Database &db, const QString &folderId, FolderState *state);

// Writes message rows, their bodies and attachment rows; what a Sync batch
// and the undo of a local delete have in common.
class MessageWriter
{
public:
    explicit MessageWriter(Database &db) : m_db(db) {}

    // Inserts or updates by (folderId, message.serverId), keeping the row id.
    // keepRead / keepFlag keep the stored values: a change of the user's to
    // them waits in the journal. Outside a batch it also fixes the
    // conversation's head.
    bool upsertMessage(const QString &folderId, const Message &message, qint64 generation,
                       bool keepRead = false, bool keepFlag = false);
    // keepRead / keepFlag as for upsertMessage.
    bool applyChange(const QString &folderId, const MessageChange &change,
                     const FolderState &folder, bool keepRead, bool keepFlag);
    bool deleteMessage(const QString &folderId, const QString &serverId);
    // The message's attachment rows become `attachments`.
    bool writeAttachments(qint64 messageId, const QList<Attachment> &attachments);
    // replace=false keeps a stored complete body when data is truncated.
    bool writeBody(qint64 messageId, BodyType type, const QByteArray &data, bool truncated,
                   qint64 estimatedSize, bool replace);
    bool writeMessagePart(qint64 messageId, const QByteArray &part, bool truncated);

    // A batch: from here on inserts leave the heads (is_head, migration 3)
    // to endBatch, which fixes them once for every row inserted since,
    // instead of once per insert.
    bool beginBatch(const QString &what);
    bool endBatch();

private:
    // Heads after inserts: of the conversations that rows with an id above
    // `after` belong to, or of one conversation.
    bool fixHeads(qint64 after);
    bool fixHead(const QByteArray &conversationId);
    // The row id of (folderId, serverId); false (with the error set) if none.
    bool findMessageId(const QString &folderId, const QString &serverId, qint64 *id) const;

    Database &m_db;
    // Inside a batch: the first row id it can insert; 0 outside.
    qint64 m_batchStart = 0;
};

} // namespace skein
