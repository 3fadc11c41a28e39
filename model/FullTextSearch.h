#pragma once

// The full-text index of the stored mail (migration 19, docs/architecture.md
// "Full-text search") and the pieces ConversationStore::search is built from.

#include "Store.h"

#include <QByteArrayView>
#include <QString>

struct sqlite3;

namespace skein {

// snippet() and highlight() put these around each matching word. Control
// characters never occur in mail text the index keeps, so a caller can
// escape the rest for HTML and only then turn them into <b> and </b>.
inline constexpr QChar searchMatchStart = QChar(0x02);
inline constexpr QChar searchMatchEnd = QChar(0x03);

// One conversation that matched, best first.
struct SearchHit {
    ConversationSummary conversation; // as conversations() lists it, from any folder
    qint64 messageId = 0;             // its best-matching message
    QString folderId;                 // where that message is
    QString subject;                  // that message's subject, matches marked
    QString snippet;                  // a few words around the matches, marked

    friend bool operator==(const SearchHit &, const SearchHit &) = default;
};

namespace fts {

// The text of a stored body that is indexed: plain text as it is, HTML
// with its tags, comments, scripts and styles dropped and the common
// entities decoded. RTF and MIME bodies give nothing (their preview is
// indexed). Registered on every Store connection as skein_body_text(type,
// data), which the index triggers call.
QByteArray bodyText(int bodyType, QByteArrayView data);

// Registers the functions the triggers of migration 19 call, on a
// connection that writes messages or bodies: skein_body_text, and
// skein_fts_deferred(), which answers *deferred: while true, the triggers
// note the changed messages in messages_fts_pending instead of writing the
// index, and flushPendingSql must run before the transaction commits.
bool registerFunctions(sqlite3 *db, const bool *deferred);
// Rewrites the index rows of the noted messages (gone ones go), in order.
extern const char *const flushPendingSql[3];

// skein_body_text, which the triggers of migration 19 call
// (model/migrations/019-full-text-index.sql): registered before it runs.
bool registerBodyText(sqlite3 *db);

// The user's words as an FTS5 query: each word a quoted string (so quotes,
// NEAR(, *, - and the like are only text), all of them required, the last
// one a prefix unless the text ends with a space. Words without a letter or
// digit are dropped; empty when nothing is left to search for.
QString matchExpression(const QString &text);

// Marked text as HTML: escaped, matches in <b>.
QString markedToHtml(const QString &marked);
// Marked text for a terminal or a log: matches in **.
QString markedToPlain(const QString &marked);

} // namespace fts

} // namespace skein
