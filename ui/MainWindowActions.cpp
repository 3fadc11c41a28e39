// MainWindow: the conversation actions (menu, toolbar, context menu,
// shortcuts; the work is ConversationActionsController's), the banner for a
// conversation with a rule, changes waiting to be sent, and the date filter.

#include "MainWindow.h"

#include "ConversationActionsController.h"
#include "ConversationListModel.h"
#include "ConversationNotice.h"
#include "ThreadingNote.h"
#include "ConversationView.h"
#include "FolderModel.h"
#include "ReadingPane.h"
#include "Store.h"
#include "SyncStatus.h"

#include <QAction>
#include <QActionGroup>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QTimer>
#include <QMenu>
#include <QMenuBar>
#include <QSettings>
#include <QStatusBar>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>

namespace skein::ui {

namespace {

const QString filterKey = QStringLiteral("sync/filterType");

// EAS FilterType 0-5 as the user reads them.
QStringList filterNames()
{
    return {QObject::tr("All"), QObject::tr("1 day"), QObject::tr("3 days"), QObject::tr("1 week"),
            QObject::tr("2 weeks"), QObject::tr("1 month")};
}

// The same choices by name, for View > Show Mail From's actions.
QStringList filterObjectNames()
{
    return {QStringLiteral("actionShowMailFromAll"),      QStringLiteral("actionShowMailFromOneDay"),
            QStringLiteral("actionShowMailFromThreeDays"), QStringLiteral("actionShowMailFromOneWeek"),
            QStringLiteral("actionShowMailFromTwoWeeks"),  QStringLiteral("actionShowMailFromOneMonth")};
}

QString filterPeriod(int filterType)
{
    switch (filterType) {
    case 1: return QObject::tr("the last day");
    case 2: return QObject::tr("the last 3 days");
    case 3: return QObject::tr("the last week");
    case 4: return QObject::tr("the last 2 weeks");
    case 5: return QObject::tr("the last month");
    default: return QObject::tr("all dates");
    }
}

} // namespace

QWidget *MainWindow::createReadingColumn()
{
    m_notice = new ConversationNotice(this);
    auto *column = new QWidget(this);
    column->setObjectName(QStringLiteral("readingColumn"));
    auto *layout = new QVBoxLayout(column);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_notice);
    // How the shown conversation was threaded when the server did not do it.
    auto *threading = new ThreadingNote(m_store, column);
    layout->addWidget(threading);
    connect(m_conversationView->selectionModel(), &QItemSelectionModel::currentChanged, threading,
            [this, threading](const QModelIndex &current) {
                threading->showConversation(current.isValid()
                                                ? current.data(ConversationIdRole).toByteArray()
                                                : QByteArray());
            });
    layout->addWidget(m_readingPane, 1);
    return column;
}

void MainWindow::createConversationActions()
{
    m_actions = new ConversationActionsController(m_store, m_listModel, m_conversationView, this);
    m_actions->addShortcutTarget(m_conversationView);
    m_actions->addShortcutTarget(m_readingPane);
    using C = ConversationActionsController;

    QMenu *menu = new QMenu(tr("&Conversation"), this);
    menu->setObjectName(QStringLiteral("conversationMenu"));
    m_actions->fillMenu(menu);
    menuBar()->insertMenu(m_viewMenu->menuAction(), menu);

    m_toolBar->addSeparator();
    for (C::Command c : {C::Delete, C::Ignore, C::Move, C::Flag, C::MarkRead, C::MarkUnread})
        m_toolBar->addAction(m_actions->action(c));
    auto *spacer = new QWidget(m_toolBar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    m_toolBar->addWidget(spacer);

    // Show mail from: a combo in the toolbar, the same choice in View.
    auto *filterLabel = new QLabel(tr("Show mail from:"), m_toolBar);
    m_filterCombo = new QComboBox(m_toolBar);
    m_filterCombo->setObjectName(QStringLiteral("syncFilterCombo"));
    m_filterCombo->setAccessibleName(tr("Show mail from"));
    m_filterCombo->setToolTip(tr("How far back to keep mail on this computer; Skein syncs again when you change it"));
    filterLabel->setBuddy(m_filterCombo);
    m_filterCombo->addItems(filterNames());
    m_toolBar->addWidget(filterLabel);
    m_toolBar->addWidget(m_filterCombo);
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_accountAction);

    QMenu *showFrom = m_viewMenu->addMenu(tr("Show &Mail From"));
    showFrom->setObjectName(QStringLiteral("showMailFromMenu"));
    m_filterGroup = new QActionGroup(this);
    const QStringList names = filterNames();
    const QStringList objectNames = filterObjectNames();
    for (int type = 0; type < names.size(); ++type) {
        QAction *a = showFrom->addAction(names.at(type));
        a->setObjectName(objectNames.at(type));
        a->setCheckable(true);
        a->setData(type);
        m_filterGroup->addAction(a);
        connect(a, &QAction::triggered, this, [this, type] { chooseSyncFilter(type); });
    }
    m_viewMenu->addSeparator();
    m_viewMenu->addAction(m_actions->action(C::Rules));
    createEmptyDeletedItemsMenus();
    setSyncFilter(QSettings().value(filterKey, 0).toInt());
    connect(m_filterCombo, &QComboBox::activated, this, &MainWindow::chooseSyncFilter);

    m_pendingLabel = new QLabel(this);
    m_pendingLabel->setObjectName(QStringLiteral("pendingChanges"));
    m_pendingLabel->setAccessibleName(tr("Changes waiting to be sent"));
    m_pendingLabel->setContentsMargins(6, 0, 6, 0);
    m_pendingLabel->hide();
    m_filterLabel = new QLabel(this);
    m_filterLabel->setObjectName(QStringLiteral("syncFilterState"));
    m_filterLabel->setAccessibleName(tr("Date filter"));
    m_filterLabel->setContentsMargins(6, 0, 6, 0);
    // After the sync state (the one normal widget), before the account.
    statusBar()->insertPermanentWidget(1, m_filterLabel);
    statusBar()->insertPermanentWidget(1, m_pendingLabel);
    updateFilterLabel();

    connect(m_actions, &C::foldersChanged, this, &MainWindow::refreshAfterAction);
    connect(m_actions, &C::actionsQueued, this, &MainWindow::actionsQueued);
    connect(m_actions, &C::findRequested, this, &MainWindow::findRequested);
    connect(m_actions, &C::openMessageRequested, this, &MainWindow::openFoundMessage);
    connect(m_actions, &C::problem, this, &MainWindow::showBanner);
    connect(m_actions, &C::status, this, [this](const QString &text) {
        if (text.isEmpty())
            statusBar()->clearMessage();
        else
            statusBar()->showMessage(text, 8000);
    });
    connect(m_actions, &C::pendingChanged, this, [this](int count, const QString &text, const QString &tip) {
        m_pendingLabel->setText(text);
        m_pendingLabel->setToolTip(tip);
        m_pendingLabel->setVisible(count > 0);
    });
    connect(m_actions, &C::noticeChanged, this, [this](const QString &text, const QString &button) {
        if (text.isEmpty())
            m_notice->hide();
        else
            m_notice->showNotice(text, button);
    });
    connect(m_notice, &ConversationNotice::buttonClicked, m_actions->action(C::StopRule), &QAction::trigger);
    createUndo();
}

// Edit > Undo (Ctrl+Z while the list or the reading pane has the focus) and,
// for a while after each action, an "Undo" link in the status line.
void MainWindow::createUndo()
{
    using C = ConversationActionsController;
    QAction *undo = m_actions->action(C::Undo);
    if (auto *edit = findChild<QMenu *>(QStringLiteral("editMenu"))) {
        const QList<QAction *> existing = edit->actions();
        edit->insertAction(existing.value(0), undo);
        edit->insertSeparator(existing.value(0));
    }
    m_undoLink = new QLabel(QStringLiteral("<a href=\"undo\">%1</a>").arg(tr("Undo")), this);
    m_undoLink->setObjectName(QStringLiteral("undoLink"));
    m_undoLink->setContentsMargins(6, 0, 6, 0);
    m_undoLink->setTextInteractionFlags(Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);
    m_undoLink->setAccessibleName(tr("Undo"));
    m_undoLink->hide();
    statusBar()->insertPermanentWidget(1, m_undoLink); // right after the sync state
    auto *hideLater = new QTimer(this);
    hideLater->setSingleShot(true);
    hideLater->setInterval(15000);
    connect(hideLater, &QTimer::timeout, m_undoLink, &QWidget::hide);
    connect(m_undoLink, &QLabel::linkActivated, undo, &QAction::trigger);
    connect(m_actions, &C::undoOffered, this, [this, hideLater](const QString &what) {
        m_undoLink->setVisible(!what.isEmpty());
        m_undoLink->setAccessibleName(what.isEmpty() ? tr("Undo") : tr("Undo %1").arg(what));
        m_undoLink->setToolTip(tr("Undo %1 (%2)").arg(what, QKeySequence(QKeySequence::Undo).toString(QKeySequence::NativeText)));
        if (!what.isEmpty())
            hideLater->start();
    });
}

// Empty Deleted Items: in the File menu, and on the folder's own row.
void MainWindow::createEmptyDeletedItemsMenus()
{
    QAction *empty = m_actions->action(ConversationActionsController::EmptyDeletedItems);
    if (auto *file = findChild<QMenu *>(QStringLiteral("fileMenu"))) {
        file->insertAction(m_quitAction, empty);
        file->insertSeparator(m_quitAction);
    }
    auto *folderMenu = new QMenu(this);
    folderMenu->setObjectName(QStringLiteral("folderContextMenu"));
    folderMenu->setAccessibleName(tr("Folder"));
    folderMenu->addAction(empty);
    m_folderView->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_folderView, &QWidget::customContextMenuRequested, this, [this, folderMenu](const QPoint &pos) {
        const QModelIndex index = m_folderView->indexAt(pos);
        if (index.data(FolderTypeRole).toInt() != int(FolderType::DeletedItems))
            return;
        m_folderView->setCurrentIndex(index); // another account's row switches to that account
        const std::optional<Folder> trash = m_store.folderOfType(FolderType::DeletedItems);
        if (trash && currentFolderId() == trash->serverId)
            folderMenu->popup(m_folderView->viewport()->mapToGlobal(pos));
    });
}

void MainWindow::refreshAfterAction(const QStringList &folderIds)
{
    Q_UNUSED(folderIds) // the list re-reads every loaded row whatever folder changed
    m_folderModel->refresh();
    m_listModel->refresh();
    m_readingPane->refresh();
}

void MainWindow::actionFailed(qint64 entryId, const QString &message)
{
    m_actions->actionFailed(entryId, message);
}

void MainWindow::showNotice(const QString &message)
{
    statusBar()->showMessage(message, 20000);
}

void MainWindow::actionsChanged()
{
    m_actions->actionsChanged();
}

void MainWindow::replayFinished(bool ok, const QString &message)
{
    m_actions->replayFinished(ok, message);
    // The replay syncs the folders it touched and reports progress like a
    // sync; unless a full sync is running, it ends here.
    if (m_syncAction->isEnabled() && m_syncStatus->isSyncing())
        m_syncStatus->finished(ok, ok ? QString() : message, {});
}

void MainWindow::showFindResult(const QByteArray &conversationId, bool fromServer, const QString &note,
                                const QList<Message> &messages)
{
    m_actions->showFindResult(conversationId, fromServer, note, messages);
}

void MainWindow::openFoundMessage(const QString &folderId, const QByteArray &conversationId, const QString &serverId)
{
    if (!m_folderModel->indexForFolder(folderId).isValid()) {
        statusBar()->showMessage(tr("That folder is not on this computer."), 8000);
        return;
    }
    selectFolder(folderId);
    // The filter box may hide the conversation: the user asked for this one.
    if (!m_listModel->indexForConversation(conversationId).isValid() && !m_filter->text().isEmpty()) {
        m_filter->clear();
        applyFilter();
    }
    const std::optional<Message> message = m_store.message(folderId, serverId);
    showConversation(folderId, conversationId, message ? message->id : 0);
    const QModelIndex current = m_conversationView->currentIndex();
    if (!current.isValid() || current.data(ConversationIdRole).toByteArray() != conversationId)
        statusBar()->showMessage(tr("That message is not on this computer yet (it may be older than the date "
                                    "filter); its folder is shown."),
                                 8000);
    activateWindow();
}

int MainWindow::syncFilter() const
{
    return m_filterCombo->currentIndex();
}

void MainWindow::setSyncFilter(int filterType)
{
    if (filterType < 0 || filterType >= m_filterCombo->count())
        filterType = 0;
    m_filterCombo->setCurrentIndex(filterType);
    m_filterGroup->actions().at(filterType)->setChecked(true);
    updateFilterLabel();
}

void MainWindow::chooseSyncFilter(int filterType)
{
    const int before = QSettings().value(filterKey, 0).toInt();
    setSyncFilter(filterType);
    if (filterType == before)
        return;
    QSettings().setValue(filterKey, syncFilter());
    Q_EMIT syncFilterChanged(syncFilter());
}

void MainWindow::estimateStarted()
{
    m_estimateText = tr("Checking how much mail there is\u2026");
    m_filterLabel->setText(m_estimateText);
    m_filterLabel->show();
}

void MainWindow::showEstimate(int count, const QString &error)
{
    if (count < 0)
        m_estimateText = error.isEmpty() ? tr("Could not tell how much mail there is")
                                         : tr("Could not tell how much mail there is: %1").arg(error);
    else
        m_estimateText = count == 1 ? tr("~1 message to download") : tr("~%1 messages to download").arg(count);
    m_filterLabel->setText(m_estimateText);
    m_filterLabel->setToolTip(tr("Mail from %1").arg(filterPeriod(syncFilter())));
    m_filterLabel->show();
}

void MainWindow::updateFilterLabel()
{
    if (!m_filterLabel)
        return;
    const int type = syncFilter();
    m_filterLabel->setText(type == 0 ? QString() : tr("Mail from %1").arg(filterPeriod(type)));
    m_filterLabel->setToolTip(type == 0 ? QString() : tr("Older mail stays on the server (View \u203a Show Mail From)"));
    m_filterLabel->setVisible(type != 0);
}

} // namespace skein::ui
