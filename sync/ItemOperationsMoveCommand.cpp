#include "ItemOperationsMoveCommand.h"

#include "ConversationMovesCommand.h"

namespace skein::eas {

// The single-Move form of ConversationMovesCommand: one request shape, one parser.

ItemOperationsMoveCommand::ItemOperationsMoveCommand(QByteArray conversationId, QString destinationFolderId)
    : m_conversationId(std::move(conversationId))
    , m_destinationFolderId(std::move(destinationFolderId))
{
}

wbxml::Element ItemOperationsMoveCommand::request() const
{
    return ConversationMovesCommand({{m_conversationId, m_destinationFolderId}}).request();
}

ItemOperationsMoveCommand::Result ItemOperationsMoveCommand::parse(const wbxml::Element *root)
{
    const ConversationMovesCommand::Result moves = ConversationMovesCommand::parse(root);
    Result result;
    result.status = moves.status;
    result.error = moves.error;
    if (!result.error.isEmpty() || result.status != 1)
        return result;
    // Move/Status is required; 0 means the server left it out.
    if (moves.moves.isEmpty() || moves.moves.first().status == 0) {
        result.error = QStringLiteral("ItemOperations response without Move/Status");
        return result;
    }
    result.moveStatus = moves.moves.first().status;
    result.conversationId = moves.moves.first().conversationId;
    return result;
}

} // namespace skein::eas
