#include "WindowActions.h"

#include "ConversationActionsController.h"
#include "Icons.h"

#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QToolBar>
#include <QWidgetAction>

namespace skein::ui {

namespace {

QAction *composeAction(QObject *parent, const char *name, const QString &text, const QString &iconText,
                       const QString &icon, const QKeySequence &key, const QString &toolTip)
{
    auto *action = new QAction(QIcon::fromTheme(icon), text, parent);
    action->setObjectName(QLatin1String(name));
    action->setIconText(iconText);
    action->setShortcut(key);
    action->setToolTip(QObject::tr("%1 (%2)").arg(toolTip, key.toString(QKeySequence::NativeText)));
    action->setStatusTip(toolTip);
    return action;
}

} // namespace

WindowActions::WindowActions(QMainWindow *window)
    : QObject(window)
    , m_window(window)
{
    createFileActions();
    createEditActions();
    createComposeActions();
    // Window-wide shortcuts, even with the menu bar hidden.
    for (Id id : {SearchMail, FilterConversations, NewMail, Reply, ReplyAll, Forward})
        window->addAction(action(id));
}

void WindowActions::createFileActions()
{
    QAction *sync = new QAction(themeIcon(QStringLiteral("view-refresh")), tr("&Sync Now"), m_window);
    sync->setObjectName(QStringLiteral("actionSync"));
    sync->setShortcut(QKeySequence(Qt::Key_F5));
    sync->setToolTip(tr("Fetch new mail and send your changes (F5)"));
    m_actions[Sync] = sync;

    QAction *account = new QAction(QIcon::fromTheme(QStringLiteral("user-identity")), tr("&Account\u2026"), m_window);
    account->setObjectName(QStringLiteral("actionAccount"));
    account->setToolTip(tr("Set up or change the mail account"));
    m_actions[Account] = account;

    QAction *quit = new QAction(QIcon::fromTheme(QStringLiteral("application-exit")), tr("&Quit"), m_window);
    quit->setObjectName(QStringLiteral("actionQuit"));
    // Not Ctrl+Q: that marks a conversation read, as in Outlook.
    quit->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Q));
    quit->setMenuRole(QAction::QuitRole);
    connect(quit, &QAction::triggered, m_window, &QWidget::close);
    m_actions[Quit] = quit;
}

void WindowActions::createEditActions()
{
    QAction *search = new QAction(tr("&Search Mail"), m_window);
    search->setObjectName(QStringLiteral("actionSearchMail"));
    search->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    m_actions[SearchMail] = search;

    QAction *filter = new QAction(tr("&Filter Conversations"), m_window);
    filter->setObjectName(QStringLiteral("actionFilterConversations"));
    filter->setShortcut(QKeySequence::Find);
    m_actions[FilterConversations] = filter;

    QAction *settings =
        new QAction(QIcon::fromTheme(QStringLiteral("preferences-system")), tr("&Settings\u2026"), m_window);
    settings->setObjectName(QStringLiteral("actionSettings"));
    settings->setToolTip(tr("Accounts, checking mail, reading, notifications and signatures"));
    // Desktops without a Preferences binding (plain X11) get Thunderbird's Ctrl+,.
    const QList<QKeySequence> preferences = QKeySequence::keyBindings(QKeySequence::Preferences);
    settings->setShortcuts(preferences.isEmpty() ? QList<QKeySequence>{QKeySequence(Qt::CTRL | Qt::Key_Comma)}
                                                 : preferences);
    settings->setMenuRole(QAction::PreferencesRole);
    m_actions[Settings] = settings;
}

void WindowActions::createComposeActions()
{
    m_actions[NewMail] = composeAction(m_window, "actionNewMail", tr("&New Message"), tr("New"),
                                       QStringLiteral("mail-message-new"), QKeySequence(Qt::CTRL | Qt::Key_N),
                                       tr("Write a new message"));
    m_actions[Reply] = composeAction(m_window, "actionReply", tr("&Reply"), tr("Reply"),
                                     QStringLiteral("mail-reply-sender"), QKeySequence(Qt::CTRL | Qt::Key_R),
                                     tr("Answer the sender of the selected message"));
    m_actions[ReplyAll] = composeAction(m_window, "actionReplyAll", tr("Reply &All"), tr("Reply All"),
                                        QStringLiteral("mail-reply-all"),
                                        QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R),
                                        tr("Answer the sender and everyone the selected message went to"));
    // Not Ctrl+F: that is Find (Filter Conversations), the platform's Find key.
    m_actions[Forward] = composeAction(m_window, "actionForward", tr("&Forward"), tr("Forward"),
                                       QStringLiteral("mail-forward"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F),
                                       tr("Send the selected message on to someone"));
}

void WindowActions::build(const PaneActions &panes)
{
    m_window->menuBar()->setObjectName(QStringLiteral("mainMenuBar"));
    m_window->menuBar()->setAccessibleName(tr("Menu bar"));
    buildFileAndEditMenus(panes);
    buildMessageAndConversationMenus(panes);
    buildViewMenu(panes);
    buildToolBar(panes);
    nameToolBarButtons();
}

void WindowActions::buildFileAndEditMenus(const PaneActions &panes)
{
    using C = ConversationActionsController;
    QMenu *file = m_window->menuBar()->addMenu(tr("&File"));
    file->setObjectName(QStringLiteral("fileMenu"));
    file->addActions({action(Sync), action(Account)});
    file->addSeparator();
    file->addAction(panes.conversation->action(C::EmptyDeletedItems));
    file->addSeparator();
    file->addAction(action(Quit));

    QMenu *edit = m_window->menuBar()->addMenu(tr("&Edit"));
    edit->setObjectName(QStringLiteral("editMenu"));
    // Undo: Ctrl+Z while the list or the reading pane has the focus.
    edit->addAction(panes.conversation->action(C::Undo));
    edit->addSeparator();
    edit->addActions({action(SearchMail), action(FilterConversations)});
    edit->addSeparator();
    edit->addAction(action(Settings));
}

void WindowActions::buildMessageAndConversationMenus(const PaneActions &panes)
{
    QMenu *message = m_window->menuBar()->addMenu(tr("&Message"));
    message->setObjectName(QStringLiteral("messageMenu"));
    message->addAction(action(NewMail));
    message->addSeparator();
    message->addActions({action(Reply), action(ReplyAll), action(Forward)});

    QMenu *conversation = m_window->menuBar()->addMenu(tr("&Conversation"));
    conversation->setObjectName(QStringLiteral("conversationMenu"));
    panes.conversation->fillMenu(conversation);

    QMenu *context = panes.conversation->contextMenu();
    QAction *first = context->actions().value(0);
    context->insertActions(first, {action(Reply), action(ReplyAll), action(Forward)});
    context->insertSeparator(first);
}

void WindowActions::buildViewMenu(const PaneActions &panes)
{
    QMenu *view = m_window->menuBar()->addMenu(tr("&View"));
    view->setObjectName(QStringLiteral("viewMenu"));
    view->addAction(panes.allInboxes);
    QMenu *sort = view->addMenu(tr("&Sort Conversations"));
    sort->setObjectName(QStringLiteral("sortMenu"));
    sort->addActions(panes.sort);
    QMenu *showFrom = view->addMenu(tr("Show &Mail From"));
    showFrom->setObjectName(QStringLiteral("showMailFromMenu"));
    showFrom->addActions(panes.showMailFrom);
    view->addSeparator();
    view->addAction(panes.conversation->action(ConversationActionsController::Rules));
}

void WindowActions::buildToolBar(const PaneActions &panes)
{
    using C = ConversationActionsController;
    m_toolBar = m_window->addToolBar(tr("Main"));
    m_toolBar->setObjectName(QStringLiteral("mainToolBar"));
    m_toolBar->setAccessibleName(tr("Main toolbar"));
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_toolBar->setMovable(false);
    m_toolBar->addAction(action(Sync));
    m_toolBar->addSeparator();
    m_toolBar->addActions({action(NewMail), action(Reply), action(ReplyAll), action(Forward)});
    m_toolBar->addSeparator();
    for (C::Command c : {C::Delete, C::Ignore, C::Move, C::Flag, C::MarkRead, C::MarkUnread})
        m_toolBar->addAction(panes.conversation->action(c));
    auto *spacer = new QWidget(m_toolBar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    m_toolBar->addWidget(spacer);
    // Show mail from: a combo in the toolbar, the same choice in View.
    auto *filterLabel = new QLabel(tr("Show mail from:"), m_toolBar);
    filterLabel->setBuddy(panes.showMailFromCombo);
    m_toolBar->addWidget(filterLabel);
    m_toolBar->addWidget(panes.showMailFromCombo);
    m_toolBar->addSeparator();
    m_toolBar->addAction(action(Account));
}

// A toolbar makes its buttons without names; a tester finds each as its
// action's name + "Button" ("actionDeleteButton"), a screen reader by its label.
void WindowActions::nameToolBarButtons()
{
    for (QAction *a : m_toolBar->actions()) {
        QWidget *button = m_toolBar->widgetForAction(a);
        if (!button || a->objectName().isEmpty() || qobject_cast<QWidgetAction *>(a))
            continue;
        button->setObjectName(a->objectName() + QStringLiteral("Button"));
        button->setAccessibleName(a->iconText());
    }
}

} // namespace skein::ui
