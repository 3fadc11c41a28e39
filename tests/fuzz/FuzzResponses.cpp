// Target "responses": every response parser of sync/ on the decoded tree of
// the input (each parser meets the others' documents too, as after a
// confused server), then what the client builds from the parsed messages:
// ConversationIndex and the conversation tree. Parsers report malformed
// documents in Result::error; they must not crash, hang or leak, and the
// tree must be a forest that lists every node once.
#include "FuzzTargets.h"
#include <ComposeMailCommand.h>

#include <ConversationIndex.h>
#include <ConversationMovesCommand.h>
#include <ConversationTree.h>
#include <EmailParser.h>
#include <FolderSyncCommand.h>
#include <GetItemEstimateCommand.h>
#include <ItemOperationsFetchCommand.h>
#include <ItemOperationsMoveCommand.h>
#include <ItemStateFetchCommand.h>
#include <MoveItemsCommand.h>
#include <ProvisionCommand.h>
#include <ReplyHeadersFetchCommand.h>
#include <SearchCommand.h>
#include <StatusText.h>
#include <SyncCommand.h>
#include <WbxmlCodec.h>

namespace skein::fuzz {

namespace {

using wbxml::Element;

void readIndex(const QByteArray &raw)
{
    const ConversationIndex index(raw);
    (void)index.parentKey();
    (void)index.guid();
    (void)index.replyTimes();
    (void)index.time();
    (void)index.fileTime();
}

// Every node once, parents and children agreeing: no cycle, nothing lost.
void checkTree(const QList<Message> &messages)
{
    const ConversationTree tree = ConversationTree::build(messages, {QStringLiteral("5")});
    const QList<ConversationNode> &nodes = tree.nodes();
    QList<int> seen(nodes.size(), 0);
    for (int n : tree.depthFirst()) {
        SKEIN_FUZZ_CHECK(n >= 0 && n < nodes.size(), QByteArray::number(n));
        ++seen[n];
    }
    for (int n = 0; n < nodes.size(); ++n) {
        SKEIN_FUZZ_CHECK(seen.at(n) == 1, "node " + QByteArray::number(n) + " listed "
                                              + QByteArray::number(seen.at(n)) + " times");
        const ConversationNode &node = nodes.at(n);
        SKEIN_FUZZ_CHECK((node.parent < 0) == tree.roots().contains(n), QByteArray::number(n));
        for (int child : node.children)
            SKEIN_FUZZ_CHECK(child >= 0 && child < nodes.size() && nodes.at(child).parent == n,
                             QByteArray::number(child));
        for (int m : node.messages)
            SKEIN_FUZZ_CHECK(m >= 0 && m < messages.size() && tree.nodeForMessage(m) == n, QByteArray::number(m));
    }
    for (int m = 0; m < messages.size(); ++m)
        SKEIN_FUZZ_CHECK(tree.nodeForMessage(m) >= 0, "message " + QByteArray::number(m) + " has no node");
}

void useMessages(const QList<Message> &messages)
{
    for (const Message &m : messages)
        readIndex(m.conversationIndex);
    checkTree(messages);
}

} // namespace

int responseParsers(const uint8_t *data, size_t size)
{
    const wbxml::DecodeResult decoded = wbxml::decode(bytes(data, size));
    if (!decoded.ok())
        return 0;
    const Element &root = *decoded.root;

    (void)eas::FolderSyncCommand::parse(&root);
    (void)eas::GetItemEstimateCommand::parse(&root);
    (void)eas::ProvisionCommand::parse(&root);
    const auto moved = eas::ItemOperationsMoveCommand::parse(&root);
    (void)eas::statusText("ItemOperations.Move", moved.moveStatus);

    const auto moves = eas::ConversationMovesCommand::parse(&root);
    for (qsizetype i = 0; i <= moves.moves.size(); ++i)
        (void)eas::ConversationMovesCommand::resultFor(moves, i, moves.moves.value(i).conversationId);
    const auto moveItems = eas::MoveItemsCommand::parse(&root);
    for (qsizetype i = 0; i <= moveItems.moves.size(); ++i)
        (void)eas::MoveItemsCommand::resultFor(moveItems, i, moveItems.moves.value(i).sourceServerId);

    const auto fetched = eas::ItemOperationsFetchCommand::parse(&root);
    useMessages({fetched.message});

    const auto search = eas::SearchCommand::parse(&root);
    QList<Message> found;
    for (const auto &f : search.found)
        found.append(f.message);
    useMessages(found);

    const auto sync = eas::SyncCommand::parse(&root);
    (void)eas::statusText("Sync", sync.status);
    for (const auto &collection : sync.collections) {
        QList<Message> messages = collection.batch.adds;
        for (const MessageChange &change : collection.batch.changes)
            if (change.full)
                messages.append(*change.full);
        useMessages(messages);
    }

    // What a Sync Add/Change or a Fetch's Properties would make of any element.
    (void)eas::parseEmailChecked(root, QStringLiteral("1:1"), QStringLiteral("1"));
    (void)eas::parseEmailChange(root, QStringLiteral("1:1"), QStringLiteral("1"));
    (void)eas::parseFlag(root);
    (void)eas::ItemStateFetchCommand::parse(&root);
    if (const auto sent = eas::ComposeMailCommand::parse(&root); sent.status > 1)
        (void)eas::statusText("SendMail", sent.status);

    const auto headers = eas::ReplyHeadersFetchCommand::parse(&root);
    // Without indexes the tree stands on these reply headers.
    QList<Message> messages;
    for (const auto &f : headers.fetched) {
        Message m;
        m.serverId = f.serverId;
        m.folderId = f.folderId;
        m.internetMessageId = f.headers.messageId;
        m.inReplyTo = f.headers.inReplyTo;
        m.references = f.headers.references;
        messages.append(m);
    }
    checkTree(messages);
    return 0;
}

} // namespace skein::fuzz
