// MainWindow: several accounts in one window. The folder pane groups each
// account's folders under its row; everything else (list, reading pane,
// actions, Outbox, Drafts) shows the active account, whose store the app
// opens in the window's connection before activateAccount.

#include "MainWindow.h"

#include "ConversationActionsController.h"
#include "ConversationListModel.h"
#include "DraftListView.h"
#include "OutboxView.h"
#include "ReadingPane.h"

#include <QStackedWidget>
#include <QTimer>
#include <QTreeView>

namespace skein::ui {

void MainWindow::setAccounts(const QList<FolderModel::Account> &accounts, const QString &active)
{
    m_folderModel->setActiveAccount(active);
    m_folderModel->setAccounts(accounts);
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
    m_centreStack->setCurrentIndex(0);
    m_outboxView->refresh();
    m_draftList->reload();
    m_folderModel->refresh();
    actionsChanged(); // the pending count is the new account's journal
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
