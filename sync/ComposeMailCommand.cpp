#include "ComposeMailCommand.h"

#include "EasTags.h"

namespace skein::eas {

namespace tag = wbxml::tag;
using wbxml::Element;

namespace {

wbxml::Tag rootTag(OutboxKind kind)
{
    switch (kind) {
    case OutboxKind::Reply: return tag::ComposeMail::SmartReply;
    case OutboxKind::Forward: return tag::ComposeMail::SmartForward;
    case OutboxKind::Send: break;
    }
    return tag::ComposeMail::SendMail;
}

} // namespace

ComposeMailCommand::ComposeMailCommand(const OutboxEntry &entry) : m_entry(entry) {}

const char *ComposeMailCommand::commandName(OutboxKind kind)
{
    switch (kind) {
    case OutboxKind::Reply: return "SmartReply";
    case OutboxKind::Forward: return "SmartForward";
    case OutboxKind::Send: break;
    }
    return "SendMail";
}

const char *ComposeMailCommand::commandName() const
{
    return commandName(m_entry.kind);
}

Element ComposeMailCommand::request() const
{
    // Element order of the schema: ClientId, Source, SaveInSentItems, ReplaceMime, Mime.
    Element root(rootTag(m_entry.kind));
    root.add(tag::ComposeMail::ClientId, m_entry.clientId);
    if (m_entry.kind != OutboxKind::Send) {
        Element &source = root.add(tag::ComposeMail::Source);
        if (!m_entry.sourceLongId.isEmpty()) {
            source.add(tag::ComposeMail::LongId, m_entry.sourceLongId); // never with FolderId/ItemId
        } else {
            source.add(tag::ComposeMail::FolderId, m_entry.sourceFolderId);
            source.add(tag::ComposeMail::ItemId, m_entry.sourceServerId);
        }
    }
    if (m_entry.saveInSentItems)
        root.add(tag::ComposeMail::SaveInSentItems);
    // A reply's MIME already quotes the parent (Skein quotes the message the
    // user chose); a forward leaves the original and its attachments to the server.
    if (m_entry.kind == OutboxKind::Reply)
        root.add(tag::ComposeMail::ReplaceMime);
    root.addOpaque(tag::ComposeMail::Mime, m_entry.mime);
    return root;
}

QList<QPair<QString, QString>> ComposeMailCommand::legacyQuery() const
{
    QList<QPair<QString, QString>> query;
    if (m_entry.kind != OutboxKind::Send) {
        if (!m_entry.sourceLongId.isEmpty()) {
            query.append({QStringLiteral("LongId"), m_entry.sourceLongId});
        } else {
            query.append({QStringLiteral("ItemId"), m_entry.sourceServerId});
            query.append({QStringLiteral("CollectionId"), m_entry.sourceFolderId});
        }
    }
    if (m_entry.saveInSentItems)
        query.append({QStringLiteral("SaveInSent"), QStringLiteral("T")});
    return query;
}

ComposeMailCommand::Result ComposeMailCommand::parse(const Element *root)
{
    Result result;
    if (!root)
        return result; // the empty body of success
    if (!root->is(tag::ComposeMail::SendMail) && !root->is(tag::ComposeMail::SmartReply)
        && !root->is(tag::ComposeMail::SmartForward)) {
        result.status = 0;
        result.error = QStringLiteral("the answer to the sent message is not a ComposeMail response");
        return result;
    }
    result.status = root->childInt(tag::ComposeMail::Status, 1);
    return result;
}

} // namespace skein::eas
