#include "NewMailWatch.h"

#include "ActionTypes.h"

namespace skein {

namespace {

// Mail received longer ago than this is old mail that moved, not news.
constexpr qint64 kNewForSeconds = 24 * 3600;

} // namespace

NewMailWatch::NewMailWatch(const Store &store, QString ownAddress)
    : m_store(store), m_ownAddress(std::move(ownAddress).trimmed())
{
}

void NewMailWatch::start()
{
    m_seenUpTo = m_store.messageStore().newestMessageId();
}

bool NewMailWatch::isOwn(const Message &m) const
{
    return !m_ownAddress.isEmpty() && m.from.contains(m_ownAddress, Qt::CaseInsensitive);
}

QList<NewMailAlert> NewMailWatch::collect(const QDateTime &now)
{
    QString inbox;
    for (const Folder &f : m_store.folderStore().folders())
        if (f.type == FolderType::Inbox)
            inbox = f.serverId;
    if (inbox.isEmpty())
        return {};
    const QList<Message> arrived = m_store.messageStore().messagesAfter(inbox, m_seenUpTo, kMaxPerCollect);
    const qint64 newest = m_store.messageStore().newestMessageId();
    QList<NewMailAlert> alerts;
    for (const Message &m : arrived) { // newest first
        if (m.read || isOwn(m) || !m.dateReceived.isValid() || m.dateReceived.secsTo(now) > kNewForSeconds)
            continue;
        if (!m.conversationId.isEmpty()) {
            const std::optional<ConversationRule> rule = m_store.journalStore().conversationRule(m.conversationId);
            if (rule && rule->state != RuleState::Failed)
                continue; // ignored or always-moved: the user asked not to see it
        }
        auto same = std::find_if(alerts.begin(), alerts.end(), [&](const NewMailAlert &a) {
            return !m.conversationId.isEmpty() && a.conversationId == m.conversationId;
        });
        if (same != alerts.end()) {
            ++same->count;
            continue;
        }
        alerts.append(NewMailAlert{m.conversationId, m.id, m.from, m.subject, 1});
    }
    m_seenUpTo = std::max(m_seenUpTo, newest);
    return alerts;
}

} // namespace skein
