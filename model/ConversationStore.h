#pragma once

#include "ConversationSummary.h"
#include "StorePart.h"

#include <QHash>

namespace skein {

struct SearchHit; // FullTextSearch.h

// The conversation list of a folder, a page at a time, and full-text search.
class ConversationStore : private StorePart
{
public:
    ConversationStore(Store &store, Database &db) : StorePart(store, db) {}

    // One row per conversation that has a message in folderId, newest first.
    QList<ConversationSummary> conversations(const QString &folderId, int offset = 0,
                                             int limit = -1) const;
    // The same, sorted and filtered. The first page of a large folder by date
    // costs O(page); other sort keys and rare filter words cost O(folder).
    QList<ConversationSummary> conversations(const QString &folderId,
                                             const ConversationQuery &query) const;

    // ---- Full-text search (ConversationSearch.cpp, migration 19; FullTextSearch.h) ----
    // The conversations with a message (in folderId, or any folder when
    // empty) containing every word of text (the last one as a prefix), best
    // match first (bm25), at most limit. Any text is safe: words without a
    // letter or digit are ignored, and nothing to search for finds nothing.
    QList<SearchHit> search(const QString &text, const QString &folderId = {}, int limit = 50) const;

private:
    // One query of conversations(): `zone` is the keyset zone; *ok is false
    // (and the error set) on failure.
    QList<ConversationSummary> conversationPage(const QString &folderId,
                                                const ConversationQuery &query, int zone,
                                                int limit, bool *ok) const;
    // conversationPage's steps: the page's heads by one strategy into
    // *result, then their members' counts.
    bool readHeads(const QString &folderId, const ConversationQuery &query, int strategy,
                   int zone, int offset, int limit, int heads,
                   QList<ConversationSummary> *result) const;
    bool readMembers(const QString &folderId, QList<ConversationSummary> *page) const;
    // Whether conversations() should collect rather than walk the folder.
    bool isSmallFolder(const QString &folderId) const;
    // isSmallFolder's answers while the database is unchanged: this
    // connection's change count and PRAGMA data_version (other connections'
    // commits) when they were cached, on which connection. Counting costs
    // a fifth of a page.
    mutable QHash<QString, bool> m_smallFolders;
    mutable quint64 m_smallFoldersConnection = 0;
    mutable qint64 m_smallFoldersChanges = -1;
    mutable qint64 m_smallFoldersVersion = -1;
};

} // namespace skein
