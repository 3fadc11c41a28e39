// MainWindow: writing mail. New, Reply, Reply All and Forward in the
// toolbar, the Message menu, the conversation list's context menu and on
// each card of the reading pane; the app opens the composer.

#include "MainWindow.h"

#include "ConversationActionsController.h"
#include "ConversationListModel.h"
#include "ConversationView.h"
#include "Icons.h"
#include "ReadingPane.h"

#include <QAction>
#include <QMenu>
#include <QMenuBar>
#include <QToolBar>

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

void MainWindow::createComposeActions()
{
    m_newMailAction = composeAction(this, "actionNewMail", tr("&New Message"), tr("New"),
                                    QStringLiteral("mail-message-new"), QKeySequence(Qt::CTRL | Qt::Key_N),
                                    tr("Write a new message"));
    m_replyAction = composeAction(this, "actionReply", tr("&Reply"), tr("Reply"), QStringLiteral("mail-reply-sender"),
                                  QKeySequence(Qt::CTRL | Qt::Key_R), tr("Answer the sender of the selected message"));
    m_replyAllAction = composeAction(this, "actionReplyAll", tr("Reply &All"), tr("Reply All"),
                                     QStringLiteral("mail-reply-all"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R),
                                     tr("Answer the sender and everyone the selected message went to"));
    // Not Ctrl+F: that is Find (Filter Conversations), the platform's Find key.
    m_forwardAction = composeAction(this, "actionForward", tr("&Forward"), tr("Forward"),
                                    QStringLiteral("mail-forward"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F),
                                    tr("Send the selected message on to someone"));
    for (QAction *a : {m_newMailAction, m_replyAction, m_replyAllAction, m_forwardAction})
        addAction(a); // window-wide shortcuts
    connect(m_newMailAction, &QAction::triggered, this, [this] { Q_EMIT composeRequested(OutboxKind::Send, 0, false); });
    connect(m_replyAction, &QAction::triggered, this,
            [this] { Q_EMIT composeRequested(OutboxKind::Reply, selectedMessageId(), false); });
    connect(m_replyAllAction, &QAction::triggered, this,
            [this] { Q_EMIT composeRequested(OutboxKind::Reply, selectedMessageId(), true); });
    connect(m_forwardAction, &QAction::triggered, this,
            [this] { Q_EMIT composeRequested(OutboxKind::Forward, selectedMessageId(), false); });
    connect(m_readingPane, &ReadingPane::answerRequested, this, &MainWindow::composeRequested);

    QMenu *menu = new QMenu(tr("&Message"), this);
    menu->setObjectName(QStringLiteral("messageMenu"));
    menu->addAction(m_newMailAction);
    menu->addSeparator();
    menu->addActions({m_replyAction, m_replyAllAction, m_forwardAction});
    QMenu *conversationMenu = findChild<QMenu *>(QStringLiteral("conversationMenu"));
    menuBar()->insertMenu(conversationMenu ? conversationMenu->menuAction() : m_viewMenu->menuAction(), menu);

    QMenu *context = m_actions->contextMenu();
    QAction *first = context->actions().value(0);
    context->insertActions(first, {m_replyAction, m_replyAllAction, m_forwardAction});
    context->insertSeparator(first);

    const QList<QAction *> bar = m_toolBar->actions();
    QAction *afterSync = bar.value(bar.indexOf(m_syncAction) + 1);
    m_toolBar->insertActions(afterSync, {m_newMailAction, m_replyAction, m_replyAllAction, m_forwardAction});
    m_toolBar->insertSeparator(m_newMailAction);

    connect(m_conversationView->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &MainWindow::updateComposeActions);
    updateComposeActions();
}

qint64 MainWindow::selectedMessageId() const
{
    if (isUnifiedInboxShown()) // the conversation All Inboxes shows, in the account now open
        return m_unifiedView->currentIndex().isValid() ? m_readingPane->answerTargetId() : 0;
    const QModelIndex current = m_conversationView->currentIndex();
    if (!current.isValid())
        return 0;
    if (const Message *message = m_listModel->message(current))
        return message->id;
    return m_listModel->summary(current).headId;
}

void MainWindow::updateComposeActions()
{
    const bool any = selectedMessageId() != 0;
    for (QAction *a : {m_replyAction, m_replyAllAction, m_forwardAction})
        a->setEnabled(any);
}

} // namespace skein::ui
