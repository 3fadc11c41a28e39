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
    bool hasHeaders = false;

private:
    int nodeForHeaders(int message);
    void linkByHeaders();
    int headerParent(int node, bool *gap) const;
    bool isAncestor(int ancestor, int node) const;
    void hangOrphans();
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
    QHash<QString, int> m_byMessageId; // header path only
    QList<int> m_headerSource;         // per node: the copy whose reply headers count
    QList<ConversationIndex> m_indexes; // per node: its first copy's index
    QList<quint64> m_indexTicks;        // per node: decoded time of the last level
    QList<qint64> m_sortMs;      // per node, filled by sortSiblings()
    QList<qint64> m_receivedMs;
};

bool hasReplyHeaders(const Message &m)
{
    return !m.inReplyTo.isEmpty() || !m.references.isEmpty();
}

void Builder::collect()
{
    nodeOfMessage.resize(m_messages.size());
    nodes.reserve(m_messages.size());
    m_indexes.reserve(m_messages.size());
    m_byKey.reserve(m_messages.size());
    // Reply headers count only when no message has an index: Exchange data
    // keeps exactly the index tree.
    for (const Message &m : m_messages) {
        hasIndex = hasIndex || ConversationIndex(m.conversationIndex).isValid();
        hasHeaders = hasHeaders || !m.internetMessageId.isEmpty() || hasReplyHeaders(m);
    }
    hasHeaders = hasHeaders && !hasIndex;
    for (int i = 0; i < m_messages.size(); ++i) {
        const ConversationIndex index(m_messages[i].conversationIndex);
        const int node = hasHeaders ? nodeForHeaders(i) : nodeFor(index);
        addCopy(node, i, index);
        nodeOfMessage[i] = node;
    }
}

// Copies (Inbox + moved copy, Sent Items copy) share a Message-ID.
int Builder::nodeForHeaders(int message)
{
    const Message &m = m_messages[message];
    int node = -1;
    if (!m.internetMessageId.isEmpty())
        node = m_byMessageId.value(m.internetMessageId, -1);
    if (node < 0) {
        node = appendNode(ConversationIndex());
        m_headerSource.append(message);
        if (!m.internetMessageId.isEmpty())
            m_byMessageId.insert(m.internetMessageId, node);
    } else if (!hasReplyHeaders(m_messages[m_headerSource[node]]) && hasReplyHeaders(m)) {
        m_headerSource[node] = message; // a copy fetched before the other knows more
    }
    return node;
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
    if (hasHeaders)
        linkByHeaders();
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

void Builder::linkByHeaders()
{
    for (int node = 0; node < nodes.size(); ++node) {
        bool gap = false;
        nodes[node].parent = headerParent(node, &gap);
        nodes[node].gapAbove = gap;
    }
    hangOrphans();
}

// In-Reply-To, else the newest References entry present locally; a parent
// that would close a cycle (broken or hostile References) is skipped.
int Builder::headerParent(int node, bool *gap) const
{
    const Message &m = m_messages[m_headerSource[node]];
    QStringList candidates;
    if (!m.inReplyTo.isEmpty())
        candidates.append(m.inReplyTo);
    for (auto it = m.references.crbegin(); it != m.references.crend(); ++it)
        candidates.append(*it);
    for (const QString &messageId : std::as_const(candidates)) {
        const int parent = m_byMessageId.value(messageId, -1);
        if (parent < 0 || parent == node || isAncestor(node, parent))
            continue;
        *gap = messageId != candidates.first(); // the direct parent is missing
        return parent;
    }
    *gap = !candidates.isEmpty(); // a reply whose whole ancestry is missing
    return -1;
}

bool Builder::isAncestor(int ancestor, int node) const
{
    // Each link is checked before it is added, so the walk always ends.
    for (int n = nodes[node].parent; n >= 0; n = nodes[n].parent) {
        if (n == ancestor)
            return true;
    }
    return false;
}

// Messages whose parent is not here hang under the earliest root, so the
// conversation still reads as one thread; siblings are ordered by date.
void Builder::hangOrphans()
{
    int first = -1;
    for (int node = 0; node < nodes.size(); ++node) {
        if (nodes[node].parent >= 0)
            continue;
        const QDateTime &date = m_messages[nodes[node].primary].dateReceived;
        const QDateTime &best = first < 0 ? date : m_messages[nodes[first].primary].dateReceived;
        if (first < 0 || (date.isValid() && (!best.isValid() || date < best)))
            first = node;
    }
    for (int node = 0; node < nodes.size(); ++node) {
        if (nodes[node].parent < 0 && node != first)
            nodes[node].parent = first;
    }
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
    tree.m_basis = builder.hasIndex ? TreeBasis::ConversationIndex
        : builder.hasHeaders        ? TreeBasis::ReplyHeaders
                                    : TreeBasis::Date;
    return tree;
}

int ConversationTree::nodeForMessage(int messageIndex) const
{
    if (messageIndex < 0 || messageIndex >= m_nodeOfMessage.size())
        return -1;
    return m_nodeOfMessage[messageIndex];
}

} // namespace skein
