#include "ConversationJson.h"

#include "ConversationTree.h"

#include <QHash>
#include <QSet>

namespace skein::cli {

namespace {

QString isoDate(const QDateTime &date)
{
    return date.isValid() ? date.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QString flagName(FlagStatus status)
{
    switch (status) {
    case FlagStatus::Active: return QStringLiteral("flagged");
    case FlagStatus::Complete: return QStringLiteral("complete");
    case FlagStatus::None: break;
    }
    return QStringLiteral("none");
}

class TreeWriter
{
public:
    TreeWriter(const QList<Message> &messages, const ConversationTree &tree, const QHash<QString, QString> &folderNames)
        : m_messages(messages), m_tree(tree), m_folderNames(folderNames) {}

    QJsonArray roots() const
    {
        QJsonArray array;
        for (int root : m_tree.roots())
            array.append(node(root));
        return array;
    }

private:
    QJsonObject node(int index) const
    {
        const ConversationNode &n = m_tree.nodes().at(index);
        const Message &m = m_messages.at(n.primary >= 0 ? n.primary : n.messages.first());
        QJsonObject object{
            {QStringLiteral("id"), double(m.id)}, // local: ServerIds repeat across folders
            {QStringLiteral("serverId"), m.serverId},
            {QStringLiteral("folder"), m_folderNames.value(m.folderId, m.folderId)},
            {QStringLiteral("subject"), m.subject},
            {QStringLiteral("from"), m.from},
            {QStringLiteral("date"), isoDate(m.dateReceived)},
            {QStringLiteral("read"), m.read},
            {QStringLiteral("flag"), flagName(m.flag.status)},
            {QStringLiteral("conversationIndex"), QString::fromLatin1(m.conversationIndex.toHex())},
        };
        if (n.messages.size() > 1) {
            QJsonArray copies;
            for (int i : n.messages)
                copies.append(QJsonObject{{QStringLiteral("id"), double(m_messages.at(i).id)},
                                          {QStringLiteral("serverId"), m_messages.at(i).serverId},
                                          {QStringLiteral("folder"), m_folderNames.value(m_messages.at(i).folderId)}});
            object.insert(QStringLiteral("copies"), copies);
        }
        if (n.gapAbove)
            object.insert(QStringLiteral("earlierMessagesMissing"), true);
        QJsonArray children;
        for (int child : n.children)
            children.append(node(child));
        object.insert(QStringLiteral("children"), children);
        return object;
    }

    const QList<Message> &m_messages;
    const ConversationTree &m_tree;
    const QHash<QString, QString> &m_folderNames;
};

QHash<QString, QString> folderNames(const Store &store)
{
    QHash<QString, QString> names;
    for (const Folder &folder : store.folderStore().folders())
        names.insert(folder.serverId, folder.name);
    return names;
}

QSet<QString> sentFolderIds(const Store &store)
{
    QSet<QString> ids;
    for (const Folder &folder : store.folderStore().folders())
        if (folder.type == FolderType::SentItems)
            ids.insert(folder.serverId);
    return ids;
}

QString treeBasisName(TreeBasis basis)
{
    switch (basis) {
    case TreeBasis::ConversationIndex: return QStringLiteral("conversation-index");
    case TreeBasis::ReplyHeaders: return QStringLiteral("reply-headers");
    case TreeBasis::Date: return QStringLiteral("date");
    }
    return {};
}

QJsonObject conversationObject(const Store &store, const ConversationSummary &summary,
                               const QHash<QString, QString> &names, const QSet<QString> &sent)
{
    QList<Message> messages;
    if (!summary.conversationId.isEmpty())
        messages = store.messageStore().conversationMessages(summary.conversationId);
    else if (const std::optional<Message> single = store.messageStore().messageById(summary.headId))
        messages.append(*single);
    const ConversationTree tree = ConversationTree::build(messages, sent);
    QJsonObject object{
        {QStringLiteral("conversationId"), QString::fromLatin1(summary.conversationId.toHex())},
        {QStringLiteral("subject"), summary.subject},
        {QStringLiteral("messageCount"), summary.messageCount},
        {QStringLiteral("unreadCount"), summary.unreadCount},
        {QStringLiteral("flagged"), summary.flagged},
        {QStringLiteral("latest"), isoDate(summary.latest)},
        {QStringLiteral("treeInferred"), !tree.hasIndex()},
        {QStringLiteral("treeBasis"), treeBasisName(tree.basis())},
        // Grouped by Skein from reply headers and topic: the server sent no id.
        {QStringLiteral("conversationInferred"), summary.inferred},
        {QStringLiteral("messages"), TreeWriter(messages, tree, names).roots()},
    };
    return object;
}

} // namespace

QJsonObject conversationToJson(const Store &store, const ConversationSummary &summary)
{
    return conversationObject(store, summary, folderNames(store), sentFolderIds(store));
}

QJsonArray conversationsToJson(const Store &store, const QString &folderId)
{
    const QHash<QString, QString> names = folderNames(store);
    const QSet<QString> sent = sentFolderIds(store);
    QJsonArray array;
    for (const ConversationSummary &summary : store.conversationStore().conversations(folderId))
        array.append(conversationObject(store, summary, names, sent));
    return array;
}

QJsonArray foldersToJson(const Store &store)
{
    QJsonArray array;
    for (const Folder &folder : store.folderStore().folders()) {
        array.append(QJsonObject{
            {QStringLiteral("serverId"), folder.serverId},
            {QStringLiteral("parentId"), folder.parentId},
            {QStringLiteral("name"), folder.name},
            {QStringLiteral("type"), int(folder.type)},
            {QStringLiteral("mail"), isMailFolder(folder.type)},
            {QStringLiteral("messages"), store.messageStore().messageCount(folder.serverId)},
        });
    }
    return array;
}

} // namespace skein::cli
