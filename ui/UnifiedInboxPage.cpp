#include "UnifiedInboxPage.h"

#include "ConversationActions.h"
#include "ConversationActionsController.h"
#include "ConversationView.h"
#include "FolderPane.h"
#include "MarkReadWait.h"
#include "ReadingPane.h"
#include "UnifiedInboxModel.h"

namespace skein::ui {

UnifiedInboxPage::UnifiedInboxPage(FolderPane *folders, ReadingPane *reading, ConversationActionsController *actions,
                                   QWidget *parent)
    : QObject(parent)
    , m_folders(folders)
    , m_reading(reading)
    , m_actions(actions)
    , m_model(new UnifiedInboxModel(this))
    , m_view(new ConversationView(parent))
    , m_markReadWait(new MarkReadWait(m_view, this))
{
    m_view->setObjectName(QStringLiteral("unifiedInboxView"));
    m_view->setAccessibleName(tr("All Inboxes"));
    m_view->setModel(m_model);
    m_view->setRootIsDecorated(false);
    m_view->setExpandsOnDoubleClick(false);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this, &UnifiedInboxPage::show);
    connect(m_view, &ConversationView::openRequested, this, &UnifiedInboxPage::open);
    connect(m_view, &QAbstractItemView::doubleClicked, this, &UnifiedInboxPage::open);
    connect(m_markReadWait, &MarkReadWait::due, this, &UnifiedInboxPage::markRead);
}

void UnifiedInboxPage::setAccounts(const QList<FolderModel::Account> &accounts)
{
    m_model->setAccounts(accounts.size() > 1 ? accounts : QList<FolderModel::Account>{});
}

void UnifiedInboxPage::reload()
{
    m_model->refresh();
}

void UnifiedInboxPage::refresh()
{
    if (!m_view->isVisibleTo(m_view->window()))
        return;
    const UnifiedInboxModel::Row *current = m_model->row(m_view->currentIndex());
    const std::optional<UnifiedInboxModel::Row> kept = current ? std::optional(*current) : std::nullopt;
    m_model->refresh();
    if (!kept)
        return;
    const QModelIndex again = m_model->indexOf(kept->account, kept->summary.conversationId, kept->summary.headId);
    const QSignalBlocker still(m_view->selectionModel()); // the reading pane refreshes on its own
    m_view->setCurrentIndex(again);
}

void UnifiedInboxPage::show(const QModelIndex &current)
{
    m_markReadWait->stop();
    const UnifiedInboxModel::Row *row = m_model->row(current);
    if (!row) {
        m_reading->clear();
        Q_EMIT rowShown();
        return;
    }
    const UnifiedInboxModel::Row chosen = *row; // the switch below may re-read the model
    if (!m_folders->switchAccount(chosen.account))
        return;
    m_reading->showConversation(chosen.summary.conversationId, chosen.summary.headId, chosen.inboxId);
    Q_EMIT rowShown();
    m_markReadWait->start(m_view->currentIndex());
}

// The conversation in its own Inbox, where every action applies.
void UnifiedInboxPage::open(const QModelIndex &index)
{
    const UnifiedInboxModel::Row *row = m_model->row(index);
    if (!row)
        return;
    const UnifiedInboxModel::Row chosen = *row;
    if (!m_folders->switchAccount(chosen.account))
        return;
    m_folders->setCurrentIndex(m_folders->folderModel()->indexForFolder(chosen.inboxId, chosen.account));
    Q_EMIT openRequested(chosen.inboxId, chosen.summary.conversationId, chosen.summary.headId);
}

// As in the account's own Inbox: what stayed open long enough is read.
void UnifiedInboxPage::markRead(const QModelIndex &index)
{
    const UnifiedInboxModel::Row *row = m_model->row(index);
    if (!row || row->summary.unreadCount == 0 || row->account != m_folders->activeAccount())
        return;
    ConversationActions &actions = m_actions->conversationActions();
    const ConversationActions::Result result = row->summary.conversationId.isEmpty()
        ? actions.markMessageRead(row->summary.headId)
        : actions.markRead(row->summary.conversationId, row->inboxId);
    if (!result.ok())
        return; // nothing unread any more, or nothing to mark: no reason to bother the user
    m_actions->actionsChanged();
    Q_EMIT actionsQueued();
    m_folders->folderModel()->refresh();
    refresh();
}

} // namespace skein::ui
