#pragma once

#include "ServerRows.h"

struct sqlite3;

namespace skein::server {

// What devices composed: the ClientIds of mail already sent (status 118 for
// a repeat) and the drafts added through Sync at 16.0+ (DraftCommands).
class OutgoingStore
{
public:
    explicit OutgoingStore(sqlite3 *const &db) : m_db(db) {}

    // ClientIds of SendMail/SmartReply/SmartForward already sent.
    bool hasClientId(qint64 userId, const QString &clientId);
    bool rememberClientId(qint64 userId, const QString &clientId, qint64 nowMs);

    // The draft an earlier Add with this ClientId made, if it still exists; 0 otherwise.
    qint64 draftByClientId(qint64 userId, const QString &clientId);
    bool rememberDraft(qint64 userId, const QString &clientId, qint64 messageId, const QString &bcc);
    // Replaces subject, recipients, importance and body of a draft.
    bool updateDraft(const MessageRow &row, const QString &bcc);
    QString draftBcc(qint64 messageId);

private:
    sqlite3 *const &m_db; // the store's connection: null while it is closed
};

} // namespace skein::server
