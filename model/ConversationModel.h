#pragma once

#include "MessageRows.h"
#include "ModelRoles.h"
#include "TreeModelBase.h"

namespace skein {

class Store;

// The reply tree of ONE conversation, every folder included: rows are the
// tree's nodes in tree shape (a reply to a reply is a grandchild), children
// ordered oldest first. The reading pane stacks messagesInTimeOrder() and
// says whom a card answers from answeredMessageIds().
// Bodies are kept (HasBodyRole, BodyTruncatedRole; message() has the text).
class ConversationModel : public TreeModelBase
{
    Q_OBJECT

public:
    enum Column { SubjectColumn, FromColumn, DateColumn, ColumnCount };

    // The store is the GUI thread's connection and must outlive the model.
    explicit ConversationModel(const Store *store, QObject *parent = nullptr);
    ~ConversationModel() override;

    // Shows a conversation / a message without ConversationId, by local row
    // id (a ServerId is unique only within its folder) (resets).
    void setConversation(const QByteArray &conversationId);
    void setSingleMessage(qint64 messageId);
    void clear();
    // Folder the user is looking at, for IsOtherFolderRole and for which copy
    // of a message a row shows; empty: none is "other".
    void setListedFolder(const QString &folderId);

    // Re-reads the conversation and applies only the differences.
    void refresh();

    QByteArray conversationId() const { return m_conversationId; }
    // False when no message carried a usable ConversationIndex.
    bool hasIndex() const { return m_hasIndex; }
    // What the reply tree rests on (index, reply headers or date), and
    // whether Skein grouped the conversation itself (ThreadInference.h).
    TreeBasis treeBasis() const { return m_basis; }
    bool conversationInferred() const { return m_conversationInferred; }

    // Pre-order: each message followed by its replies, oldest first.
    QList<Message> messagesInDisplayOrder() const;
    // Oldest first by DateReceived; replies received at the same moment
    // keep the tree's order, so an answer still follows its message.
    QList<Message> messagesInTimeOrder() const;
    // Local row id of each shown message -> that of the message it answers
    // (the parent node's shown copy); roots and messages below a gap (whose
    // parent is missing) are absent.
    QHash<qint64, qint64> answeredMessageIds() const;
    // Position in messagesInDisplayOrder() of the first unread message, or -1.
    int firstUnreadRow() const;
    QModelIndex firstUnreadIndex() const;
    // The row showing the message with local row id messageId (any copy of
    // its node), or invalid.
    QModelIndex indexForMessage(qint64 messageId) const;
    // The message of a row, body included; nullptr for an invalid index.
    const Message *message(const QModelIndex &index) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    QList<Message> readMessages() const;
    std::vector<std::unique_ptr<MailNode>> buildTarget();
    QList<const MailNode *> preOrder() const;

    const Store *m_store;
    FolderContext m_context;
    QByteArray m_conversationId;
    qint64 m_singleMessageId = 0;
    bool m_hasIndex = false;
    TreeBasis m_basis = TreeBasis::ConversationIndex;
    bool m_conversationInferred = false;
    std::unique_ptr<MailNode> m_root;
};

} // namespace skein
