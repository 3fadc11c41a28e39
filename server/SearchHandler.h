#pragma once

#include "EasRequest.h"
#include "SearchQuery.h"
#include "ServerContext.h"

namespace skein::server {

// Search of the Mailbox store (and of the GAL: GalSearch.h) ([MS-ASCMD] 2.2.1.16; [MS-ASCON] 3.1.4.7,
// 3.2.5.5): FreeText, Class, CollectionId (+ DeepTraversal for subfolders),
// ConversationId (every folder when no CollectionId), date bounds; Options
// Range (default 0-99), RebuildResults (results are never cached, so every
// search is rebuilt), DeepTraversal, BodyPreference. Results newest first:
// Result{Class, LongId, CollectionId, Properties{email fields, 14.0+
// email2:ConversationId/ConversationIndex}}, then Range and Total. No match:
// Store Status 1 with Total 0 and no Result.
class SearchHandler
{
public:
    explicit SearchHandler(ServerContext &ctx) : m_ctx(ctx) {}
    HandlerResult handle(const EasRequest &request);

private:
    wbxml::Element searchStore(const EasRequest &request, const wbxml::Element &in);
    QList<qint64> foldersToSearch(qint64 userId, const SearchCriteria &criteria, bool deep);
    QList<MessageRow> matching(const EasRequest &request, const SearchCriteria &criteria, bool deep);

    ServerContext &m_ctx;
};

} // namespace skein::server
