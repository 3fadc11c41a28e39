#pragma once

#include "FolderModel.h"
#include "MailTypes.h"
#include "OutboxTypes.h"

#include <QMainWindow>
#include <QPersistentModelIndex>
#include <QStringList>

class QAction;
class QActionGroup;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QMenu;
class QSplitter;
class QStackedWidget;
class QTimer;
class QToolBar;
class QTreeView;

namespace skein {
class ConversationListModel;
class FolderModel;
class Store;
class UnifiedInboxModel;
} // namespace skein

namespace skein::ui {

class Banner;
class ConversationActionsController;
class DraftListView;
class ConversationNotice;
class ConversationView;
class OutboxView;
class ReadingPane;
class SearchResultsView;
class SortHeader;
class SyncStatus;

// The three-pane window: folder tree | conversation list | reading pane.
// It only reads the store (the GUI thread's connection); the app connects
// its signals to the sync engine and feeds the slots with what the engine
// did. Splitter, geometry, column widths and sort survive restarts in the
// default QSettings.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(skein::Store &store, QWidget *parent = nullptr);
    ~MainWindow() override;

    void selectFolder(const QString &folderId);
    QString currentFolderId() const;
    // Expands and selects the first loaded conversation with several
    // messages (for --screenshot) whose subject contains subjectPart
    // (ignoring case; empty matches any); false if there is none.
    bool expandFirstMultiMessageConversation(const QString &subjectPart = {});
    QTreeView *folderView() const;
    QTreeView *conversationView() const;
    ReadingPane *readingPane() const;
    void setAccountLabel(const QString &text);

    // Parts the tests and the app may want to reach.
    QLineEdit *filterEdit() const { return m_filter; }
    // The search field (Ctrl+E, MainWindowSearch.cpp) and its answers, shown
    // instead of the conversation list while it has text.
    QLineEdit *searchEdit() const { return m_search; }
    SearchResultsView *searchResults() const { return m_searchResults; }
    QPushButton *searchServerButton() const { return m_searchServerButton; }
    bool isSearchShown() const;
    Banner *banner() const { return m_banner; }
    SyncStatus *syncStatus() const { return m_syncStatus; }
    QSplitter *splitter() const { return m_splitter; }
    SortHeader *sortHeader() const { return m_sortHeader; }
    QAction *syncAction() const { return m_syncAction; }
    QToolBar *toolBar() const { return m_toolBar; }
    // The conversation actions (MainWindowActions.cpp): menus, shortcuts, dialogs.
    ConversationActionsController *actionsController() const { return m_actions; }
    ConversationNotice *conversationNotice() const { return m_notice; }
    QLabel *pendingLabel() const { return m_pendingLabel; }
    // The centre pane while Drafts is selected (DraftListView).
    DraftListView *draftListView() const { return m_draftList; }
    // The Outbox folder's page of the centre pane (MainWindowOutbox.cpp).
    OutboxView *outboxView() const { return m_outboxView; }
    bool isOutboxShown() const;
    // The Outbox's or the Drafts' page instead of the conversation list.
    bool isFolderPageShown() const;

    // "Show mail from": 0 all, 1 one day, 2 three days, 3 a week, 4 two
    // weeks, 5 a month (EAS FilterType). Saved in QSettings; setting it does
    // not emit syncFilterChanged.
    int syncFilter() const;
    void setSyncFilter(int filterType);
    QComboBox *syncFilterCombo() const { return m_filterCombo; }
    // Opening a conversation or message marks its unread messages read once
    // the selection has stayed on it this long (ms): 0 at once, -1 never.
    // Read from QSettings "reading/markReadDelayMs" (default 1500) when the
    // window is made; setting it here is not saved. A running wait restarts.
    int markReadDelay() const { return m_markReadDelay; }
    void setMarkReadDelay(int ms);
    // What the last GetItemEstimate said ("~120 messages to download").
    QString estimateText() const { return m_estimateText; }
    // What Reply / Reply All / Forward answer (MainWindowCompose.cpp): the
    // message row selected in the tree, or a conversation row's newest
    // message; 0 when nothing is selected.
    qint64 selectedMessageId() const;

    // MainWindowLive.cpp: live mail.
    // Opens folderId and selects the conversation (or, without one, the
    // message messageId), as a click on its notification asks.
    void showConversation(const QString &folderId, const QByteArray &conversationId, qint64 messageId = 0);
    // The Inbox's unread count in the title ("Skein — 3 unread").
    void setUnreadCount(int unread);
    QAction *settingsAction() const { return m_settingsAction; }

    // MainWindowAccounts.cpp: several accounts. The window's store is the
    // active account's; the folder pane shows every account's folders (each
    // account's own read connection). A folder of another account asks the
    // app to switch (accountSwitchRequested), which reopens the window's
    // store on that account and calls activateAccount before the folder opens.
    void setAccounts(const QList<skein::FolderModel::Account> &accounts, const QString &active);
    void activateAccount(const QString &key);
    QString activeAccount() const;
    // Opens the account's Inbox (switching to the account first).
    void selectAccount(const QString &key);
    // Another account's mail changed: the folder pane's counts (and All Inboxes).
    void refreshFolderPane();
    // All Inboxes (two or more accounts; View > All Inboxes, QSettings
    // "view/unifiedInbox", default on): every account's Inbox in one list.
    // Choosing a row shows it in the reading pane (switching the window's
    // account to the row's); Enter or a double-click opens it in its own Inbox.
    bool isUnifiedInboxShown() const;
    ConversationView *unifiedInboxView() const { return m_unifiedView; }
    QAction *unifiedInboxAction() const { return m_unifiedInboxAction; }

public Q_SLOTS:
    void folderContentChanged(const QString &folderId);
    void foldersChanged();
    void bodyFetched(qint64 messageId, const QString &error); // by local row id
    void syncStarted();
    void syncProgress(const QString &folderName, int itemsSoFar);
    void syncFinished(bool ok, const QString &message, const QStringList &folderProblems);
    void showBanner(const QString &message, const QString &whatToDo = {});
    // The engine's verdicts on the action journal (app wiring).
    void actionFailed(qint64 entryId, const QString &message);
    // Something the sync engine says once (SyncEngine::notice): the status bar.
    void showNotice(const QString &message);
    void actionsChanged();
    void replayFinished(bool ok, const QString &message);
    // What the server's search for words found; error empty when it answered.
    void showServerSearchResult(const QString &words, const QList<skein::Message> &messages, const QString &error);
    void showFindResult(const QByteArray &conversationId, bool fromServer, const QString &note,
                        const QList<skein::Message> &messages);
    // A message of Find in All Folders was opened: its folder, its conversation selected.
    void openFoundMessage(const QString &folderId, const QByteArray &conversationId, const QString &serverId);
    // GetItemEstimate before a sync with a new date filter: count < 0 unknown.
    void estimateStarted();
    void showEstimate(int count, const QString &error);
    // A draft was saved or uploaded (SyncEngine::draftSaved): the Drafts list re-reads.
    void refreshDrafts();
    // An outbox entry was added, sent, refused or left waiting
    // (SyncEngine::outboxChanged; the composer after Store::insertOutbox):
    // the Outbox view, its count and the conversation's local rows re-read.
    void outboxChanged(qint64 entryId);

Q_SIGNALS:
    void syncRequested();
    void bodyRequested(qint64 messageId); // local row id: ServerIds repeat across folders
    void accountSetupRequested();
    // A conversation action was journaled: send it (SyncEngine::replayNow).
    void actionsQueued();
    void findRequested(const QByteArray &conversationId);
    // "Search the server too" (SyncEngine::searchServer); answered with showServerSearchResult().
    void serverSearchRequested(const QString &words);
    void syncFilterChanged(int filterType);
    // Continue this local draft in the composer (a server-only one was imported first).
    void draftOpenRequested(qint64 draftId);
    // The user deleted a draft: its server copy waits (SyncEngine::saveDraftsNow).
    void draftDeleted(qint64 draftId);
    // The user opened a waiting or refused message of the Outbox: the
    // composer reopens it (eas::draftFromOutboxMime gives its content).
    void outboxEditRequested(qint64 outboxId);
    // Send Now in the Outbox: SyncEngine::replayNow.
    void outboxSendNowRequested();
    // New mail (kind Send, sourceMessageId 0), or an answer to the message
    // with that local row id: the app opens the composer.
    void composeRequested(skein::OutboxKind kind, qint64 sourceMessageId, bool replyAll);
    void settingsRequested();
    // The user chose a folder of the account `key`, which is not the active one.
    void accountSwitchRequested(const QString &key);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    // MainWindow.cpp: building and settings.
    void createActions();
    void createMenus();
    void createLiveActions(); // MainWindowLive.cpp
    QWidget *createFolderPane();
    QWidget *createListPane();
    void createStatusBar();
    void nameToolBarButtons();
    void restoreSettings();
    void saveSettings() const;
    void selectInitialFolder();
    // MainWindowSlots.cpp: reacting to the user.
    void folderSelected(const QModelIndex &current);
    bool switchToAccountOf(const QModelIndex &index); // MainWindowAccounts.cpp
    void createAccountActions();
    QWidget *createUnifiedPage();
    void showUnifiedInbox();
    void refreshUnifiedInbox();
    void unifiedRowSelected(const QModelIndex &current);
    void openUnifiedRow(const QModelIndex &index);
    void markUnifiedRead();
    void conversationSelected(const QModelIndex &current);
    void sortBy(int key, Qt::SortOrder order);
    void applyFilter();
    // MainWindowSearch.cpp: the search field.
    void createSearch();
    void runSearch();
    void openSearchResult(const QString &folderId, const QByteArray &conversationId, qint64 messageId);
    void openServerResult(const skein::Message &message);
    void spacePressed();
    void startMarkReadWait(const QModelIndex &current);
    void markOpenedRead();
    // MainWindowActions.cpp: conversation actions and the date filter.
    void createConversationActions();
    void createUndo();
    void createEmptyDeletedItemsMenus();
    QWidget *createReadingColumn();
    void refreshAfterAction(const QStringList &folderIds);
    void chooseSyncFilter(int filterType);
    void updateFilterLabel();
    // MainWindowOutbox.cpp: the Outbox page.
    QWidget *createCentrePane(QWidget *listPane);
    bool showOutboxFor(const QString &folderId);
    // MainWindowCompose.cpp: New, Reply, Reply All, Forward.
    void createComposeActions();
    void updateComposeActions();

    skein::Store &m_store;
    skein::FolderModel *m_folderModel = nullptr;
    skein::ConversationListModel *m_listModel = nullptr;
    QTreeView *m_folderView = nullptr;
    ConversationView *m_conversationView = nullptr;
    SortHeader *m_sortHeader = nullptr;
    QLineEdit *m_filter = nullptr;
    QTimer *m_filterTimer = nullptr;
    QLineEdit *m_search = nullptr;
    QTimer *m_searchTimer = nullptr;
    SearchResultsView *m_searchResults = nullptr;
    QPushButton *m_searchServerButton = nullptr;
    QAction *m_searchAction = nullptr;
    ReadingPane *m_readingPane = nullptr;
    QSplitter *m_splitter = nullptr;
    Banner *m_banner = nullptr;
    SyncStatus *m_syncStatus = nullptr;
    QLabel *m_accountLabel = nullptr;
    QAction *m_syncAction = nullptr;
    QAction *m_accountAction = nullptr;
    QAction *m_settingsAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_findAction = nullptr;
    QActionGroup *m_sortGroup = nullptr;
    QList<QAction *> m_sortActions; // date, sender, subject
    QToolBar *m_toolBar = nullptr;
    QMenu *m_viewMenu = nullptr;
    QAction *m_newMailAction = nullptr;
    QAction *m_replyAction = nullptr;
    QAction *m_replyAllAction = nullptr;
    QAction *m_forwardAction = nullptr;
    ConversationActionsController *m_actions = nullptr;
    ConversationNotice *m_notice = nullptr;
    QLabel *m_pendingLabel = nullptr;
    QLabel *m_undoLink = nullptr; // "Undo" after an action, for a while
    QLabel *m_filterLabel = nullptr;
    QComboBox *m_filterCombo = nullptr;
    QActionGroup *m_filterGroup = nullptr;
    QString m_estimateText;
    int m_markReadDelay = 1500;
    QTimer *m_markReadTimer = nullptr;
    QPersistentModelIndex m_markReadIndex; // what the pane opened when the wait began
    // Centre pane pages (MainWindowOutbox.cpp): the conversation list, or a
    // folder's own page (Outbox, Drafts).
    QStackedWidget *m_centreStack = nullptr;
    OutboxView *m_outboxView = nullptr;
    DraftListView *m_draftList = nullptr;
    // All Inboxes (MainWindowAccounts.cpp).
    skein::UnifiedInboxModel *m_unifiedModel = nullptr;
    ConversationView *m_unifiedView = nullptr;
    QAction *m_unifiedInboxAction = nullptr;
    QTimer *m_unifiedReadTimer = nullptr;
};

} // namespace skein::ui
