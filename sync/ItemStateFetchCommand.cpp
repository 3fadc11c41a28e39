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
        Element &preference = addMailboxFetch(root, item.folderId, item.serverId).add(tag::AirSyncBase::BodyPreference);
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
    for (const FetchAnswer &answer : readFetchAnswers(root, result)) {
        Fetched item;
        item.status = answer.status;
        item.folderId = answer.folderId;
        item.serverId = answer.serverId;
        if (answer.properties) {
            if (const Element *read = answer.properties->child(tag::Email::Read)) {
                const QString value = read->text().trimmed();
                if (value == QLatin1String("0") || value == QLatin1String("1"))
                    item.read = value == QLatin1String("1");
            }
            if (const Element *flag = answer.properties->child(tag::Email::Flag))
                item.flag = parseFlag(*flag);
        }
        result.fetched.append(std::move(item));
    }
    return result;
}

} // namespace skein::eas
