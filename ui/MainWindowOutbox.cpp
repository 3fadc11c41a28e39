// MainWindow: the centre pane's pages: the conversation list, the Outbox's
// page (issue 11 part 3) and the Drafts list (part 4).

#include "MainWindow.h"

#include "ConversationListModel.h"
#include "DraftListView.h"
#include "FolderModel.h"
#include "OutboxView.h"
#include "ReadingPane.h"

#include <QStackedWidget>

namespace skein::ui {

QWidget *MainWindow::createCentrePane(QWidget *listPane)
{
    m_outboxView = new OutboxView(m_store, this);
    connect(m_outboxView, &OutboxView::editRequested, this, &MainWindow::outboxEditRequested);
    connect(m_outboxView, &OutboxView::sendNowRequested, this, &MainWindow::outboxSendNowRequested);
    connect(m_outboxView, &OutboxView::outboxEdited, this, [this] { outboxChanged(0); });
    m_centreStack = new QStackedWidget(this);
    m_centreStack->setObjectName(QStringLiteral("centreStack"));
    m_centreStack->setAccessibleName(tr("Messages"));
    m_centreStack->addWidget(listPane);
    m_centreStack->addWidget(m_outboxView);
    m_draftList = new DraftListView(m_store, this);
    connect(m_draftList, &DraftListView::draftOpenRequested, this, &MainWindow::draftOpenRequested);
    connect(m_draftList, &DraftListView::draftDeleted, this, &MainWindow::draftDeleted);
    connect(m_draftList, &DraftListView::problem, this, [this](const QString &message) { showBanner(message); });
    m_centreStack->addWidget(m_draftList);
    m_centreStack->addWidget(createUnifiedPage());
    return m_centreStack;
}

bool MainWindow::isFolderPageShown() const
{
    return m_centreStack->currentIndex() != 0;
}

bool MainWindow::isOutboxShown() const
{
    return m_centreStack->currentWidget() == m_outboxView;
}

bool MainWindow::showOutboxFor(const QString &folderId)
{
    // The server's Outbox holds nothing Skein shows: its row stands for
    // Skein's own outbox, like the local row.
    const bool outbox = !folderId.isEmpty() && folderId == m_folderModel->outboxFolderId();
    if (outbox == isOutboxShown())
        return outbox;
    if (outbox) {
        m_readingPane->clear();
        m_outboxView->refresh();
        m_centreStack->setCurrentWidget(m_outboxView);
    } else {
        m_centreStack->setCurrentIndex(0);
    }
    return outbox;
}

void MainWindow::outboxChanged(qint64 entryId)
{
    Q_UNUSED(entryId); // one entry's change can move the others' states too (the rest waits)
    m_folderModel->refresh();        // the count of unsent messages
    m_outboxView->refresh();
    m_listModel->refresh();          // a reply's local row and its conversation's count
    m_readingPane->refresh();
}

} // namespace skein::ui
