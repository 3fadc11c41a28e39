#include "MainWindow.h"

#include "Banner.h"
#include "CentrePages.h"
#include "ComposeCommands.h"
#include "ConversationActionsController.h"
#include "ConversationListModel.h"
#include "ConversationListPane.h"
#include "ConversationNotice.h"
#include "ConversationView.h"
#include "DraftListView.h"
#include "FolderPane.h"
#include "MarkReadWait.h"
#include "OutboxView.h"
#include "ReadingColumn.h"
#include "ReadingPane.h"
#include "SearchPane.h"
#include "SearchResultsView.h"
#include "StatusArea.h"
#include "Store.h"
#include "SyncFilterControl.h"
#include "UnifiedInboxPage.h"
#include "WindowActions.h"

#include <QAction>
#include <QCloseEvent>
#include <QPushButton>
#include <QLineEdit>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QVBoxLayout>

namespace skein::ui {

namespace {

const QString geometryKey = QStringLiteral("mainWindow/geometry");
const QString stateKey = QStringLiteral("mainWindow/state");
const QString splitterKey = QStringLiteral("mainWindow/splitter");
const QString markReadDelayKey = QStringLiteral("reading/markReadDelayMs");

} // namespace

MainWindow::MainWindow(skein::Store &store, QWidget *parent)
    : QMainWindow(parent)
    , m_store(store)
{
    setWindowTitle(tr("Skein"));
    setObjectName(QStringLiteral("skeinMainWindow"));
    setAccessibleName(tr("Skein mail"));
    createPanes(store);
    layOut();
    connectNavigation();
    connectFeedback();
    resize(1280, 800);
    restoreSettings();
    selectFolder(m_panes.folders->initialFolder());
}

MainWindow::~MainWindow()
{
    saveSettings();
}

void MainWindow::createPanes(Store &store)
{
    Panes &p = m_panes;
    p.actions = new WindowActions(this);
    p.reading = new ReadingPane(store, this);
    p.folders = new FolderPane(store, this);
    p.list = new ConversationListPane(store, this);
    p.search = new SearchPane(store, this);
    p.conversationActions = new ConversationActionsController(store, p.list->listModel(), p.list->view(), this);
    p.conversationActions->addShortcutTarget(p.list->view());
    p.conversationActions->addShortcutTarget(p.reading);
    p.allInboxes = new UnifiedInboxPage(p.folders, p.reading, p.conversationActions, this);
    p.readingColumn = new ReadingColumn(store, p.reading, p.list->view(), this);
    p.banner = new Banner(this);
    p.syncFilter = new SyncFilterControl(this);
    p.status = new StatusArea(this, p.banner, p.actions->action(WindowActions::Sync),
                              p.conversationActions->action(ConversationActionsController::Undo),
                              p.syncFilter->label());
    p.actions->build({p.conversationActions, p.list->sortActions(), p.folders->allInboxesAction(),
                      p.syncFilter->actions(), p.syncFilter->combo()});
    p.folders->setDeletedItemsAction(p.conversationActions->action(ConversationActionsController::EmptyDeletedItems));
}

// Folders | the centre pages (search field, list, search answers; or a
// folder's own page) | the reading column, the banner above them.
void MainWindow::layOut()
{
    Panes &p = m_panes;
    auto *listPage = new QWidget(this);
    auto *column = new QVBoxLayout(listPage);
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(2);
    column->addWidget(p.search->field());
    column->addWidget(p.list, 1);
    column->addWidget(p.search->results(), 1);
    column->addWidget(p.search->serverButton());
    p.pages = new CentrePages(m_store, listPage, p.allInboxes->view(), this);
    p.compose = new ComposeCommands(p.actions, p.list, p.allInboxes, p.pages, p.reading, this);

    p.splitter = new QSplitter(Qt::Horizontal, this);
    p.splitter->setObjectName(QStringLiteral("mainSplitter"));
    p.splitter->setAccessibleName(tr("Panes"));
    p.splitter->setChildrenCollapsible(false);
    p.splitter->addWidget(p.folders);
    p.splitter->addWidget(p.pages);
    p.splitter->addWidget(p.readingColumn);
    p.splitter->setStretchFactor(0, 0);
    p.splitter->setStretchFactor(1, 1);
    p.splitter->setStretchFactor(2, 2);
    p.splitter->setSizes({200, 420, 640});

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(4, 4, 4, 0);
    layout->setSpacing(4);
    layout->addWidget(p.banner);
    layout->addWidget(p.splitter, 1);
    setCentralWidget(central);
}

// Which folder and conversation are open, and the keys that move between them.
void MainWindow::connectNavigation()
{
    const Panes &p = m_panes;
    connect(p.folders, &FolderPane::folderChosen, this, &MainWindow::openFolder);
    connect(p.list->view()->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &MainWindow::showCurrentConversation);
    connect(p.list->view(), &ConversationView::openRequested, p.reading, &ReadingPane::focusContent);
    connect(p.list->view(), &ConversationView::spacePressed, this, [p] {
        if (!p.reading->pageDown())
            p.list->view()->selectNextUnread();
    });
    connect(p.list->markReadWait(), &MarkReadWait::due, p.conversationActions,
            &ConversationActionsController::markOpenedRead);
    connect(p.actions->action(WindowActions::FilterConversations), &QAction::triggered, p.list,
            &ConversationListPane::focusFilter);
    connect(p.actions->action(WindowActions::SearchMail), &QAction::triggered, p.search, &SearchPane::focus);
    connect(p.search, &SearchPane::shownChanged, p.list, [p](bool shown) { p.list->setVisible(!shown); });
    auto openInList = [this](const QString &folderId, const QByteArray &conversationId, qint64 messageId) {
        m_panes.list->clearFilter(); // it may hide the conversation: the user asked for this one
        showConversation(folderId, conversationId, messageId);
        m_panes.list->view()->setFocus(Qt::OtherFocusReason);
    };
    connect(p.search, &SearchPane::openRequested, this, openInList);
    connect(p.allInboxes, &UnifiedInboxPage::openRequested, this,
            [this](const QString &folderId, const QByteArray &conversationId, qint64 messageId) {
                showConversation(folderId, conversationId, messageId);
                m_panes.list->view()->setFocus();
            });
    connect(p.search, &SearchPane::foundMessageOpenRequested, p.reading, &ReadingPane::showFoundMessage);
    connect(p.conversationActions, &ConversationActionsController::openMessageRequested, this,
            &MainWindow::openFoundMessage);
}

// What the panes report: changes made, changes to send, problems, status.
void MainWindow::connectFeedback()
{
    const Panes &p = m_panes;
    using C = ConversationActionsController;
    connect(p.conversationActions, &C::foldersChanged, this, [p] {
        // The list re-reads every loaded row whatever folder changed.
        p.folders->folderModel()->refresh();
        p.list->listModel()->refresh();
        p.reading->refresh();
    });
    connect(p.allInboxes, &UnifiedInboxPage::actionsQueued, p.conversationActions, &C::actionsQueued);
    connect(p.conversationActions, &C::problem, this, &MainWindow::showBanner);
    connect(p.conversationActions, &C::status, p.status, &StatusArea::showConfirmation);
    connect(p.conversationActions, &C::pendingChanged, p.status, &StatusArea::showPending);
    connect(p.conversationActions, &C::undoOffered, p.status, &StatusArea::offerUndo);
    connect(p.conversationActions, &C::noticeChanged, p.readingColumn, &ReadingColumn::showNotice);
    connect(p.readingColumn->notice(), &ConversationNotice::buttonClicked, p.conversationActions->action(C::StopRule),
            &QAction::trigger);
    connect(p.status, &StatusArea::syncEnded, p.syncFilter, &SyncFilterControl::showChoice);
    connect(p.search, &SearchPane::status, this, [this](const QString &text) { statusBar()->showMessage(text, 5000); });
    connect(p.search, &SearchPane::problem, this, &MainWindow::showBanner);
    connect(p.pages->outboxView(), &OutboxView::outboxEdited, this, [this] { outboxChanged(0); });
    connect(p.pages->draftList(), &DraftListView::problem, this,
            [this](const QString &message) { showBanner(message); });
}

void MainWindow::selectFolder(const QString &folderId)
{
    const bool shown = m_panes.folders->folderModel()->indexForFolder(folderId) == m_panes.folders->currentIndex()
        && folderId == currentFolderId();
    if (!folderId.isEmpty() && !shown)
        m_panes.folders->selectFolder(folderId);
}

QString MainWindow::currentFolderId() const
{
    return m_panes.pages->page() == CentrePages::AllInboxes ? FolderModel::unifiedInboxId()
                                                             : m_panes.list->listModel()->folder();
}

void MainWindow::openFolder(const QString &folderId)
{
    const Panes &p = m_panes;
    if (folderId == FolderModel::unifiedInboxId()) {
        p.list->markReadWait()->stop();
        p.reading->clear();
        p.list->listModel()->setFolder(QString());
        p.allInboxes->reload();
        p.pages->showPage(CentrePages::AllInboxes);
        p.compose->update();
        return;
    }
    // The server's Outbox holds nothing Skein shows: its row stands for
    // Skein's own outbox, like the local row.
    if (!folderId.isEmpty() && folderId == p.folders->folderModel()->outboxFolderId()) {
        if (p.pages->page() != CentrePages::Outbox) {
            p.reading->clear();
            p.pages->showPage(CentrePages::Outbox);
        }
        return;
    }
    if (p.pages->page() == CentrePages::Outbox)
        p.pages->showPage(CentrePages::List);
    if (folderId.isEmpty() || folderId == p.list->listModel()->folder())
        return;
    p.reading->clear();
    p.list->markReadWait()->stop();
    const bool drafts = m_store.folderStore().folder(folderId).value_or(Folder{}).type == FolderType::Drafts;
    p.pages->showPage(drafts ? CentrePages::Drafts : CentrePages::List);
    // Nothing is selected until the user picks a conversation (Down selects
    // the first): opening a folder must not start fetching bodies.
    p.list->listModel()->setFolder(folderId);
}

void MainWindow::showCurrentConversation(const QModelIndex &current)
{
    ConversationListModel *model = m_panes.list->listModel();
    if (!current.isValid()) {
        m_panes.reading->clear();
    } else if (const Message *message = model->message(current)) {
        m_panes.reading->showMessage(message->id);
    } else {
        const ConversationSummary summary = model->summary(current);
        m_panes.reading->showConversation(summary.conversationId, summary.headId, currentFolderId());
    }
}

void MainWindow::showConversation(const QString &folderId, const QByteArray &conversationId, qint64 messageId)
{
    selectFolder(folderId);
    m_panes.list->selectConversation(conversationId, messageId);
}

void MainWindow::openFoundMessage(const QString &folderId, const QByteArray &conversationId, const QString &serverId)
{
    if (!m_panes.folders->folderModel()->indexForFolder(folderId).isValid()) {
        statusBar()->showMessage(tr("That folder is not on this computer."), 8000);
        return;
    }
    selectFolder(folderId);
    if (!m_panes.list->listModel()->indexForConversation(conversationId).isValid())
        m_panes.list->clearFilter(); // it may hide the conversation: the user asked for this one
    const std::optional<Message> message = m_store.messageStore().message(folderId, serverId);
    if (!m_panes.list->selectConversation(conversationId, message ? message->id : 0))
        statusBar()->showMessage(tr("That message is not on this computer yet (it may be older than the date "
                                    "filter); its folder is shown."),
                                 8000);
    activateWindow();
}

void MainWindow::setAccounts(const QList<FolderModel::Account> &accounts, const QString &active)
{
    m_panes.folders->setAccounts(accounts, active, currentFolderId());
    m_panes.allInboxes->setAccounts(accounts);
}

void MainWindow::activateAccount(const QString &key)
{
    const Panes &p = m_panes;
    p.folders->folderModel()->setActiveAccount(key);
    p.list->markReadWait()->stop();
    p.reading->clear();
    p.list->listModel()->setFolder(QString());
    if (p.pages->page() != CentrePages::AllInboxes) // All Inboxes stays: its row chose this account
        p.pages->showPage(CentrePages::List);
    p.pages->outboxView()->refresh();
    p.pages->draftList()->reload();
    p.folders->folderModel()->refresh();
    p.conversationActions->actionsChanged(); // the pending count is the new account's journal
    p.compose->update();
}

void MainWindow::setMarkReadDelay(int ms)
{
    m_panes.list->markReadWait()->setDelay(ms);
    m_panes.allInboxes->markReadWait()->setDelay(ms);
}

void MainWindow::folderContentChanged(const QString &folderId)
{
    m_panes.allInboxes->refresh();
    m_panes.folders->folderModel()->refresh();       // unread counts
    m_panes.list->listModel()->refreshFolder(folderId); // diff: selection and expansion stay
    m_panes.reading->refresh();
    m_panes.pages->refreshDrafts(); // other devices' drafts arrive with the Drafts folder's Sync
}

void MainWindow::foldersChanged()
{
    const QString current = currentFolderId();
    m_panes.folders->folderModel()->refresh();
    if (!current.isEmpty() && !m_panes.folders->folderModel()->indexForFolder(current).isValid()) {
        m_panes.list->listModel()->setFolder(QString());
        m_panes.reading->clear();
        showBanner(tr("The folder you were looking at no longer exists on the server."),
                   tr("Choose another folder on the left."));
    }
    if (currentFolderId().isEmpty())
        selectFolder(m_panes.folders->initialFolder());
}

void MainWindow::refreshFolderPane()
{
    m_panes.folders->folderModel()->refresh();
    m_panes.allInboxes->refresh();
}

void MainWindow::outboxChanged(qint64 entryId)
{
    Q_UNUSED(entryId); // one entry's change can move the others' states too (the rest waits)
    m_panes.folders->folderModel()->refresh(); // the count of unsent messages
    m_panes.pages->outboxView()->refresh();
    m_panes.list->listModel()->refresh(); // a reply's local row and its conversation's count
    m_panes.reading->refresh();
}

void MainWindow::showBanner(const QString &message, const QString &whatToDo)
{
    m_panes.banner->showMessage(message, whatToDo);
}

void MainWindow::restoreSettings()
{
    const QSettings settings;
    restoreGeometry(settings.value(geometryKey).toByteArray());
    restoreState(settings.value(stateKey).toByteArray());
    m_panes.splitter->restoreState(settings.value(splitterKey).toByteArray());
    m_panes.folders->restoreState();
    m_panes.list->restoreState();
    bool delayOk = false;
    const int delay = settings.value(markReadDelayKey, 1500).toInt(&delayOk);
    setMarkReadDelay(delayOk ? delay : 1500);
}

void MainWindow::saveSettings() const
{
    QSettings settings;
    settings.setValue(geometryKey, saveGeometry());
    settings.setValue(stateKey, saveState());
    settings.setValue(splitterKey, m_panes.splitter->saveState());
    m_panes.folders->saveState(currentFolderId());
    m_panes.list->saveState();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveSettings();
    QMainWindow::closeEvent(event);
}

} // namespace skein::ui
