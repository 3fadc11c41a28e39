// The outbox table (migration 9; OutboxTypes.h).

#include "OutboxTypes.h"
#include "StoreRows.h"

namespace skein {

OutboxEntry readOutboxRow(const sql::Statement &q)
{
    OutboxEntry e;
    e.id = q.int64(0);
    e.created = q.time(1);
    e.kind = outboxKindFromName(q.text(2)).value_or(OutboxKind::Send);
    e.clientId = q.text(3);
    e.mime = q.blob(4);
    e.subject = q.text(5);
    e.recipients = q.text(6);
    e.sourceFolderId = q.text(7);
    e.sourceServerId = q.text(8);
    e.sourceLongId = q.text(9);
    e.sourceMessageId = q.int64(10);
    e.saveInSentItems = q.boolean(11);
    e.state = outboxStateFromName(q.text(12));
    e.attempts = q.integer(13);
    e.error = q.text(14);
    e.sent = q.time(15);
    return e;
}

#define SKEIN_OUTBOX_SELECT                                                                        \
    "SELECT id, created, kind, client_id, mime, subject, recipients, source_folder_id, "          \
    "source_server_id, source_long_id, source_message_id, save_in_sent, state, attempts, error, " \
    "sent FROM outbox "

qint64 OutboxStore::insertOutbox(const OutboxEntry &entry)
{
    auto q = m_db.prepare("INSERT INTO outbox (created, kind, client_id, mime, subject, recipients, "
                        "source_folder_id, source_server_id, source_long_id, source_message_id, "
                        "save_in_sent, state, attempts, error) VALUES (:created, :kind, :client, :mime, "
                        ":subject, :recipients, :folder, :server, :long, :message, :save, :state, "
                        ":attempts, :error) RETURNING id");
    if (!q.isValid())
        return 0;
    q.bindTime(":created", entry.created.isValid() ? entry.created : QDateTime::currentDateTimeUtc());
    q.bind(":kind", outboxKindName(entry.kind));
    q.bind(":client", entry.clientId);
    q.bindBlob(":mime", entry.mime);
    q.bind(":subject", entry.subject);
    q.bind(":recipients", entry.recipients);
    q.bind(":folder", entry.sourceFolderId);
    q.bind(":server", entry.sourceServerId);
    q.bind(":long", entry.sourceLongId);
    q.bind(":message", entry.sourceMessageId);
    q.bind(":save", entry.saveInSentItems);
    q.bind(":state", outboxStateName(entry.state));
    q.bind(":attempts", entry.attempts);
    q.bind(":error", entry.error);
    if (q.step() != SQLITE_ROW) {
        m_db.fail(QStringLiteral("putting a message into the outbox"));
        return 0;
    }
    const qint64 id = q.int64(0);
    return m_db.check(q.step(), QStringLiteral("putting a message into the outbox")) ? id : 0;
}

std::optional<OutboxEntry> OutboxStore::outboxEntry(qint64 id) const
{
    auto q = m_db.prepare(SKEIN_OUTBOX_SELECT "WHERE id = :id");
    if (!q.isValid())
        return std::nullopt;
    q.bind(":id", id);
    if (q.step() != SQLITE_ROW)
        return std::nullopt;
    return readOutboxRow(q);
}

QList<OutboxEntry> OutboxStore::outbox(bool unsentOnly) const
{
    auto q = m_db.prepare(SKEIN_OUTBOX_SELECT "WHERE NOT :unsent OR state != 'sent' ORDER BY id");
    QList<OutboxEntry> result;
    if (!q.isValid())
        return result;
    q.bind(":unsent", unsentOnly);
    int rc;
    while ((rc = q.step()) == SQLITE_ROW)
        result.append(readOutboxRow(q));
    if (rc != SQLITE_DONE)
        m_db.fail(QStringLiteral("reading the outbox"));
    return result;
}

QList<OutboxEntry> OutboxStore::outboxToSend() const
{
    auto q = m_db.prepare(SKEIN_OUTBOX_SELECT "WHERE state IN ('waiting', 'sending') ORDER BY id");
    QList<OutboxEntry> result;
    if (!q.isValid())
        return result;
    int rc;
    while ((rc = q.step()) == SQLITE_ROW)
        result.append(readOutboxRow(q));
    if (rc != SQLITE_DONE)
        m_db.fail(QStringLiteral("reading the outbox"));
    return result;
}

bool OutboxStore::updateOutboxState(const OutboxEntry &entry)
{
    auto q = m_db.prepare("UPDATE outbox SET state = :state, attempts = :attempts, error = :error, "
                        "sent = :sent WHERE id = :id");
    if (!q.isValid())
        return false;
    q.bind(":state", outboxStateName(entry.state));
    q.bind(":attempts", entry.attempts);
    q.bind(":error", entry.error);
    q.bindTime(":sent", entry.sent);
    q.bind(":id", entry.id);
    return m_db.check(q.step(), QStringLiteral("updating outbox message %1").arg(entry.id));
}

bool OutboxStore::editOutbox(qint64 id, const QByteArray &mime, const QString &subject, const QString &recipients)
{
    auto q = m_db.prepare("UPDATE outbox SET mime = :mime, subject = :subject, recipients = :recipients, "
                        "state = 'waiting', error = '' WHERE id = :id AND state IN ('waiting', 'failed')");
    if (!q.isValid())
        return false;
    q.bindBlob(":mime", mime);
    q.bind(":subject", subject);
    q.bind(":recipients", recipients);
    q.bind(":id", id);
    if (!m_db.check(q.step(), QStringLiteral("editing outbox message %1").arg(id)))
        return false;
    if (m_db.changes() == 0)
        return m_db.failWith(QStringLiteral("outbox message %1 is being sent or was sent; it can no longer be edited").arg(id));
    return true;
}

bool OutboxStore::deleteOutbox(qint64 id)
{
    auto q = m_db.prepare("DELETE FROM outbox WHERE id = :id AND state IN ('waiting', 'failed')");
    if (!q.isValid())
        return false;
    q.bind(":id", id);
    if (!m_db.check(q.step(), QStringLiteral("deleting outbox message %1").arg(id)))
        return false;
    if (m_db.changes() == 0)
        return m_db.failWith(QStringLiteral("outbox message %1 is being sent, was sent or does not exist; it was not deleted").arg(id));
    return true;
}

int OutboxStore::forgetSentOutbox(const QDateTime &before)
{
    auto q = m_db.prepare("DELETE FROM outbox WHERE state = 'sent' AND sent < :before");
    if (!q.isValid())
        return -1;
    q.bindTime(":before", before);
    if (!m_db.check(q.step(), QStringLiteral("forgetting sent outbox messages")))
        return -1;
    return m_db.changes();
}

} // namespace skein
