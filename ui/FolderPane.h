#pragma once

#include "FolderModel.h"

#include <QTreeView>

class QAction;
class QMenu;

namespace skein {
class Store;
} // namespace skein

namespace skein::ui {

// The folder tree (left pane): every account's folders under its row (with
// two or more accounts), All Inboxes above them, and the choice of folder.
// Choosing a folder of another account first asks the app to switch to it
// (accountSwitchRequested, answered by MainWindow::activateAccount); when
// the app cannot, the selection goes back.
class FolderPane : public QTreeView
{
    Q_OBJECT
public:
    FolderPane(skein::Store &store, QWidget *parent = nullptr);

    skein::FolderModel *folderModel() const { return m_model; }
    // Makes the folder (of the active account) current; when it is current
    // already, chooses it again (All Inboxes or another list may be shown).
    void selectFolder(const QString &folderId);
    // Opens the account's Inbox (switching to the account first).
    void selectAccount(const QString &key);
    // Asks the app to make `key` the active account; true once it is.
    bool switchAccount(const QString &key);
    QString activeAccount() const { return m_model->activeAccount(); }
    // shownFolderId stays selected, under its account's row.
    void setAccounts(const QList<skein::FolderModel::Account> &accounts, const QString &active,
                     const QString &shownFolderId);
    // View > All Inboxes (QSettings "view/unifiedInbox", default on).
    QAction *allInboxesAction() const { return m_allInboxes; }
    // Right-click on Deleted Items offers this action.
    void setDeletedItemsAction(QAction *emptyDeletedItems);
    // The folder shown at the last close, else the Inbox; empty without either.
    QString initialFolder() const;
    void saveState(const QString &shownFolderId) const;
    void restoreState();

Q_SIGNALS:
    void folderChosen(const QString &folderId); // FolderModel::unifiedInboxId() for All Inboxes
    void accountSwitchRequested(const QString &key);

private:
    void choose(const QModelIndex &current, const QModelIndex &previous);
    void showAllInboxes(bool shown);
    void showContextMenu(const QPoint &pos);

    skein::Store &m_store;
    skein::FolderModel *m_model;
    QAction *m_allInboxes = nullptr;
    QMenu *m_contextMenu = nullptr;
};

} // namespace skein::ui
