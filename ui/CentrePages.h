#pragma once

#include <QStackedWidget>

namespace skein {
class Store;
} // namespace skein

namespace skein::ui {

class DraftListView;
class OutboxView;

// The centre pane: the conversation list (with the search), or a folder's
// own page instead: the Outbox (what waits to be sent), Drafts, All Inboxes.
class CentrePages : public QStackedWidget
{
    Q_OBJECT
public:
    enum Page { List, Outbox, Drafts, AllInboxes };

    CentrePages(skein::Store &store, QWidget *listPage, QWidget *allInboxesPage, QWidget *parent = nullptr);

    OutboxView *outboxView() const { return m_outbox; }
    DraftListView *draftList() const { return m_drafts; }
    Page page() const { return Page(currentIndex()); }
    // The Outbox and Drafts pages are read again as they are shown.
    void showPage(Page page);
    // A draft was saved or uploaded: the Drafts page re-reads if shown.
    void refreshDrafts();

private:
    OutboxView *m_outbox;
    DraftListView *m_drafts;
};

} // namespace skein::ui
