#pragma once

#include <QObject>

class QAction;

namespace skein::ui {

class ConversationActionsController;

// Undo of the last conversation action (Ctrl+Z, Edit > Undo, the status
// line's Undo link), one step deep: ConversationActions::undo cancels it
// while it waits in the journal, else journals its inverse.
class ConversationUndo : public QObject
{
    Q_OBJECT
public:
    ConversationUndo(ConversationActionsController &controller, QAction *undoAction);

    // The journal entry an Undo takes back, and what it did in words
    // ("delete “Budget”"); 0: nothing to undo.
    void offer(qint64 entryId, const QString &what);

public Q_SLOTS:
    void undoLast();

Q_SIGNALS:
    // An action can be undone (what); empty: no longer.
    void offered(const QString &what);

private:
    ConversationActionsController &m_controller;
    QAction *m_action;
    qint64 m_entryId = 0;
    QString m_what;
};

} // namespace skein::ui
