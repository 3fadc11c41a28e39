#include "DraftListView.h"

#include "DraftTypes.h"
#include "MailFormat.h"
#include "Store.h"

#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace skein::ui {

namespace {

// Item data: the local draft's id, or the server-only draft's message row.
constexpr int kDraftIdRole = Qt::UserRole;
constexpr int kMessageIdRole = Qt::UserRole + 1;

QString recipientsText(const QStringList &to, const QStringList &cc)
{
    QStringList names;
    for (const QString &address : to + cc)
        names.append(format::displayName(address));
    return names.join(QStringLiteral(", "));
}

bool keepsDrafts(const QString &protocolVersion)
{
    return protocolVersion.section(QLatin1Char('.'), 0, 0).toInt() >= 16;
}

} // namespace

DraftListView::DraftListView(skein::Store &store, QWidget *parent) : QWidget(parent), m_store(store)
{
    setObjectName(QStringLiteral("draftListView"));
    m_notice = new QLabel(this);
    m_notice->setObjectName(QStringLiteral("draftsNotice"));
    m_notice->setAccessibleName(tr("Where drafts are kept"));
    m_notice->setWordWrap(true);
    m_notice->setFrameShape(QFrame::StyledPanel);
    m_notice->setMargin(6);
    m_notice->hide();

    m_list = new QTreeWidget(this);
    m_list->setObjectName(QStringLiteral("draftList"));
    m_list->setAccessibleName(tr("Drafts"));
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setAlternatingRowColors(true);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setHeaderLabels({tr("Subject"), tr("To"), tr("Saved"), tr("Kept")});
    // The pane is narrow beside the reading pane: fixed room for subject and
    // recipients, the rest for where the draft is kept (elided, tooltip whole).
    const int charWidth = fontMetrics().averageCharWidth();
    m_list->header()->setStretchLastSection(true);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_list->header()->setSectionResizeMode(SubjectColumn, QHeaderView::Interactive);
    m_list->header()->resizeSection(SubjectColumn, charWidth * 24);
    m_list->header()->setSectionResizeMode(RecipientsColumn, QHeaderView::Interactive);
    m_list->header()->resizeSection(RecipientsColumn, charWidth * 18);
    m_list->header()->setSectionResizeMode(UpdatedColumn, QHeaderView::ResizeToContents);
    m_list->installEventFilter(this);
    connect(m_list, &QTreeWidget::itemDoubleClicked, this, [this](QTreeWidgetItem *item) {
        m_list->setCurrentItem(item);
        openCurrent();
    });

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_notice);
    layout->addWidget(m_list, 1);
}

void DraftListView::updateNotice()
{
    const QString version = m_store.accountStore().account().value_or(AccountSettings{}).protocolVersion;
    const bool localOnly = !version.isEmpty() && !keepsDrafts(version);
    m_notice->setText(localOnly ? tr("Drafts are kept on this computer only: this server's protocol (%1) cannot "
                                     "store them.").arg(version)
                                : QString());
    m_notice->setVisible(localOnly);
}

void DraftListView::reload()
{
    updateNotice();
    const QTreeWidgetItem *current = m_list->currentItem();
    const qint64 selectedDraft = current ? current->data(SubjectColumn, kDraftIdRole).toLongLong() : 0;
    const qint64 selectedMessage = current ? current->data(SubjectColumn, kMessageIdRole).toLongLong() : 0;
    m_list->clear();
    const QString version = m_store.accountStore().account().value_or(AccountSettings{}).protocolVersion;
    QTreeWidgetItem *reselect = nullptr;
    for (const DraftEntry &d : m_store.draftStore().drafts()) {
        QString where;
        if (!d.uploadError.isEmpty())
            where = tr("not saved on the server: %1").arg(d.uploadError);
        else if (!d.serverId.isEmpty() && d.uploaded && !d.attachments.isEmpty())
            // The server's copy is text only (docs/protocol.md "Drafts").
            where = tr("saved on the server, without its attachments");
        else if (!d.serverId.isEmpty())
            where = d.uploaded ? tr("saved on the server") : tr("saving to the server\u2026");
        else
            where = keepsDrafts(version) ? tr("saving to the server\u2026") : tr("on this computer only");
        auto *item = new QTreeWidgetItem(m_list, {d.subject.isEmpty() ? tr("(no subject)") : d.subject,
                                                  recipientsText(d.to, d.cc), format::listDate(d.updated), where});
        item->setData(SubjectColumn, kDraftIdRole, d.id);
        item->setToolTip(RecipientsColumn, (d.to + d.cc).join(QStringLiteral(", ")));
        item->setToolTip(WhereColumn, where);
        if (d.id == selectedDraft)
            reselect = item;
    }
    for (const Message &m : m_store.draftStore().serverOnlyDrafts()) {
        auto *item = new QTreeWidgetItem(m_list, {m.subject.isEmpty() ? tr("(no subject)") : m.subject,
                                                  format::displayNames(m.to), format::listDate(m.dateReceived),
                                                  tr("on the server, from another device")});
        item->setData(SubjectColumn, kMessageIdRole, m.id);
        if (m.id == selectedMessage)
            reselect = item;
    }
    if (reselect)
        m_list->setCurrentItem(reselect);
}

qint64 DraftListView::draftIdOf(QTreeWidgetItem *item)
{
    if (!item)
        return 0;
    if (const qint64 id = item->data(SubjectColumn, kDraftIdRole).toLongLong())
        return id;
    const qint64 messageId = item->data(SubjectColumn, kMessageIdRole).toLongLong();
    const std::optional<DraftEntry> imported = m_store.draftStore().importServerDraft(messageId);
    if (!imported) {
        Q_EMIT problem(tr("This draft could not be opened: %1").arg(m_store.lastError()));
        return 0;
    }
    return imported->id;
}

void DraftListView::openCurrent()
{
    if (const qint64 id = draftIdOf(m_list->currentItem())) {
        reload();
        Q_EMIT draftOpenRequested(id);
    }
}

void DraftListView::deleteCurrent()
{
    QTreeWidgetItem *item = m_list->currentItem();
    if (!item || m_question)
        return;
    m_question = new QMessageBox(QMessageBox::Question, tr("Delete Draft"),
                                 tr("Delete the draft \u201c%1\u201d? This cannot be undone.").arg(item->text(SubjectColumn)),
                                 QMessageBox::NoButton, this);
    m_question->setObjectName(QStringLiteral("deleteDraftQuestion"));
    m_question->setAccessibleName(tr("Delete draft"));
    QPushButton *yes = m_question->addButton(tr("Delete"), QMessageBox::DestructiveRole);
    yes->setObjectName(QStringLiteral("deleteDraftButton"));
    yes->setAccessibleName(tr("Delete the draft"));
    QPushButton *keep = m_question->addButton(tr("Keep"), QMessageBox::RejectRole);
    keep->setObjectName(QStringLiteral("keepDraftButton"));
    keep->setAccessibleName(tr("Keep the draft"));
    m_question->setDefaultButton(keep);
    m_question->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_question, &QMessageBox::buttonClicked, this, [this, yes, item](QAbstractButton *clicked) {
        if (clicked != yes || m_list->indexOfTopLevelItem(item) < 0)
            return;
        const qint64 id = draftIdOf(item);
        if (id == 0)
            return;
        if (!m_store.draftStore().deleteDraft(id)) {
            Q_EMIT problem(tr("The draft could not be deleted: %1").arg(m_store.lastError()));
            return;
        }
        reload();
        Q_EMIT draftDeleted(id);
    });
    m_question->open();
}

bool DraftListView::eventFilter(QObject *watched, QEvent *event)
{
    // The window's conversation actions have Delete as their shortcut: in
    // the drafts list, Delete and Enter are the list's own.
    if (watched == m_list && event->type() == QEvent::ShortcutOverride) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key == Qt::Key_Return || key == Qt::Key_Enter || key == Qt::Key_Delete) {
            event->accept();
            return true;
        }
    }
    if (watched == m_list && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key == Qt::Key_Return || key == Qt::Key_Enter) {
            openCurrent();
            return true;
        }
        if (key == Qt::Key_Delete) {
            deleteCurrent();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace skein::ui
