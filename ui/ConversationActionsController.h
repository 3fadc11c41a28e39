#pragma once

#include "ActionTypes.h"

#include <QObject>
#include <QPointer>

#include <array>
#include <functional>
#include <optional>

class QAbstractItemView;
class QAction;
class QMenu;
class QMessageBox;
class QModelIndex;
class QTimer;

namespace skein {
class ConversationActions;
class ConversationListModel;
class Store;
} // namespace skein

namespace skein::ui {

class ConversationRulesDialog;
class FindResultsDialog;
class FolderChooserDialog;

// The conversation actions of the window ([MS-ASCON] 3.1.4), local first:
// owns the QActions (menu, toolbar, context menu, shortcuts), enables them
// for the selected conversation, runs them through ConversationActions on the
// GUI thread's store (one small SQLite transaction), and shows the dialogs
// (folder chooser, conversation rules, find results). The window refreshes
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
    // Undo on the last action run here (ConversationActionsUndo.cpp).
    enum Command {
        MarkRead, MarkUnread, Flag, ClearFlag, Complete, Delete, Ignore, StopRule, Move, AlwaysMove,
        Find, Rules, EmptyDeletedItems, Undo, CommandCount
    };

    ConversationActionsController(Store &store, ConversationListModel *model, QAbstractItemView *view,
                                  QWidget *window);
    ~ConversationActionsController() override;

    QAction *action(Command command) const { return m_actions.at(command); }
    // The command shortcuts (Delete, K, Insert, Ctrl+Q…) work while the
    // focus is in one of these widgets: the list and the reading pane, never
    // the filter field.
    void addShortcutTarget(QWidget *widget);
    void fillMenu(QMenu *menu) const;
    QMenu *contextMenu() const { return m_contextMenu; }
    skein::ConversationActions &conversationActions() const { return *m_conversationActions; }

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

    // The dialogs while they are open (nullptr otherwise).
    FolderChooserDialog *folderChooser() const;
    ConversationRulesDialog *rulesDialog() const;
    FindResultsDialog *findResults() const;
    QMessageBox *stopQuestion() const;

    int pendingCount() const;
    QString pendingText() const; // "2 changes waiting to be sent", "" when none

public Q_SLOTS:
    void updateActions();
    // Right-click at `pos` in the view's viewport: selects that row, opens the menu.
    void showContextMenu(const QPoint &pos);
    void actionFailed(qint64 entryId, const QString &message);
    void actionsChanged();
    void replayFinished(bool ok, const QString &message);
    void showFindResult(const QByteArray &conversationId, bool fromServer, const QString &note,
                        const QList<skein::Message> &messages);
    void showRules();
    // Asks whether to bring the messages back, then stops the rule.
    void stopRule(const QByteArray &conversationId, QWidget *parent = nullptr);
    // Ctrl+Z: takes back the last action run here (ConversationActions::undo).
    void undoLast();

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
    void createActions();
    bool runOn(const Target &target, ActionKind kind, const QString &targetFolderId = {});
    void chooseFolder(ActionKind kind);
    void find();
    void ensureFindResults();
    // Delete: in Deleted Items the server deletes for good, so it asks first.
    void deleteCurrent();
    void askToEmptyDeletedItems();
    void emptyDeletedItems();
    QMessageBox *askToDeletePermanently(const QString &title, const QString &text, const QString &buttonText,
                                        const char *buttonName, std::function<void()> confirmed);
    bool isDeletedItems(const QString &folderId) const;
    void describeDelete(bool permanent);
    void stopCurrentRule();
    void updatePending(const QString &toolTip = {});
    QString folderName(const QString &folderId) const;
    void scheduleUpdate();
    void offerUndo(qint64 entryId, const QString &what);

    Store &m_store;
    ConversationListModel *m_model;
    QAbstractItemView *m_view;
    QWidget *m_window;
    skein::ConversationActions *m_conversationActions;
    std::array<QAction *, CommandCount> m_actions{};
    QMenu *m_contextMenu = nullptr;
    QTimer *m_updateTimer = nullptr;
    QPointer<FolderChooserDialog> m_chooser;
    QPointer<ConversationRulesDialog> m_rules;
    QPointer<FindResultsDialog> m_find;
    QPointer<QMessageBox> m_question;
    QPointer<QMessageBox> m_deleteQuestion;
    QString m_deleteKeys; // the Delete action's shortcut, for its tool tip
    QString m_lastNotice;
    qint64 m_undoEntryId = 0; // the journal entry Undo takes back; 0: none
    QString m_undoWhat;
};

// "ignore “Budget”", "move “Budget” to Projects": what a journal entry does, in words.
QString describeAction(ActionKind kind, const QString &subject, const QString &folderName = {});

} // namespace skein::ui
