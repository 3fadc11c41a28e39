// The action journal, conversation rules and the local effects of
// conversation actions (see ActionTypes.h, ConversationActions.h).

#include "ActionTypes.h"
#include "StoreRows.h"

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

qint64 JournalStore::insertAction(const ActionEntry &entry)
{
    auto q = m_db.prepare("INSERT INTO actions (created, kind, conversation_id, folder_id, "
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
        m_db.fail(QStringLiteral("journaling an action"));
        return 0;
    }
    const qint64 id = q.int64(0);
    return m_db.check(q.step(), QStringLiteral("journaling an action")) ? id : 0;
}

std::optional<ActionEntry> JournalStore::action(qint64 id) const
{
    auto q = m_db.prepare(SKEIN_ACTION_SELECT "WHERE id = :id");
    if (!q.isValid())
        return std::nullopt;
    q.bind(":id", id);
    if (q.step() != SQLITE_ROW)
        return std::nullopt;
    return readAction(q);
}

QList<ActionEntry> JournalStore::actions(bool unfinishedOnly) const
{
    auto q = m_db.prepare(SKEIN_ACTION_SELECT
                        "WHERE NOT :unfinished OR state IN ('pending', 'sending') ORDER BY id");
    QList<ActionEntry> result;
    if (!q.isValid())
        return result;
    q.bind(":unfinished", unfinishedOnly);
    int rc;
    while ((rc = q.step()) == SQLITE_ROW)
        result.append(readAction(q));
    if (rc != SQLITE_DONE)
        m_db.fail(QStringLiteral("reading the action journal"));
    return result;
}

bool JournalStore::updateAction(const ActionEntry &entry)
{
    auto q = m_db.prepare("UPDATE actions SET state = :state, attempts = :attempts, error = :error, "
                        "payload = :payload WHERE id = :id");
    if (!q.isValid())
        return false;
    q.bind(":state", actionStateName(entry.state));
    q.bind(":attempts", entry.attempts);
    q.bind(":error", entry.error);
    q.bindBlob(":payload", encodeActionItems(entry.items));
    q.bind(":id", entry.id);
    return m_db.check(q.step(), QStringLiteral("updating action %1").arg(entry.id));
}

bool JournalStore::saveConversationRule(const ConversationRule &rule)
{
    auto q = m_db.prepare(
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
    return m_db.check(q.step(), QStringLiteral("saving a conversation rule"));
}

bool JournalStore::removeConversationRule(const QByteArray &conversationId)
{
    auto q = m_db.prepare("DELETE FROM conversation_rules WHERE conversation_id = :cid");
    if (!q.isValid())
        return false;
    q.bindBlob(":cid", conversationId);
    return m_db.check(q.step(), QStringLiteral("removing a conversation rule"));
}

std::optional<ConversationRule> JournalStore::conversationRule(const QByteArray &conversationId) const
{
    auto q = m_db.prepare(SKEIN_RULE_SELECT "WHERE conversation_id = :cid");
    if (!q.isValid())
        return std::nullopt;
    q.bindBlob(":cid", conversationId);
    if (q.step() != SQLITE_ROW)
        return std::nullopt;
    return readRule(q);
}

QList<ConversationRule> JournalStore::conversationRules() const
{
    auto q = m_db.prepare(SKEIN_RULE_SELECT "ORDER BY created, rowid");
    QList<ConversationRule> result;
    if (!q.isValid())
        return result;
    while (q.step() == SQLITE_ROW)
        result.append(readRule(q));
    return result;
}








} // namespace skein
