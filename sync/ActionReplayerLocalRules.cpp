// Ignore / always-move rules that Skein keeps itself (RuleScope::Local) when
// the server refuses [MS-ASCON]'s conversation Moves (see Capabilities.h):
// how a refusal looks, turning refused entries into local rules, and
// applying those rules to what a Sync brought.

#include "ActionReplayer.h"

#include "ConversationActions.h"

#include <QCoreApplication>

namespace skein::eas {

namespace {

// The conversation's topic for a sentence: the server's thread topic, else
// the subject of its oldest message.
QString topicOf(const Store &store, const QByteArray &conversationId)
{
    QString topic;
    const Message *oldest = nullptr;
    const QList<Message> messages = store.messageStore().conversationMessages(conversationId);
    for (const Message &m : messages) {
        if (topic.isEmpty())
            topic = m.threadTopic.trimmed();
        if (!oldest || m.dateReceived < oldest->dateReceived)
            oldest = &m;
    }
    if (topic.isEmpty() && oldest)
        topic = oldest->subject;
    return topic.isEmpty() ? QStringLiteral("this conversation") : topic;
}

} // namespace

// How servers without [MS-ASCON] conversation Moves answer one: SOGo 5.8
// sends a bare HTTP 500; others 501 or an empty 200.
bool ActionReplayer::refusesConversationMoves(const EasReply &reply)
{
    return reply.httpStatus == 500 || reply.httpStatus == 501 || (reply.ok() && !reply.root());
}

void ActionReplayer::keepRulesLocally(const Entries &entries, Report &report)
{
    ConversationActions actions(m_store);
    Entries moves;
    for (const ActionEntry &stale : entries) {
        // Re-read: markSending changed it since the replay listed it.
        const ActionEntry e = m_journal.entry(stale.id).value_or(stale);
        const ConversationActions::Result kept = actions.keepRuleLocally(e);
        if (!kept.ok()) {
            if (const std::optional<ActionEntry> now = m_journal.entry(e.id); now && !now->isFinished())
                failed(*now, kept.error);
            else if (m_outcome)
                m_outcome(e.id, ActionState::Failed, kept.error);
            continue;
        }
        if (m_outcome)
            m_outcome(e.id, ActionState::Done, {});
        if (m_notice) {
            const QString topic = topicOf(m_store, e.conversationId);
            const std::optional<Folder> target = m_store.folderStore().folder(e.targetFolderId);
            m_notice(e.kind == ActionKind::Ignore
                         ? QCoreApplication::translate("skein::eas::ActionReplayer", "This server cannot keep conversation rules; Skein keeps \u201c%1\u201d "
                                                                                     "ignored on this computer.").arg(topic)
                         : QCoreApplication::translate("skein::eas::ActionReplayer", "This server cannot keep conversation rules; Skein keeps moving "
                                                                                     "\u201c%1\u201d to %2 on this computer.")
                               .arg(topic, target ? target->name : e.targetFolderId));
        }
        if (const std::optional<ActionEntry> move = m_journal.entry(kept.entryId)) {
            noteFolders(*move, report);
            moves.append(*move);
        }
    }
    if (!moves.isEmpty())
        sendMoveItems(moves, report);
}

void ActionReplayer::applyLocalRules(const QString &folderId, const QList<Message> &arrived)
{
    ConversationActions actions(m_store);
    if (!actions.applyLocalRules(folderId, arrived).isEmpty())
        m_localRuleMoves = true;
}

} // namespace skein::eas
