#include "ItemOperationsMoveCommand.h"

#include "EasTags.h"

namespace skein::eas {

namespace tag = wbxml::tag;
using wbxml::Element;

ItemOperationsMoveCommand::ItemOperationsMoveCommand(QByteArray conversationId,
                                                     QString destinationFolderId)
    : m_conversationId(std::move(conversationId)),
      m_destinationFolderId(std::move(destinationFolderId))
{
}

Element ItemOperationsMoveCommand::request() const
{
    Element root(tag::ItemOperations::ItemOperations);
    Element &move = root.add(tag::ItemOperations::Move);
    // OPAQUE: a byte array per MS-ASCON, and SOGo's ids are not even 16 bytes.
    move.addOpaque(tag::ItemOperations::ConversationId, m_conversationId);
    move.add(tag::ItemOperations::DstFldId, m_destinationFolderId);
    // Without MoveAlways the server answers 155: this Move is always persistent.
    move.add(tag::ItemOperations::Options).add(tag::ItemOperations::MoveAlways);
    return root;
}

ItemOperationsMoveCommand::Result ItemOperationsMoveCommand::parse(const Element *root)
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
    if (result.status != 1)
        return result;
    const Element *move = response ? response->child(tag::ItemOperations::Move) : nullptr;
    if (!move || !move->has(tag::ItemOperations::Status)) {
        result.error = QStringLiteral("ItemOperations response without Move/Status");
        return result;
    }
    result.moveStatus = move->childInt(tag::ItemOperations::Status, 0);
    result.conversationId = move->childData(tag::ItemOperations::ConversationId);
    return result;
}

} // namespace skein::eas
