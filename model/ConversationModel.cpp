#include "ConversationModel.h"

#include "LocalSentRows.h"
#include "Store.h"

#include <algorithm>

namespace skein {

namespace {

RowField fieldOf(int column)
{
    switch (column) {
    case ConversationModel::SubjectColumn: return RowField::Subject;
    case ConversationModel::FromColumn: return RowField::From;
    case ConversationModel::DateColumn: return RowField::Date;
    default: return RowField::None;
    }
}

void collectPreOrder(const MailNode *node, QList<const MailNode *> &out)
{
    for (const auto &child : node->children) {
        out.append(child.get());
        collectPreOrder(child.get(), out);
    }
}

} // namespace

ConversationModel::ConversationModel(const Store *store, QObject *parent)
    : TreeModelBase(parent), m_store(store), m_root(std::make_unique<MailNode>())
{
}

ConversationModel::~ConversationModel() = default;

void ConversationModel::setConversation(const QByteArray &conversationId)
{
    beginResetModel();
    m_conversationId = conversationId;
    m_singleMessageId = 0;
    m_root = std::make_unique<MailNode>();
    for (auto &node : buildTarget())
        m_root->adopt(std::move(node));
    endResetModel();
}

void ConversationModel::setSingleMessage(qint64 messageId)
{
    beginResetModel();
    m_conversationId.clear();
    m_singleMessageId = messageId;
    m_root = std::make_unique<MailNode>();
    for (auto &node : buildTarget())
        m_root->adopt(std::move(node));
    endResetModel();
}

void ConversationModel::clear()
{
    beginResetModel();
    m_conversationId.clear();
    m_singleMessageId = 0;
    m_hasIndex = false;
    m_root = std::make_unique<MailNode>();
    endResetModel();
}

void ConversationModel::setListedFolder(const QString &folderId)
{
    if (folderId == m_context.listedFolder)
        return;
    m_context.listedFolder = folderId;
    refresh(); // the displayed copies and IsOtherFolderRole may change
}

QList<Message> ConversationModel::readMessages() const
{
    if (!m_conversationId.isEmpty()) {
        QList<Message> messages = m_store->messageStore().conversationMessages(m_conversationId);
        messages += localSentRows(*m_store, messages); // replies on their way, under their parents
        return messages;
    }
    if (m_singleMessageId == 0)
        return {};
    const auto single = m_store->messageStore().messageById(m_singleMessageId);
    return single ? QList<Message>{*single} : QList<Message>();
}

std::vector<std::unique_ptr<MailNode>> ConversationModel::buildTarget()
{
    m_context.load(*m_store);
    const QList<Message> messages = readMessages();
    auto roots = buildMessageNodes(messages, m_context, true);
    m_hasIndex = false;
    for (const auto &root : roots)
        m_hasIndex = m_hasIndex || !root->data.message->inferred;
    m_basis = roots.empty() ? TreeBasis::ConversationIndex : roots.front()->data.message->basis;
    m_conversationInferred = false;
    for (const Message &m : messages)
        m_conversationInferred = m_conversationInferred || m.conversationInferred;
    return roots;
}

void ConversationModel::refresh()
{
    mergeChildren(m_root.get(), buildTarget(), sameRow, true);
}

QList<const MailNode *> ConversationModel::preOrder() const
{
    QList<const MailNode *> out;
    collectPreOrder(m_root.get(), out);
    return out;
}

QList<Message> ConversationModel::messagesInDisplayOrder() const
{
    QList<Message> out;
    for (const MailNode *node : preOrder())
        out.append(node->data.message->message);
    return out;
}

QList<Message> ConversationModel::messagesInTimeOrder() const
{
    QList<Message> out = messagesInDisplayOrder();
    std::stable_sort(out.begin(), out.end(), [](const Message &a, const Message &b) {
        return a.dateReceived < b.dateReceived;
    });
    return out;
}

QHash<qint64, qint64> ConversationModel::answeredMessageIds() const
{
    QHash<qint64, qint64> out;
    for (const MailNode *node : preOrder()) {
        // Below a gap the parent node is an ancestor, not the message answered.
        if (node->parent && node->parent != m_root.get() && !node->data.message->gapAbove)
            out.insert(node->data.message->message.id, node->parent->data.message->message.id);
    }
    return out;
}

int ConversationModel::firstUnreadRow() const
{
    const QList<const MailNode *> nodes = preOrder();
    for (qsizetype i = 0; i < nodes.size(); ++i) {
        if (!nodes[i]->data.message->message.read)
            return int(i);
    }
    return -1;
}

QModelIndex ConversationModel::firstUnreadIndex() const
{
    const int row = firstUnreadRow();
    return row < 0 ? QModelIndex() : indexOf(const_cast<MailNode *>(preOrder().at(row)));
}

QModelIndex ConversationModel::indexForMessage(qint64 messageId) const
{
    for (const MailNode *node : preOrder()) {
        if (node->data.message->message.id == messageId)
            return indexOf(const_cast<MailNode *>(node));
    }
    return {};
}

const Message *ConversationModel::message(const QModelIndex &index) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return nullptr;
    return &nodeOf(index, m_root.get())->data.message->message;
}

QModelIndex ConversationModel::index(int row, int column, const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return {};
    return childIndex(nodeOf(parent, m_root.get()), row, column);
}

QModelIndex ConversationModel::parent(const QModelIndex &child) const
{
    return parentIndex<MailNode>(child);
}

int ConversationModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return 0;
    return int(nodeOf(parent, m_root.get())->children.size());
}

int ConversationModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant ConversationModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const MailNode *node = nodeOf(index, m_root.get());
    return messageData(*node->data.message, fieldOf(index.column()), role, m_context);
}

QVariant ConversationModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case SubjectColumn: return tr("Subject");
    case FromColumn: return tr("From");
    case DateColumn: return tr("Date");
    default: return {};
    }
}

QHash<int, QByteArray> ConversationModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractItemModel::roleNames();
    names.insert(ServerIdRole, "serverId");
    names.insert(FolderNameRole, "folderName");
    names.insert(IsOtherFolderRole, "isOtherFolder");
    names.insert(ReadRole, "read");
    names.insert(DepthRole, "depth");
    names.insert(GapAboveRole, "gapAbove");
    names.insert(HasBodyRole, "hasBody");
    names.insert(BodyTruncatedRole, "bodyTruncated");
    return names;
}

} // namespace skein
