#include "MoveItemsCommand.h"

#include "EasTags.h"

namespace skein::eas {

namespace tag = wbxml::tag;
using wbxml::Element;

MoveItemsCommand::MoveItemsCommand(QList<Move> moves) : m_moves(std::move(moves)) {}

Element MoveItemsCommand::request() const
{
    Element root(tag::Move::MoveItems);
    for (const Move &m : m_moves) {
        Element &move = root.add(tag::Move::Move);
        move.add(tag::Move::SrcMsgId, m.sourceServerId);
        move.add(tag::Move::SrcFldId, m.sourceFolderId);
        move.add(tag::Move::DstFldId, m.destinationFolderId);
    }
    return root;
}

MoveItemsCommand::Result MoveItemsCommand::parse(const Element *root)
{
    Result result;
    if (!root || !root->is(tag::Move::MoveItems)) {
        result.status = 0;
        result.error = root ? QStringLiteral("response root is not MoveItems")
                            : QStringLiteral("empty MoveItems response");
        return result;
    }
    result.status = root->childInt(tag::Move::Status, 1);
    for (const Element *r : root->all(tag::Move::Response))
        result.moves.append({r->childText(tag::Move::SrcMsgId), r->childInt(tag::Move::Status, 0),
                             r->childText(tag::Move::DstMsgId)});
    return result;
}

const MoveItemsCommand::MoveResult *MoveItemsCommand::resultFor(const Result &result, qsizetype index,
                                                                const QString &sourceServerId)
{
    if (index < result.moves.size() && result.moves.at(index).sourceServerId == sourceServerId)
        return &result.moves.at(index);
    for (const MoveResult &m : result.moves)
        if (m.sourceServerId == sourceServerId)
            return &m;
    return nullptr;
}

} // namespace skein::eas
