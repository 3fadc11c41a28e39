#pragma once

#include "FolderModel.h"

#include <QObject>

class QModelIndex;
class QWidget;

namespace skein {
class UnifiedInboxModel;
} // namespace skein

namespace skein::ui {

class ConversationActionsController;
class ConversationView;
class FolderPane;
class MarkReadWait;
class ReadingPane;

// All Inboxes (two or more accounts): every account's Inbox in one list.
// Choosing a row shows it in the reading pane, switching the window's
// account to the row's; Enter or a double-click opens it in its own Inbox;
// a row stayed on long enough is marked read, as in the Inbox itself.
class UnifiedInboxPage : public QObject
{
    Q_OBJECT
public:
    UnifiedInboxPage(FolderPane *folders, ReadingPane *reading, ConversationActionsController *actions,
                     QWidget *parent);

    ConversationView *view() const { return m_view; }
    MarkReadWait *markReadWait() const { return m_markReadWait; }
    void setAccounts(const QList<skein::FolderModel::Account> &accounts);
    // Reads every Inbox again (the page is being opened).
    void reload();
    // Reads again while shown, keeping the row the user is on.
    void refresh();

Q_SIGNALS:
    // The reading pane shows another row (or none).
    void rowShown();
    // The row's conversation in its own Inbox, its account now the active one.
    void openRequested(const QString &folderId, const QByteArray &conversationId, qint64 messageId);
    // A conversation was marked read: a change to send.
    void actionsQueued();

private:
    void show(const QModelIndex &current);
    void open(const QModelIndex &index);
    void markRead(const QModelIndex &index);

    FolderPane *m_folders;
    ReadingPane *m_reading;
    ConversationActionsController *m_actions;
    skein::UnifiedInboxModel *m_model;
    ConversationView *m_view;
    MarkReadWait *m_markReadWait;
};

} // namespace skein::ui
