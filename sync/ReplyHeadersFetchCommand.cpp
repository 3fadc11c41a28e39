#include "ReplyHeadersFetchCommand.h"

#include "EasTags.h"
#include "ItemOperationsStatus.h"
#include "EmailParser.h"
#include "ReplyHeaderParser.h"

namespace skein::eas {

namespace tag = wbxml::tag;
using wbxml::Element;

ReplyHeadersFetchCommand::ReplyHeadersFetchCommand(QList<Item> items) : m_items(std::move(items))
{
}

Element ReplyHeadersFetchCommand::request() const
{
    Q_ASSERT(!m_items.isEmpty()); // an ItemOperations without Fetch is never sent
    Element root(tag::ItemOperations::ItemOperations);
    for (const Item &item : m_items) {
        Q_ASSERT(!item.folderId.isEmpty() && !item.serverId.isEmpty());
        Element &fetch = root.add(tag::ItemOperations::Fetch);
        fetch.add(tag::ItemOperations::Store, "Mailbox");
        fetch.add(tag::AirSync::CollectionId, item.folderId);
        fetch.add(tag::AirSync::ServerId, item.serverId);
        Element &options = fetch.add(tag::ItemOperations::Options);
        options.add(tag::AirSync::MIMESupport, "2"); // MIME needs MIMESupport next to Type 4
        Element &preference = options.add(tag::AirSyncBase::BodyPreference);
        preference.add(tag::AirSyncBase::Type, qint64(BodyType::Mime));
        preference.add(tag::AirSyncBase::TruncationSize, qint64(kTruncationSize));
    }
    return root;
}

ReplyHeadersFetchCommand::Result ReplyHeadersFetchCommand::parse(const Element *root)
{
    Result result;
    if (!readItemOperationsStatus(root, result))
        return result;
    const Element *response = root->child(tag::ItemOperations::Response);
    if (!response) {
        result.error = QStringLiteral("ItemOperations response without Response");
        return result;
    }
    for (const Element &fetch : response->children()) {
        if (!fetch.is(tag::ItemOperations::Fetch))
            continue;
        Fetched item;
        item.status = fetch.childInt(tag::ItemOperations::Status, 1);
        item.folderId = fetch.childText(tag::AirSync::CollectionId);
        item.serverId = fetch.childText(tag::AirSync::ServerId);
        if (const Element *properties = fetch.child(tag::ItemOperations::Properties)) {
            const Message message = parseEmail(*properties, item.serverId, item.folderId);
            item.hasMime = !message.body.isEmpty();
            item.headers = parseReplyHeaders(message.body);
        }
        result.fetched.append(std::move(item));
    }
    return result;
}

} // namespace skein::eas
