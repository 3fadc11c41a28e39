#include "SearchHandler.h"

#include "EmailSerializer.h"
#include "GalSearch.h"
#include "SyncCommands.h"

#include <EasTags.h>

#include <algorithm>

namespace skein::server {

namespace tag = wbxml::tag;

namespace {

wbxml::Element storeStatus(int status)
{
    wbxml::Element store(tag::Search::Store);
    store.add(tag::Search::Status, qint64(status));
    return store;
}

} // namespace

HandlerResult SearchHandler::handle(const EasRequest &request)
{
    wbxml::Element root(tag::Search::Search);
    const wbxml::Element *store = request.body && request.body->is(tag::Search::Search)
        ? request.body->child(tag::Search::Store) : nullptr;
    if (!store) {
        root.add(tag::Search::Status, "2");
        return HandlerResult::doc(root);
    }
    root.add(tag::Search::Status, "1");
    root.add(tag::Search::Response).children().push_back(searchStore(request, *store));
    return HandlerResult::doc(root);
}

wbxml::Element SearchHandler::searchStore(const EasRequest &request, const wbxml::Element &in)
{
    const QString storeName = in.childText(tag::Search::Name).trimmed();
    if (storeName.compare(QLatin1String("GAL"), Qt::CaseInsensitive) == 0)
        return searchGal(m_ctx.store, in);
    if (storeName.compare(QLatin1String("Mailbox"), Qt::CaseInsensitive) != 0)
        return storeStatus(2); // document libraries are not served
    const wbxml::Element *query = in.child(tag::Search::Query);
    if (!query)
        return storeStatus(2);
    SearchCriteria criteria;
    if (const int status = parseSearchQuery(*query, &criteria); status != 1)
        return storeStatus(status);
    const wbxml::Element *options = in.child(tag::Search::Options);
    int first = 0, last = 0;
    if (const int status = parseSearchRange(options ? options->childText(tag::Search::Range) : QString(), &first, &last);
        status != 1)
        return storeStatus(status);
    const BodyOptions body = parseBodyOptions(options, request.version);
    if (!body.valid)
        return storeStatus(2);
    if (body.partTypeUnsupported)
        return storeStatus(kBodyPartTypeNotSupported);
    if (criteria.collectionId && !m_ctx.store.hierarchy().folder(request.user.id, *criteria.collectionId))
        return storeStatus(11); // the client's hierarchy is out of date

    const bool deep = options && options->has(tag::Search::DeepTraversal);
    const QList<MessageRow> found = matching(request, criteria, deep);
    wbxml::Element out = storeStatus(1);
    const int end = std::min<int>(last, int(found.size()) - 1);
    for (int i = first; i <= end; ++i) {
        MessageRow m = found.at(i);
        m.attachments = m_ctx.store.mail().attachments(m.id);
        auto &result = out.add(tag::Search::Result);
        result.add(tag::AirSync::Class, "Email");
        result.add(tag::Search::LongId, longIdFor(m.folderId, m.id));
        result.add(tag::AirSync::CollectionId, QString::number(m.folderId));
        appendEmail(result.add(tag::Search::Properties), m, body, serializeOptions(m_ctx, request));
    }
    if (first <= end)
        out.add(tag::Search::Range, QStringLiteral("%1-%2").arg(first).arg(end));
    out.add(tag::Search::Total, qint64(found.size()));
    return out;
}

QList<qint64> SearchHandler::foldersToSearch(qint64 userId, const SearchCriteria &criteria, bool deep)
{
    const QList<FolderRow> folders = m_ctx.store.hierarchy().folders(userId);
    QList<qint64> out;
    if (!criteria.collectionId) {
        // A conversation or mailbox-wide search covers every mail folder.
        for (const FolderRow &f : folders)
            if (FolderType::isMail(f.type))
                out.append(f.id);
        return out;
    }
    out.append(*criteria.collectionId);
    // DeepTraversal: the subtree, breadth first.
    for (int i = 0; deep && i < out.size(); ++i)
        for (const FolderRow &f : folders)
            if (f.parentId == out.at(i) && !out.contains(f.id))
                out.append(f.id);
    // The Mailbox store finds email: a calendar named here holds none.
    out.removeIf([&](qint64 id) {
        return std::any_of(folders.cbegin(), folders.cend(),
                           [&](const FolderRow &f) { return f.id == id && f.type == FolderType::Calendar; });
    });
    return out;
}

QList<MessageRow> SearchHandler::matching(const EasRequest &request, const SearchCriteria &criteria, bool deep)
{
    const QList<qint64> folders = foldersToSearch(request.user.id, criteria, deep);
    const QList<MessageRow> candidates = criteria.conversationIds.isEmpty()
        ? m_ctx.store.mail().messages(request.user.id)
        : [&] {
              QList<MessageRow> members;
              for (const QByteArray &id : criteria.conversationIds)
                  members += m_ctx.store.mail().conversationMessages(request.user.id, id);
              return members;
          }();
    QList<MessageRow> out;
    for (const MessageRow &m : candidates)
        if (folders.contains(m.folderId) && matchesSearch(m, criteria))
            out.append(m);
    std::sort(out.begin(), out.end(), [](const MessageRow &a, const MessageRow &b) {
        return a.receivedMs != b.receivedMs ? a.receivedMs > b.receivedMs : a.id > b.id;
    });
    return out;
}

} // namespace skein::server
