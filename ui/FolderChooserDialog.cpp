#include "FolderChooserDialog.h"

#include "FolderDelegate.h"
#include "FolderModel.h"
#include "MailTypes.h"
#include "ModelRoles.h"
#include "Store.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTreeView>
#include <QVBoxLayout>

namespace skein::ui {

namespace {

// Hides Outbox and Drafts; greys out the current folder of a Move; keeps a
// parent whose child matches the filter text.
class ChoosableFolders : public QSortFilterProxyModel
{
public:
    ChoosableFolders(QString disabledFolderId, QObject *parent)
        : QSortFilterProxyModel(parent), m_disabled(std::move(disabledFolderId))
    {
        setRecursiveFilteringEnabled(true);
        setFilterCaseSensitivity(Qt::CaseInsensitive);
    }

    Qt::ItemFlags flags(const QModelIndex &index) const override
    {
        Qt::ItemFlags f = QSortFilterProxyModel::flags(index);
        if (!m_disabled.isEmpty() && index.data(FolderIdRole).toString() == m_disabled)
            f &= ~(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
        return f;
    }

protected:
    bool filterAcceptsRow(int row, const QModelIndex &parent) const override
    {
        const QModelIndex index = sourceModel()->index(row, 0, parent);
        const auto type = FolderType(index.data(FolderTypeRole).toInt());
        if (type == FolderType::Outbox || type == FolderType::Drafts)
            return false;
        return QSortFilterProxyModel::filterAcceptsRow(row, parent);
    }

private:
    QString m_disabled;
};

} // namespace

FolderChooserDialog::FolderChooserDialog(const Store &store, Purpose purpose, const QString &currentFolderId,
                                         const QString &subject, QWidget *parent)
    : QDialog(parent)
    , m_purpose(purpose)
    , m_folders(new FolderModel(&store, this))
{
    setObjectName(QStringLiteral("folderChooser"));
    const bool move = purpose == Purpose::Move;
    setWindowTitle(move ? tr("Move Conversation") : tr("Always Move Conversation"));
    const std::optional<Folder> current = store.folderStore().folder(currentFolderId);
    const QString from = current ? current->name : tr("this folder");

    auto *intro = new QLabel(this);
    intro->setWordWrap(true);
    intro->setTextFormat(Qt::PlainText);
    intro->setText(move ? tr("Move the messages of \u201c%1\u201d in %2 to:").arg(subject, from)
                        : tr("Always move \u201c%1\u201d: its messages in every folder now, and every new "
                             "message of it from now on, go to:").arg(subject));
    auto *note = new QLabel(this);
    note->setWordWrap(true);
    note->setTextFormat(Qt::PlainText);
    note->setStyleSheet(QStringLiteral("color: palette(placeholder-text);"));
    note->setText(move ? tr("Messages of this conversation in other folders stay where they are.")
                       : tr("Your own messages stay in Sent Items. The rule is kept by the server; "
                            "Conversation Rules lists it."));

    m_filter = new QLineEdit(this);
    m_filter->setObjectName(QStringLiteral("folderChooserFilter"));
    m_filter->setPlaceholderText(tr("Type to find a folder"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setAccessibleName(tr("Find folder"));

    m_proxy = new ChoosableFolders(move ? currentFolderId : QString(), this);
    m_proxy->setSourceModel(m_folders);
    m_view = new QTreeView(this);
    m_view->setObjectName(QStringLiteral("folderChooserView"));
    m_view->setAccessibleName(tr("Folders"));
    m_view->setModel(m_proxy);
    m_view->setItemDelegate(new FolderDelegate(m_view));
    m_view->setHeaderHidden(true);
    m_view->setUniformRowHeights(true);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->expandAll();

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    QPushButton *moveButton = m_buttons->button(QDialogButtonBox::Ok);
    moveButton->setText(move ? tr("&Move") : tr("&Always Move"));
    moveButton->setObjectName(QStringLiteral("moveButton"));
    moveButton->setAccessibleName(move ? tr("Move") : tr("Always Move"));
    QPushButton *cancel = m_buttons->button(QDialogButtonBox::Cancel);
    cancel->setObjectName(QStringLiteral("cancelButton"));
    cancel->setAccessibleName(tr("Cancel"));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_filter);
    layout->addWidget(m_view, 1);
    layout->addWidget(note);
    layout->addWidget(m_buttons);
    resize(380, 440);

    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setFilterFixedString(text.trimmed());
        m_view->expandAll();
        // One match: choose it with Enter right away.
        if (!text.trimmed().isEmpty() && !m_view->currentIndex().isValid()) {
            for (QModelIndex i = m_proxy->index(0, 0); i.isValid(); i = m_view->indexBelow(i)) {
                if (i.flags() & Qt::ItemIsSelectable) {
                    m_view->setCurrentIndex(i);
                    break;
                }
            }
        }
        updateOk();
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this, &FolderChooserDialog::updateOk);
    connect(m_view, &QTreeView::doubleClicked, this, [this] {
        if (!selectedFolderId().isEmpty())
            accept();
    });
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(this, &QDialog::accepted, this, [this] {
        const QString id = selectedFolderId();
        if (!id.isEmpty())
            Q_EMIT folderChosen(id);
    });
    updateOk();
    m_filter->setFocus();
}

QString FolderChooserDialog::selectedFolderId() const
{
    const QModelIndex index = m_view->currentIndex();
    if (!index.isValid() || !(index.flags() & Qt::ItemIsSelectable))
        return {};
    return index.data(FolderIdRole).toString();
}

bool FolderChooserDialog::selectFolder(const QString &folderId)
{
    const QModelIndex index = m_proxy->mapFromSource(m_folders->indexForFolder(folderId));
    if (!index.isValid() || !(index.flags() & Qt::ItemIsSelectable))
        return false;
    m_view->setCurrentIndex(index);
    return selectedFolderId() == folderId;
}

QStringList FolderChooserDialog::offeredFolderIds() const
{
    QStringList ids;
    for (QModelIndex i = m_proxy->index(0, 0); i.isValid(); i = m_view->indexBelow(i))
        ids.append(i.data(FolderIdRole).toString());
    return ids;
}

void FolderChooserDialog::updateOk()
{
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!selectedFolderId().isEmpty());
}

} // namespace skein::ui
