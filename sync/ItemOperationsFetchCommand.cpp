#include "ItemOperationsFetchCommand.h"

#include "EasTags.h"
#include "ItemOperationsStatus.h"
#include "EmailParser.h"

namespace skein::eas {

namespace tag = wbxml::tag;
using wbxml::Element;

ItemOperationsFetchCommand::ItemOperationsFetchCommand(QString folderId, QString serverId,
                                                       BodyType bodyType)
    : m_folderId(std::move(folderId)), m_serverId(std::move(serverId)), m_bodyType(bodyType)
{
}

Element ItemOperationsFetchCommand::request() const
{
    Element root(tag::ItemOperations::ItemOperations);
    Element &options = addMailboxFetch(root, m_folderId, m_serverId);
    const BodyType type = m_bodyType == BodyType::None ? BodyType::Html : m_bodyType;
    // The full MIME message needs MIMESupport 2 next to BodyPreference Type 4.
    if (type == BodyType::Mime)
        options.add(tag::AirSync::MIMESupport, "2");
    options.add(tag::AirSyncBase::BodyPreference).add(tag::AirSyncBase::Type, qint64(type));
    return root;
}

ItemOperationsFetchCommand::Result ItemOperationsFetchCommand::parse(const Element *root)
{
    Result result;
    if (!readItemOperationsStatus(root, result))
        return result;
    const Element *fetch = root->find({tag::ItemOperations::Response, tag::ItemOperations::Fetch});
    if (!fetch) {
        result.error = QStringLiteral("ItemOperations response without Response/Fetch");
        return result;
    }
    result.fetchStatus = fetch->childInt(tag::ItemOperations::Status, 1);
    result.folderId = fetch->childText(tag::AirSync::CollectionId);
    result.serverId = fetch->childText(tag::AirSync::ServerId);
    if (result.fetchStatus != 1)
        return result;
    const Element *properties = fetch->child(tag::ItemOperations::Properties);
    if (!properties) {
        result.error = QStringLiteral("Fetch succeeded but sent no Properties");
        return result;
    }
    // A bad DateReceived does not spoil a body fetch: keep what was read.
    result.message = parseEmail(*properties, result.serverId, result.folderId);
    result.bodyType = result.message.bodyType;
    result.body = result.message.body;
    result.truncated = result.message.bodyTruncated;
    result.estimatedSize = result.message.bodyEstimatedSize;
    return result;
}

} // namespace skein::eas
