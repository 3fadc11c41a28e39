#pragma once

#include "OutboxTypes.h"

#include <QObject>

namespace skein::ui {

class CentrePages;
class ConversationListPane;
class ReadingPane;
class UnifiedInboxPage;
class WindowActions;

// Writing mail: what New, Reply, Reply All and Forward (the window's
// actions, and each card's buttons in the reading pane) answer, and
// whether there is anything to answer. The app opens the composer.
class ComposeCommands : public QObject
{
    Q_OBJECT
public:
    ComposeCommands(WindowActions *actions, ConversationListPane *list, UnifiedInboxPage *allInboxes,
                    CentrePages *pages, ReadingPane *reading, QObject *parent);

    // The message row selected in the list, or a conversation row's newest
    // message (in All Inboxes: the conversation shown); 0 when none is.
    qint64 selectedMessageId() const;

public Q_SLOTS:
    // Reply, Reply All and Forward are enabled when there is something to answer.
    void update();

Q_SIGNALS:
    // New mail (kind Send, sourceMessageId 0), or an answer to the message
    // with that local row id.
    void composeRequested(skein::OutboxKind kind, qint64 sourceMessageId, bool replyAll);

private:
    WindowActions *m_actions;
    ConversationListPane *m_list;
    UnifiedInboxPage *m_allInboxes;
    CentrePages *m_pages;
    ReadingPane *m_reading;
};

} // namespace skein::ui
