#include "ConversationMovesCommand.h"

#include "EasTags.h"
#include "ThreadInference.h"

#include <QCoreApplication>

namespace skein::eas {

namespace tag = wbxml::tag;
using wbxml::Element;

ConversationMovesCommand::ConversationMovesCommand(QList<Move> moves) : m_moves(std::move(moves)) {}

QString ConversationMovesCommand::refusal() const
{
    for (const Move &m : m_moves) {
        if (isInferredConversationId(m.conversationId))
            return QCoreApplication::translate("skein::eas::ConversationMovesCommand", "This conversation was grouped by Skein, not by the server, so the "
                                                                                       "server cannot keep a rule for it.");
    }
    return {};
}

Element ConversationMovesCommand::request() const
{
    if (!refusal().isEmpty())
        return Element(); // encodes to nothing: never sent
    Element root(tag::ItemOperations::ItemOperations);
    for (const Move &m : m_moves) {
        Element &move = root.add(tag::ItemOperations::Move);
        move.addOpaque(tag::ItemOperations::ConversationId, m.conversationId);
        move.add(tag::ItemOperations::DstFldId, m.destinationFolderId);
        move.add(tag::ItemOperations::Options).add(tag::ItemOperations::MoveAlways);
    }
    return root;
}

ConversationMovesCommand::Result ConversationMovesCommand::parse(const Element *root)
{
    Result result;
    if (!root || !root->is(tag::ItemOperations::ItemOperations)) {
        result.status = 0;
        result.error = root ? QStringLiteral("response root is not ItemOperations")
                            : QStringLiteral("empty ItemOperations response");
        return result;
    }
    const Element *response = root->child(tag::ItemOperations::Response);
    // MS-ASCMD puts Status at top level; MS-ASCON's example 4.2 inside Response.
    result.status = root->childInt(tag::ItemOperations::Status, 1);
    if (result.status == 1 && response)
        result.status = response->childInt(tag::ItemOperations::Status, 1);
    if (result.status != 1 || !response)
        return result;
    for (const Element *move : response->all(tag::ItemOperations::Move))
        result.moves.append({move->childData(tag::ItemOperations::ConversationId),
                             move->childInt(tag::ItemOperations::Status, 0)});
    return result;
}

const ConversationMovesCommand::MoveResult *
ConversationMovesCommand::resultFor(const Result &result, qsizetype index, const QByteArray &conversationId)
{
    if (index < result.moves.size()) {
        const MoveResult &positional = result.moves.at(index);
        if (positional.conversationId.isEmpty() || positional.conversationId == conversationId)
            return &positional;
    }
    for (const MoveResult &m : result.moves)
        if (m.conversationId == conversationId)
            return &m;
    return nullptr;
}

} // namespace skein::eas
