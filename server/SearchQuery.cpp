#include "SearchQuery.h"

#include "ConversationMove.h"
#include "EasRequest.h"
#include "EmailSerializer.h"

#include <EasTags.h>

#include <QRegularExpression>

namespace skein::server {

namespace tag = wbxml::tag;

namespace {

constexpr int kMaxResults = 100; // Mailbox Range default and maximum: 0-99

// GreaterThan / LessThan {email:DateReceived, search:Value}.
bool parseDateBound(const wbxml::Element &e, std::optional<qint64> *out)
{
    if (!e.has(tag::Email::DateReceived))
        return false;
    const QDateTime when = eas::parseEasDate(e.childText(tag::Search::Value).trimmed());
    if (!when.isValid())
        return false;
    *out = when.toMSecsSinceEpoch();
    return true;
}

// One condition of an And (or of the Query itself when there is no And).
int addCondition(const wbxml::Element &c, bool insideAnd, SearchCriteria *out)
{
    if (c.is(tag::Search::FreeText)) {
        out->words += c.text().split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
        return 1;
    }
    if (c.is(tag::AirSync::Class)) {
        out->classOk = c.text().trimmed().compare(QLatin1String("Email"), Qt::CaseInsensitive) == 0;
        return 1;
    }
    if (c.is(tag::AirSync::CollectionId)) {
        bool ok = false;
        out->collectionId = c.text().trimmed().toLongLong(&ok);
        return ok ? 1 : 2;
    }
    if (c.is(tag::Search::ConversationId)) {
        if (!insideAnd || !out->conversationIds.isEmpty())
            return 8; // [MS-ASCON] 3.1.4.7: only as a child of the one And
        out->conversationIds = conversationIdCandidates(c);
        return c.data().isEmpty() ? 2 : 1;
    }
    if (c.is(tag::Search::GreaterThan))
        return parseDateBound(c, &out->receivedAfterMs) ? 1 : 2;
    if (c.is(tag::Search::LessThan))
        return parseDateBound(c, &out->receivedBeforeMs) ? 1 : 2;
    if (c.is(tag::Search::And) || c.is(tag::Search::Or) || c.is(tag::Search::EqualTo))
        return 8;
    return 2;
}

} // namespace

int parseSearchQuery(const wbxml::Element &query, SearchCriteria *out)
{
    const auto ands = query.all(tag::Search::And);
    if (ands.size() > 1 || (ands.size() == 1 && query.children().size() > 1))
        return 8;
    const wbxml::Element &conditions = ands.isEmpty() ? query : *ands.first();
    if (conditions.children().empty())
        return 2;
    for (const wbxml::Element &c : conditions.children()) {
        if (const int status = addCondition(c, !ands.isEmpty(), out); status != 1)
            return status;
    }
    return 1;
}

bool matchesSearch(const MessageRow &m, const SearchCriteria &c)
{
    if (!c.classOk)
        return false;
    if (!c.conversationIds.isEmpty() && !c.conversationIds.contains(m.conversationId))
        return false;
    if (c.receivedAfterMs && m.receivedMs <= *c.receivedAfterMs)
        return false;
    if (c.receivedBeforeMs && m.receivedMs >= *c.receivedBeforeMs)
        return false;
    if (c.words.isEmpty())
        return true;
    const QString haystack = m.subject + QLatin1Char('\n') + m.from + QLatin1Char('\n') + m.to + QLatin1Char('\n')
        + m.cc + QLatin1Char('\n') + (m.bodyType == 2 ? htmlToText(m.body) : m.body);
    for (const QString &word : c.words) {
        if (!haystack.contains(word, Qt::CaseInsensitive))
            return false;
    }
    return true;
}

int parseSearchRange(const QString &text, int *first, int *last)
{
    *first = 0;
    *last = kMaxResults - 1;
    if (text.isEmpty())
        return 1;
    static const QRegularExpression range(QStringLiteral("^\\s*(\\d+)\\s*-\\s*(\\d+)\\s*$"));
    const auto match = range.match(text);
    if (!match.hasMatch())
        return 2;
    *first = match.captured(1).toInt();
    *last = match.captured(2).toInt();
    if (*first > *last)
        return 2;
    if (*first >= kMaxResults)
        return 12;
    *last = std::min(*last, kMaxResults - 1);
    return 1;
}

} // namespace skein::server
