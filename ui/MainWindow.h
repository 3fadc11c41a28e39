#pragma once

#include "FolderModel.h"

#include <QMainWindow>

class QSplitter;

namespace skein {
class Store;
} // namespace skein

namespace skein::ui {

class Banner;
class CentrePages;
class ComposeCommands;
class ConversationActionsController;
class ConversationListPane;
class FolderPane;
class ReadingColumn;
class ReadingPane;
class SearchPane;
class StatusArea;
class SyncFilterControl;
class UnifiedInboxPage;
class WindowActions;

// The three-pane window: folder tree | conversation list | reading pane.
// It builds the panes and wires them to each other; each pane owns one
// concern, and the app reaches a pane through panes() to connect it to the
// sync engine. What involves several panes (which folder is open, an
// account switch, a change the engine made) is here. It only reads the
// store (the GUI thread's connection, the active account's). Splitter,
// geometry, column widths and sort survive restarts in the default QSettings.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    struct Panes {
        WindowActions *actions = nullptr; // menus, toolbar, the window's own commands
        FolderPane *folders = nullptr;
        ConversationListPane *list = nullptr;
        SearchPane *search = nullptr;
        UnifiedInboxPage *allInboxes = nullptr;
        CentrePages *pages = nullptr; // list, Outbox, Drafts, All Inboxes
        ReadingPane *reading = nullptr;
        ReadingColumn *readingColumn = nullptr;
        ConversationActionsController *conversationActions = nullptr;
        ComposeCommands *compose = nullptr;
        SyncFilterControl *syncFilter = nullptr;
        StatusArea *status = nullptr;
        Banner *banner = nullptr;
        QSplitter *splitter = nullptr;
    };

    explicit MainWindow(skein::Store &store, QWidget *parent = nullptr);
    ~MainWindow() override;

    const Panes &panes() const { return m_panes; }
    void selectFolder(const QString &folderId);
    // The folder shown: the list's, FolderModel::unifiedInboxId() for All Inboxes.
    QString currentFolderId() const;
    // Opens folderId and selects the conversation (or, without one, the
    // message messageId), as a click on its notification asks.
    void showConversation(const QString &folderId, const QByteArray &conversationId, qint64 messageId = 0);
    // Several accounts: the folder pane shows every account's folders (each
    // account's own read connection); the window's store is the active
    // account's. A folder of another account asks the app to switch
    // (FolderPane::accountSwitchRequested), which reopens the window's store
    // on that account and calls activateAccount before the folder opens.
    void setAccounts(const QList<skein::FolderModel::Account> &accounts, const QString &active);
    void activateAccount(const QString &key);
    // Opening a conversation marks its unread messages read once the
    // selection stayed on it this long (ms): 0 at once, -1 never. Read from
    // QSettings "reading/markReadDelayMs" (default 1500) when the window is
    // made; setting it here is not saved.
    void setMarkReadDelay(int ms);

public Q_SLOTS:
    void folderContentChanged(const QString &folderId);
    void foldersChanged();
    // Another account's mail changed: the folder pane's counts (and All Inboxes).
    void refreshFolderPane();
    // An outbox entry was added, sent, refused or left waiting: the Outbox
    // page, its count and the conversation's local rows re-read.
    void outboxChanged(qint64 entryId);
    void showBanner(const QString &message, const QString &whatToDo = {});

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createPanes(skein::Store &store);
    void layOut();
    void connectNavigation();
    void connectFeedback();
    void openFolder(const QString &folderId);
    void showCurrentConversation(const QModelIndex &current);
    // A message of Find in All Folders was opened: its folder, its conversation selected.
    void openFoundMessage(const QString &folderId, const QByteArray &conversationId, const QString &serverId);
    void restoreSettings();
    void saveSettings() const;

    skein::Store &m_store;
    Panes m_panes;
};

} // namespace skein::ui
