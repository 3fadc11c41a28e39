#pragma once

#include "MailTypes.h"

#include <QByteArray>
#include <QList>
#include <QSet>
#include <QString>

namespace skein {

// One logical message of a conversation. Copies with the same index (Inbox
// copy + moved copy, Sent Items copy of an own reply, duplicate delivery)
// share one node.
struct ConversationNode {
    QList<int> messages;      // indices into the input list, in input order
    int primary = -1;         // copy to display: first one outside the sent folders
    int parent = -1;          // node index; -1 for a root
    QList<int> children;      // node indices, ordered by reply time
    int depth = 0;            // tree depth (root = 0), the display indentation
    bool gapAbove = false;    // earlier messages between this node and its parent
                              // (or above this root) are not present
    bool hasIndex = true;     // false: no usable index, placed as a root by DateReceived
    bool damaged = false;     // some copy's index had a truncated last block
    bool hasSentCopy = false; // some copy lives in a sent folder ("you replied")
    QByteArray key;           // ConversationIndex::key(); empty without index
};

// What a tree's shape rests on, from best to worst.
enum class TreeBasis {
    ConversationIndex, // the server's Email2:ConversationIndex (Exchange)
    ReplyHeaders,      // no index: Message-ID / In-Reply-To / References (inferred)
    Date,              // neither: a flat list by DateReceived (inferred)
};

// Reply tree of one conversation (spec §5/§6). The input must be the messages
// of a single email2:ConversationId, from any folder; nodes are never
// invented, so a conversation with missing messages has gaps or several roots.
class ConversationTree
{
public:
    static ConversationTree build(const QList<Message> &messages,
                                  const QSet<QString> &sentFolderIds = {});

    const QList<ConversationNode> &nodes() const { return m_nodes; }
    const QList<int> &roots() const { return m_roots; }
    // Pre-order node indices: the display order of the conversation view.
    const QList<int> &depthFirst() const { return m_order; }
    // Node holding input message `messageIndex`, or -1.
    int nodeForMessage(int messageIndex) const;
    // False when no message carried a usable index: the tree is then an
    // inferred, flat list of roots ordered by DateReceived.
    bool hasIndex() const { return m_hasIndex; }
    // Without any index, reply headers (when some message has them) place
    // each message under the one its In-Reply-To, else its newest present
    // References entry, names; cycles are ignored, and a message whose parent
    // is not present hangs under the earliest root, by date.
    TreeBasis basis() const { return m_basis; }

private:
    QList<ConversationNode> m_nodes;
    QList<int> m_roots;
    QList<int> m_order;
    QList<int> m_nodeOfMessage;
    bool m_hasIndex = false;
    TreeBasis m_basis = TreeBasis::Date;
};

} // namespace skein
