#include "ItemOperationsHandler.h"

#include "CalendarItem.h"
#include "ConversationMove.h"
#include "EmailSerializer.h"
#include "GetAttachmentHandler.h"
#include "SyncCommands.h"

#include <EasTags.h>

namespace skein::server {

namespace tag = wbxml::tag;

namespace {

// A Fetch's Status for its body options: 2 protocol error, 164 a message
// part in a type other than HTML, 1 fine.
int bodyOptionsStatus(const BodyOptions &body)
{
    if (!body.valid)
        return 2;
    return body.partTypeUnsupported ? kBodyPartTypeNotSupported : 1;
}

} // namespace

HandlerResult ItemOperationsHandler::handle(const EasRequest &request)
{
    wbxml::Element root(tag::ItemOperations::ItemOperations);
    if (!request.body || !request.body->is(tag::ItemOperations::ItemOperations)) {
        root.add(tag::ItemOperations::Status, "2");
        return HandlerResult::doc(root);
    }
    root.add(tag::ItemOperations::Status, "1");
    auto &response = root.add(tag::ItemOperations::Response);
    for (const wbxml::Element &op : request.body->children()) {
        if (op.is(tag::ItemOperations::Fetch))
            fetch(request, op, response);
        else if (op.is(tag::ItemOperations::Move))
            ConversationMove(m_ctx, request.user, request.deviceId).run(op, response);
    }
    HandlerResult result = HandlerResult::doc(root);
    result.parts = std::move(m_parts);
    return result;
}

void ItemOperationsHandler::fetch(const EasRequest &request, const wbxml::Element &in, wbxml::Element &response)
{
    auto &out = response.add(tag::ItemOperations::Fetch);
    const QString store = in.childText(tag::ItemOperations::Store).trimmed();
    if (store.compare(QLatin1String("Mailbox"), Qt::CaseInsensitive) != 0) {
        out.add(tag::ItemOperations::Status, "9");
        return;
    }
    if (const auto *ref = in.child(tag::AirSyncBase::FileReference)) {
        const QString fileRef = ref->text().trimmed();
        const qint64 attachmentId = attachmentIdFromReference(fileRef);
        const auto att = attachmentId ? m_ctx.store.mail().attachment(request.user.id, attachmentId) : std::nullopt;
        out.add(tag::ItemOperations::Status, att ? "1" : "15");
        out.add(tag::AirSyncBase::FileReference, fileRef);
        if (att) {
            auto &props = out.add(tag::ItemOperations::Properties);
            props.add(tag::AirSyncBase::ContentType, att->contentType);
            if (request.acceptMultiPart) {
                // The bytes go as they are in a part of their own; Part names it.
                m_parts.append(att->data);
                props.add(tag::ItemOperations::Part, qint64(m_parts.size()));
            } else {
                props.add(tag::ItemOperations::Data, att->data.toBase64());
            }
        }
        return;
    }
    if (const auto *longId = in.child(tag::Search::LongId))
        return fetchLongId(request, longId->text().trimmed(), in, out);
    const QString collectionId = in.childText(tag::AirSync::CollectionId).trimmed();
    const QString serverId = in.childText(tag::AirSync::ServerId).trimmed();
    const qint64 messageId = messageIdFromServerId(serverId, collectionId.toLongLong());
    auto m = messageId ? m_ctx.store.mail().message(request.user.id, messageId) : std::nullopt;
    if (!m || m->folderId != collectionId.toLongLong()) {
        out.add(tag::ItemOperations::Status, "6");
        out.add(tag::AirSync::CollectionId, collectionId);
        out.add(tag::AirSync::ServerId, serverId);
        return;
    }
    const BodyOptions body = parseBodyOptions(in.child(tag::ItemOperations::Options), request.version);
    if (const int status = bodyOptionsStatus(body); status != 1) {
        out.add(tag::ItemOperations::Status, qint64(status));
        return;
    }
    const auto folder = m_ctx.store.hierarchy().folder(request.user.id, m->folderId);
    const int folderType = folder ? folder->type : FolderType::UserMail;
    out.add(tag::ItemOperations::Status, "1");
    out.add(tag::AirSync::CollectionId, collectionId);
    out.add(tag::AirSync::ServerId, serverId);
    out.add(tag::AirSync::Class, itemClass(folderType));
    appendItemData(out.add(tag::ItemOperations::Properties), m_ctx.store, folderType, *m, body,
                   serializeOptions(m_ctx, request));
}

void ItemOperationsHandler::fetchLongId(const EasRequest &request, const QString &longId, const wbxml::Element &in,
                                        wbxml::Element &out)
{
    // A Search LongId names the message wherever it has moved since.
    const auto m = messageForLongId(m_ctx.store, request.user.id, longId);
    const BodyOptions body = parseBodyOptions(in.child(tag::ItemOperations::Options), request.version);
    if (!m || bodyOptionsStatus(body) != 1) {
        out.add(tag::ItemOperations::Status, qint64(m ? bodyOptionsStatus(body) : 6));
        out.add(tag::Search::LongId, longId);
        return;
    }
    out.add(tag::ItemOperations::Status, "1");
    out.add(tag::Search::LongId, longId);
    out.add(tag::AirSync::Class, "Email");
    appendEmail(out.add(tag::ItemOperations::Properties), *m, body, serializeOptions(m_ctx, request));
}

HandlerResult ItemOperationsHandler::moveItems(const EasRequest &request)
{
    wbxml::Element root(tag::Move::MoveItems);
    if (!request.body || !request.body->is(tag::Move::MoveItems))
        return HandlerResult::http(400);
    m_ctx.store.begin();
    for (const wbxml::Element *mv : request.body->all(tag::Move::Move)) {
        auto &r = root.add(tag::Move::Response);
        const QString src = mv->childText(tag::Move::SrcMsgId).trimmed();
        r.add(tag::Move::SrcMsgId, src);
        const qint64 srcFolder = mv->childText(tag::Move::SrcFldId).toLongLong();
        const auto dst = m_ctx.store.hierarchy().folder(request.user.id, mv->childText(tag::Move::DstFldId).toLongLong());
        const qint64 id = messageIdFromServerId(src, srcFolder);
        const auto m = id ? m_ctx.store.mail().message(request.user.id, id, false) : std::nullopt;
        if (!m || m->folderId != srcFolder) {
            r.add(tag::Move::Status, "1");
        } else if (!dst) {
            r.add(tag::Move::Status, "2");
        } else if (dst->id == srcFolder) {
            r.add(tag::Move::Status, "4");
        } else {
            m_ctx.store.mail().moveMessage(m->id, dst->id);
            m_ctx.store.syncStates().markMovedOut(request.user.id, request.deviceId, srcFolder, m->id);
            r.add(tag::Move::Status, "3");
            r.add(tag::Move::DstMsgId, serverIdFor(dst->id, m->id));
        }
    }
    m_ctx.store.commit();
    return HandlerResult::doc(root);
}

} // namespace skein::server
