#include "ConversationCommands.h"

#include "ConversationListModel.h"
#include "ConversationRulesDialog.h"
#include "Icons.h"
#include "Store.h"

#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QFile>
#include <QMenu>
#include <QStyle>
#include <QTimer>

namespace skein::ui {

using enum ConversationActionsController::Command;

namespace {

// The theme's icon or the app's bundled copy; where neither exists, the
// style's closest standard icon, so no toolbar button goes without one.
QIcon actionIcon(const QString &name, QStyle::StandardPixmap fallback)
{
    if (name.isEmpty())
        return {};
    if (QIcon::hasThemeIcon(name) || QFile::exists(QStringLiteral(":/skein/icons/%1.svg").arg(name)))
        return themeIcon(name);
    return fallback == QStyle::SP_CustomBase ? QIcon() : QApplication::style()->standardIcon(fallback);
}

} // namespace

ConversationCommands::ConversationCommands(Store &store, ConversationListModel *model, QAbstractItemView *view,
                                           ConversationActionsController &controller, QWidget *window)
    : QObject(&controller)
    , m_store(store)
    , m_model(model)
    , m_view(view)
    , m_controller(controller)
{
    createActions();
    m_contextMenu = new QMenu(window);
    m_contextMenu->setObjectName(QStringLiteral("conversationContextMenu"));
    fillMenu(m_contextMenu);

    // The list's rows change under a sync or a rollback: re-check once per burst.
    m_updateTimer = new QTimer(this);
    m_updateTimer->setSingleShot(true);
    m_updateTimer->setInterval(0);
    connect(m_updateTimer, &QTimer::timeout, this, &ConversationCommands::update);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &ConversationCommands::scheduleUpdate);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &ConversationCommands::scheduleUpdate);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &ConversationCommands::scheduleUpdate);
    connect(m_model, &QAbstractItemModel::modelReset, this, &ConversationCommands::scheduleUpdate);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this, &ConversationCommands::update);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_view, &QWidget::customContextMenuRequested, this, &ConversationCommands::showContextMenu);
}

void ConversationCommands::createActions()
{
    struct Spec {
        Command command;
        const char *objectName; // what testers and scripts find it by (docs/testing.md)
        QString text, iconText, icon, toolTip;
        QList<QKeySequence> keys;
        QStyle::StandardPixmap fallback = QStyle::SP_CustomBase; // none
    };
    const Spec specs[] = {
        {MarkRead, "actionMarkRead", tr("Mark as &Read"), tr("Read"), QStringLiteral("mail-mark-read"),
         tr("Mark the conversation's messages in this folder as read"), {QKeySequence(Qt::CTRL | Qt::Key_Q)},
         QStyle::SP_DialogApplyButton},
        {MarkUnread, "actionMarkUnread", tr("Mark as &Unread"), tr("Unread"), QStringLiteral("mail-mark-unread"),
         tr("Mark the conversation's messages in this folder as unread"), {QKeySequence(Qt::CTRL | Qt::Key_U)}},
        {Flag, "actionFlag", tr("&Flag for Follow-Up"), tr("Flag"), QStringLiteral("mail-flag"),
         tr("Flag the newest message of the conversation in this folder"), {QKeySequence(Qt::Key_Insert)}},
        {ClearFlag, "actionClearFlag", tr("C&lear Flag"), tr("Clear Flag"), QString(),
         tr("Remove the flags of the conversation's messages in this folder"), {}},
        {Complete, "actionMarkComplete", tr("Mark &Complete"), tr("Complete"), QString(),
         tr("Mark the flagged messages of the conversation in this folder complete"), {}},
        {Delete, "actionDelete", tr("&Delete Conversation"), tr("Delete"), QStringLiteral("user-trash"),
         tr("Move the conversation's messages in this folder to Deleted Items"), {QKeySequence(Qt::Key_Delete)}},
        {Ignore, "actionIgnore", tr("&Ignore Conversation"), tr("Ignore"), QStringLiteral("mail-thread-ignored"),
         tr("Move the conversation to Deleted Items, and every new message of it too"),
         {QKeySequence(Qt::CTRL | Qt::Key_Delete), QKeySequence(Qt::Key_K)}, QStyle::SP_BrowserStop},
        {StopRule, "actionStopRule", tr("&Stop Ignoring\u2026"), tr("Stop Ignoring"), QString(),
         tr("Forget the rule for this conversation and, if you like, bring its messages back"), {}},
        {Move, "actionMove", tr("&Move to Folder\u2026"), tr("Move"), QStringLiteral("folder"),
         tr("Move the conversation's messages in this folder to another folder"),
         {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_V)}},
        {AlwaysMove, "actionAlwaysMove", tr("&Always Move\u2026"), tr("Always Move"), QString(),
         tr("Move the conversation, and every new message of it, to a folder"), {}},
        {Find, "actionFindInAllFolders", tr("Find in All F&olders"), tr("Find"), QStringLiteral("edit-find"),
         tr("Show every message of the conversation and the folder it is in"), {}},
        {Rules, "actionConversationRules", tr("Conversation R&ules\u2026"), tr("Rules"), QString(),
         tr("The conversations you ignore or always move"), {}},
        {EmptyDeletedItems, "actionEmptyDeletedItems", tr("&Empty Deleted Items\u2026"), tr("Empty Deleted Items"),
         QStringLiteral("trash-empty"), tr("Delete every message in Deleted Items for good, on the server too"), {}},
        {Undo, "actionUndo", tr("&Undo"), tr("Undo"), QStringLiteral("edit-undo"),
         tr("Take back the last conversation action"), {QKeySequence(QKeySequence::Undo)}},
    };
    for (const Spec &spec : specs) {
        auto *action = new QAction(actionIcon(spec.icon, spec.fallback), spec.text, this);
        action->setObjectName(QLatin1String(spec.objectName));
        action->setIconText(spec.iconText);
        action->setShortcuts(spec.keys);
        // Only while the list or the reading pane has the focus: Delete and K
        // must keep their meaning in the filter field.
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        const QString keys = QKeySequence::listToString(spec.keys, QKeySequence::NativeText)
                                 .replace(QLatin1String("; "), tr(" or "));
        action->setToolTip(keys.isEmpty() ? spec.toolTip : tr("%1 (%2)").arg(spec.toolTip, keys));
        action->setStatusTip(spec.toolTip);
        m_actions[spec.command] = action;
        if (spec.command == Delete)
            m_deleteKeys = keys;
    }
}

void ConversationCommands::addShortcutTarget(QWidget *widget)
{
    for (QAction *a : m_actions)
        if (!a->shortcuts().isEmpty())
            widget->addAction(a);
}

void ConversationCommands::fillMenu(QMenu *menu) const
{
    menu->addActions({action(MarkRead), action(MarkUnread)});
    menu->addSeparator();
    menu->addActions({action(Flag), action(ClearFlag), action(Complete)});
    menu->addSeparator();
    menu->addActions({action(Move), action(AlwaysMove)});
    menu->addSeparator();
    menu->addActions({action(Ignore), action(StopRule), action(Delete)});
    menu->addSeparator();
    menu->addActions({action(Find), action(Rules)});
}

void ConversationCommands::scheduleUpdate()
{
    m_updateTimer->start();
}

void ConversationCommands::update()
{
    m_updateTimer->stop();
    const std::optional<ConversationActionsController::Target> target = m_controller.currentTarget();
    bool unread = false, read = false, active = false, anyFlag = false;
    int inFolder = 0;
    std::optional<ConversationRule> rule;
    if (target) {
        for (const Message &m : m_store.messageStore().conversationMessages(target->conversationId)) {
            if (m.folderId != target->folderId)
                continue;
            ++inFolder;
            (m.read ? read : unread) = true;
            active |= m.flag.status == FlagStatus::Active;
            anyFlag |= m.flag.status != FlagStatus::None;
        }
        rule = m_store.journalStore().conversationRule(target->conversationId);
    }
    const bool ignored = rule && rule->kind == ActionKind::Ignore && rule->state != RuleState::Failed;
    action(MarkRead)->setEnabled(unread);
    action(MarkUnread)->setEnabled(read);
    action(Flag)->setEnabled(inFolder > 0);
    action(ClearFlag)->setEnabled(anyFlag);
    action(Complete)->setEnabled(active);
    action(Delete)->setEnabled(inFolder > 0);
    action(Move)->setEnabled(inFolder > 0);
    action(Ignore)->setEnabled(target.has_value() && !ignored);
    action(StopRule)->setEnabled(rule.has_value());
    action(StopRule)->setVisible(rule.has_value());
    if (rule)
        action(StopRule)->setText(ConversationRulesDialog::stopLabel(*rule));
    action(AlwaysMove)->setEnabled(target.has_value());
    action(Find)->setEnabled(target.has_value());
    describeDelete(isDeletedItems(m_store, m_model->folder()));
    action(EmptyDeletedItems)->setEnabled(m_store.folderStore().folderOfType(FolderType::DeletedItems).has_value());
    updateNotice(rule);
}

void ConversationCommands::updateNotice(const std::optional<ConversationRule> &rule)
{
    QString notice, button;
    if (rule && rule->state != RuleState::Failed) {
        const QString where = folderNameOf(m_store, rule->targetFolderId);
        notice = rule->kind == ActionKind::Ignore
            ? tr("You are ignoring this conversation: new messages of it go to %1.").arg(where)
            : tr("This conversation is always moved to %1, new messages too.").arg(where);
        button = ConversationRulesDialog::stopLabel(*rule);
    }
    if (notice != m_lastNotice || !notice.isEmpty()) {
        m_lastNotice = notice;
        Q_EMIT noticeChanged(notice, button);
    }
}

void ConversationCommands::showContextMenu(const QPoint &pos)
{
    const QModelIndex index = m_view->indexAt(pos);
    if (!index.isValid())
        return;
    if (index != m_view->currentIndex())
        m_view->setCurrentIndex(index);
    update();
    m_contextMenu->popup(m_view->viewport()->mapToGlobal(pos));
}

// In Deleted Items a Delete is for good (the server does not move it on):
// the command says so, and asks first (ConversationActionsDialogs).
void ConversationCommands::describeDelete(bool permanent)
{
    QAction *a = action(Delete);
    const QString tip = permanent ? tr("Delete the conversation's messages in Deleted Items for good; Skein asks first")
                                  : tr("Move the conversation's messages in this folder to Deleted Items");
    a->setText(permanent ? tr("&Delete Permanently\u2026") : tr("&Delete Conversation"));
    a->setStatusTip(tip);
    a->setToolTip(m_deleteKeys.isEmpty() ? tip : tr("%1 (%2)").arg(tip, m_deleteKeys));
}

} // namespace skein::ui
