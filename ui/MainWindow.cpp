#include "MainWindow.h"

#include "Banner.h"
#include "ConversationListModel.h"
#include "ConversationView.h"
#include "DraftListView.h"
#include "FolderDelegate.h"
#include "FolderModel.h"
#include "Icons.h"
#include "ReadingPane.h"
#include "SearchResultsView.h"
#include "SortHeader.h"
#include "Store.h"
#include "SyncStatus.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTimer>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>
#include <QWidgetAction>

namespace skein::ui {

namespace {

const QString geometryKey = QStringLiteral("mainWindow/geometry");
const QString stateKey = QStringLiteral("mainWindow/state");
const QString splitterKey = QStringLiteral("mainWindow/splitter");
const QString folderHeaderKey = QStringLiteral("mainWindow/folderColumns");
const QString listHeaderKey = QStringLiteral("mainWindow/conversationColumns");
const QString sortKey = QStringLiteral("mainWindow/sortKey");
const QString sortOrderKey = QStringLiteral("mainWindow/sortOrder");
const QString folderKey = QStringLiteral("mainWindow/folder");
const QString markReadDelayKey = QStringLiteral("reading/markReadDelayMs");

} // namespace

MainWindow::MainWindow(skein::Store &store, QWidget *parent)
    : QMainWindow(parent)
    , m_store(store)
    , m_folderModel(new FolderModel(&store, this))
    , m_listModel(new ConversationListModel(&store, this))
{
    setWindowTitle(tr("Skein"));
    setObjectName(QStringLiteral("skeinMainWindow"));
    setAccessibleName(tr("Skein mail"));
    createActions();
    createMenus();

    m_readingPane = new ReadingPane(store, this);
    connect(m_readingPane, &ReadingPane::bodyRequested, this, &MainWindow::bodyRequested);

    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setObjectName(QStringLiteral("mainSplitter"));
    m_splitter->setAccessibleName(tr("Panes"));
    m_splitter->setChildrenCollapsible(false);
    m_splitter->addWidget(createFolderPane());
    m_splitter->addWidget(createListPane());
    m_splitter->addWidget(createReadingColumn());
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setStretchFactor(2, 2);
    m_splitter->setSizes({200, 420, 640});

    m_banner = new Banner(this);
    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(4, 4, 4, 0);
    layout->setSpacing(4);
    layout->addWidget(m_banner);
    layout->addWidget(m_splitter, 1);
    setCentralWidget(central);
    createStatusBar();
    createConversationActions();
    createComposeActions();
    nameToolBarButtons();
    resize(1280, 800);
    restoreSettings();
    selectInitialFolder();
}

MainWindow::~MainWindow()
{
    saveSettings();
}

void MainWindow::createActions()
{
    m_syncAction = new QAction(themeIcon(QStringLiteral("view-refresh")), tr("&Sync Now"), this);
    m_syncAction->setObjectName(QStringLiteral("actionSync"));
    m_syncAction->setShortcut(QKeySequence(Qt::Key_F5));
    m_syncAction->setToolTip(tr("Fetch new mail and send your changes (F5)"));
    connect(m_syncAction, &QAction::triggered, this, &MainWindow::syncRequested);

    m_accountAction = new QAction(QIcon::fromTheme(QStringLiteral("user-identity")), tr("&Account\u2026"), this);
    m_accountAction->setObjectName(QStringLiteral("actionAccount"));
    m_accountAction->setToolTip(tr("Set up or change the mail account"));
    connect(m_accountAction, &QAction::triggered, this, &MainWindow::accountSetupRequested);

    m_quitAction = new QAction(QIcon::fromTheme(QStringLiteral("application-exit")), tr("&Quit"), this);
    m_quitAction->setObjectName(QStringLiteral("actionQuit"));
    // Not Ctrl+Q: that marks a conversation read, as in Outlook.
    m_quitAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Q));
    m_quitAction->setMenuRole(QAction::QuitRole);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);

    m_findAction = new QAction(tr("&Filter Conversations"), this);
    m_findAction->setObjectName(QStringLiteral("actionFilterConversations"));
    m_findAction->setShortcut(QKeySequence::Find);
    connect(m_findAction, &QAction::triggered, this, [this] {
        m_filter->setFocus(Qt::ShortcutFocusReason);
        m_filter->selectAll();
    });

    m_sortGroup = new QActionGroup(this);
    const QStringList names{tr("By &Date"), tr("By &Sender"), tr("By S&ubject")};
    // The View menu's twins of the sort bar's actionSortBy… buttons.
    const char *const objectNames[] = {"actionViewSortByDate", "actionViewSortBySender", "actionViewSortBySubject"};
    for (int key = 0; key < names.size(); ++key) {
        auto *action = new QAction(names.at(key), m_sortGroup);
        action->setObjectName(QLatin1String(objectNames[key]));
        action->setCheckable(true);
        action->setChecked(key == SortHeader::Date);
        connect(action, &QAction::triggered, this, [this, key] {
            sortBy(key, key == SortHeader::Date ? Qt::DescendingOrder : Qt::AscendingOrder);
        });
        m_sortActions.append(action);
    }
}

void MainWindow::createMenus()
{
    menuBar()->setObjectName(QStringLiteral("mainMenuBar"));
    menuBar()->setAccessibleName(tr("Menu bar"));
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->setObjectName(QStringLiteral("fileMenu"));
    file->addAction(m_syncAction);
    file->addAction(m_accountAction);
    file->addSeparator();
    file->addAction(m_quitAction);
    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->setObjectName(QStringLiteral("editMenu"));
    edit->addAction(m_findAction);
    createLiveActions();
    edit->addSeparator();
    edit->addAction(m_settingsAction);
    m_viewMenu = menuBar()->addMenu(tr("&View"));
    m_viewMenu->setObjectName(QStringLiteral("viewMenu"));
    createAccountActions();
    m_viewMenu->addAction(m_unifiedInboxAction);
    QMenu *sort = m_viewMenu->addMenu(tr("&Sort Conversations"));
    sort->setObjectName(QStringLiteral("sortMenu"));
    sort->addActions(m_sortActions);

    m_toolBar = addToolBar(tr("Main"));
    m_toolBar->setObjectName(QStringLiteral("mainToolBar"));
    m_toolBar->setAccessibleName(tr("Main toolbar"));
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_toolBar->setMovable(false);
    m_toolBar->addAction(m_syncAction);
    addAction(m_findAction); // window-wide shortcut even with the menu bar hidden
}

// A toolbar makes its buttons without names; a tester finds each as its
// action's name + "Button" ("actionDeleteButton"), a screen reader by its label.
void MainWindow::nameToolBarButtons()
{
    for (QAction *action : m_toolBar->actions()) {
        QWidget *button = m_toolBar->widgetForAction(action);
        if (!button || action->objectName().isEmpty() || qobject_cast<QWidgetAction *>(action))
            continue;
        button->setObjectName(action->objectName() + QStringLiteral("Button"));
        button->setAccessibleName(action->iconText());
    }
}

QWidget *MainWindow::createFolderPane()
{
    m_folderView = new QTreeView(this);
    m_folderView->setObjectName(QStringLiteral("folderView"));
    m_folderView->setAccessibleName(tr("Folders"));
    m_folderView->setModel(m_folderModel);
    m_folderView->setItemDelegate(new FolderDelegate(m_folderView));
    m_folderView->setHeaderHidden(true);
    m_folderView->setUniformRowHeights(true);
    m_folderView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_folderView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_folderView->expandAll();
    connect(m_folderModel, &QAbstractItemModel::rowsInserted, m_folderView,
            [this](const QModelIndex &parent) { m_folderView->expand(parent); });
    connect(m_folderView->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &MainWindow::folderSelected);
    return m_folderView;
}

QWidget *MainWindow::createListPane()
{
    createSearch();
    m_filter = new QLineEdit(this);
    m_filter->setObjectName(QStringLiteral("filterEdit"));
    m_filter->setPlaceholderText(tr("Filter by subject or sender"));
    m_filter->setAccessibleName(tr("Filter conversations"));
    m_filter->setClearButtonEnabled(true);
    m_filterTimer = new QTimer(this);
    m_filterTimer->setSingleShot(true);
    m_filterTimer->setInterval(150); // one query per pause in typing
    connect(m_filter, &QLineEdit::textChanged, m_filterTimer, qOverload<>(&QTimer::start));
    connect(m_filterTimer, &QTimer::timeout, this, &MainWindow::applyFilter);

    m_sortHeader = new SortHeader(this);
    connect(m_sortHeader, &SortHeader::sortRequested, this,
            [this](SortHeader::Key key, Qt::SortOrder order) { sortBy(key, order); });

    m_conversationView = new ConversationView(this);
    m_conversationView->setModel(m_listModel);
    for (int column = 1; column < m_listModel->columnCount(); ++column)
        m_conversationView->setColumnHidden(column, true); // one card per row
    connect(m_conversationView->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &MainWindow::conversationSelected);
    // Marking read waits for the user to stay on a row; any other
    // selection, even one a refresh makes, starts the wait over.
    m_markReadTimer = new QTimer(this);
    m_markReadTimer->setSingleShot(true);
    connect(m_markReadTimer, &QTimer::timeout, this, &MainWindow::markOpenedRead);
    connect(m_conversationView, &ConversationView::openRequested, this,
            [this] { m_readingPane->focusContent(); });
    connect(m_conversationView, &ConversationView::spacePressed, this, &MainWindow::spacePressed);

    auto *pane = new QWidget(this);
    auto *layout = new QVBoxLayout(pane);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_search);
    layout->addWidget(m_filter);
    layout->addWidget(m_sortHeader);
    layout->addWidget(m_conversationView, 1);
    layout->addWidget(m_searchResults, 1);
    layout->addWidget(m_searchServerButton);
    return createCentrePane(pane);
}

void MainWindow::createStatusBar()
{
    m_syncStatus = new SyncStatus(this);
    statusBar()->addWidget(m_syncStatus, 1);
    m_accountLabel = new QLabel(this);
    m_accountLabel->setObjectName(QStringLiteral("accountLabel"));
    m_accountLabel->setAccessibleName(tr("Account"));
    statusBar()->addPermanentWidget(m_accountLabel);
    statusBar()->setObjectName(QStringLiteral("statusBar"));
    statusBar()->setAccessibleName(tr("Status"));
}

void MainWindow::restoreSettings()
{
    const QSettings settings;
    restoreGeometry(settings.value(geometryKey).toByteArray());
    restoreState(settings.value(stateKey).toByteArray());
    m_splitter->restoreState(settings.value(splitterKey).toByteArray());
    m_folderView->header()->restoreState(settings.value(folderHeaderKey).toByteArray());
    m_conversationView->header()->restoreState(settings.value(listHeaderKey).toByteArray());
    bool delayOk = false;
    const int delay = settings.value(markReadDelayKey, 1500).toInt(&delayOk);
    setMarkReadDelay(delayOk ? delay : 1500);
    const int key = settings.value(sortKey, int(SortHeader::Date)).toInt();
    const int order = settings.value(sortOrderKey, int(Qt::DescendingOrder)).toInt();
    if (key >= SortHeader::Date && key <= SortHeader::Subject)
        sortBy(key, order == Qt::AscendingOrder ? Qt::AscendingOrder : Qt::DescendingOrder);
}

void MainWindow::saveSettings() const
{
    QSettings settings;
    settings.setValue(geometryKey, saveGeometry());
    settings.setValue(stateKey, saveState());
    settings.setValue(splitterKey, m_splitter->saveState());
    settings.setValue(folderHeaderKey, m_folderView->header()->saveState());
    settings.setValue(listHeaderKey, m_conversationView->header()->saveState());
    settings.setValue(sortKey, int(m_sortHeader->key()));
    settings.setValue(sortOrderKey, int(m_sortHeader->order()));
    if (!currentFolderId().isEmpty())
        settings.setValue(folderKey, currentFolderId());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveSettings();
    QMainWindow::closeEvent(event);
}

void MainWindow::selectInitialFolder()
{
    QString id = QSettings().value(folderKey).toString();
    if (!m_folderModel->indexForFolder(id).isValid()) {
        const auto inbox = m_store.folderOfType(FolderType::Inbox);
        id = inbox ? inbox->serverId : QString();
    }
    if (!id.isEmpty())
        selectFolder(id);
}

} // namespace skein::ui
