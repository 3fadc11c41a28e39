#include "OutboxView.h"

#include "Icons.h"
#include "OutboxListModel.h"
#include "Store.h"

#include <QAction>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QMessageBox>
#include <QStackedWidget>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>

namespace skein::ui {

namespace {

QAction *makeAction(QWidget *owner, const QString &iconName, const QString &text, const QString &objectName,
                    const QString &toolTip)
{
    auto *action = new QAction(themeIcon(iconName), text, owner);
    action->setObjectName(objectName);
    action->setToolTip(toolTip);
    action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    owner->addAction(action);
    return action;
}

// Enter opens the selected message, as double-click does.
class OutboxList : public QTreeView
{
public:
    using QTreeView::QTreeView;
    std::function<void()> onOpen;

protected:
    void keyPressEvent(QKeyEvent *event) override
    {
        if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) && onOpen) {
            onOpen();
            return;
        }
        QTreeView::keyPressEvent(event);
    }
};

} // namespace

OutboxView::OutboxView(Store &store, QWidget *parent)
    : QWidget(parent), m_store(store), m_model(new OutboxListModel(&store, this))
{
    setObjectName(QStringLiteral("outboxView"));
    setAccessibleName(tr("Outbox"));
    m_confirm = [this](const QString &question) {
        return QMessageBox::question(this, tr("Delete Message"), question) == QMessageBox::Yes;
    };

    m_openAction = makeAction(this, QStringLiteral("document-edit"), tr("&Open"), QStringLiteral("outboxOpenAction"),
                              tr("Open the message to edit it (Enter)"));
    m_openAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_O));
    m_deleteAction = makeAction(this, QStringLiteral("user-trash"), tr("&Delete"),
                                QStringLiteral("outboxDeleteAction"), tr("Delete the message without sending it"));
    m_deleteAction->setShortcut(QKeySequence::Delete);
    m_sendNowAction = makeAction(this, QStringLiteral("mail-send"), tr("&Send Now"),
                                 QStringLiteral("outboxSendNowAction"), tr("Try to send the waiting messages now"));
    connect(m_openAction, &QAction::triggered, this, &OutboxView::openCurrent);
    connect(m_deleteAction, &QAction::triggered, this, &OutboxView::deleteCurrent);
    connect(m_sendNowAction, &QAction::triggered, this, &OutboxView::sendNowRequested);

    auto *toolBar = new QToolBar(this);
    toolBar->setObjectName(QStringLiteral("outboxToolBar"));
    toolBar->setAccessibleName(tr("Outbox actions"));
    toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolBar->addAction(m_openAction);
    toolBar->addAction(m_deleteAction);
    toolBar->addSeparator();
    toolBar->addAction(m_sendNowAction);
    // The buttons are what screen readers and testers meet.
    const std::pair<QAction *, QString> buttons[] = {{m_openAction, tr("Open message")},
                                                     {m_deleteAction, tr("Delete message")},
                                                     {m_sendNowAction, tr("Send waiting messages now")}};
    for (const auto &[action, name] : buttons) {
        QWidget *button = toolBar->widgetForAction(action);
        button->setObjectName(action->objectName() + QStringLiteral("Button"));
        button->setAccessibleName(name);
    }

    auto *list = new OutboxList(this);
    list->onOpen = [this] { openCurrent(); };
    m_list = list;
    m_list->setObjectName(QStringLiteral("outboxList"));
    m_list->setAccessibleName(tr("Messages waiting to be sent"));
    m_list->setModel(m_model);
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setAlternatingRowColors(true);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_list->header()->setStretchLastSection(true);
    m_list->setColumnWidth(OutboxListModel::SubjectColumn, 170);
    m_list->setColumnWidth(OutboxListModel::StateColumn, 130);
    m_list->setColumnWidth(OutboxListModel::ReasonColumn, 220);
    m_list->setColumnWidth(OutboxListModel::RecipientsColumn, 160);
    connect(m_list, &QTreeView::doubleClicked, this, [this] { openCurrent(); });
    connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this, [this] {
        say({});
        updateActions();
    });

    m_empty = new QLabel(tr("Nothing waiting to be sent."), this);
    m_empty->setObjectName(QStringLiteral("outboxEmptyLabel"));
    m_empty->setAccessibleName(tr("Outbox is empty"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setEnabled(false);

    m_stack = new QStackedWidget(this);
    m_stack->setObjectName(QStringLiteral("outboxStack"));
    m_stack->addWidget(m_list);
    m_stack->addWidget(m_empty);

    m_notice = new QLabel(this);
    m_notice->setObjectName(QStringLiteral("outboxNotice"));
    m_notice->setAccessibleName(tr("Outbox notice"));
    m_notice->setWordWrap(true);
    m_notice->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_notice->hide();

    m_details = new QLabel(this);
    m_details->setObjectName(QStringLiteral("outboxDetails"));
    m_details->setAccessibleName(tr("Selected message"));
    m_details->setWordWrap(true);
    m_details->setTextFormat(Qt::RichText);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_details->setMargin(6);
    m_details->setFrameShape(QFrame::StyledPanel);

    auto *title = new QLabel(tr("<b>Outbox</b>: messages the server has not taken yet"), this);
    title->setObjectName(QStringLiteral("outboxTitle"));
    title->setAccessibleName(tr("Outbox title"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(title);
    layout->addWidget(toolBar);
    layout->addWidget(m_notice);
    layout->addWidget(m_stack, 1);
    layout->addWidget(m_details);
    refresh();
}

void OutboxView::refresh()
{
    const qint64 current = currentEntryId();
    m_model->refresh();
    m_stack->setCurrentWidget(m_model->rowCount() == 0 ? static_cast<QWidget *>(m_empty) : m_list);
    if (current)
        selectEntry(current);
    if (!currentEntry() && m_model->rowCount() > 0)
        m_list->setCurrentIndex(m_model->index(0, 0)); // the details say why the first one waits
    updateActions();
}

QString OutboxView::noticeText() const
{
    return m_notice->isVisible() || !m_notice->isHidden() ? m_notice->text() : QString();
}

void OutboxView::selectEntry(qint64 outboxId)
{
    const int row = m_model->rowOf(outboxId);
    if (row >= 0)
        m_list->setCurrentIndex(m_model->index(row, 0));
}

const OutboxEntry *OutboxView::currentEntry() const
{
    return m_model->entry(m_list->currentIndex());
}

qint64 OutboxView::currentEntryId() const
{
    const OutboxEntry *entry = currentEntry();
    return entry ? entry->id : 0;
}

void OutboxView::say(const QString &sentence)
{
    m_notice->setText(sentence);
    m_notice->setVisible(!sentence.isEmpty());
}

void OutboxView::updateActions()
{
    const OutboxEntry *entry = currentEntry();
    // Enabled for a message being sent too: choosing them says why not.
    m_openAction->setEnabled(entry);
    m_deleteAction->setEnabled(entry);
    m_sendNowAction->setEnabled(m_model->rowCount() > 0);
    m_details->setText(entry ? OutboxListModel::describe(*entry) : QString());
    m_details->setVisible(entry);
}

void OutboxView::openCurrent()
{
    const OutboxEntry *entry = currentEntry();
    if (!entry)
        return;
    if (entry->state == OutboxState::Sending) {
        say(tr("\u201c%1\u201d is being sent right now; it cannot be edited. If sending fails it waits here "
               "again and can be opened then.").arg(entry->subject));
        return;
    }
    say({});
    Q_EMIT editRequested(entry->id);
}

void OutboxView::deleteCurrent()
{
    const OutboxEntry *entry = currentEntry();
    if (!entry)
        return;
    const qint64 id = entry->id;
    const QString subject = entry->subject.isEmpty() ? tr("(no subject)") : entry->subject;
    if (entry->state == OutboxState::Sending) {
        say(tr("\u201c%1\u201d is being sent right now; it cannot be deleted.").arg(subject));
        return;
    }
    if (!m_confirm(tr("Delete \u201c%1\u201d without sending it? This cannot be undone.").arg(subject)))
        return;
    if (!m_store.outboxStore().deleteOutbox(id)) {
        // The engine took it meanwhile, or the store failed: nothing was lost.
        say(tr("\u201c%1\u201d was not deleted: %2").arg(subject, m_store.lastError()));
        refresh();
        return;
    }
    say({});
    refresh();
    Q_EMIT outboxEdited();
}

} // namespace skein::ui
