// MainWindow: the public slots and what happens when the user selects,
// sorts, filters or presses Space.

#include "MainWindow.h"

#include "Banner.h"
#include "ConversationActionsController.h"
#include "ConversationListModel.h"
#include "ConversationView.h"
#include "DraftListView.h"
#include "FolderModel.h"
#include "ReadingPane.h"
#include "SortHeader.h"
#include "Store.h"
#include "SyncStatus.h"

#include <QAction>
#include <QLabel>
#include <QLineEdit>
#include <QStackedWidget>
#include <QTimer>

namespace skein::ui {

void MainWindow::selectFolder(const QString &folderId)
{
    const QModelIndex index = m_folderModel->indexForFolder(folderId);
    if (!index.isValid())
        return;
    if (index == m_folderView->currentIndex() && currentFolderId() != folderId)
        folderSelected(index); // the row is current already, but another account's list was shown
    else
        m_folderView->setCurrentIndex(index);
}

QString MainWindow::currentFolderId() const
{
    return isUnifiedInboxShown() ? FolderModel::unifiedInboxId() : m_listModel->folder();
}

bool MainWindow::expandFirstMultiMessageConversation(const QString &subjectPart)
{
    for (int row = 0;; ++row) {
        if (row >= m_listModel->rowCount()) {
            if (!m_listModel->canFetchMore({}) || row > 10 * ConversationListModel::pageSize)
                return false;
            m_listModel->fetchMore({});
            if (row >= m_listModel->rowCount())
                return false;
        }
        const QModelIndex index = m_listModel->index(row, 0);
        if (index.data(MessageCountRole).toInt() > 1
            && index.data(SubjectRole).toString().contains(subjectPart, Qt::CaseInsensitive)) {
            m_conversationView->expand(index);
            m_conversationView->setCurrentIndex(index);
            m_conversationView->scrollTo(index);
            return true;
        }
    }
}

QTreeView *MainWindow::folderView() const
{
    return m_folderView;
}

QTreeView *MainWindow::conversationView() const
{
    return m_conversationView;
}

ReadingPane *MainWindow::readingPane() const
{
    return m_readingPane;
}

void MainWindow::setAccountLabel(const QString &text)
{
    m_accountLabel->setText(text);
}

void MainWindow::folderContentChanged(const QString &folderId)
{
    refreshUnifiedInbox();
    m_folderModel->refresh();             // unread counts
    m_listModel->refreshFolder(folderId); // diff: selection and expansion stay
    m_readingPane->refresh();
    refreshDrafts(); // other devices' drafts arrive with the Drafts folder's Sync
}

void MainWindow::foldersChanged()
{
    const QString current = currentFolderId();
    m_folderModel->refresh();
    if (!current.isEmpty() && !m_folderModel->indexForFolder(current).isValid()) {
        m_listModel->setFolder(QString());
        m_readingPane->clear();
        showBanner(tr("The folder you were looking at no longer exists on the server."),
                   tr("Choose another folder on the left."));
    }
    if (currentFolderId().isEmpty())
        selectInitialFolder();
}

void MainWindow::bodyFetched(qint64 messageId, const QString &error)
{
    m_readingPane->bodyFetched(messageId, error);
}

void MainWindow::syncStarted()
{
    m_syncAction->setEnabled(false);
    m_syncStatus->started();
}

void MainWindow::syncProgress(const QString &folderName, int itemsSoFar)
{
    m_syncStatus->progress(folderName, itemsSoFar);
}

void MainWindow::syncFinished(bool ok, const QString &message, const QStringList &folderProblems)
{
    m_syncAction->setEnabled(true);
    m_syncStatus->finished(ok, message, folderProblems);
    updateFilterLabel(); // the estimate has served its purpose
    if (!ok) {
        m_banner->showMessage(message.isEmpty() ? tr("Sync failed.") : message,
                              tr("Your mail on this computer is unchanged. Check the network and the account "
                                 "settings (Account\u2026), then choose Sync Now (F5)."),
                              Banner::Topic::Sync);
    } else if (!folderProblems.isEmpty()) {
        m_banner->showMessage(
            tr("Some folders could not be synced: %1").arg(folderProblems.join(QStringLiteral("; "))),
            tr("The other folders are up to date. Skein tries these again on the next sync (F5)."),
            Banner::Topic::Sync);
    } else {
        m_banner->clear(Banner::Topic::Sync); // what it said about the last sync is no longer true
    }
}

void MainWindow::showBanner(const QString &message, const QString &whatToDo)
{
    m_banner->showMessage(message, whatToDo);
}

void MainWindow::folderSelected(const QModelIndex &current)
{
    if (!current.isValid())
        return;
    if (!switchToAccountOf(current))
        return;
    if (m_folderModel->isAccountRow(current)) {
        // The account's own row opens its Inbox.
        if (const QModelIndex first = m_folderModel->firstFolderOf(m_folderModel->accountOf(current)); first.isValid())
            m_folderView->setCurrentIndex(first);
        return;
    }
    const QString id = m_folderModel->folderId(current);
    if (id == FolderModel::unifiedInboxId()) {
        showUnifiedInbox();
        return;
    }
    if (showOutboxFor(id))
        return;
    if (id.isEmpty() || id == m_listModel->folder())
        return;
    m_readingPane->clear();
    startMarkReadWait({});
    const bool drafts = m_store.folder(id).value_or(Folder{}).type == FolderType::Drafts;
    m_centreStack->setCurrentWidget(drafts ? static_cast<QWidget *>(m_draftList) : m_centreStack->widget(0));
    if (drafts)
        m_draftList->reload();
    // Nothing is selected until the user picks a conversation (Down selects
    // the first): opening a folder must not start fetching bodies.
    m_listModel->setFolder(id);
}

void MainWindow::refreshDrafts()
{
    if (m_centreStack->currentWidget() == m_draftList)
        m_draftList->reload();
}

void MainWindow::conversationSelected(const QModelIndex &current)
{
    startMarkReadWait(current);
    if (!current.isValid()) {
        m_readingPane->clear();
        return;
    }
    if (const Message *message = m_listModel->message(current)) {
        m_readingPane->showMessage(message->id);
        return;
    }
    const ConversationSummary summary = m_listModel->summary(current);
    m_readingPane->showConversation(summary.conversationId, summary.headId, currentFolderId());
}

void MainWindow::setMarkReadDelay(int ms)
{
    m_markReadDelay = ms < 0 ? -1 : ms;
    startMarkReadWait(m_markReadIndex);
}

void MainWindow::startMarkReadWait(const QModelIndex &current)
{
    m_markReadTimer->stop();
    m_markReadIndex = current;
    if (current.isValid() && m_markReadDelay >= 0)
        m_markReadTimer->start(m_markReadDelay);
}

void MainWindow::markOpenedRead()
{
    // Only what the user is still looking at: a row that went away, or a
    // selection that moved without telling (a model reset), marks nothing.
    if (!m_markReadIndex.isValid() || m_markReadIndex != m_conversationView->currentIndex())
        return;
    m_actions->markOpenedRead(m_markReadIndex);
}

void MainWindow::sortBy(int key, Qt::SortOrder order)
{
    static const int columns[] = {ConversationListModel::DateColumn, ConversationListModel::FromColumn,
                                  ConversationListModel::SubjectColumn};
    if (key < 0 || key > 2)
        return;
    m_sortHeader->setSort(SortHeader::Key(key), order);
    m_sortActions.at(key)->setChecked(true);
    m_listModel->sort(columns[key], order);
}

void MainWindow::applyFilter()
{
    m_filterTimer->stop();
    m_listModel->setFilterText(m_filter->text().trimmed());
}

void MainWindow::spacePressed()
{
    if (!m_readingPane->pageDown())
        m_conversationView->selectNextUnread();
}

} // namespace skein::ui
