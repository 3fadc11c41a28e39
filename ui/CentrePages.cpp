#include "CentrePages.h"

#include "DraftListView.h"
#include "OutboxView.h"

namespace skein::ui {

CentrePages::CentrePages(Store &store, QWidget *listPage, QWidget *allInboxesPage, QWidget *parent)
    : QStackedWidget(parent)
    , m_outbox(new OutboxView(store, this))
    , m_drafts(new DraftListView(store, this))
{
    setObjectName(QStringLiteral("centreStack"));
    setAccessibleName(tr("Messages"));
    // In the order of Page.
    addWidget(listPage);
    addWidget(m_outbox);
    addWidget(m_drafts);
    addWidget(allInboxesPage);
}

void CentrePages::showPage(Page page)
{
    if (page == Outbox)
        m_outbox->refresh();
    else if (page == Drafts)
        m_drafts->reload();
    setCurrentIndex(page);
}

void CentrePages::refreshDrafts()
{
    if (page() == Drafts)
        m_drafts->reload();
}

} // namespace skein::ui
