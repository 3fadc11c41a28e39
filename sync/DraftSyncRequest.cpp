#include "DraftSyncRequest.h"

#include <EasTags.h>

namespace skein::eas {

namespace tag = wbxml::tag;

wbxml::Element DraftSyncRequest::applicationData(const DraftEntry &draft)
{
    wbxml::Element data(tag::AirSync::ApplicationData);
    const auto line = [](const QStringList &list) { return list.join(QStringLiteral(", ")); };
    data.add(tag::Email::To, line(draft.to));
    data.add(tag::Email::Cc, line(draft.cc));
    data.add(tag::Email2::Bcc, line(draft.bcc));
    data.add(tag::Email::Subject, draft.subject);
    data.add(tag::Email::Importance, qint64(draft.importance));
    auto &body = data.add(tag::AirSyncBase::Body);
    const bool html = !draft.htmlBody.isEmpty();
    body.add(tag::AirSyncBase::Type, qint64(html ? 2 : 1));
    body.add(tag::AirSyncBase::Data, html ? draft.htmlBody : draft.plainBody);
    return data;
}

wbxml::Element DraftSyncRequest::request() const
{
    wbxml::Element root(tag::AirSync::Sync);
    auto &c = root.add(tag::AirSync::Collections).add(tag::AirSync::Collection);
    c.add(tag::AirSync::SyncKey, syncKey);
    c.add(tag::AirSync::CollectionId, folderId);
    c.add(tag::AirSync::DeletesAsMoves, "0");
    c.add(tag::AirSync::GetChanges, "0");
    auto &commands = c.add(tag::AirSync::Commands);
    for (const DraftUpload &u : adds) {
        auto &add = commands.add(tag::AirSync::Add);
        add.add(tag::AirSync::ClientId, u.clientId);
        add.children().push_back(applicationData(u.draft));
    }
    for (const DraftUpload &u : changes) {
        auto &change = commands.add(tag::AirSync::Change);
        change.add(tag::AirSync::ServerId, u.draft.serverId);
        change.children().push_back(applicationData(u.draft));
    }
    for (const QString &serverId : deletes)
        commands.add(tag::AirSync::Delete).add(tag::AirSync::ServerId, serverId);
    return root;
}

DraftResponses DraftResponses::parse(const wbxml::Element *collection)
{
    DraftResponses out;
    const wbxml::Element *responses = collection ? collection->child(tag::AirSync::Responses) : nullptr;
    if (!responses)
        return out;
    for (const wbxml::Element &e : responses->children()) {
        Item item{e.childText(tag::AirSync::ClientId).trimmed(), e.childText(tag::AirSync::ServerId).trimmed(),
                  e.childInt(tag::AirSync::Status, 1)};
        if (e.is(tag::AirSync::Add))
            out.adds.append(item);
        else if (e.is(tag::AirSync::Change))
            out.changes.append(item);
        else if (e.is(tag::AirSync::Delete))
            out.deletes.append(item);
    }
    return out;
}

} // namespace skein::eas
