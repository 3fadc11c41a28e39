#include "ConversationActionsController.h"

#include "ConversationActions.h"
#include "ConversationListModel.h"
#include "ConversationRules.h"
#include "ConversationRulesDialog.h"
#include "Icons.h"
#include "ModelRoles.h"
#include "Store.h"

#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QFile>
#include <QStyle>
#include <QMenu>
#include <QTimer>

#include <algorithm>

namespace skein::ui {

QString describeAction(ActionKind kind, const QString &subject, const QString &folderName)
{
    const QString s = QStringLiteral("\u201c%1\u201d").arg(subject.isEmpty() ? QObject::tr("(no subject)") : subject);
    switch (kind) {
    case ActionKind::Delete: return QObject::tr("delete %1").arg(s);
    case ActionKind::Flag: return QObject::tr("flag %1").arg(s);
    case ActionKind::ClearFlag: return QObject::tr("clear the flag on %1").arg(s);
    case ActionKind::Complete: return QObject::tr("mark %1 complete").arg(s);
    case ActionKind::MarkRead: return QObject::tr("mark %1 as read").arg(s);
    case ActionKind::MarkUnread: return QObject::tr("mark %1 as unread").arg(s);
    case ActionKind::Ignore: return QObject::tr("ignore %1").arg(s);
    case ActionKind::AlwaysMove: return QObject::tr("always move %1 to %2").arg(s, folderName);
    case ActionKind::Move: return QObject::tr("move %1 to %2").arg(s, folderName);
    }
    return s;
}

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

ConversationActionsController::ConversationActionsController(Store &store, ConversationListModel *model,
                                                             QAbstractItemView *view, QWidget *window)
    : QObject(window)
    , m_store(store)
    , m_model(model)
    , m_view(view)
    , m_window(window)
    , m_conversationActions(new ConversationActions(store, this))
{
    createActions();
    m_contextMenu = new QMenu(window);
    m_contextMenu->setObjectName(QStringLiteral("conversationContextMenu"));
    fillMenu(m_contextMenu);

    // The list's rows change under a sync or a rollback: re-check once per burst.
    m_updateTimer = new QTimer(this);
    m_updateTimer->setSingleShot(true);
    m_updateTimer->setInterval(0);
    connect(m_updateTimer, &QTimer::timeout, this, &ConversationActionsController::updateActions);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &ConversationActionsController::scheduleUpdate);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &ConversationActionsController::scheduleUpdate);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &ConversationActionsController::scheduleUpdate);
    connect(m_model, &QAbstractItemModel::modelReset, this, &ConversationActionsController::scheduleUpdate);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &ConversationActionsController::updateActions);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_view, &QWidget::customContextMenuRequested, this, &ConversationActionsController::showContextMenu);
    connect(m_conversationActions, &ConversationActions::actionApplied, this,
            [this](qint64, const QStringList &folders) { Q_EMIT foldersChanged(folders); });
    updateActions();
}

ConversationActionsController::~ConversationActionsController() = default;

void ConversationActionsController::createActions()
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
    connect(action(MarkRead), &QAction::triggered, this, [this] { run(ActionKind::MarkRead); });
    connect(action(MarkUnread), &QAction::triggered, this, [this] { run(ActionKind::MarkUnread); });
    connect(action(Flag), &QAction::triggered, this, [this] { run(ActionKind::Flag); });
    connect(action(ClearFlag), &QAction::triggered, this, [this] { run(ActionKind::ClearFlag); });
    connect(action(Complete), &QAction::triggered, this, [this] { run(ActionKind::Complete); });
    connect(action(Delete), &QAction::triggered, this, &ConversationActionsController::deleteCurrent);
    connect(action(Ignore), &QAction::triggered, this, [this] { run(ActionKind::Ignore); });
    connect(action(StopRule), &QAction::triggered, this, &ConversationActionsController::stopCurrentRule);
    connect(action(Move), &QAction::triggered, this, [this] { chooseFolder(ActionKind::Move); });
    connect(action(AlwaysMove), &QAction::triggered, this, [this] { chooseFolder(ActionKind::AlwaysMove); });
    connect(action(Find), &QAction::triggered, this, &ConversationActionsController::find);
    connect(action(Rules), &QAction::triggered, this, &ConversationActionsController::showRules);
    connect(action(EmptyDeletedItems), &QAction::triggered, this,
            &ConversationActionsController::askToEmptyDeletedItems);
    connect(action(Undo), &QAction::triggered, this, &ConversationActionsController::undoLast);
    action(Undo)->setEnabled(false);
}

void ConversationActionsController::addShortcutTarget(QWidget *widget)
{
    for (QAction *a : m_actions)
        if (!a->shortcuts().isEmpty())
            widget->addAction(a);
}

void ConversationActionsController::fillMenu(QMenu *menu) const
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

std::optional<ConversationActionsController::Target> ConversationActionsController::currentTarget() const
{
    QModelIndex index = m_view->currentIndex();
    while (index.parent().isValid())
        index = index.parent();
    if (!index.isValid())
        return std::nullopt;
    Target target;
    target.conversationId = index.data(ConversationIdRole).toByteArray();
    target.folderId = m_model->folder();
    target.subject = ConversationRulesDialog::subjectOf(m_store, target.conversationId);
    if (target.subject.isEmpty())
        target.subject = index.data(SubjectRole).toString();
    if (target.conversationId.isEmpty() || target.folderId.isEmpty())
        return std::nullopt; // a message without ConversationId: no conversation to act on
    return target;
}

void ConversationActionsController::scheduleUpdate()
{
    m_updateTimer->start();
}

void ConversationActionsController::updateActions()
{
    m_updateTimer->stop();
    const std::optional<Target> target = currentTarget();
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
    describeDelete(isDeletedItems(m_model->folder()));
    action(EmptyDeletedItems)->setEnabled(m_store.folderStore().folderOfType(FolderType::DeletedItems).has_value());

    QString notice, button;
    if (rule && rule->state != RuleState::Failed) {
        const QString where = folderName(rule->targetFolderId);
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

void ConversationActionsController::showContextMenu(const QPoint &pos)
{
    const QModelIndex index = m_view->indexAt(pos);
    if (!index.isValid())
        return;
    if (index != m_view->currentIndex())
        m_view->setCurrentIndex(index);
    updateActions();
    m_contextMenu->popup(m_view->viewport()->mapToGlobal(pos));
}

bool ConversationActionsController::run(ActionKind kind, const QString &targetFolderId)
{
    const std::optional<Target> target = currentTarget();
    return target && runOn(*target, kind, targetFolderId);
}

bool ConversationActionsController::markOpenedRead(const QModelIndex &index)
{
    if (!index.isValid())
        return false;
    const QString folderId = m_model->folder();
    const QString subject = index.data(SubjectRole).toString();
    qint64 messageId = 0; // one message: a reply-tree row, or a row without ConversationId
    QByteArray conversationId;
    if (const Message *message = m_model->message(index)) {
        if (message->read)
            return false;
        messageId = message->id;
    } else {
        const ConversationSummary summary = m_model->summary(index);
        if (summary.conversationId.isEmpty()) {
            const std::optional<Message> head = m_store.messageStore().messageById(summary.headId);
            if (!head || head->read)
                return false;
            messageId = head->id;
        } else {
            conversationId = summary.conversationId;
        }
    }
    if (!conversationId.isEmpty()) {
        const QList<Message> messages = m_store.messageStore().conversationMessages(conversationId);
        const bool anyUnread = std::any_of(messages.cbegin(), messages.cend(), [&](const Message &m) {
            return m.folderId == folderId && !m.read;
        });
        if (!anyUnread || folderId.isEmpty())
            return false;
    }
    const ConversationActions::Result result = messageId ? m_conversationActions->markMessageRead(messageId)
                                                         : m_conversationActions->markRead(conversationId, folderId);
    if (!result.ok()) {
        Q_EMIT problem(tr("Skein could not %1.").arg(describeAction(ActionKind::MarkRead, subject)), result.error);
        updateActions();
        return false;
    }
    updatePending();
    updateActions();
    Q_EMIT actionsQueued();
    return true;
}

bool ConversationActionsController::runOn(const Target &target, ActionKind kind, const QString &targetFolderId)
{
    const ConversationActions::Result result =
        m_conversationActions->apply(kind, target.conversationId, target.folderId, targetFolderId);
    const QString what = describeAction(kind, target.subject, folderName(targetFolderId));
    if (!result.ok()) {
        Q_EMIT problem(tr("Skein could not %1.").arg(what), result.error);
        updateActions();
        return false;
    }
    updatePending();
    updateActions();
    offerUndo(result.entryId, what);
    const std::optional<ConversationRule> rule =
        kind == ActionKind::Ignore || kind == ActionKind::AlwaysMove ? m_store.journalStore().conversationRule(target.conversationId)
                                                                      : std::nullopt;
    if (rule && rule->scope == RuleScope::Local) {
        // The server refused such rules before (Capability::ConversationMove):
        // this one works only while Skein runs, so say so as the engine did
        // when it learned it (ActionReplayer's notice).
        Q_EMIT status(kind == ActionKind::Ignore
                          ? tr("This server cannot keep conversation rules; Skein keeps \u201c%1\u201d ignored on "
                               "this computer.").arg(target.subject)
                          : tr("This server cannot keep conversation rules; Skein keeps moving \u201c%1\u201d to "
                               "%2 on this computer.").arg(target.subject, folderName(targetFolderId)));
    } else if (kind == ActionKind::Ignore) {
        const QString trash = m_store.folderStore().folderOfType(FolderType::DeletedItems).value_or(Folder{}).serverId;
        Q_EMIT status(tr("Ignoring \u201c%1\u201d: its messages and any new ones go to %2.")
                          .arg(target.subject, folderName(trash)));
    } else if (kind == ActionKind::Delete && isDeletedItems(target.folderId)) {
        Q_EMIT status(tr("Deleted \u201c%1\u201d permanently.").arg(target.subject));
    } else {
        Q_EMIT status(tr("Done: %1.").arg(what));
    }
    Q_EMIT actionsQueued();
    return true;
}

void ConversationActionsController::actionFailed(qint64 entryId, const QString &message)
{
    const std::optional<ActionEntry> entry = m_store.journalStore().action(entryId);
    if (!entry) {
        Q_EMIT problem(tr("The server refused a change: %1").arg(message),
                       tr("Skein undid it on this computer."));
        return;
    }
    const QString subject = ConversationRulesDialog::subjectOf(m_store, entry->conversationId);
    const bool emptied = entry->kind == ActionKind::Delete && entry->conversationId.isEmpty();
    const QString what = emptied ? tr("empty %1").arg(folderName(entry->folderId))
                                 : describeAction(entry->kind, subject, folderName(entry->targetFolderId));
    const bool moved = channelOf(entry->kind) != ActionChannel::Sync || entry->kind == ActionKind::Delete;
    Q_EMIT status(QString()); // the "Ignoring…" of a moment ago is no longer true
    Q_EMIT problem(tr("Skein could not %1: %2").arg(what, message),
                   moved ? tr("The change was undone on this computer: the messages are back where they were.")
                         : tr("The change was undone on this computer."));
    Q_EMIT foldersChanged({entry->folderId, entry->targetFolderId});
    updateActions();
}

void ConversationActionsController::actionsChanged()
{
    Q_EMIT foldersChanged({});
    if (m_rules)
        m_rules->reload();
    updatePending();
    updateActions();
}

void ConversationActionsController::replayFinished(bool ok, const QString &message)
{
    updatePending(ok ? QString() : tr("Not sent yet: %1\nSkein sends them at the next sync.").arg(message));
}

int ConversationActionsController::pendingCount() const
{
    return int(m_store.journalStore().actions(true).size());
}

QString ConversationActionsController::pendingText() const
{
    const int count = pendingCount();
    if (count == 0)
        return {};
    return count == 1 ? tr("1 change waiting to be sent") : tr("%1 changes waiting to be sent").arg(count);
}

void ConversationActionsController::updatePending(const QString &toolTip)
{
    Q_EMIT pendingChanged(pendingCount(), pendingText(),
                          toolTip.isEmpty() ? tr("Your changes are saved on this computer and sent to the "
                                                 "server as soon as it can be reached.")
                                            : toolTip);
}

bool ConversationActionsController::isDeletedItems(const QString &folderId) const
{
    const std::optional<Folder> folder = m_store.folderStore().folder(folderId);
    return folder && folder->type == FolderType::DeletedItems;
}

// In Deleted Items a Delete is for good (the server does not move it on):
// the command says so, and asks first (ConversationActionsDialogs.cpp).
void ConversationActionsController::describeDelete(bool permanent)
{
    QAction *a = action(Delete);
    const QString tip = permanent ? tr("Delete the conversation's messages in Deleted Items for good; Skein asks first")
                                  : tr("Move the conversation's messages in this folder to Deleted Items");
    a->setText(permanent ? tr("&Delete Permanently\u2026") : tr("&Delete Conversation"));
    a->setStatusTip(tip);
    a->setToolTip(m_deleteKeys.isEmpty() ? tip : tr("%1 (%2)").arg(tip, m_deleteKeys));
}

QString ConversationActionsController::folderName(const QString &folderId) const
{
    if (folderId.isEmpty())
        return {};
    const std::optional<Folder> folder = m_store.folderStore().folder(folderId);
    return folder ? folder->name : folderId;
}

} // namespace skein::ui
