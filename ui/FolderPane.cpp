#include "FolderPane.h"

#include "FolderDelegate.h"
#include "ModelRoles.h"
#include "Store.h"

#include <QAction>
#include <QHeaderView>
#include <QMenu>
#include <QSettings>

namespace skein::ui {

namespace {

const QString allInboxesKey = QStringLiteral("view/unifiedInbox");
const QString headerKey = QStringLiteral("mainWindow/folderColumns");
const QString shownFolderKey = QStringLiteral("mainWindow/folder");

} // namespace

FolderPane::FolderPane(Store &store, QWidget *parent)
    : QTreeView(parent)
    , m_store(store)
    , m_model(new FolderModel(&store, this))
{
    setObjectName(QStringLiteral("folderView"));
    setAccessibleName(tr("Folders"));
    setModel(m_model);
    setItemDelegate(new FolderDelegate(this));
    setHeaderHidden(true);
    setUniformRowHeights(true);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setSelectionMode(QAbstractItemView::SingleSelection);
    expandAll();
    connect(m_model, &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex &parent) { expand(parent); });
    connect(selectionModel(), &QItemSelectionModel::currentChanged, this, &FolderPane::choose);

    m_allInboxes = new QAction(tr("&All Inboxes"), this);
    m_allInboxes->setObjectName(QStringLiteral("actionAllInboxes"));
    m_allInboxes->setToolTip(tr("With several accounts, show every account's Inbox in one list"));
    m_allInboxes->setCheckable(true);
    m_allInboxes->setChecked(QSettings().value(allInboxesKey, true).toBool());
    m_model->setUnifiedInbox(m_allInboxes->isChecked());
    connect(m_allInboxes, &QAction::toggled, this, &FolderPane::showAllInboxes);
}

void FolderPane::selectFolder(const QString &folderId)
{
    const QModelIndex index = m_model->indexForFolder(folderId);
    if (!index.isValid())
        return;
    if (index == currentIndex())
        choose(index, index);
    else
        setCurrentIndex(index);
}

void FolderPane::selectAccount(const QString &key)
{
    const QModelIndex row = m_model->hasAccountRows() ? m_model->indexForAccount(key) : QModelIndex();
    if (row.isValid())
        setCurrentIndex(row); // opens its Inbox
}

bool FolderPane::switchAccount(const QString &key)
{
    if (key == activeAccount())
        return true;
    Q_EMIT accountSwitchRequested(key);
    return key == activeAccount();
}

void FolderPane::setAccounts(const QList<FolderModel::Account> &accounts, const QString &active,
                             const QString &shownFolderId)
{
    m_model->setActiveAccount(active);
    m_model->setAccounts(accounts);
    expandAll();
    const QModelIndex shown = m_model->indexForFolder(shownFolderId);
    if (shown.isValid()) {
        const QSignalBlocker still(selectionModel()); // the same folder, moved under its account
        setCurrentIndex(shown);
    }
}

void FolderPane::choose(const QModelIndex &current, const QModelIndex &previous)
{
    if (!current.isValid())
        return;
    const QString before = activeAccount();
    const QString previousFolder = m_model->folderId(previous); // read now: the switch may re-read the model
    if (!switchAccount(m_model->accountOf(current))) {
        const QSignalBlocker still(selectionModel()); // the app could not open the account
        setCurrentIndex(m_model->indexForFolder(previousFolder, before));
        return;
    }
    if (m_model->isAccountRow(current)) {
        // The account's own row opens its Inbox.
        if (const QModelIndex first = m_model->firstFolderOf(m_model->accountOf(current)); first.isValid())
            setCurrentIndex(first);
        return;
    }
    Q_EMIT folderChosen(m_model->folderId(current));
}

void FolderPane::showAllInboxes(bool shown)
{
    QSettings().setValue(allInboxesKey, shown);
    const bool wasShown = m_model->folderId(currentIndex()) == FolderModel::unifiedInboxId();
    m_model->setUnifiedInbox(shown);
    if (wasShown && !shown)
        selectAccount(activeAccount());
}

// Empty Deleted Items on the folder's own row.
void FolderPane::setDeletedItemsAction(QAction *emptyDeletedItems)
{
    m_contextMenu = new QMenu(this);
    m_contextMenu->setObjectName(QStringLiteral("folderContextMenu"));
    m_contextMenu->setAccessibleName(tr("Folder"));
    m_contextMenu->addAction(emptyDeletedItems);
    setContextMenuPolicy(Qt::CustomContextMenu);
    connect(this, &QWidget::customContextMenuRequested, this, &FolderPane::showContextMenu);
}

void FolderPane::showContextMenu(const QPoint &pos)
{
    const QModelIndex index = indexAt(pos);
    if (index.data(FolderTypeRole).toInt() != int(FolderType::DeletedItems))
        return;
    setCurrentIndex(index); // another account's row switches to that account
    const std::optional<Folder> trash = m_store.folderStore().folderOfType(FolderType::DeletedItems);
    if (trash && m_model->folderId(currentIndex()) == trash->serverId && m_model->accountOf(index) == activeAccount())
        m_contextMenu->popup(viewport()->mapToGlobal(pos));
}

QString FolderPane::initialFolder() const
{
    const QString saved = QSettings().value(shownFolderKey).toString();
    if (m_model->indexForFolder(saved).isValid())
        return saved;
    const std::optional<Folder> inbox = m_store.folderStore().folderOfType(FolderType::Inbox);
    return inbox ? inbox->serverId : QString();
}

void FolderPane::saveState(const QString &shownFolderId) const
{
    QSettings settings;
    settings.setValue(headerKey, header()->saveState());
    if (!shownFolderId.isEmpty())
        settings.setValue(shownFolderKey, shownFolderId);
}

void FolderPane::restoreState()
{
    header()->restoreState(QSettings().value(headerKey).toByteArray());
}

} // namespace skein::ui
