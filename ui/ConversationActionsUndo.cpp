// Undo of the last conversation action (Ctrl+Z, Edit > Undo, the status
// line's Undo link): ConversationActions::undo cancels it while it waits in
// the journal, else journals its inverse.

#include "ConversationActionsController.h"

#include "ConversationActions.h"

#include <QAction>

namespace skein::ui {

void ConversationActionsController::offerUndo(qint64 entryId, const QString &what)
{
    m_undoEntryId = entryId;
    m_undoWhat = what;
    action(Undo)->setEnabled(entryId > 0);
    action(Undo)->setText(entryId > 0 ? tr("&Undo %1").arg(what) : tr("&Undo"));
    Q_EMIT undoOffered(entryId > 0 ? what : QString());
}

void ConversationActionsController::undoLast()
{
    if (!m_undoEntryId)
        return;
    const QString what = m_undoWhat;
    const ConversationActions::Result result = m_conversationActions->undo(m_undoEntryId);
    offerUndo(0, {}); // one step: an undo is not undone again
    if (!result.ok()) {
        Q_EMIT problem(tr("Skein could not undo \u201c%1\u201d.").arg(what), result.error);
        return;
    }
    updatePending();
    updateActions(); // the views follow through ConversationActions::actionApplied
    Q_EMIT status(tr("Undone: %1.").arg(what));
    Q_EMIT actionsQueued();
}

} // namespace skein::ui
