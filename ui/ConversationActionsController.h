#pragma once

#include "ActionTypes.h"

#include <QObject>

#include <optional>

class QAbstractItemView;
class QAction;
class QMenu;
class QModelIndex;

namespace skein {
class ConversationActions;
class ConversationListModel;
class Store;
} // namespace skein

namespace skein::ui {

class ConversationActionsDialogs;
class ConversationCommands;
class ConversationUndo;
class PendingChanges;

// The conversation actions of the window ([MS-ASCON] 3.1.4), local first:
// runs them through ConversationActions on the GUI thread's store (one small
// SQLite transaction). Its parts each own one concern: ConversationCommands
// the QActions (menu, toolbar, context menu, shortcuts) and their state,
// ConversationActionsDialogs the dialogs (folder chooser, conversation rules,
// find results, questions), ConversationUndo the Undo, PendingChanges the
// count of changes waiting to be sent. The window refreshes
// on foldersChanged and the app sends the journal on actionsQueued
// (SyncEngine::replayNow); the engine's verdicts come back through
// actionFailed / actionsChanged.
//
// A command acts on the selected conversation as seen from the listed
// folder; on a message row (reply tree) it acts on that message's
// conversation.
class ConversationActionsController : public QObject
{
    Q_OBJECT
public:
    // EmptyDeletedItems acts on the folder, not on the selected conversation;
    // Undo on the last action run here (ConversationUndo).
    enum Command {
        MarkRead, MarkUnread, Flag, ClearFlag, Complete, Delete, Ignore, StopRule, Move, AlwaysMove,
        Find, Rules, EmptyDeletedItems, Undo, CommandCount
    };

    ConversationActionsController(Store &store, ConversationListModel *model, QAbstractItemView *view,
                                  QWidget *window);
    ~ConversationActionsController() override;

    QAction *action(Command command) const;
    // The command shortcuts (Delete, K, Insert, Ctrl+Q…) work while the
    // focus is in one of these widgets: the list and the reading pane, never
    // the filter field.
    void addShortcutTarget(QWidget *widget);
    void fillMenu(QMenu *menu) const;
    QMenu *contextMenu() const;
    skein::ConversationActions &conversationActions() const { return *m_conversationActions; }
    // The dialogs the commands open (folder chooser, rules, find results, questions).
    ConversationActionsDialogs *dialogs() const { return m_dialogs; }

    struct Target {
        QByteArray conversationId;
        QString folderId; // the listed folder
        QString subject;
    };
    std::optional<Target> currentTarget() const;

    // Runs a command on the selected conversation without UI (targetFolderId
    // for the moves); a refusal shows like one from a menu. False if refused.
    bool run(ActionKind kind, const QString &targetFolderId = {});

    // The reading pane showed this row long enough (MarkReadWait's
    // delay), so its unread messages become read, as in Outlook: a
    // conversation row marks what Mark as Read marks (its messages in the
    // listed folder), a message row of the reply tree only that message.
    // Journals nothing when all are read already. False if nothing changed.
    bool markOpenedRead(const QModelIndex &index);

public Q_SLOTS:
    void actionFailed(qint64 entryId, const QString &message);
    void actionsChanged();
    void replayFinished(bool ok, const QString &message);
    void showFindResult(const QByteArray &conversationId, bool fromServer, const QString &note,
                        const QList<skein::Message> &messages);

Q_SIGNALS:
    // The store changed these folders (empty: re-read everything).
    void foldersChanged(const QStringList &folderIds);
    void actionsQueued();
    void findRequested(const QByteArray &conversationId);
    // A message of the find results was opened: the window shows its folder and conversation.
    void openMessageRequested(const QString &folderId, const QByteArray &conversationId, const QString &serverId);
    // For the window's banner: what went wrong, and what it means.
    void problem(const QString &message, const QString &whatToDo);
    // A short confirmation for the status bar.
    void status(const QString &message);
    void pendingChanged(int count, const QString &text, const QString &toolTip);
    // An action can be undone (what: "delete “Budget”"); empty: no longer.
    void undoOffered(const QString &what);
    // The selected conversation has a rule (text non-empty) or not.
    void noticeChanged(const QString &text, const QString &buttonText);

private:
    // The dialogs and Undo finish their commands as the controller's own.
    friend class ConversationActionsDialogs;
    friend class ConversationUndo;

    void connectCommands();
    bool runOn(const Target &target, ActionKind kind, const QString &targetFolderId = {});
    // A change went into the journal: the pending count, the commands' state,
    // the status line (statusText unless empty) follow, and the app sends it.
    void journaled(const QString &statusText);

    Store &m_store;
    ConversationListModel *m_model;
    QAbstractItemView *m_view;
    skein::ConversationActions *m_conversationActions;
    ConversationCommands *m_commands;
    PendingChanges *m_pending;
    ConversationUndo *m_undo;
    ConversationActionsDialogs *m_dialogs;
};

// "ignore “Budget”", "move “Budget” to Projects": what a journal entry does, in words.
QString describeAction(ActionKind kind, const QString &subject, const QString &folderName = {});
// The folder's name, or its id when the store does not know it.
QString folderNameOf(const Store &store, const QString &folderId);
bool isDeletedItems(const Store &store, const QString &folderId);

} // namespace skein::ui
