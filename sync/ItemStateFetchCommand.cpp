#include "ItemStateFetchCommand.h"

#include "EasTags.h"
#include "EmailParser.h"
#include "ItemOperationsStatus.h"

namespace skein::eas {

namespace tag = wbxml::tag;
using wbxml::Element;

ItemStateFetchCommand::ItemStateFetchCommand(QList<Item> items) : m_items(std::move(items))
{
}

Element ItemStateFetchCommand::request() const
{
    Q_ASSERT(!m_items.isEmpty()); // an ItemOperations without Fetch is never sent
    Element root(tag::ItemOperations::ItemOperations);
    for (const Item &item : m_items) {
        Element &fetch = root.add(tag::ItemOperations::Fetch);
        fetch.add(tag::ItemOperations::Store, "Mailbox");
        fetch.add(tag::AirSync::CollectionId, item.folderId);
        fetch.add(tag::AirSync::ServerId, item.serverId);
        Element &preference = fetch.add(tag::ItemOperations::Options).add(tag::AirSyncBase::BodyPreference);
        preference.add(tag::AirSyncBase::Type, qint64(BodyType::PlainText));
        preference.add(tag::AirSyncBase::TruncationSize, qint64(kTruncationSize));
    }
    return root;
}

const ItemStateFetchCommand::Fetched *ItemStateFetchCommand::Result::find(const QString &folderId,
                                                                         const QString &serverId) const
{
    for (const Fetched &f : fetched)
        if (f.serverId == serverId && (f.folderId.isEmpty() || f.folderId == folderId))
            return &f;
    return nullptr;
}

ItemStateFetchCommand::Result ItemStateFetchCommand::parse(const Element *root)
{
    Result result;
    if (!readItemOperationsStatus(root, result))
        return result;
    const Element *response = root->child(tag::ItemOperations::Response);
    if (!response) {
        result.error = QStringLiteral("ItemOperations response without Response");
        return result;
    }
    for (const Element *fetch : response->all(tag::ItemOperations::Fetch)) {
        Fetched item;
        item.status = fetch->childInt(tag::ItemOperations::Status, 1);
        item.folderId = fetch->childText(tag::AirSync::CollectionId);
        item.serverId = fetch->childText(tag::AirSync::ServerId);
        if (const Element *properties = fetch->child(tag::ItemOperations::Properties)) {
            if (const Element *read = properties->child(tag::Email::Read)) {
                const QString value = read->text().trimmed();
                if (value == QLatin1String("0") || value == QLatin1String("1"))
                    item.read = value == QLatin1String("1");
            }
            if (const Element *flag = properties->child(tag::Email::Flag))
                item.flag = parseFlag(*flag);
        }
        result.fetched.append(std::move(item));
    }
    return result;
}

} // namespace skein::eas
