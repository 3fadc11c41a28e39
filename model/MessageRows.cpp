#include "MessageRows.h"

#include "ConversationTree.h"
#include "LocalSentRows.h"
#include "ModelRoles.h"
#include "ThreadInference.h"

#include <QCoreApplication>

namespace skein {

namespace {

bool sameMessage(const Message &a, const Message &b)
{
    // The fields a row shows or the reading pane needs; body by size and
    // state so a fetched full body refreshes the pane.
    return a.id == b.id && a.serverId == b.serverId && a.folderId == b.folderId
        && a.subject == b.subject && a.from == b.from && a.to == b.to && a.cc == b.cc
        && a.dateReceived == b.dateReceived && a.read == b.read && a.flag == b.flag
        && a.importance == b.importance && a.preview == b.preview
        && a.hasAttachments == b.hasAttachments && a.bodyType == b.bodyType
        && a.bodyTruncated == b.bodyTruncated && a.body.size() == b.body.size()
        && a.body == b.body;
}

bool sameItem(const MessageItem &a, const MessageItem &b)
{
    return a.folderIds == b.folderIds && a.depth == b.depth && a.gapAbove == b.gapAbove
        && a.inferred == b.inferred && a.basis == b.basis && a.hasSentCopy == b.hasSentCopy && a.hasBody == b.hasBody
        && sameMessage(a.message, b.message);
}

// The copy a node shows: the one in the listed folder when there is one (so
// actions act on what the user sees), else the tree's choice (not Sent).
int displayedCopy(const ConversationNode &node, const QList<Message> &messages,
                  const QString &listedFolder)
{
    for (const int m : node.messages) {
        if (!listedFolder.isEmpty() && messages[m].folderId == listedFolder)
            return m;
    }
    return node.primary;
}

MessageItem makeItem(const ConversationTree &tree, const ConversationNode &node,
                     const QList<Message> &messages, const FolderContext &context,
                     bool keepBodies)
{
    MessageItem item;
    item.message = messages[displayedCopy(node, messages, context.listedFolder)];
    item.hasBody = item.message.bodyType != BodyType::None || !item.message.body.isEmpty();
    if (!keepBodies)
        item.message.body = {}; // list rows never show it; a long thread stays small
    for (const int m : node.messages)
        item.folderIds.append(messages[m].folderId);
    item.depth = node.depth;
    item.gapAbove = node.gapAbove;
    item.inferred = !tree.hasIndex() || !node.hasIndex;
    item.basis = tree.basis();
    item.hasSentCopy = node.hasSentCopy;
    return item;
}

QByteArray nodeKey(const ConversationNode &node, const Message &shown)
{
    // Copies share an index key; a message without one is known by its copy.
    if (!node.key.isEmpty())
        return "i:" + node.key;
    return "m:" + QByteArray::number(shown.id);
}

QString joined(const QStringList &list)
{
    return list.join(QLatin1String(", "));
}

} // namespace

QString inferredConversationText()
{
    return QCoreApplication::translate("skein::MessageRows", "Conversation grouped by Skein (inferred) from reply headers and "
                                                          "subjects: the server sent no conversation id.");
}

QString treeBasisText(TreeBasis basis)
{
    switch (basis) {
    case TreeBasis::ConversationIndex: return {};
    case TreeBasis::ReplyHeaders: return QCoreApplication::translate("skein::MessageRows", "Reply tree inferred from reply headers");
    case TreeBasis::Date: return QCoreApplication::translate("skein::MessageRows", "Ordered by date: the server sent no reply tree");
    }
    return {};
}

QString threadingNote(const QList<Message> &messages)
{
    bool inferred = false;
    for (const Message &m : messages)
        inferred = inferred || m.conversationInferred || isInferredConversationId(m.conversationId);
    const TreeBasis basis = messages.size() > 1 ? ConversationTree::build(messages).basis()
                                                : TreeBasis::ConversationIndex;
    // One sentence when Skein made up both the grouping and the tree.
    if (inferred && basis == TreeBasis::ReplyHeaders)
        return QCoreApplication::translate("skein::MessageRows", "Conversation and reply tree inferred by Skein from reply headers and "
                                                                 "subjects: the server sent no conversation data.");
    if (inferred && basis == TreeBasis::Date)
        return QCoreApplication::translate("skein::MessageRows", "Conversation inferred by Skein from subjects and ordered by date: "
                                                                 "the server sent no conversation data.");
    if (inferred)
        return inferredConversationText();
    const QString text = treeBasisText(basis);
    return text.isEmpty() ? text : text + QLatin1Char('.');
}

void FolderContext::load(const Store &store)
{
    names.clear();
    sentFolders.clear();
    for (const Folder &folder : store.folderStore().folders()) {
        names.insert(folder.serverId, folder.name);
        if (folder.type == FolderType::SentItems)
            sentFolders.insert(folder.serverId);
    }
    names.insert(localSentLabels(store)); // a local sent row's "folder" is its state
}

QByteArray conversationKey(const ConversationSummary &summary)
{
    if (!summary.conversationId.isEmpty())
        return "c:" + summary.conversationId;
    return "r:" + QByteArray::number(summary.headId);
}

bool sameRow(const MailRow &a, const MailRow &b)
{
    if (bool(a.message) != bool(b.message))
        return false;
    if (a.message && !sameItem(*a.message, *b.message))
        return false;
    return a.conversation == b.conversation;
}

std::vector<std::unique_ptr<MailNode>> buildMessageNodes(const QList<Message> &messages,
                                                         const FolderContext &context,
                                                         bool keepBodies)
{
    const ConversationTree tree = ConversationTree::build(messages, context.sentFolders);
    const QList<ConversationNode> &treeNodes = tree.nodes();
    // One MailNode per tree node, then linked in display order: every
    // parent is created before its children in depthFirst().
    std::vector<std::unique_ptr<MailNode>> roots;
    QList<MailNode *> made(treeNodes.size(), nullptr);
    for (const int n : tree.depthFirst()) {
        const ConversationNode &node = treeNodes[n];
        auto item = std::make_shared<MessageItem>(
            makeItem(tree, node, messages, context, keepBodies));
        auto mailNode = std::make_unique<MailNode>();
        mailNode->key = nodeKey(node, item->message);
        mailNode->data.message = std::move(item);
        if (node.parent >= 0) {
            made[n] = made[node.parent]->adopt(std::move(mailNode));
        } else {
            made[n] = mailNode.get();
            mailNode->row = int(roots.size());
            roots.push_back(std::move(mailNode));
        }
    }
    return roots;
}

QVariant messageData(const MessageItem &item, RowField field, int role,
                     const FolderContext &context)
{
    const Message &m = item.message;
    switch (role) {
    case Qt::DisplayRole:
        switch (field) {
        case RowField::Subject: return m.subject;
        case RowField::From: return m.from;
        case RowField::Date: return m.dateReceived.toLocalTime();
        case RowField::Count:
        case RowField::None: return {};
        }
        return {};
    case Qt::ToolTipRole:
        if (field == RowField::From)
            return m.from;
        if (field == RowField::Subject && item.inferred)
            return treeBasisText(item.basis); // how this row got its place
        return {};
    case ServerIdRole: return m.serverId;
    case FolderIdRole: return m.folderId;
    case ConversationIdRole: return m.conversationId;
    case MessageCountRole: return 1;
    case UnreadCountRole: return m.read ? 0 : 1;
    case FlaggedRole: return m.flag.status == FlagStatus::Active;
    case HasAttachmentsRole: return m.hasAttachments;
    case ParticipantsRole: return QStringList{m.from};
    case UnreadSendersRole: return m.read ? QStringList() : QStringList{m.from};
    case LatestDateRole:
    case SortDateRole: return m.dateReceived;
    case ReadRole: return m.read;
    case FlagStatusRole: return int(m.flag.status);
    case DepthRole: return item.depth;
    case GapAboveRole: return item.gapAbove;
    case FolderNameRole: return context.names.value(m.folderId);
    case IsOtherFolderRole:
        return !context.listedFolder.isEmpty() && !item.folderIds.contains(context.listedFolder);
    case TreeInferredRole: return item.inferred;
    case TreeBasisRole: return int(item.basis);
    case ConversationInferredRole:
        return m.conversationInferred || isInferredConversationId(m.conversationId);
    case IsConversationRole: return false;
    case SubjectRole: return m.subject;
    case SenderRole: return m.from;
    case PreviewRole: return m.preview;
    case HasBodyRole: return item.hasBody;
    case BodyTruncatedRole: return item.hasBody && m.bodyTruncated;
    case HasSentCopyRole: return item.hasSentCopy;
    case ImportanceRole: return m.importance;
    default: return {};
    }
}

QVariant conversationData(const ConversationSummary &s, RowField field, int role)
{
    switch (role) {
    case Qt::DisplayRole:
        switch (field) {
        case RowField::Subject: return s.subject;
        case RowField::From: return joined(s.participants);
        case RowField::Count: return s.messageCount > 1 ? QVariant(s.messageCount) : QVariant();
        case RowField::Date: return s.latest.toLocalTime();
        case RowField::None: return {};
        }
        return {};
    case Qt::ToolTipRole:
        if (field == RowField::From)
            return joined(s.participants);
        if (field == RowField::Subject && s.inferred)
            return inferredConversationText();
        return {};
    case ServerIdRole: return s.serverId;
    case ConversationIdRole: return s.conversationId;
    case MessageCountRole: return s.messageCount;
    case UnreadCountRole: return s.unreadCount;
    case FlaggedRole: return s.flagged;
    case HasAttachmentsRole: return s.hasAttachments;
    case ParticipantsRole: return s.participants;
    case UnreadSendersRole: return s.unreadSenders;
    case LatestDateRole:
    case SortDateRole: return s.latest;
    case ReadRole: return s.unreadCount == 0;
    case FlagStatusRole: return int(s.flagged ? FlagStatus::Active : FlagStatus::None);
    case DepthRole: return 0;
    case GapAboveRole:
    case IsOtherFolderRole:
    case TreeInferredRole: return false;
    case ConversationInferredRole: return s.inferred;
    case IsConversationRole: return true;
    case SubjectRole: return s.subject;
    case SenderRole: return s.participants.value(0);
    default: return {};
    }
}

} // namespace skein
