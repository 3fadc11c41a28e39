#include "ComposeCommands.h"

#include "CentrePages.h"
#include "ConversationListPane.h"
#include "ConversationView.h"
#include "ReadingPane.h"
#include "UnifiedInboxPage.h"
#include "WindowActions.h"

#include <QAction>

namespace skein::ui {

ComposeCommands::ComposeCommands(WindowActions *actions, ConversationListPane *list, UnifiedInboxPage *allInboxes,
                                 CentrePages *pages, ReadingPane *reading, QObject *parent)
    : QObject(parent)
    , m_actions(actions)
    , m_list(list)
    , m_allInboxes(allInboxes)
    , m_pages(pages)
    , m_reading(reading)
{
    using A = WindowActions;
    connect(actions->action(A::NewMail), &QAction::triggered, this,
            [this] { Q_EMIT composeRequested(OutboxKind::Send, 0, false); });
    connect(actions->action(A::Reply), &QAction::triggered, this,
            [this] { Q_EMIT composeRequested(OutboxKind::Reply, selectedMessageId(), false); });
    connect(actions->action(A::ReplyAll), &QAction::triggered, this,
            [this] { Q_EMIT composeRequested(OutboxKind::Reply, selectedMessageId(), true); });
    connect(actions->action(A::Forward), &QAction::triggered, this,
            [this] { Q_EMIT composeRequested(OutboxKind::Forward, selectedMessageId(), false); });
    connect(reading, &ReadingPane::answerRequested, this, &ComposeCommands::composeRequested);
    connect(list->view()->selectionModel(), &QItemSelectionModel::currentChanged, this, &ComposeCommands::update);
    connect(allInboxes, &UnifiedInboxPage::rowShown, this, &ComposeCommands::update);
    update();
}

qint64 ComposeCommands::selectedMessageId() const
{
    if (m_pages->page() == CentrePages::AllInboxes) // the conversation All Inboxes shows, in the account now open
        return m_allInboxes->view()->currentIndex().isValid() ? m_reading->answerTargetId() : 0;
    return m_list->selectedMessageId();
}

void ComposeCommands::update()
{
    const bool any = selectedMessageId() != 0;
    for (WindowActions::Id id : {WindowActions::Reply, WindowActions::ReplyAll, WindowActions::Forward})
        m_actions->action(id)->setEnabled(any);
}

} // namespace skein::ui
