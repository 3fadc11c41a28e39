#pragma once

#include "FullTextSearch.h"

#include <QTreeWidget>

namespace skein::ui {

// The answers of the search field (ConversationStore::search): one row per
// conversation, best match first, its subject and a few words around the
// matches, the matching words in bold. A double-click or Enter on a row asks
// the window to open that conversation at its best-matching message.
class SearchResultsView : public QTreeWidget
{
    Q_OBJECT
public:
    enum Role { HtmlRole = Qt::UserRole + 1, FolderIdRole, ConversationIdRole, MessageIdRole, ServerResultRole };

    explicit SearchResultsView(QWidget *parent = nullptr);

    // Replaces the rows; folderNames by folder id, for where each match is.
    void setHits(const QList<skein::SearchHit> &hits, const QHash<QString, QString> &folderNames);
    // Adds what the server's search found (SyncEngine::searchServer) below
    // the local answers, marked "on the server"; a conversation already
    // listed is not repeated. Returns how many rows it added.
    int addServerMessages(const QList<skein::Message> &messages, const QHash<QString, QString> &folderNames);
    // Opens the current row, if any (Enter in the search field).
    void openCurrent() { open(currentItem()); }

Q_SIGNALS:
    void openRequested(const QString &folderId, const QByteArray &conversationId, qint64 messageId);
    // A row the server's search added: the message as the server described it.
    void serverMessageOpenRequested(const skein::Message &message);

private:
    void open(QTreeWidgetItem *item);

    QList<skein::Message> m_serverMessages; // rows of addServerMessages, by ServerResultRole
};

} // namespace skein::ui
