#pragma once

#include "MessageRows.h"
#include "ModelRoles.h"
#include "TreeModelBase.h"

namespace skein {

class Store;

// The message list of one folder in conversation form, a tree:
//  - top level: one row per conversation with a message in the folder,
//    loaded in pages of pageSize through canFetchMore/fetchMore at the root;
//  - children: the conversation's reply tree across all folders (your replies
//    in Sent Items included, marked by FolderNameRole/IsOtherFolderRole),
//    built in one query when the view calls fetchMore on the conversation
//    (hasChildren is true before that when it has more than one message).
// Sorting and filtering happen in SQL. Refreshes diff by conversation key and
// emit row signals; setFolder/sort/setFilterText reset the model.
class ConversationListModel : public TreeModelBase
{
    Q_OBJECT

public:
    enum Column { SubjectColumn, FromColumn, CountColumn, DateColumn, ColumnCount };
    static constexpr int pageSize = 100;

    // The store is the GUI thread's connection and must outlive the model.
    explicit ConversationListModel(const Store *store, QObject *parent = nullptr);
    ~ConversationListModel() override;

    // Lists folderId; the first page is loaded before this returns.
    void setFolder(const QString &folderId);
    QString folder() const { return m_context.listedFolder; }
    // Keeps conversations whose subject or a sender contains text; "" for all.
    void setFilterText(const QString &text);
    QString filterText() const { return m_query.filterText; }
    // Subject, From: by the newest message's subject / sender; Count and Date:
    // by date. Descending date (newest first) is the default.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    ConversationSort sortKey() const { return m_query.sortKey; }
    Qt::SortOrder sortOrder() const { return m_query.order; }

    // The store changed messages of folderId. A change in any folder can
    // touch this list (a reply lands in Sent Items), so the loaded rows are
    // re-read whatever folderId is, and diffed; children of fetched
    // conversations are rebuilt and diffed too.
    void refreshFolder(const QString &folderId);
    void refresh();

    // The top-level row of a conversation (by ConversationId, or for a
    // message without one by its local row id, ConversationSummary::headId),
    // if loaded.
    QModelIndex indexForConversation(const QByteArray &conversationId,
                                     qint64 messageId = 0) const;
    // Summary of a conversation row (default-constructed for message rows).
    ConversationSummary summary(const QModelIndex &index) const;
    // The message of a message row (no body); nullptr for conversation rows.
    const Message *message(const QModelIndex &index) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    void reload();
    // `after`: continue after this row (date order only, see ConversationQuery).
    QList<ConversationSummary> query(int offset, int limit,
                                     const ConversationSummary *after = nullptr) const;
    void appendPage();
    void fetchThread(MailNode *conversation);
    std::vector<std::unique_ptr<MailNode>> threadNodes(const ConversationSummary &summary) const;
    void refreshThreads();

    const Store *m_store;
    FolderContext m_context;
    ConversationQuery m_query;
    std::unique_ptr<MailNode> m_root;
    bool m_exhausted = true; // no further page at the root
};

} // namespace skein
