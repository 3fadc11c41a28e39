#include "ConversationUndo.h"

#include "ConversationActions.h"
#include "ConversationActionsController.h"

#include <QAction>

namespace skein::ui {

ConversationUndo::ConversationUndo(ConversationActionsController &controller, QAction *undoAction)
    : QObject(&controller)
    , m_controller(controller)
    , m_action(undoAction)
{
    connect(m_action, &QAction::triggered, this, &ConversationUndo::undoLast);
    m_action->setEnabled(false);
}

void ConversationUndo::offer(qint64 entryId, const QString &what)
{
    m_entryId = entryId;
    m_what = what;
    m_action->setEnabled(entryId > 0);
    m_action->setText(entryId > 0 ? tr("&Undo %1").arg(what) : tr("&Undo"));
    Q_EMIT offered(entryId > 0 ? what : QString());
}

void ConversationUndo::undoLast()
{
    if (!m_entryId)
        return;
    const QString what = m_what;
    const ConversationActions::Result result = m_controller.conversationActions().undo(m_entryId);
    offer(0, {}); // one step: an undo is not undone again
    if (!result.ok()) {
        Q_EMIT m_controller.problem(tr("Skein could not undo \u201c%1\u201d.").arg(what), result.error);
        return;
    }
    // The views follow through ConversationActions::actionApplied.
    m_controller.journaled(tr("Undone: %1.").arg(what));
}

} // namespace skein::ui
