#include "ConversationActionsController.h"

#include "ConversationActions.h"
#include "ConversationActionsDialogs.h"
#include "ConversationCommands.h"
#include "ConversationListModel.h"
#include "ConversationRulesDialog.h"
#include "ConversationUndo.h"
#include "ModelRoles.h"
#include "PendingChanges.h"
#include "Store.h"

#include <QAbstractItemView>
#include <QAction>

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

QString folderNameOf(const Store &store, const QString &folderId)
{
    if (folderId.isEmpty())
        return {};
    const std::optional<Folder> folder = store.folderStore().folder(folderId);
    return folder ? folder->name : folderId;
}

bool isDeletedItems(const Store &store, const QString &folderId)
{
    const std::optional<Folder> folder = store.folderStore().folder(folderId);
    return folder && folder->type == FolderType::DeletedItems;
}

ConversationActionsController::ConversationActionsController(Store &store, ConversationListModel *model,
                                                             QAbstractItemView *view, QWidget *window)
    : QObject(window)
    , m_store(store)
    , m_model(model)
    , m_view(view)
    , m_conversationActions(new ConversationActions(store, this))
    , m_commands(new ConversationCommands(store, model, view, *this, window))
    , m_pending(new PendingChanges(store, this))
    , m_undo(new ConversationUndo(*this, action(Undo)))
    , m_dialogs(new ConversationActionsDialogs(store, *this, window))
{
    connectCommands();
    connect(m_commands, &ConversationCommands::noticeChanged, this, &ConversationActionsController::noticeChanged);
    connect(m_pending, &PendingChanges::changed, this, &ConversationActionsController::pendingChanged);
    connect(m_undo, &ConversationUndo::offered, this, &ConversationActionsController::undoOffered);
    connect(m_conversationActions, &ConversationActions::actionApplied, this,
            [this](qint64, const QStringList &folders) { Q_EMIT foldersChanged(folders); });
    m_commands->update();
}

ConversationActionsController::~ConversationActionsController() = default;

// Undo connects its own action (ConversationUndo).
void ConversationActionsController::connectCommands()
{
    ConversationActionsDialogs *d = m_dialogs;
    connect(action(MarkRead), &QAction::triggered, this, [this] { run(ActionKind::MarkRead); });
    connect(action(MarkUnread), &QAction::triggered, this, [this] { run(ActionKind::MarkUnread); });
    connect(action(Flag), &QAction::triggered, this, [this] { run(ActionKind::Flag); });
    connect(action(ClearFlag), &QAction::triggered, this, [this] { run(ActionKind::ClearFlag); });
    connect(action(Complete), &QAction::triggered, this, [this] { run(ActionKind::Complete); });
    connect(action(Delete), &QAction::triggered, d, &ConversationActionsDialogs::deleteCurrent);
    connect(action(Ignore), &QAction::triggered, this, [this] { run(ActionKind::Ignore); });
    connect(action(StopRule), &QAction::triggered, d, &ConversationActionsDialogs::stopCurrentRule);
    connect(action(Move), &QAction::triggered, d, [d] { d->chooseFolder(ActionKind::Move); });
    connect(action(AlwaysMove), &QAction::triggered, d, [d] { d->chooseFolder(ActionKind::AlwaysMove); });
    connect(action(Find), &QAction::triggered, d, &ConversationActionsDialogs::find);
    connect(action(Rules), &QAction::triggered, d, &ConversationActionsDialogs::showRules);
    connect(action(EmptyDeletedItems), &QAction::triggered, d, &ConversationActionsDialogs::askToEmptyDeletedItems);
}

QAction *ConversationActionsController::action(Command command) const
{
    return m_commands->action(command);
}

void ConversationActionsController::addShortcutTarget(QWidget *widget)
{
    m_commands->addShortcutTarget(widget);
}

void ConversationActionsController::fillMenu(QMenu *menu) const
{
    m_commands->fillMenu(menu);
}

QMenu *ConversationActionsController::contextMenu() const
{
    return m_commands->contextMenu();
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
        m_commands->update();
        return false;
    }
    journaled({});
    return true;
}

bool ConversationActionsController::runOn(const Target &target, ActionKind kind, const QString &targetFolderId)
{
    const ConversationActions::Result result =
        m_conversationActions->apply(kind, target.conversationId, target.folderId, targetFolderId);
    const QString what = describeAction(kind, target.subject, folderNameOf(m_store, targetFolderId));
    if (!result.ok()) {
        Q_EMIT problem(tr("Skein could not %1.").arg(what), result.error);
        m_commands->update();
        return false;
    }
    m_pending->update();
    m_commands->update();
    m_undo->offer(result.entryId, what);
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
                               "%2 on this computer.").arg(target.subject, folderNameOf(m_store, targetFolderId)));
    } else if (kind == ActionKind::Ignore) {
        const QString trash = m_store.folderStore().folderOfType(FolderType::DeletedItems).value_or(Folder{}).serverId;
        Q_EMIT status(tr("Ignoring \u201c%1\u201d: its messages and any new ones go to %2.")
                          .arg(target.subject, folderNameOf(m_store, trash)));
    } else if (kind == ActionKind::Delete && isDeletedItems(m_store, target.folderId)) {
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
    const QString what = emptied ? tr("empty %1").arg(folderNameOf(m_store, entry->folderId))
                                 : describeAction(entry->kind, subject, folderNameOf(m_store, entry->targetFolderId));
    const bool moved = channelOf(entry->kind) != ActionChannel::Sync || entry->kind == ActionKind::Delete;
    Q_EMIT status(QString()); // the "Ignoring…" of a moment ago is no longer true
    Q_EMIT problem(tr("Skein could not %1: %2").arg(what, message),
                   moved ? tr("The change was undone on this computer: the messages are back where they were.")
                         : tr("The change was undone on this computer."));
    Q_EMIT foldersChanged({entry->folderId, entry->targetFolderId});
    m_commands->update();
}

void ConversationActionsController::actionsChanged()
{
    Q_EMIT foldersChanged({});
    m_dialogs->reloadRules();
    m_pending->update();
    m_commands->update();
}

void ConversationActionsController::replayFinished(bool ok, const QString &message)
{
    m_pending->update(ok ? QString() : tr("Not sent yet: %1\nSkein sends them at the next sync.").arg(message));
}

void ConversationActionsController::showFindResult(const QByteArray &conversationId, bool fromServer,
                                                   const QString &note, const QList<Message> &messages)
{
    m_dialogs->showFindResult(conversationId, fromServer, note, messages);
}

void ConversationActionsController::journaled(const QString &statusText)
{
    m_pending->update();
    m_commands->update();
    if (!statusText.isEmpty())
        Q_EMIT status(statusText);
    Q_EMIT actionsQueued();
}

} // namespace skein::ui
