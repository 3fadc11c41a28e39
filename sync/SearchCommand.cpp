#include "SearchCommand.h"

#include "ThreadInference.h"

#include "EasTags.h"
#include "EmailParser.h"

#include <QCoreApplication>

namespace skein::eas {

namespace tag = wbxml::tag;
using wbxml::Element;

namespace {

// An empty Result (no LongId, no Properties) is "no match" per MS-ASCMD.
bool isEmptyResult(const Element &result)
{
    return !result.has(tag::Search::Properties) && !result.has(tag::Search::LongId)
        && !result.has(tag::AirSync::ServerId);
}

SearchCommand::Found readResult(const Element &result)
{
    SearchCommand::Found found;
    found.folderId = result.childText(tag::AirSync::CollectionId);
    found.longId = result.childText(tag::Search::LongId);
    found.serverId = result.childText(tag::AirSync::ServerId, found.longId);
    if (const Element *properties = result.child(tag::Search::Properties))
        found.message = parseEmail(*properties, found.serverId, found.folderId);
    found.message.serverId = found.serverId;
    found.message.folderId = found.folderId;
    return found;
}

} // namespace

SearchCommand::SearchCommand(QByteArray conversationId, QString range)
    : m_conversationId(std::move(conversationId)), m_range(std::move(range))
{
}

SearchCommand SearchCommand::freeText(QString words, QString range)
{
    SearchCommand command({}, std::move(range));
    command.m_freeText = words.simplified();
    return command;
}

QString SearchCommand::refusal() const
{
    if (!m_freeText.isNull())
        return m_freeText.isEmpty() ? QCoreApplication::translate("skein::eas::SearchCommand", "Nothing to search for.") : QString();
    if (isInferredConversationId(m_conversationId))
        return QCoreApplication::translate("skein::eas::SearchCommand", "This conversation was grouped by Skein, not by the server, so the "
                                                                        "server cannot search for it.");
    return {};
}

Element SearchCommand::request() const
{
    if (!refusal().isEmpty())
        return Element(); // encodes to nothing: never sent
    Element root(tag::Search::Search);
    Element &store = root.add(tag::Search::Store);
    store.add(tag::Search::Name, "Mailbox");
    Element &conditions = store.add(tag::Search::Query).add(tag::Search::And);
    conditions.add(tag::AirSync::Class, "Email");
    if (!m_freeText.isNull())
        conditions.add(tag::Search::FreeText, m_freeText);
    else
        conditions.addOpaque(tag::Search::ConversationId, m_conversationId);
    Element &options = store.add(tag::Search::Options);
    options.add(tag::Search::RebuildResults);
    options.add(tag::Search::Range, m_range);
    return root;
}

SearchCommand::Result SearchCommand::parse(const Element *root)
{
    Result result;
    if (!root || !root->is(tag::Search::Search)) {
        result.status = 0;
        result.error = root ? QStringLiteral("response root is not Search") : QStringLiteral("empty Search response");
        return result;
    }
    result.status = root->childInt(tag::Search::Status, 1);
    const Element *store = root->find({tag::Search::Response, tag::Search::Store});
    if (result.status != 1 || !store)
        return result;
    result.storeStatus = store->childInt(tag::Search::Status, 1);
    result.total = store->childInt(tag::Search::Total, -1);
    for (const Element *r : store->all(tag::Search::Result)) {
        if (!isEmptyResult(*r))
            result.found.append(readResult(*r));
    }
    return result;
}

} // namespace skein::eas
