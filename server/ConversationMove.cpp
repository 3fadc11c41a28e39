#include "ConversationMove.h"

#include <EasTags.h>

#include <QRegularExpression>

namespace skein::server {

namespace tag = wbxml::tag;

namespace {

// Junk E-mail is a user-mail folder by type (12), so only its name tells it
// apart; moving a conversation there would be a spam rule, not a move.
bool isJunk(const FolderRow &folder)
{
    static const QRegularExpression junk(QStringLiteral("^junk( ?e-?mail)?$"), QRegularExpression::CaseInsensitiveOption);
    return folder.parentId == 0 && junk.match(folder.name).hasMatch();
}

// Folders whose messages an always-move leaves alone: what the user sent
// (docs/protocol.md, issue 4) and what is not sent yet.
bool isSpared(int folderType)
{
    return folderType == FolderType::SentItems || folderType == FolderType::Drafts
        || folderType == FolderType::Outbox;
}

// MoveAlways is an empty element (MS-ASCMD, MS-ASCON 3.1.4.6): text or children in
// it make the request malformed, whatever they say.
bool hasContent(const wbxml::Element *element)
{
    return element && (!element->data().isEmpty() || !element->children().empty());
}

} // namespace

QList<QByteArray> conversationIdCandidates(const wbxml::Element &element)
{
    const QByteArray raw = element.data();
    QList<QByteArray> out{raw};
    // Not only for STR_I: encoders (libwbxml among them) may wrap a string as
    // OPAQUE for this binary-flagged tag. 16 real bytes never look like 32+ characters.
    QByteArray text = raw.trimmed();
    static const QRegularExpression guid(QStringLiteral("^\\{?[0-9A-Fa-f]{8}-?[0-9A-Fa-f]{4}-?[0-9A-Fa-f]{4}-?"
                                                        "[0-9A-Fa-f]{4}-?[0-9A-Fa-f]{12}\\}?$"));
    if (guid.match(QString::fromLatin1(text)).hasMatch()) {
        text.replace('{', "").replace('}', "").replace('-', "");
        out.append(QByteArray::fromHex(text));
    }
    const auto base64 = QByteArray::fromBase64Encoding(text, QByteArray::AbortOnBase64DecodingErrors);
    if (base64 && base64.decoded.size() == 16)
        out.append(base64.decoded);
    return out;
}

void ConversationMove::run(const wbxml::Element &in, wbxml::Element &response)
{
    auto &out = response.add(tag::ItemOperations::Move);
    const wbxml::Element *id = in.child(tag::ItemOperations::ConversationId);
    const QString dst = in.childText(tag::ItemOperations::DstFldId).trimmed();
    const wbxml::Element *options = in.child(tag::ItemOperations::Options);

    const wbxml::Element *moveAlways = options ? options->child(tag::ItemOperations::MoveAlways) : nullptr;

    int status = 1;
    if (!id || id->data().isEmpty() || dst.isEmpty() || hasContent(moveAlways))
        status = 2; // malformed Move
    else if (const auto forced = m_ctx.faults.takeMoveStatus())
        status = *forced; // fault knob: answer without touching the store
    else if (!moveAlways)
        status = 155; // a one-off move is MoveItems' job
    else
        status = apply(conversationIdCandidates(*id), dst.toLongLong());

    out.add(tag::ItemOperations::Status, qint64(status));
    // Echo the id exactly as it came, so the client can match the answer.
    if (id && id->isOpaque())
        out.addOpaque(tag::ItemOperations::ConversationId, id->data());
    else if (id)
        out.add(tag::ItemOperations::ConversationId, id->data());
}

int ConversationMove::destinationStatus(const std::optional<FolderRow> &destination) const
{
    if (!destination)
        return 6;
    if (destination->type == FolderType::RecipientInfoCache)
        return 105;
    if (!FolderType::isMail(destination->type) || destination->type == FolderType::Drafts
        || destination->type == FolderType::Outbox || isJunk(*destination))
        return 156;
    return 1;
}

int ConversationMove::apply(const QList<QByteArray> &candidates, qint64 destinationFolderId)
{
    ServerStore &store = m_ctx.store;
    const auto destination = destinationFolderId > 0 ? store.hierarchy().folder(m_user.id, destinationFolderId) : std::nullopt;
    if (const int s = destinationStatus(destination); s != 1)
        return s;
    QByteArray conversationId;
    QList<MessageRow> members;
    for (const QByteArray &candidate : candidates) {
        members = store.mail().conversationMessages(m_user.id, candidate);
        if (!members.isEmpty()) {
            conversationId = candidate;
            break;
        }
    }
    if (members.isEmpty())
        return 6;
    if (!store.begin())
        return 3;
    const bool ok = moveAll(members, *destination)
        && store.rules().setConversationRule(m_user.id, ConversationRule{conversationId, destination->id, m_ctx.nowMs()});
    if (!ok || !store.commit()) {
        store.rollback();
        return 3;
    }
    return 1;
}

bool ConversationMove::moveAll(const QList<MessageRow> &members, const FolderRow &destination)
{
    QHash<qint64, int> folderTypes;
    for (const FolderRow &f : m_ctx.store.hierarchy().folders(m_user.id))
        folderTypes.insert(f.id, f.type);
    for (const MessageRow &m : members) {
        if (m.folderId == destination.id || isSpared(folderTypes.value(m.folderId)))
            continue;
        // Same row, new folder: the ServerId (FOLDER:ID) changes, so devices
        // see a Delete in the source and an Add in the destination.
        if (!m_ctx.store.mail().moveMessage(m.id, destination.id))
            return false;
        m_ctx.store.syncStates().markMovedOut(m_user.id, m_deviceId, m.folderId, m.id);
    }
    return true;
}

} // namespace skein::server
