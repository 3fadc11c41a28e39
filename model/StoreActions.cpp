// The action journal, conversation rules and the local effects of
// conversation actions (see ActionTypes.h, ConversationActions.h).

#include "ActionTypes.h"
#include "StorePrivate.h"

namespace skein {

namespace {

ActionEntry readAction(const sql::Statement &q)
{
    ActionEntry e;
    e.id = q.int64(0);
    e.created = q.time(1);
    e.kind = actionKindFromName(q.text(2)).value_or(ActionKind::MarkRead);
    e.conversationId = q.blob(3);
    e.folderId = q.text(4);
    e.targetFolderId = q.text(5);
    e.items = decodeActionItems(q.blob(6));
    e.state = actionStateFromName(q.text(7));
    e.attempts = q.integer(8);
    e.error = q.text(9);
    return e;
}

#define SKEIN_ACTION_SELECT                                                                  \
    "SELECT id, created, kind, conversation_id, folder_id, target_folder_id, payload, state, " \
    "attempts, error FROM actions "

ConversationRule readRule(const sql::Statement &q)
{
    ConversationRule r;
    r.conversationId = q.blob(0);
    r.kind = q.text(1) == QLatin1String("always-move") ? ActionKind::AlwaysMove : ActionKind::Ignore;
    r.targetFolderId = q.text(2);
    r.created = q.time(3);
    r.state = ruleStateFromName(q.text(4));
    r.scope = q.text(5) == QLatin1String("local") ? RuleScope::Local : RuleScope::Server;
    r.actionId = q.int64(6);
    r.error = q.text(7);
    return r;
}

#define SKEIN_RULE_SELECT                                                                    \
    "SELECT conversation_id, kind, target_folder_id, created, state, scope, action_id, error " \
    "FROM conversation_rules "

} // namespace

qint64 Store::insertAction(const ActionEntry &entry)
{
    auto q = d->prepare("INSERT INTO actions (created, kind, conversation_id, folder_id, "
                        "target_folder_id, payload, state, attempts, error) VALUES (:created, :kind, "
                        ":cid, :folder, :target, :payload, :state, :attempts, :error) RETURNING id");
    if (!q.isValid())
        return 0;
    q.bindTime(":created", entry.created.isValid() ? entry.created : QDateTime::currentDateTimeUtc());
    q.bind(":kind", actionKindName(entry.kind));
    q.bindBlob(":cid", entry.conversationId);
    q.bind(":folder", entry.folderId);
    q.bind(":target", entry.targetFolderId);
    q.bindBlob(":payload", encodeActionItems(entry.items));
    q.bind(":state", actionStateName(entry.state));
    q.bind(":attempts", entry.attempts);
    q.bind(":error", entry.error);
    if (q.step() != SQLITE_ROW) {
        d->fail(QStringLiteral("journaling an action"));
        return 0;
    }
    const qint64 id = q.int64(0);
    return d->check(q.step(), QStringLiteral("journaling an action")) ? id : 0;
}

std::optional<ActionEntry> Store::action(qint64 id) const
{
    auto q = d->prepare(SKEIN_ACTION_SELECT "WHERE id = :id");
    if (!q.isValid())
        return std::nullopt;
    q.bind(":id", id);
    if (q.step() != SQLITE_ROW)
        return std::nullopt;
    return readAction(q);
}

QList<ActionEntry> Store::actions(bool unfinishedOnly) const
{
    auto q = d->prepare(SKEIN_ACTION_SELECT
                        "WHERE NOT :unfinished OR state IN ('pending', 'sending') ORDER BY id");
    QList<ActionEntry> result;
    if (!q.isValid())
        return result;
    q.bind(":unfinished", unfinishedOnly);
    int rc;
    while ((rc = q.step()) == SQLITE_ROW)
        result.append(readAction(q));
    if (rc != SQLITE_DONE)
        d->fail(QStringLiteral("reading the action journal"));
    return result;
}

bool Store::updateAction(const ActionEntry &entry)
{
    auto q = d->prepare("UPDATE actions SET state = :state, attempts = :attempts, error = :error, "
                        "payload = :payload WHERE id = :id");
    if (!q.isValid())
        return false;
    q.bind(":state", actionStateName(entry.state));
    q.bind(":attempts", entry.attempts);
    q.bind(":error", entry.error);
    q.bindBlob(":payload", encodeActionItems(entry.items));
    q.bind(":id", entry.id);
    return d->check(q.step(), QStringLiteral("updating action %1").arg(entry.id));
}

bool Store::saveConversationRule(const ConversationRule &rule)
{
    auto q = d->prepare(
        "INSERT INTO conversation_rules (conversation_id, kind, target_folder_id, created, state, "
        "scope, action_id, error) VALUES (:cid, :kind, :target, :created, :state, :scope, :action, "
        ":error) ON CONFLICT (conversation_id) DO UPDATE SET kind = excluded.kind, "
        "target_folder_id = excluded.target_folder_id, created = excluded.created, "
        "state = excluded.state, scope = excluded.scope, action_id = excluded.action_id, "
        "error = excluded.error");
    if (!q.isValid())
        return false;
    q.bindBlob(":cid", rule.conversationId);
    q.bind(":kind", actionKindName(rule.kind));
    q.bind(":target", rule.targetFolderId);
    q.bindTime(":created", rule.created.isValid() ? rule.created : QDateTime::currentDateTimeUtc());
    q.bind(":state", ruleStateName(rule.state));
    q.bind(":scope", rule.scope == RuleScope::Local ? QStringLiteral("local") : QStringLiteral("server"));
    q.bind(":action", rule.actionId);
    q.bind(":error", rule.error);
    return d->check(q.step(), QStringLiteral("saving a conversation rule"));
}

bool Store::removeConversationRule(const QByteArray &conversationId)
{
    auto q = d->prepare("DELETE FROM conversation_rules WHERE conversation_id = :cid");
    if (!q.isValid())
        return false;
    q.bindBlob(":cid", conversationId);
    return d->check(q.step(), QStringLiteral("removing a conversation rule"));
}

std::optional<ConversationRule> Store::conversationRule(const QByteArray &conversationId) const
{
    auto q = d->prepare(SKEIN_RULE_SELECT "WHERE conversation_id = :cid");
    if (!q.isValid())
        return std::nullopt;
    q.bindBlob(":cid", conversationId);
    if (q.step() != SQLITE_ROW)
        return std::nullopt;
    return readRule(q);
}

QList<ConversationRule> Store::conversationRules() const
{
    auto q = d->prepare(SKEIN_RULE_SELECT "ORDER BY created, rowid");
    QList<ConversationRule> result;
    if (!q.isValid())
        return result;
    while (q.step() == SQLITE_ROW)
        result.append(readRule(q));
    return result;
}

bool Store::setMessageState(qint64 messageId, bool read, const FlagState &flag)
{
    auto q = d->prepare("UPDATE messages SET read = :read, flag_status = :status, flag_type = :type, "
                        "flag_start = :start, flag_due = :due, flag_completed = :completed "
                        "WHERE id = :id");
    if (!q.isValid())
        return false;
    q.bind(":read", read);
    q.bind(":status", int(flag.status));
    q.bind(":type", flag.flagType);
    q.bindTime(":start", flag.start);
    q.bindTime(":due", flag.due);
    q.bindTime(":completed", flag.completed);
    q.bind(":id", messageId);
    return d->check(q.step(), QStringLiteral("changing message %1").arg(messageId));
}

bool Store::relocateMessage(qint64 messageId, const QString &folderId, const QString &serverId,
                            bool moving)
{
    auto q = d->prepare("UPDATE messages SET folder_id = :folder, server_id = :server_id, "
                        "moving = :moving WHERE id = :id");
    if (!q.isValid())
        return false;
    q.bind(":folder", folderId);
    q.bind(":server_id", serverId);
    q.bind(":moving", moving);
    q.bind(":id", messageId);
    return d->check(q.step(), QStringLiteral("moving message %1").arg(messageId));
}

bool Store::isMoving(qint64 messageId) const
{
    auto q = d->prepare("SELECT moving FROM messages WHERE id = :id");
    if (!q.isValid())
        return false;
    q.bind(":id", messageId);
    return q.step() == SQLITE_ROW && q.boolean(0);
}

bool Store::removeMessage(qint64 messageId)
{
    auto q = d->prepare("DELETE FROM messages WHERE id = :id");
    if (!q.isValid())
        return false;
    q.bind(":id", messageId);
    return d->check(q.step(), QStringLiteral("removing message %1").arg(messageId));
}

qint64 Store::restoreMessage(const Message &message)
{
    Private::FolderState folder;
    if (!d->folderState(message.folderId, &folder)
        || !d->upsertMessage(message.folderId, message, folder.generation))
        return 0;
    auto q = d->prepare("SELECT id FROM messages WHERE folder_id = :folder AND server_id = :sid");
    if (!q.isValid())
        return 0;
    q.bind(":folder", message.folderId);
    q.bind(":sid", message.serverId);
    return q.step() == SQLITE_ROW ? q.int64(0) : 0;
}

int Store::adoptMovedMessages(const QString &folderId, const QList<Message> &adds)
{
    // Cheap exit for the common case: no placeholder in this folder.
    auto any = d->prepare("SELECT 1 FROM messages WHERE folder_id = :folder AND moving LIMIT 1");
    if (!any.isValid())
        return -1;
    any.bind(":folder", folderId);
    if (any.step() != SQLITE_ROW)
        return 0;
    any = sql::Statement();

    int adopted = 0;
    for (const Message &add : adds) {
        auto q = d->prepare(
            "UPDATE messages SET server_id = :sid, moving = 0 WHERE id = (SELECT id FROM messages "
            "WHERE folder_id = :folder AND moving AND conversation_id IS :cid "
            "AND conversation_index IS :cindex AND date_received IS :date ORDER BY id LIMIT 1) "
            "AND NOT EXISTS (SELECT 1 FROM messages WHERE folder_id = :folder AND server_id = :sid)");
        if (!q.isValid())
            return -1;
        q.bind(":sid", add.serverId);
        q.bind(":folder", folderId);
        q.bindBlob(":cid", add.conversationId);
        q.bindBlob(":cindex", add.conversationIndex);
        q.bindTime(":date", add.dateReceived);
        if (!d->check(q.step(), QStringLiteral("adopting moved message %1").arg(add.serverId)))
            return -1;
        adopted += sqlite3_changes(d->db);
    }
    return adopted;
}

// Runs after every Sync of a folder: INDEXED BY keeps it to the folder's
// placeholders (usually none); left to itself SQLite walked the folder's
// conversation index, 100 ms per sync at 100k messages.
int Store::dropPlaceholdersWithTwins(const QString &folderId)
{
    auto q = d->prepare(
        "SELECT p.id FROM messages p INDEXED BY messages_moving "
        "WHERE p.folder_id = :folder AND p.moving AND p.conversation_id IS NOT NULL "
        "AND EXISTS (SELECT 1 FROM messages t WHERE t.folder_id = p.folder_id AND NOT t.moving "
        "AND t.conversation_id = p.conversation_id AND t.conversation_index IS p.conversation_index "
        "AND t.date_received IS p.date_received)");
    if (!q.isValid())
        return -1;
    q.bind(":folder", folderId);
    QList<qint64> candidates;
    while (q.step() == SQLITE_ROW)
        candidates.append(q.int64(0));
    q = sql::Statement();
    if (candidates.isEmpty())
        return 0;
    QSet<qint64> named;
    for (const ActionEntry &e : actions(true))
        for (const ActionItem &item : e.items)
            named.insert(item.messageId);
    int dropped = 0;
    for (const qint64 id : std::as_const(candidates)) {
        if (named.contains(id))
            continue;
        if (!removeMessage(id))
            return -1;
        ++dropped;
    }
    return dropped;
}

} // namespace skein
