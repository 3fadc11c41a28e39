// MainWindow: several accounts in one window. The folder pane groups each
// account's folders under its row; everything else (list, reading pane,
// actions, Outbox, Drafts) shows the active account, whose store the app
// opens in the window's connection before activateAccount.

#include "MainWindow.h"

#include "ConversationActions.h"
#include "ConversationActionsController.h"
#include "ConversationListModel.h"
#include "ConversationView.h"
#include "DraftListView.h"
#include "OutboxView.h"
#include "ReadingPane.h"
#include "UnifiedInboxModel.h"

#include <QAction>
#include <QSettings>
#include <QStackedWidget>
#include <QTimer>
#include <QTreeView>

namespace skein::ui {

namespace {

const QString unifiedInboxKey = QStringLiteral("view/unifiedInbox");

} // namespace

void MainWindow::createAccountActions()
{
    m_unifiedInboxAction = new QAction(tr("&All Inboxes"), this);
    m_unifiedInboxAction->setObjectName(QStringLiteral("actionAllInboxes"));
    m_unifiedInboxAction->setToolTip(tr("With several accounts, show every account's Inbox in one list"));
    m_unifiedInboxAction->setCheckable(true);
    m_unifiedInboxAction->setChecked(QSettings().value(unifiedInboxKey, true).toBool());
    m_folderModel->setUnifiedInbox(m_unifiedInboxAction->isChecked());
    connect(m_unifiedInboxAction, &QAction::toggled, this, [this](bool shown) {
        QSettings().setValue(unifiedInboxKey, shown);
        const bool wasShown = isUnifiedInboxShown();
        m_folderModel->setUnifiedInbox(shown);
        if (wasShown && !shown)
            selectAccount(activeAccount());
    });
}

QWidget *MainWindow::createUnifiedPage()
{
    m_unifiedModel = new UnifiedInboxModel(this);
    m_unifiedView = new ConversationView(this);
    m_unifiedView->setObjectName(QStringLiteral("unifiedInboxView"));
    m_unifiedView->setAccessibleName(tr("All Inboxes"));
    m_unifiedView->setModel(m_unifiedModel);
    m_unifiedView->setRootIsDecorated(false);
    m_unifiedView->setExpandsOnDoubleClick(false);
    connect(m_unifiedView->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &MainWindow::unifiedRowSelected);
    connect(m_unifiedView, &ConversationView::openRequested, this, &MainWindow::openUnifiedRow);
    connect(m_unifiedView, &QAbstractItemView::doubleClicked, this, &MainWindow::openUnifiedRow);
    m_unifiedReadTimer = new QTimer(this);
    m_unifiedReadTimer->setSingleShot(true);
    connect(m_unifiedReadTimer, &QTimer::timeout, this, &MainWindow::markUnifiedRead);
    return m_unifiedView;
}

bool MainWindow::isUnifiedInboxShown() const
{
    return m_centreStack && m_centreStack->currentWidget() == m_unifiedView;
}

void MainWindow::showUnifiedInbox()
{
    m_markReadTimer->stop();
    m_readingPane->clear();
    m_listModel->setFolder(QString());
    m_unifiedModel->refresh();
    m_centreStack->setCurrentWidget(m_unifiedView);
    updateComposeActions();
}

// Keeps the row the user is on (by account and conversation) across the re-read.
void MainWindow::refreshUnifiedInbox()
{
    if (!isUnifiedInboxShown())
        return;
    const UnifiedInboxModel::Row *current = m_unifiedModel->row(m_unifiedView->currentIndex());
    const std::optional<UnifiedInboxModel::Row> kept = current ? std::optional(*current) : std::nullopt;
    m_unifiedModel->refresh();
    if (!kept)
        return;
    const QModelIndex again = m_unifiedModel->indexOf(kept->account, kept->summary.conversationId, kept->summary.headId);
    const QSignalBlocker still(m_unifiedView->selectionModel()); // the reading pane refreshes on its own
    m_unifiedView->setCurrentIndex(again);
}

void MainWindow::unifiedRowSelected(const QModelIndex &current)
{
    m_unifiedReadTimer->stop();
    const UnifiedInboxModel::Row *row = m_unifiedModel->row(current);
    if (!row) {
        m_readingPane->clear();
        updateComposeActions();
        return;
    }
    const UnifiedInboxModel::Row chosen = *row; // the switch below may re-read the model
    if (chosen.account != activeAccount()) {
        Q_EMIT accountSwitchRequested(chosen.account);
        if (chosen.account != activeAccount())
            return;
    }
    m_readingPane->showConversation(chosen.summary.conversationId, chosen.summary.headId, chosen.inboxId);
    updateComposeActions();
    if (m_markReadDelay >= 0)
        m_unifiedReadTimer->start(m_markReadDelay);
}

// As in the account's own Inbox: what stayed open long enough is read.
void MainWindow::markUnifiedRead()
{
    const UnifiedInboxModel::Row *row = m_unifiedModel->row(m_unifiedView->currentIndex());
    if (!row || row->summary.unreadCount == 0 || row->account != activeAccount())
        return;
    ConversationActions &actions = m_actions->conversationActions();
    const ConversationActions::Result result = row->summary.conversationId.isEmpty()
        ? actions.markMessageRead(row->summary.headId)
        : actions.markRead(row->summary.conversationId, row->inboxId);
    if (!result.ok())
        return; // nothing unread any more, or nothing to mark: no reason to bother the user
    actionsChanged();
    Q_EMIT actionsQueued();
    m_folderModel->refresh();
    refreshUnifiedInbox();
}

// The conversation in its own Inbox, where every action applies.
void MainWindow::openUnifiedRow(const QModelIndex &index)
{
    const UnifiedInboxModel::Row *row = m_unifiedModel->row(index);
    if (!row)
        return;
    const UnifiedInboxModel::Row chosen = *row;
    if (chosen.account != activeAccount()) {
        Q_EMIT accountSwitchRequested(chosen.account);
        if (chosen.account != activeAccount())
            return;
    }
    m_folderView->setCurrentIndex(m_folderModel->indexForFolder(chosen.inboxId, chosen.account));
    showConversation(chosen.inboxId, chosen.summary.conversationId, chosen.summary.headId);
    m_conversationView->setFocus();
}

void MainWindow::setAccounts(const QList<FolderModel::Account> &accounts, const QString &active)
{
    m_folderModel->setActiveAccount(active);
    m_folderModel->setAccounts(accounts);
    m_unifiedModel->setAccounts(accounts.size() > 1 ? accounts : QList<FolderModel::Account>{});
    m_folderView->expandAll();
    const QModelIndex current = m_folderModel->indexForFolder(currentFolderId());
    if (current.isValid()) {
        const QSignalBlocker still(m_folderView->selectionModel()); // the same folder, moved under its account
        m_folderView->setCurrentIndex(current);
    }
}

QString MainWindow::activeAccount() const
{
    return m_folderModel->activeAccount();
}

void MainWindow::activateAccount(const QString &key)
{
    m_folderModel->setActiveAccount(key);
    m_markReadTimer->stop();
    m_markReadIndex = QPersistentModelIndex();
    m_readingPane->clear();
    m_listModel->setFolder(QString());
    if (!isUnifiedInboxShown()) // All Inboxes stays: its row chose this account
        m_centreStack->setCurrentIndex(0);
    m_outboxView->refresh();
    m_draftList->reload();
    m_folderModel->refresh();
    actionsChanged(); // the pending count is the new account's journal
    updateComposeActions();
}

void MainWindow::selectAccount(const QString &key)
{
    const QModelIndex row = m_folderModel->hasAccountRows() ? m_folderModel->indexForAccount(key) : QModelIndex();
    if (row.isValid())
        m_folderView->setCurrentIndex(row); // opens its Inbox
}

void MainWindow::refreshFolderPane()
{
    m_folderModel->refresh();
    refreshUnifiedInbox();
}

// False when the app could not open the account (the selection goes back).
bool MainWindow::switchToAccountOf(const QModelIndex &index)
{
    const QString account = m_folderModel->accountOf(index);
    if (account == m_folderModel->activeAccount())
        return true;
    const QString before = m_folderModel->activeAccount();
    Q_EMIT accountSwitchRequested(account);
    if (m_folderModel->activeAccount() == account)
        return true;
    const QSignalBlocker still(m_folderView->selectionModel());
    m_folderView->setCurrentIndex(m_folderModel->indexForFolder(currentFolderId(), before));
    return false;
}

} // namespace skein::ui
