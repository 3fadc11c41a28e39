#include "ConversationListModel.h"

#include "LocalSentRows.h"
#include "Store.h"

namespace skein {

namespace {

RowField fieldOf(int column)
{
    switch (column) {
    case ConversationListModel::SubjectColumn: return RowField::Subject;
    case ConversationListModel::FromColumn: return RowField::From;
    case ConversationListModel::CountColumn: return RowField::Count;
    case ConversationListModel::DateColumn: return RowField::Date;
    default: return RowField::None;
    }
}

std::unique_ptr<MailNode> conversationNode(const ConversationSummary &summary)
{
    auto node = std::make_unique<MailNode>();
    node->key = conversationKey(summary);
    node->data.conversation = summary;
    return node;
}

bool isConversationRow(const MailNode *node)
{
    return node && !node->data.message;
}

// A thread worth expanding: more than one message sharing a ConversationId.
bool hasThread(const ConversationSummary &summary)
{
    return summary.messageCount > 1 && !summary.conversationId.isEmpty();
}

} // namespace

ConversationListModel::ConversationListModel(const Store *store, QObject *parent)
    : TreeModelBase(parent), m_store(store), m_root(std::make_unique<MailNode>())
{
}

ConversationListModel::~ConversationListModel() = default;

void ConversationListModel::setFolder(const QString &folderId)
{
    m_context.listedFolder = folderId;
    reload();
}

void ConversationListModel::setFilterText(const QString &text)
{
    if (text == m_query.filterText)
        return;
    m_query.filterText = text;
    reload();
}

void ConversationListModel::sort(int column, Qt::SortOrder order)
{
    switch (column) {
    case SubjectColumn: m_query.sortKey = ConversationSort::Subject; break;
    case FromColumn: m_query.sortKey = ConversationSort::Sender; break;
    default: m_query.sortKey = ConversationSort::Date; break;
    }
    m_query.order = order;
    reload();
}

// A new folder, order or filter changes every row: a reset is the honest
// signal, and the first page is loaded inside it so views see rows at once.
void ConversationListModel::reload()
{
    const ChangeScope scope(this);
    beginResetModel();
    m_root = std::make_unique<MailNode>();
    m_exhausted = m_context.listedFolder.isEmpty();
    if (!m_exhausted) {
        m_context.load(*m_store);
        for (const ConversationSummary &summary : query(0, pageSize))
            m_root->adopt(conversationNode(summary));
        m_exhausted = m_root->children.size() < std::size_t(pageSize);
    }
    endResetModel();
}

QList<ConversationSummary> ConversationListModel::query(int offset, int limit,
                                                        const ConversationSummary *after) const
{
    ConversationQuery q = m_query;
    q.offset = offset;
    q.limit = limit;
    if (after) {
        q.afterHeadId = after->headId;
        q.afterLatest = after->latest;
    }
    QList<ConversationSummary> rows = m_store->conversationStore().conversations(m_context.listedFolder, q);
    // Replies on their way count in their conversation at once (LocalSentRows.h).
    const QHash<QByteArray, int> local = localSentCounts(*m_store);
    if (!local.isEmpty()) {
        for (ConversationSummary &row : rows)
            row.messageCount += local.value(row.conversationId);
    }
    return rows;
}

void ConversationListModel::appendPage()
{
    const ChangeScope scope(this);
    // By date the next page continues after the last row (a keyset): the
    // store starts there instead of skipping every loaded row again, so deep
    // pages cost what the first one does. Other orders page by offset.
    const MailNode *last = m_root->children.empty() ? nullptr : m_root->children.back().get();
    const bool keyset = m_query.sortKey == ConversationSort::Date && last;
    const QList<ConversationSummary> page = query(int(m_root->children.size()), pageSize,
                                                  keyset ? &last->data.conversation : nullptr);
    m_exhausted = page.size() < pageSize;
    // The list may have shifted since the last page: skip rows already shown.
    QSet<QByteArray> shown;
    for (const auto &node : m_root->children)
        shown.insert(node->key);
    std::vector<std::unique_ptr<MailNode>> fresh;
    for (const ConversationSummary &summary : page) {
        auto node = conversationNode(summary);
        if (!shown.contains(node->key)) {
            shown.insert(node->key);
            fresh.push_back(std::move(node));
        }
    }
    if (fresh.empty())
        return;
    const int first = int(m_root->children.size());
    beginInsertRows({}, first, first + int(fresh.size()) - 1);
    for (auto &node : fresh)
        m_root->adopt(std::move(node));
    endInsertRows();
}

std::vector<std::unique_ptr<MailNode>>
ConversationListModel::threadNodes(const ConversationSummary &summary) const
{
    if (!hasThread(summary))
        return {};
    QList<Message> messages = m_store->messageStore().conversationMessages(summary.conversationId);
    messages += localSentRows(*m_store, messages);
    return buildMessageNodes(messages, m_context, false);
}

// One query and one tree build, inserted as one block of rows with their
// subtrees: a 500-message thread costs one signal, not 500.
void ConversationListModel::fetchThread(MailNode *conversation)
{
    const ChangeScope scope(this);
    auto roots = threadNodes(conversation->data.conversation);
    conversation->fetched = true;
    if (roots.empty())
        return;
    beginInsertRows(indexOf(conversation), 0, int(roots.size()) - 1);
    for (auto &root : roots)
        conversation->adopt(std::move(root));
    endInsertRows();
}

void ConversationListModel::refreshFolder(const QString &folderId)
{
    Q_UNUSED(folderId); // see the header: any folder's change can reach this list
    refresh();
}

void ConversationListModel::refresh()
{
    if (m_context.listedFolder.isEmpty())
        return;
    const ChangeScope scope(this);
    m_context.load(*m_store); // folder renames show in FolderNameRole
    const int loaded = qMax(pageSize, int(m_root->children.size()));
    const QList<ConversationSummary> rows = query(0, loaded);
    std::vector<std::unique_ptr<MailNode>> target;
    target.reserve(std::size_t(rows.size()));
    for (const ConversationSummary &summary : rows)
        target.push_back(conversationNode(summary));
    mergeChildren(m_root.get(), std::move(target), sameRow, false);
    m_exhausted = rows.size() < loaded;
    refreshThreads();
}

// Rebuilds the fetched threads and merges them: one query each, only for
// conversations the user expanded.
void ConversationListModel::refreshThreads()
{
    for (const auto &node : m_root->children) {
        if (!node->fetched)
            continue;
        auto target = threadNodes(node->data.conversation);
        if (target.empty() && !node->children.empty())
            removeRows(node.get(), 0, int(node->children.size()) - 1);
        else
            mergeChildren(node.get(), std::move(target), sameRow, true);
        node->fetched = !node->children.empty();
    }
}

QModelIndex ConversationListModel::indexForConversation(const QByteArray &conversationId,
                                                        qint64 messageId) const
{
    ConversationSummary probe;
    probe.conversationId = conversationId;
    probe.headId = messageId;
    const QByteArray key = conversationKey(probe);
    for (const auto &node : m_root->children) {
        if (node->key == key)
            return indexOf(node.get());
    }
    return {};
}

ConversationSummary ConversationListModel::summary(const QModelIndex &index) const
{
    const MailNode *node = nodeOf(index, m_root.get());
    return index.isValid() && isConversationRow(node) ? node->data.conversation
                                                      : ConversationSummary();
}

const Message *ConversationListModel::message(const QModelIndex &index) const
{
    const MailNode *node = nodeOf(index, m_root.get());
    return index.isValid() && node->data.message ? &node->data.message->message : nullptr;
}

QModelIndex ConversationListModel::index(int row, int column, const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return {};
    return childIndex(nodeOf(parent, m_root.get()), row, column);
}

QModelIndex ConversationListModel::parent(const QModelIndex &child) const
{
    return parentIndex<MailNode>(child);
}

int ConversationListModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return 0;
    return int(nodeOf(parent, m_root.get())->children.size());
}

int ConversationListModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

bool ConversationListModel::hasChildren(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return false;
    const MailNode *node = nodeOf(parent, m_root.get());
    if (!node->children.empty())
        return true;
    // Unfetched threads show an expander; fetchMore fills them.
    return parent.isValid() && isConversationRow(node) && !node->fetched
        && hasThread(node->data.conversation);
}

bool ConversationListModel::canFetchMore(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return !m_exhausted;
    const MailNode *node = nodeOf(parent, m_root.get());
    return parent.column() == 0 && isConversationRow(node) && !node->fetched
        && hasThread(node->data.conversation);
}

void ConversationListModel::fetchMore(const QModelIndex &parent)
{
    if (isChanging() || !canFetchMore(parent))
        return;
    if (!parent.isValid())
        appendPage();
    else
        fetchThread(nodeOf(parent, m_root.get()));
}

QVariant ConversationListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const MailNode *node = nodeOf(index, m_root.get());
    const RowField field = fieldOf(index.column());
    if (node->data.message)
        return messageData(*node->data.message, field, role, m_context);
    const ConversationSummary &s = node->data.conversation;
    switch (role) {
    case FolderIdRole:
        return m_context.listedFolder; // a conversation row lists this folder's conversation
    case FolderNameRole:
        return m_context.names.value(m_context.listedFolder);
    default:
        return conversationData(s, field, role);
    }
}

QVariant ConversationListModel::headerData(int section, Qt::Orientation orientation,
                                           int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case SubjectColumn: return tr("Subject");
    case FromColumn: return tr("From");
    case CountColumn: return tr("Count");
    case DateColumn: return tr("Date");
    default: return {};
    }
}

QHash<int, QByteArray> ConversationListModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractItemModel::roleNames();
    names.insert(ServerIdRole, "serverId");
    names.insert(ConversationIdRole, "conversationId");
    names.insert(MessageCountRole, "messageCount");
    names.insert(UnreadCountRole, "unreadCount");
    names.insert(ParticipantsRole, "participants");
    names.insert(LatestDateRole, "latestDate");
    names.insert(ReadRole, "read");
    names.insert(DepthRole, "depth");
    names.insert(FolderNameRole, "folderName");
    names.insert(IsOtherFolderRole, "isOtherFolder");
    return names;
}

} // namespace skein
