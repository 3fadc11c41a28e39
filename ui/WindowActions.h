#pragma once

#include <QList>
#include <QObject>

#include <array>

class QAction;
class QComboBox;
class QMainWindow;
class QMenu;
class QToolBar;

namespace skein::ui {

class ConversationActionsController;

// The window's own commands and where they show: the menu bar (File, Edit,
// Message, Conversation, View), the toolbar and the conversation list's
// context menu. It owns the actions of the window as a whole (action(Id));
// the panes own theirs (sorting, the date filter, All Inboxes, the
// conversation commands) and hand them over to be placed. Each action has
// a stable object name; what it does is connected by whoever owns the work.
class WindowActions : public QObject
{
    Q_OBJECT
public:
    enum Id {
        Sync, Account, Quit, SearchMail, FilterConversations, Settings, NewMail, Reply, ReplyAll, Forward, IdCount
    };

    // The panes' actions, placed by build().
    struct PaneActions {
        ConversationActionsController *conversation = nullptr;
        QList<QAction *> sort;
        QAction *allInboxes = nullptr;
        QList<QAction *> showMailFrom;
        QComboBox *showMailFromCombo = nullptr;
    };

    explicit WindowActions(QMainWindow *window);

    QAction *action(Id id) const { return m_actions.at(id); }
    QToolBar *toolBar() const { return m_toolBar; }
    // Fills the menu bar, the toolbar and the context menu.
    void build(const PaneActions &panes);

private:
    void createFileActions();
    void createEditActions();
    void createComposeActions();
    void buildFileAndEditMenus(const PaneActions &panes);
    void buildMessageAndConversationMenus(const PaneActions &panes);
    void buildViewMenu(const PaneActions &panes);
    void buildToolBar(const PaneActions &panes);
    void nameToolBarButtons();

    QMainWindow *m_window;
    std::array<QAction *, IdCount> m_actions{};
    QToolBar *m_toolBar = nullptr;
};

} // namespace skein::ui
