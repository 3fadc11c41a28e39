#include "ConversationActions.h"

#include "Database.h"
#include "ThreadInference.h"

#include <QCoreApplication>
#include <QSet>
#include <QVersionNumber>

namespace skein {

namespace {

using Result = ConversationActions::Result;
constexpr auto refused = &ConversationActions::Result::refusal;

FlagState followUpFlag()
{
    FlagState flag;
    flag.status = FlagStatus::Active;
    flag.flagType = QStringLiteral("Flag for follow up");
    return flag;
}

FlagState completedFlag(const FlagState &before)
{
    FlagState flag = before;
    flag.status = FlagStatus::Complete;
    flag.completed = QDateTime::currentDateTimeUtc();
    return flag;
}

// Newest by date, the row id breaking ties (later rows arrived later).
const Message &newest(const QList<Message> &messages)
{
    const Message *best = &messages.first();
    for (const Message &m : messages) {
        if (m.dateReceived > best->dateReceived
            || (m.dateReceived == best->dateReceived && m.id > best->id))
            best = &m;
    }
    return *best;
}

// The items of a Sync Change action and their new state (MS-ASCON 3.1.4.2-3.1.4.3).
QList<ActionItem> stateItems(ActionKind kind, const QList<Message> &messages)
{
    QList<ActionItem> items;
    if (kind == ActionKind::Flag) {
        ActionItem item = ActionItem::of(newest(messages));
        item.newFlag = followUpFlag();
        return {item};
    }
    for (const Message &m : messages) {
        ActionItem item = ActionItem::of(m);
        switch (kind) {
        case ActionKind::MarkRead: item.newRead = true; break;
        case ActionKind::MarkUnread: item.newRead = false; break;
        case ActionKind::ClearFlag: item.newFlag = FlagState{}; break;
        case ActionKind::Complete:
            if (m.flag.status != FlagStatus::Active)
                continue; // only flagged messages are marked complete
            item.newFlag = completedFlag(m.flag);
            break;
        default: break;
        }
        items.append(item);
    }
    return items;
}

// A Sync Delete's items keep each row as it was (without its body: a fetch
// brings that back) to put back if the server refuses.
QList<ActionItem> deleteItems(const QList<Message> &messages)
{
    QList<ActionItem> items;
    for (const Message &m : messages) {
        ActionItem item = ActionItem::of(m);
        item.removed = m;
        item.removed->body.clear();
        item.removed->bodyType = BodyType::None;
        items.append(item);
    }
    return items;
}

// MS-ASCON 3.1.4.6: Outbox and Drafts MUST NOT be the destination; folders
// that hold no mail cannot take a conversation either (the server says 156).
QString alwaysMoveRefusal(const std::optional<Folder> &target)
{
    if (!target)
        return QCoreApplication::translate("skein::ConversationActions", "The destination folder does not exist.");
    if (target->type == FolderType::Outbox || target->type == FolderType::Drafts)
        return QCoreApplication::translate("skein::ConversationActions", "Outbox and Drafts cannot receive an always-move rule.");
    if (!isMailFolder(target->type))
        return QCoreApplication::translate("skein::ConversationActions", "Conversations can only be moved into a mail folder.");
    return {};
}

} // namespace

ConversationActions::ConversationActions(Store &store, QObject *parent)
    : QObject(parent), m_store(store), m_journal(store)
{
}

bool ConversationActions::ruleMustStayLocal(const QByteArray &conversationId) const
{
    if (isInferredConversationId(conversationId)
        || m_store.accountStore().capability(Capability::ConversationMove) == CapabilityState::Refused)
        return true;
    const std::optional<AccountSettings> account = m_store.accountStore().account();
    const QString version = account ? account->protocolVersion : QString();
    // Conversation Move and Email2:ConversationId arrived with 14.0.
    return !version.isEmpty() && QVersionNumber::fromString(version) < QVersionNumber(14, 0);
}

QList<Message> ConversationActions::messagesIn(const QByteArray &conversationId,
                                               const QString &folderId) const
{
    QList<Message> result;
    for (const Message &m : m_store.messageStore().conversationMessages(conversationId))
        if (m.folderId == folderId)
            result.append(m);
    return result;
}

bool ConversationActions::applyItem(ActionKind kind, const ActionItem &item)
{
    switch (channelOf(kind)) {
    case ActionChannel::Sync:
        if (kind == ActionKind::Delete)
            return m_store.messageStore().removeMessage(item.messageId);
        return m_store.messageStore().setMessageState(item.messageId, item.newRead.value_or(item.read),
                                       item.newFlag.value_or(item.flag));
    case ActionChannel::MoveItems:
    case ActionChannel::ItemOperations:
        // A placeholder until the server tells (or a Sync shows) the new ServerId.
        // Not the old ServerId: on servers whose ids are unique per folder only
        // (SOGo: IMAP UIDs) the target may already hold a message with it.
        return m_store.messageStore().relocateMessage(item.messageId, item.targetFolderId,
                                       movingPlaceholderServerId(item.messageId), true);
    }
    return false;
}

Result ConversationActions::commit(ActionEntry entry, const ConversationRule *rule)
{
    if (entry.items.isEmpty() && !rule)
        return refused(QCoreApplication::translate("skein::ConversationActions", "The conversation has no messages in this folder."));
    auto transaction = m_store.database().join();
    if (!transaction.isActive())
        return refused(m_store.lastError());
    QSet<QString> folders{entry.folderId};
    for (const ActionItem &item : std::as_const(entry.items)) {
        if (!applyItem(entry.kind, item))
            return refused(m_store.lastError());
        folders << item.folderId << item.targetFolderId;
    }
    const qint64 id = m_journal.append(entry);
    if (!id)
        return refused(m_journal.lastError());
    if (rule) {
        ConversationRule withId = *rule;
        withId.actionId = id;
        if (!m_store.journalStore().saveConversationRule(withId))
            return refused(m_store.lastError());
    }
    if (!transaction.commit())
        return refused(QCoreApplication::translate("skein::ConversationActions", "Could not save the action: %1").arg(m_store.lastError()));
    folders.remove(QString());
    Q_EMIT actionApplied(id, QStringList(folders.cbegin(), folders.cend()));
    return Result{id, {}};
}

Result ConversationActions::changeState(ActionKind kind, const QByteArray &conversationId,
                                        const QString &folderId)
{
    const QList<Message> messages = messagesIn(conversationId, folderId);
    if (messages.isEmpty())
        return refused(QCoreApplication::translate("skein::ConversationActions", "The conversation has no messages in this folder."));
    ActionEntry entry;
    entry.kind = kind;
    entry.conversationId = conversationId;
    entry.folderId = folderId;
    if (kind == ActionKind::Delete) {
        entry.items = deleteItems(messages);
    } else {
        entry.items = stateItems(kind, messages);
        if (entry.items.isEmpty())
            return refused(QCoreApplication::translate("skein::ConversationActions", "No message of the conversation in this folder is flagged."));
    }
    return commit(entry);
}

Result ConversationActions::conversationMove(ActionKind kind, const QByteArray &conversationId,
                                             const QString &folderId, const QString &targetFolderId)
{
    const std::optional<Folder> target = m_store.folderStore().folder(targetFolderId);
    if (kind != ActionKind::Move) {
        if (const QString why = alwaysMoveRefusal(target); !why.isEmpty())
            return refused(why);
    } else if (!target || !isMailFolder(target->type)) {
        return refused(QCoreApplication::translate("skein::ConversationActions", "The destination is not a mail folder."));
    }
    if (kind == ActionKind::Move && targetFolderId == folderId)
        return refused(QCoreApplication::translate("skein::ConversationActions", "The conversation is already in that folder."));

    if (kind != ActionKind::Move && ruleMustStayLocal(conversationId)) {
        // The server cannot keep this rule: Skein keeps it itself and moves the
        // messages with MoveItems.
        if (conversationId.isEmpty())
            return refused(QCoreApplication::translate("skein::ConversationActions", "This message has no conversation id, so Skein cannot keep a rule for it."));
        ConversationRule rule;
        rule.conversationId = conversationId;
        rule.kind = kind;
        rule.targetFolderId = targetFolderId;
        rule.created = QDateTime::currentDateTimeUtc();
        rule.scope = RuleScope::Local;
        ActionEntry entry = localRuleEntry(rule);
        entry.folderId = folderId;
        return commit(entry, &rule);
    }

    const std::optional<Folder> sent = m_store.folderStore().folderOfType(FolderType::SentItems);
    ActionEntry entry;
    entry.kind = kind;
    entry.conversationId = conversationId;
    entry.folderId = folderId;
    entry.targetFolderId = targetFolderId;
    // MoveItems: this folder only. A conversation Move: every folder but Sent
    // Items ([MS-ASCON] 3.2.5.3), which is what the server will do.
    const QList<Message> messages = kind == ActionKind::Move
        ? messagesIn(conversationId, folderId) : m_store.messageStore().conversationMessages(conversationId);
    for (const Message &m : messages) {
        if (m.folderId == targetFolderId || (sent && m.folderId == sent->serverId))
            continue;
        ActionItem item = ActionItem::of(m);
        item.targetFolderId = targetFolderId;
        entry.items.append(item);
    }
    if (kind == ActionKind::Move) {
        if (entry.items.isEmpty())
            return refused(QCoreApplication::translate("skein::ConversationActions", "The conversation has no messages in this folder."));
        return commit(entry);
    }
    if (conversationId.isEmpty())
        return refused(QCoreApplication::translate("skein::ConversationActions", "This message has no conversation id, so the server cannot set a rule for it."));
    ConversationRule rule;
    rule.conversationId = conversationId;
    rule.kind = kind;
    rule.targetFolderId = targetFolderId;
    rule.created = QDateTime::currentDateTimeUtc();
    return commit(entry, &rule); // with nothing to move now, the rule still catches new mail
}

Result ConversationActions::deleteConversation(const QByteArray &id, const QString &folderId)
{
    return changeState(ActionKind::Delete, id, folderId);
}

Result ConversationActions::deleteAllIn(const QString &folderId)
{
    const QList<Message> messages = m_store.messageStore().messagesInFolder(folderId);
    if (messages.isEmpty())
        return refused(QCoreApplication::translate("skein::ConversationActions", "The folder is empty."));
    ActionEntry entry;
    entry.kind = ActionKind::Delete;
    entry.folderId = folderId; // no conversation: every message of the folder
    entry.items = deleteItems(messages);
    return commit(entry);
}

Result ConversationActions::flag(const QByteArray &id, const QString &folderId)
{
    return changeState(ActionKind::Flag, id, folderId);
}

Result ConversationActions::clearFlag(const QByteArray &id, const QString &folderId)
{
    return changeState(ActionKind::ClearFlag, id, folderId);
}

Result ConversationActions::markComplete(const QByteArray &id, const QString &folderId)
{
    return changeState(ActionKind::Complete, id, folderId);
}

Result ConversationActions::markRead(const QByteArray &id, const QString &folderId)
{
    return changeState(ActionKind::MarkRead, id, folderId);
}

Result ConversationActions::markMessageRead(qint64 messageId)
{
    const std::optional<Message> message = m_store.messageStore().messageById(messageId);
    if (!message)
        return refused(QCoreApplication::translate("skein::ConversationActions", "The message is no longer on this computer."));
    if (message->read)
        return refused(QCoreApplication::translate("skein::ConversationActions", "The message is already read."));
    ActionEntry entry;
    entry.kind = ActionKind::MarkRead;
    entry.conversationId = message->conversationId;
    entry.folderId = message->folderId;
    entry.items = stateItems(ActionKind::MarkRead, {*message});
    return commit(entry);
}

Result ConversationActions::markUnread(const QByteArray &id, const QString &folderId)
{
    return changeState(ActionKind::MarkUnread, id, folderId);
}

Result ConversationActions::ignore(const QByteArray &id, const QString &folderId)
{
    const std::optional<Folder> trash = m_store.folderStore().folderOfType(FolderType::DeletedItems);
    if (!trash)
        return refused(QCoreApplication::translate("skein::ConversationActions", "There is no Deleted Items folder to send the conversation to."));
    return conversationMove(ActionKind::Ignore, id, folderId, trash->serverId);
}

Result ConversationActions::alwaysMove(const QByteArray &id, const QString &folderId,
                                       const QString &targetFolderId)
{
    return conversationMove(ActionKind::AlwaysMove, id, folderId, targetFolderId);
}

Result ConversationActions::move(const QByteArray &id, const QString &folderId,
                                 const QString &targetFolderId)
{
    return conversationMove(ActionKind::Move, id, folderId, targetFolderId);
}

Result ConversationActions::apply(ActionKind kind, const QByteArray &id, const QString &folderId,
                                  const QString &targetFolderId)
{
    switch (kind) {
    case ActionKind::Ignore: return ignore(id, folderId);
    case ActionKind::AlwaysMove: return alwaysMove(id, folderId, targetFolderId);
    case ActionKind::Move: return move(id, folderId, targetFolderId);
    default: return changeState(kind, id, folderId);
    }
}

} // namespace skein
