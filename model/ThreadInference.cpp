#include "ThreadInference.h"

#include <QHash>
#include <QRegularExpression>

#include <algorithm>
#include <numeric>

namespace skein {

namespace {

const QRegularExpression &replyPrefix()
{
    // "Re:", "RE :", "Re[2]:", "Fwd:", "FW:", "AW:", "WG:", "SV:", "Antw:".
    static const QRegularExpression re(
        QStringLiteral(R"(^\s*(?:re|fwd?|aw|wg|sv|antw)\s*(?:\[\d+\]|\(\d+\))?\s*:\s*)"),
        QRegularExpression::CaseInsensitiveOption);
    return re;
}

// Union-find over candidates and the Message-IDs they name; a set may carry
// one server ConversationId and never merges with a set carrying another.
class Groups
{
public:
    explicit Groups(qsizetype size) { grow(size); }

    int add()
    {
        grow(m_parent.size() + 1);
        return int(m_parent.size() - 1);
    }

    void label(int node, const QByteArray &serverId) { m_label[find(node)] = serverId; }
    const QByteArray &labelOf(int node) { return m_label[find(node)]; }

    int find(int node)
    {
        while (m_parent[node] != node) {
            m_parent[node] = m_parent[m_parent[node]];
            node = m_parent[node];
        }
        return node;
    }

    void unite(int a, int b)
    {
        a = find(a);
        b = find(b);
        if (a == b)
            return;
        if (!m_label[a].isEmpty() && !m_label[b].isEmpty() && m_label[a] != m_label[b])
            return; // the server said these are different conversations
        if (m_label[a].isEmpty())
            std::swap(a, b); // keep the label on the surviving root
        m_parent[b] = a;
    }

private:
    void grow(qsizetype size)
    {
        const qsizetype old = m_parent.size();
        m_parent.resize(size);
        m_label.resize(size);
        std::iota(m_parent.begin() + old, m_parent.end(), int(old));
    }

    QList<int> m_parent;
    QList<QByteArray> m_label;
};

bool isReply(const ThreadCandidate &c)
{
    return !c.inReplyTo.isEmpty() || !c.references.isEmpty() || hasReplyPrefix(c.subject);
}

QString topicOf(const ThreadCandidate &c)
{
    return normalizedTopic(c.threadTopic.isEmpty() ? c.subject : c.threadTopic);
}

// Where the conversation started, as far as this message knows.
QString rootMessageId(const ThreadCandidate &c)
{
    if (!c.references.isEmpty())
        return c.references.first();
    if (!c.inReplyTo.isEmpty())
        return c.inReplyTo;
    return c.messageId;
}

bool earlier(const ThreadCandidate &a, const ThreadCandidate &b)
{
    // Undated messages sort last; ties by row id keep the result stable.
    if (a.date.isValid() != b.date.isValid())
        return a.date.isValid();
    if (a.date != b.date)
        return a.date < b.date;
    return a.id < b.id;
}

} // namespace

bool isInferredConversationId(const QByteArray &conversationId)
{
    return conversationId.startsWith(kInferredConversationPrefix);
}

QString normalizedTopic(const QString &subject)
{
    QString topic = subject;
    for (;;) {
        const QRegularExpressionMatch match = replyPrefix().match(topic);
        if (!match.hasMatch() || match.capturedLength() == 0)
            break;
        topic.remove(0, match.capturedLength());
    }
    return topic.simplified().toCaseFolded();
}

bool hasReplyPrefix(const QString &subject)
{
    return replyPrefix().match(subject).hasMatch();
}

QStringList ThreadInference::linkKeys(const ThreadCandidate &c)
{
    QStringList keys;
    const auto addId = [&](const QString &messageId) {
        if (!messageId.isEmpty())
            keys.append(QStringLiteral("id:") + messageId);
    };
    addId(c.messageId);
    addId(c.inReplyTo);
    for (const QString &reference : c.references)
        addId(reference);
    const QString topic = topicOf(c);
    if (!topic.isEmpty())
        keys.append(QStringLiteral("topic:") + topic);
    keys.removeDuplicates();
    return keys;
}

QList<InferredConversation> ThreadInference::infer(const QList<ThreadCandidate> &candidates)
{
    const int count = int(candidates.size());
    Groups groups(count);
    for (int i = 0; i < count; ++i) {
        if (!candidates[i].serverConversationId.isEmpty())
            groups.label(i, candidates[i].serverConversationId);
    }

    // Reply headers: every Message-ID is a node, present locally or not, so
    // two replies to a missing message still meet.
    QHash<QString, int> byMessageId;
    const auto nodeOf = [&](const QString &messageId) {
        auto it = byMessageId.constFind(messageId);
        if (it != byMessageId.constEnd())
            return *it;
        const int node = groups.add();
        byMessageId.insert(messageId, node);
        return node;
    };
    for (int i = 0; i < count; ++i) {
        const ThreadCandidate &c = candidates[i];
        if (!c.messageId.isEmpty())
            groups.unite(i, nodeOf(c.messageId));
    }
    for (int i = 0; i < count; ++i) {
        const ThreadCandidate &c = candidates[i];
        if (!c.inReplyTo.isEmpty())
            groups.unite(i, nodeOf(c.inReplyTo));
        for (const QString &reference : c.references)
            groups.unite(i, nodeOf(reference));
    }

    // Topics: each message against its predecessor of the same topic.
    QList<int> order(count);
    std::iota(order.begin(), order.end(), 0);
    QList<QString> topics(count);
    for (int i = 0; i < count; ++i)
        topics[i] = topicOf(candidates[i]);
    std::sort(order.begin(), order.end(), [&](int a, int b) {
        if (topics[a] != topics[b])
            return topics[a] < topics[b];
        return earlier(candidates[a], candidates[b]);
    });
    constexpr qint64 maxGapMs = kMaxTopicGapDays * 24 * 60 * 60 * 1000;
    for (int k = 1; k < count; ++k) {
        const int prev = order[k - 1];
        const int cur = order[k];
        if (topics[cur].isEmpty() || topics[cur] != topics[prev])
            continue;
        const ThreadCandidate &a = candidates[prev];
        const ThreadCandidate &b = candidates[cur];
        if (!a.date.isValid() || !b.date.isValid()
            || a.date.msecsTo(b.date) > maxGapMs || !(isReply(a) || isReply(b)))
            continue;
        groups.unite(prev, cur);
    }

    // Each group's earliest message names it; a group of one stays alone.
    QHash<int, int> earliest; // group root -> candidate
    QHash<int, int> size;
    for (int i = 0; i < count; ++i) {
        const int root = groups.find(i);
        ++size[root];
        const auto it = earliest.find(root);
        if (it == earliest.end())
            earliest.insert(root, i);
        else if (earlier(candidates[i], candidates[*it]))
            *it = i;
    }

    QList<InferredConversation> result(count);
    for (int i = 0; i < count; ++i) {
        const ThreadCandidate &c = candidates[i];
        InferredConversation &out = result[i];
        if (!c.serverConversationId.isEmpty()) {
            out.conversationId = c.serverConversationId; // the server's word wins
            continue;
        }
        const int root = groups.find(i);
        const QByteArray &label = groups.labelOf(root);
        if (!label.isEmpty()) {
            out.conversationId = label;
            out.inferred = true;
            continue;
        }
        if (size.value(root) < 2)
            continue;
        const ThreadCandidate &first = candidates[earliest.value(root)];
        QString name = rootMessageId(first);
        if (name.isEmpty())
            name = QStringLiteral("row-%1").arg(first.id);
        out.conversationId = QByteArray(kInferredConversationPrefix) + name.toUtf8();
        out.inferred = true;
    }
    return result;
}

} // namespace skein
