#include "FullTextSearch.h"

#include "MailTypes.h"
#include "Sql.h"

#include <QRegularExpression>
#include <QStringList>

#include <sqlite3.h>

#include <cstring>

namespace skein::fts {

namespace {

// A body past this is indexed by its start only: a pasted log or a long
// newsletter would otherwise cost its whole tokenizing on every sync of it,
// and what a person searches for is rarely only in the tail.
constexpr qsizetype maxIndexedBytes = 256 * 1024;

bool startsWithNoCase(const char *p, const char *end, const char *word)
{
    const size_t n = std::strlen(word);
    if (size_t(end - p) < n)
        return false;
    for (size_t i = 0; i < n; ++i)
        if (char(p[i] | 0x20) != word[i])
            return false;
    return true;
}

// Skips past the first occurrence of `close` (case-insensitive), or to end.
const char *skipPast(const char *p, const char *end, const char *close)
{
    const size_t n = std::strlen(close);
    for (; p + n <= end; ++p)
        if (startsWithNoCase(p, end, close))
            return p + n;
    return end;
}

void appendUtf8(QByteArray &out, uint code)
{
    if (code == 0 || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF))
        return;
    const char32_t c = code;
    out += QString::fromUcs4(&c, 1).toUtf8();
}

// An entity at p ('&'); appends its character and returns where it ends, or
// nullptr when it is none this knows (then '&' is copied as text).
const char *decodeEntity(const char *p, const char *end, QByteArray &out)
{
    const char *semi = static_cast<const char *>(std::memchr(p, ';', std::min<ptrdiff_t>(end - p, 12)));
    if (!semi)
        return nullptr;
    const QByteArrayView name(p + 1, semi - p - 1);
    if (name.startsWith('#')) {
        bool ok = false;
        const uint code = name.size() > 1 && (name[1] == 'x' || name[1] == 'X')
            ? name.sliced(2).toByteArray().toUInt(&ok, 16)
            : name.sliced(1).toByteArray().toUInt(&ok, 10);
        if (!ok)
            return nullptr;
        appendUtf8(out, code == 0xA0 ? ' ' : code);
        return semi + 1;
    }
    static const struct { const char *name; const char *text; } known[] = {
        {"amp", "&"}, {"lt", "<"}, {"gt", ">"}, {"quot", "\""}, {"apos", "'"}, {"nbsp", " "},
        {"auml", "\xC3\xA4"}, {"ouml", "\xC3\xB6"}, {"uuml", "\xC3\xBC"}, {"Auml", "\xC3\x84"},
        {"Ouml", "\xC3\x96"}, {"Uuml", "\xC3\x9C"}, {"szlig", "\xC3\x9F"}, {"eacute", "\xC3\xA9"},
        {"egrave", "\xC3\xA8"}, {"agrave", "\xC3\xA0"}, {"ccedil", "\xC3\xA7"}};
    for (const auto &entity : known)
        if (name == entity.name) {
            out += entity.text;
            return semi + 1;
        }
    return nullptr;
}

QByteArray htmlText(QByteArrayView html)
{
    QByteArray out;
    out.reserve(html.size() / 2);
    const char *p = html.data();
    const char *const end = p + html.size();
    while (p < end && out.size() < maxIndexedBytes) {
        const char c = *p;
        if (c == '<') {
            if (startsWithNoCase(p, end, "<!--"))
                p = skipPast(p + 4, end, "-->");
            else if (startsWithNoCase(p, end, "<style"))
                p = skipPast(p + 6, end, "</style>");
            else if (startsWithNoCase(p, end, "<script"))
                p = skipPast(p + 7, end, "</script>");
            else if (startsWithNoCase(p, end, "<head"))
                p = skipPast(p + 5, end, "</head>"); // its title repeats the subject
            else
                p = skipPast(p + 1, end, ">");
            // A tag separates words: "a<br>b" is two.
            if (!out.isEmpty() && out.back() != ' ')
                out += ' ';
        } else if (c == '&') {
            const char *next = decodeEntity(p, end, out);
            if (next) {
                p = next;
            } else {
                out += c;
                ++p;
            }
        } else {
            out += c;
            ++p;
        }
    }
    return out;
}

void bodyTextFunction(sqlite3_context *context, int, sqlite3_value **argv)
{
    const int type = sqlite3_value_int(argv[0]);
    const auto *data = static_cast<const char *>(sqlite3_value_blob(argv[1]));
    const int size = sqlite3_value_bytes(argv[1]);
    const QByteArray text = bodyText(type, QByteArrayView(data, data ? size : 0));
    sqlite3_result_text(context, text.constData(), int(text.size()), SQLITE_TRANSIENT);
}

void deferredFunction(sqlite3_context *context, int, sqlite3_value **)
{
    const auto *flag = static_cast<const bool *>(sqlite3_user_data(context));
    sqlite3_result_int(context, flag && *flag ? 1 : 0);
}
} // namespace

QByteArray bodyText(int bodyType, QByteArrayView data)
{
    switch (BodyType(bodyType)) {
    case BodyType::PlainText:
        return data.first(std::min(data.size(), maxIndexedBytes)).toByteArray();
    case BodyType::Html:
        return htmlText(data);
    default:
        return {};
    }
}

bool registerBodyText(sqlite3 *db)
{
    return sqlite3_create_function_v2(db, "skein_body_text", 2,
                                      SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, nullptr,
                                      bodyTextFunction, nullptr, nullptr, nullptr)
        == SQLITE_OK;
}

bool registerFunctions(sqlite3 *db, const bool *deferred)
{
    return registerBodyText(db)
        && sqlite3_create_function_v2(db, "skein_fts_deferred", 0, SQLITE_UTF8 | SQLITE_INNOCUOUS,
                                      const_cast<bool *>(deferred), deferredFunction, nullptr,
                                      nullptr, nullptr)
        == SQLITE_OK;
}

const char *const flushPendingSql[] = {
    "DELETE FROM messages_fts WHERE rowid IN (SELECT id FROM messages_fts_pending)",
    "INSERT INTO messages_fts (rowid, subject, people, preview, body) "
    "SELECT m.id, m.subject, m.sender || ' ' || m.to_addr || ' ' || m.cc, m.preview, "
    "coalesce(skein_body_text(b.type, b.data), '') FROM messages_fts_pending p "
    "JOIN messages m ON m.id = p.id LEFT JOIN bodies b ON b.message_id = m.id ORDER BY p.id",
    "DELETE FROM messages_fts_pending",
};

QString matchExpression(const QString &text)
{
    QStringList terms;
    const QStringList words = text.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
    for (const QString &word : words) {
        bool searchable = false;
        for (const QChar c : word)
            searchable = searchable || c.isLetterOrNumber();
        if (!searchable)
            continue;
        QString quoted = word;
        quoted.replace(QLatin1Char('"'), QLatin1String("\"\""));
        terms.append(QLatin1Char('"') + quoted + QLatin1Char('"'));
    }
    if (terms.isEmpty())
        return {};
    if (!text.back().isSpace())
        terms.last() += QLatin1Char('*');
    return terms.join(QLatin1Char(' '));
}

QString markedToHtml(const QString &marked)
{
    QString html = marked.toHtmlEscaped();
    html.replace(searchMatchStart, QLatin1String("<b>"));
    html.replace(searchMatchEnd, QLatin1String("</b>"));
    return html;
}

QString markedToPlain(const QString &marked)
{
    QString plain = marked;
    plain.replace(searchMatchStart, QLatin1String("**"));
    plain.replace(searchMatchEnd, QLatin1String("**"));
    return plain;
}

} // namespace skein::fts
