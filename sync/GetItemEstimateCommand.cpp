#include "GetItemEstimateCommand.h"

#include "EasFormat.h"
#include "EasTags.h"

namespace skein::eas {

namespace tag = wbxml::tag;
using wbxml::Element;

GetItemEstimateCommand::GetItemEstimateCommand(QString folderId, QString syncKey, int filterType,
                                               bool conversationMode, QString protocolVersion)
    : m_folderId(std::move(folderId)), m_syncKey(std::move(syncKey)), m_filterType(filterType),
      m_conversationMode(conversationMode), m_protocolVersion(std::move(protocolVersion))
{
}

Element GetItemEstimateCommand::request() const
{
    Element root(tag::GetItemEstimate::GetItemEstimate);
    Element &c = root.add(tag::GetItemEstimate::Collections).add(tag::GetItemEstimate::Collection);
    if (!supportsConversations(m_protocolVersion)) {
        // 12.1 shape ([MS-ASCMD] 2.2.3.29.1): Class required, FilterType
        // directly in Collection, no ConversationMode, no Options.
        c.add(tag::GetItemEstimate::Class, "Email");
        c.add(tag::AirSync::SyncKey, m_syncKey);
        c.add(tag::GetItemEstimate::CollectionId, m_folderId);
        c.add(tag::AirSync::FilterType, qint64(m_filterType));
        return root;
    }
    c.add(tag::AirSync::SyncKey, m_syncKey);
    c.add(tag::GetItemEstimate::CollectionId, m_folderId);
    if (m_conversationMode)
        c.add(tag::AirSync::ConversationMode, "1");
    c.add(tag::AirSync::Options).add(tag::AirSync::FilterType, qint64(m_filterType));
    return root;
}

GetItemEstimateCommand::Result GetItemEstimateCommand::parse(const Element *root)
{
    Result result;
    if (!root || !root->is(tag::GetItemEstimate::GetItemEstimate)) {
        result.status = 0;
        result.error = root ? QStringLiteral("response root is not GetItemEstimate")
                            : QStringLiteral("empty GetItemEstimate response");
        return result;
    }
    // The specs disagree where "ConversationMode on a non-mail folder" lands:
    // MS-ASCON's test reads a top-level Status (4), MS-ASCMD's a per-Response
    // one (103). A failing top-level Status wins; otherwise the Response's.
    const int topLevel = root->childInt(tag::GetItemEstimate::Status, 1);
    const Element *response = root->child(tag::GetItemEstimate::Response);
    result.status = topLevel != 1 || !response
                        ? topLevel
                        : response->childInt(tag::GetItemEstimate::Status, 1);
    if (!response) {
        if (result.status == 1)
            result.error = QStringLiteral("GetItemEstimate response without Response");
        return result;
    }
    const Element *collection = response->child(tag::GetItemEstimate::Collection);
    if (collection) {
        result.folderId = collection->childText(tag::GetItemEstimate::CollectionId);
        result.estimate = collection->childInt(tag::GetItemEstimate::Estimate, -1);
    }
    if (result.status == 1 && result.estimate < 0)
        result.error = QStringLiteral("GetItemEstimate response without a valid Estimate");
    return result;
}

} // namespace skein::eas
