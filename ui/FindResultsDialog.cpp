#include "FindResultsDialog.h"

#include "FolderDelegate.h"
#include "MailFormat.h"
#include "Store.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSet>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace skein::ui {

FindResultsDialog::FindResultsDialog(const Store &store, QWidget *parent)
    : QDialog(parent), m_store(store)
{
    setObjectName(QStringLiteral("findResultsDialog"));
    setWindowTitle(tr("Conversation in All Folders"));
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("findSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::PlainText);
    m_note = new QLabel(this);
    m_note->setObjectName(QStringLiteral("findNote"));
    m_note->setWordWrap(true);
    m_note->setTextFormat(Qt::PlainText);
    m_note->setStyleSheet(QStringLiteral("#findNote { background: #fff4ce; border: 1px solid #f0d98c; "
                                         "border-radius: 4px; padding: 6px; color: #4d3b00; }"));
    m_note->hide();
    m_list = new QTreeWidget(this);
    m_list->setObjectName(QStringLiteral("findResultsList"));
    m_list->setAccessibleName(tr("Messages of the conversation"));
    m_list->setToolTip(tr("Double-click a message or press Enter to open it"));
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setAlternatingRowColors(true);
    m_list->setHeaderLabels({tr("Folder"), tr("From"), tr("Subject"), tr("Received")});
    m_list->header()->setStretchLastSection(false);
    m_list->header()->setSectionResizeMode(SubjectColumn, QHeaderView::Stretch);
    for (int c : {int(FolderColumn), int(FromColumn), int(DateColumn)})
        m_list->header()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    // itemActivated: a double-click, or Enter on the current row.
    connect(m_list, &QTreeWidget::itemActivated, this, &FindResultsDialog::open);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *close = buttons->button(QDialogButtonBox::Close);
    close->setObjectName(QStringLiteral("findCloseButton"));
    close->setAccessibleName(tr("Close"));
    // Not the default: Enter on a row opens the message and leaves the list
    // open for the next one (Esc closes it).
    close->setAutoDefault(false);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::close);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_note);
    layout->addWidget(m_list, 1);
    layout->addWidget(buttons);
    resize(760, 380);
}

void FindResultsDialog::setSearching(const QByteArray &conversationId, const QString &subject)
{
    m_conversationId = conversationId;
    m_searching = true;
    setWindowTitle(tr("\u201c%1\u201d in All Folders").arg(subject));
    m_summary->setText(tr("Searching every folder on the server\u2026"));
    m_note->hide();
    m_list->clear();
}

void FindResultsDialog::setResult(const QByteArray &conversationId, bool fromServer, const QString &note,
                                  const QList<Message> &messages)
{
    m_conversationId = conversationId;
    m_searching = false;
    m_list->clear();
    QHash<QString, Folder> folders;
    for (const Folder &f : m_store.folderStore().folders())
        folders.insert(f.serverId, f);
    QSet<QString> seen;
    for (const Message &m : messages) {
        auto *item = new QTreeWidgetItem(m_list);
        const auto folder = folders.constFind(m.folderId);
        const bool known = folder != folders.constEnd();
        item->setText(FolderColumn, known ? folder->name : tr("(unknown folder %1)").arg(m.folderId));
        if (known)
            item->setIcon(FolderColumn, FolderDelegate::iconForType(int(folder->type)));
        item->setText(FromColumn, format::displayNames(m.from));
        item->setToolTip(FromColumn, format::addressListText(m.from));
        item->setText(SubjectColumn, m.subject);
        item->setToolTip(SubjectColumn, m.subject);
        item->setText(DateColumn, format::longDate(m.dateReceived));
        item->setData(FolderColumn, FolderIdRole, m.folderId);
        item->setData(FolderColumn, ServerIdRole, m.serverId);
        if (!m.read) {
            QFont bold = item->font(SubjectColumn);
            bold.setBold(true);
            item->setFont(SubjectColumn, bold);
        }
        seen.insert(m.folderId);
    }
    const int count = int(messages.size());
    const QString where = fromServer ? tr("found on the server") : tr("on this computer");
    m_summary->setText(count == 0 ? tr("No message of this conversation was found.")
                                  : count == 1 ? tr("1 message, %1.").arg(where)
                                               : tr("%1 messages in %2 folders, %3.")
                                                     .arg(count).arg(seen.size()).arg(where));
    m_note->setText(note);
    m_note->setVisible(!fromServer && !note.isEmpty());
}

void FindResultsDialog::open(QTreeWidgetItem *item)
{
    if (!item)
        return;
    Q_EMIT openRequested(item->data(FolderColumn, FolderIdRole).toString(), m_conversationId,
                         item->data(FolderColumn, ServerIdRole).toString());
}

QString FindResultsDialog::noteText() const
{
    return m_note->isVisibleTo(this) ? m_note->text() : QString();
}

QString FindResultsDialog::summaryText() const
{
    return m_summary->text();
}

} // namespace skein::ui
