#pragma once

#include "ConversationActionsController.h"

#include <QObject>

#include <array>

class QAbstractItemView;
class QAction;
class QMenu;
class QTimer;

namespace skein {
class ConversationListModel;
class Store;
} // namespace skein

namespace skein::ui {

// The QActions of the conversation commands (menu, toolbar, context menu,
// shortcuts) and their state: which ones the selected conversation allows,
// what Delete means in Deleted Items, and the rule notice. What a command
// does is connected by ConversationActionsController.
class ConversationCommands : public QObject
{
    Q_OBJECT
public:
    using Command = ConversationActionsController::Command;

    ConversationCommands(Store &store, ConversationListModel *model, QAbstractItemView *view,
                         ConversationActionsController &controller, QWidget *window);

    QAction *action(Command command) const { return m_actions.at(command); }
    void addShortcutTarget(QWidget *widget);
    void fillMenu(QMenu *menu) const;
    QMenu *contextMenu() const { return m_contextMenu; }

public Q_SLOTS:
    // Enables the commands for the selected conversation, says what its rule does.
    void update();
    // Right-click at `pos` in the view's viewport: selects that row, opens the menu.
    void showContextMenu(const QPoint &pos);

Q_SIGNALS:
    // The selected conversation has a rule (text non-empty) or not.
    void noticeChanged(const QString &text, const QString &buttonText);

private:
    void createActions();
    void scheduleUpdate();
    void updateNotice(const std::optional<ConversationRule> &rule);
    void describeDelete(bool permanent);

    Store &m_store;
    ConversationListModel *m_model;
    QAbstractItemView *m_view;
    const ConversationActionsController &m_controller;
    std::array<QAction *, ConversationActionsController::CommandCount> m_actions{};
    QMenu *m_contextMenu = nullptr;
    QTimer *m_updateTimer = nullptr;
    QString m_deleteKeys; // the Delete action's shortcut, for its tool tip
    QString m_lastNotice;
};

} // namespace skein::ui
