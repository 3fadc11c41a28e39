#include "ConversationTree.h"

#include "ConversationIndex.h"

#include <QHash>

#include <algorithm>
#include <limits>
#include <tuple>
#include <utility>

namespace skein {

namespace {

// Keys are normalised to the EAS layout by ConversationIndex::key().
constexpr qsizetype kHeaderSize = 5;
constexpr qsizetype kBlockSize = 5;
// Decoded reply times are hints (§3, §6); beyond this distance from
// DateReceived the index time is assumed to be misencoded.
constexpr qint64 kMaxPlausibleSkewMs = qint64(3) * 24 * 60 * 60 * 1000;
constexpr qint64 kUndated = std::numeric_limits<qint64>::max();

class Builder
{
public:
    Builder(const QList<Message> &messages, const QSet<QString> &sentFolderIds)
        : m_messages(messages), m_sentFolderIds(sentFolderIds)
    {
    }

    void collect();
    void link();
    void decodeTimes();
    void sortSiblings();
    void walk();

    QList<ConversationNode> nodes;
    QList<int> roots;
    QList<int> order;
    QList<int> nodeOfMessage;
    bool hasIndex = false;

private:
    int nodeFor(const ConversationIndex &index);
    int appendNode(const ConversationIndex &index);
    void addCopy(int node, int message, const ConversationIndex &index);
    bool isSent(int message) const;
    void findParent(int node);
    qint64 receivedMs(int node) const;
    qint64 sortMs(int node) const;
    bool comesBefore(int a, int b) const;

    const QList<Message> &m_messages;
    const QSet<QString> &m_sentFolderIds;
    QHash<QByteArray, int> m_byKey;
    QList<ConversationIndex> m_indexes; // per node: its first copy's index
    QList<quint64> m_indexTicks;        // per node: decoded time of the last level
    QList<qint64> m_sortMs;      // per node, filled by sortSiblings()
    QList<qint64> m_receivedMs;
};

void Builder::collect()
{
    nodeOfMessage.resize(m_messages.size());
    nodes.reserve(m_messages.size());
    m_indexes.reserve(m_messages.size());
    m_byKey.reserve(m_messages.size());
    for (int i = 0; i < m_messages.size(); ++i) {
        const ConversationIndex index(m_messages[i].conversationIndex);
        hasIndex = hasIndex || index.isValid();
        const int node = nodeFor(index);
        addCopy(node, i, index);
        nodeOfMessage[i] = node;
    }
}

// Equal keys are one logical message; messages without an index never merge.
int Builder::nodeFor(const ConversationIndex &index)
{
    if (!index.isValid())
        return appendNode(index);
    const auto it = m_byKey.constFind(index.key());
    if (it != m_byKey.constEnd())
        return *it;
    const int node = appendNode(index);
    m_byKey.insert(index.key(), node);
    return node;
}

int Builder::appendNode(const ConversationIndex &index)
{
    ConversationNode node;
    node.hasIndex = index.isValid();
    node.key = index.key();
    nodes.append(std::move(node));
    m_indexes.append(index);
    return int(nodes.size() - 1);
}

void Builder::addCopy(int node, int message, const ConversationIndex &index)
{
    ConversationNode &n = nodes[node];
    const bool sent = isSent(message);
    n.messages.append(message);
    n.damaged = n.damaged || index.isDamaged();
    n.hasSentCopy = n.hasSentCopy || sent;
    // The received copy carries the sender's From/DateReceived as others saw it.
    if (n.primary < 0 || (!sent && isSent(n.primary)))
        n.primary = message;
}

bool Builder::isSent(int message) const
{
    return !m_sentFolderIds.isEmpty() && m_sentFolderIds.contains(m_messages[message].folderId);
}

void Builder::link()
{
    for (int node = 0; node < nodes.size(); ++node) {
        if (nodes[node].hasIndex)
            findParent(node);
        const int parent = nodes[node].parent;
        if (parent >= 0)
            nodes[parent].children.append(node);
        else
            roots.append(node);
    }
}

// Longest present proper prefix wins; skipping levels means messages in
// between are missing locally (not synced, filtered, deleted).
void Builder::findParent(int node)
{
    ConversationNode &n = nodes[node];
    const qsizetype immediate = n.key.size() - kBlockSize;
    for (qsizetype len = immediate; len >= kHeaderSize; len -= kBlockSize) {
        // fromRawData: probing must not copy the key once per level.
        const auto it = m_byKey.constFind(QByteArray::fromRawData(n.key.constData(), len));
        if (it != m_byKey.constEnd()) {
            n.parent = *it;
            n.gapAbove = len != immediate;
            return;
        }
    }
    n.gapAbove = n.key.size() > kHeaderSize; // a reply whose whole ancestry is missing
}

// Parents before children, so each block is decoded once: decoding every
// index from its header would be quadratic in a long reply chain.
void Builder::decodeTimes()
{
    m_indexTicks.resize(nodes.size());
    QList<int> pending = roots;
    pending.reserve(nodes.size());
    for (qsizetype i = 0; i < pending.size(); ++i) {
        const int node = pending[i];
        const int parent = nodes[node].parent;
        const ConversationIndex &index = m_indexes[node];
        m_indexTicks[node] = parent < 0
            ? index.fileTime()
            : index.fileTimeFrom(m_indexes[parent].depth(), m_indexTicks[parent]);
        if (!nodes[node].children.isEmpty())
            pending.append(nodes[node].children);
    }
}

qint64 Builder::receivedMs(int node) const
{
    const QDateTime &received = m_messages[nodes[node].primary].dateReceived;
    return received.isValid() ? received.toMSecsSinceEpoch() : kUndated;
}

qint64 Builder::sortMs(int node) const
{
    const qint64 received = m_receivedMs[node];
    if (!nodes[node].hasIndex)
        return received;
    const qint64 decoded =
        ConversationIndex::fileTimeToDateTime(m_indexTicks[node]).toMSecsSinceEpoch();
    if (received != kUndated && qAbs(decoded - received) > kMaxPlausibleSkewMs)
        return received;
    return decoded;
}

bool Builder::comesBefore(int a, int b) const
{
    const auto lhs = std::tie(m_sortMs[a], m_receivedMs[a]);
    const auto rhs = std::tie(m_sortMs[b], m_receivedMs[b]);
    if (lhs != rhs)
        return lhs < rhs;
    if (nodes[a].key != nodes[b].key)
        return nodes[a].key < nodes[b].key;
    return a < b; // keeps no-index nodes in input order
}

void Builder::sortSiblings()
{
    m_receivedMs.resize(nodes.size());
    m_sortMs.resize(nodes.size());
    for (int node = 0; node < nodes.size(); ++node) {
        m_receivedMs[node] = receivedMs(node);
        m_sortMs[node] = sortMs(node);
    }
    const auto before = [this](int a, int b) { return comesBefore(a, b); };
    std::sort(roots.begin(), roots.end(), before);
    for (ConversationNode &n : nodes)
        std::sort(n.children.begin(), n.children.end(), before);
}

// Iterative: a long reply chain must not exhaust the stack.
void Builder::walk()
{
    order.reserve(nodes.size());
    QList<int> stack(roots.crbegin(), roots.crend());
    stack.reserve(nodes.size());
    while (!stack.isEmpty()) {
        const int node = stack.takeLast();
        ConversationNode &n = nodes[node];
        n.depth = n.parent >= 0 ? nodes[n.parent].depth + 1 : 0;
        order.append(node);
        for (auto child = n.children.crbegin(); child != n.children.crend(); ++child)
            stack.append(*child);
    }
}

} // namespace

ConversationTree ConversationTree::build(const QList<Message> &messages,
                                         const QSet<QString> &sentFolderIds)
{
    Builder builder(messages, sentFolderIds);
    builder.collect();
    builder.link();
    builder.decodeTimes();
    builder.sortSiblings();
    builder.walk();

    ConversationTree tree;
    tree.m_nodes = std::move(builder.nodes);
    tree.m_roots = std::move(builder.roots);
    tree.m_order = std::move(builder.order);
    tree.m_nodeOfMessage = std::move(builder.nodeOfMessage);
    tree.m_hasIndex = builder.hasIndex;
    return tree;
}

int ConversationTree::nodeForMessage(int messageIndex) const
{
    if (messageIndex < 0 || messageIndex >= m_nodeOfMessage.size())
        return -1;
    return m_nodeOfMessage[messageIndex];
}

} // namespace skein
