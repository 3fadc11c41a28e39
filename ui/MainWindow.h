#pragma once

#include <QMainWindow>
#include <QStringList>

class QAction;
class QActionGroup;
class QLabel;
class QLineEdit;
class QSplitter;
class QTimer;
class QTreeView;

namespace skein {
class ConversationListModel;
class FolderModel;
class Store;
} // namespace skein

namespace skein::ui {

class Banner;
class ConversationView;
class ReadingPane;
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
    // messages (for --screenshot); false if there is none.
    bool expandFirstMultiMessageConversation();
    QTreeView *folderView() const;
    QTreeView *conversationView() const;
    ReadingPane *readingPane() const;
    void setAccountLabel(const QString &text);

    // Parts the tests and the app may want to reach.
    QLineEdit *filterEdit() const { return m_filter; }
    Banner *banner() const { return m_banner; }
    SyncStatus *syncStatus() const { return m_syncStatus; }
    QSplitter *splitter() const { return m_splitter; }
    SortHeader *sortHeader() const { return m_sortHeader; }
    QAction *syncAction() const { return m_syncAction; }

public Q_SLOTS:
    void folderContentChanged(const QString &folderId);
    void foldersChanged();
    void bodyFetched(const QString &serverId, const QString &error);
    void syncStarted();
    void syncProgress(const QString &folderName, int itemsSoFar);
    void syncFinished(bool ok, const QString &message, const QStringList &folderProblems);
    void showBanner(const QString &message, const QString &whatToDo = {});

Q_SIGNALS:
    void syncRequested();
    void bodyRequested(const QString &serverId);
    void accountSetupRequested();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    // MainWindow.cpp: building and settings.
    void createActions();
    void createMenus();
    QWidget *createFolderPane();
    QWidget *createListPane();
    void createStatusBar();
    void restoreSettings();
    void saveSettings() const;
    void selectInitialFolder();
    // MainWindowSlots.cpp: reacting to the user.
    void folderSelected(const QModelIndex &current);
    void conversationSelected(const QModelIndex &current);
    void sortBy(int key, Qt::SortOrder order);
    void applyFilter();
    void spacePressed();

    skein::Store &m_store;
    skein::FolderModel *m_folderModel = nullptr;
    skein::ConversationListModel *m_listModel = nullptr;
    QTreeView *m_folderView = nullptr;
    ConversationView *m_conversationView = nullptr;
    SortHeader *m_sortHeader = nullptr;
    QLineEdit *m_filter = nullptr;
    QTimer *m_filterTimer = nullptr;
    ReadingPane *m_readingPane = nullptr;
    QSplitter *m_splitter = nullptr;
    Banner *m_banner = nullptr;
    SyncStatus *m_syncStatus = nullptr;
    QLabel *m_accountLabel = nullptr;
    QAction *m_syncAction = nullptr;
    QAction *m_accountAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_findAction = nullptr;
    QActionGroup *m_sortGroup = nullptr;
    QList<QAction *> m_sortActions; // date, sender, subject
};

} // namespace skein::ui
