#pragma once

// Rows shared by ConversationListModel and ConversationModel: a conversation
// summary row and the message rows of a reply tree. Internal to the models.

#include "ConversationTree.h"
#include "Store.h"
#include "TreeModelBase.h"

#include <QHash>
#include <QSet>
#include <QVariant>

#include <memory>

namespace skein {

// One node of a reply tree as shown: the copy to display plus what the tree
// knows about its place.
struct MessageItem {
    Message message;        // the copy shown; body dropped unless the model keeps bodies
    QStringList folderIds;  // every copy's folder
    int depth = 0;
    bool gapAbove = false;
    bool inferred = false;  // no usable ConversationIndex: placed by reply headers or date
    TreeBasis basis = TreeBasis::ConversationIndex; // of the whole tree
    bool hasSentCopy = false;
    bool hasBody = false;   // some body text is stored (kept even when the text is dropped)
};

struct MailRow {
    ConversationSummary conversation;              // the list's top-level rows
    std::shared_ptr<const MessageItem> message;    // message rows; null on conversation rows
};

using MailNode = TreeNode<MailRow>;

// What data() needs besides the row: names for FolderNameRole, the listed
// folder for IsOtherFolderRole, and the Sent folders for ConversationTree.
struct FolderContext {
    QString listedFolder;
    QHash<QString, QString> names;
    QSet<QString> sentFolders;

    void load(const Store &store);
};

// Columns a message or conversation row can show.
enum class RowField { Subject, From, Count, Date, None };

// Key of a conversation row: its ConversationId, or its local row id
// (headId) for a message without one (prefixed so the two never collide).
// Not the ServerId: that is unique only within a folder.
QByteArray conversationKey(const ConversationSummary &summary);

bool sameRow(const MailRow &a, const MailRow &b);

// Words for the user: a conversation Skein grouped itself, and what a reply
// tree rests on (empty for the server's ConversationIndex).
QString inferredConversationText();
QString treeBasisText(TreeBasis basis);
// The line shown above a conversation of several messages that the server
// did not thread (no index, or grouped by Skein); empty otherwise.
QString threadingNote(const QList<Message> &messages);

// Nodes of the reply tree of `messages` (one conversation, any folders), in
// display shape. The displayed copy of a node prefers the listed folder.
std::vector<std::unique_ptr<MailNode>> buildMessageNodes(const QList<Message> &messages,
                                                         const FolderContext &context,
                                                         bool keepBodies);

QVariant messageData(const MessageItem &item, RowField field, int role,
                     const FolderContext &context);
QVariant conversationData(const ConversationSummary &summary, RowField field, int role);

} // namespace skein
