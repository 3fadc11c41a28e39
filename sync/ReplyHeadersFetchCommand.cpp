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
        Element &options = addMailboxFetch(root, item.folderId, item.serverId);
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
    for (const FetchAnswer &answer : readFetchAnswers(root, result)) {
        Fetched item;
        item.status = answer.status;
        item.folderId = answer.folderId;
        item.serverId = answer.serverId;
        if (answer.properties) {
            const Message message = parseEmail(*answer.properties, item.serverId, item.folderId);
            item.hasMime = !message.body.isEmpty();
            item.headers = parseReplyHeaders(message.body);
        }
        result.fetched.append(std::move(item));
    }
    return result;
}

} // namespace skein::eas
