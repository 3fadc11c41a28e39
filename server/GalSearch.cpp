#include "GalSearch.h"

#include "SearchQuery.h"

#include <EasTags.h>

#include <algorithm>

namespace skein::server {

namespace tag = wbxml::tag;

namespace {

bool matches(const UserRow &user, const QString &query)
{
    const auto startsWith = [&](const QString &text) { return text.startsWith(query, Qt::CaseInsensitive); };
    if (startsWith(user.displayName) || startsWith(user.name) || startsWith(user.email))
        return true;
    const QStringList words = user.displayName.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    return std::any_of(words.begin(), words.end(), startsWith);
}

wbxml::Element result(const UserRow &user)
{
    wbxml::Element r(tag::Search::Result);
    wbxml::Element &p = r.add(tag::Search::Properties);
    const QString name = user.displayName.isEmpty() ? user.name : user.displayName;
    p.add(tag::Gal::DisplayName, name);
    p.add(tag::Gal::Alias, user.name);
    const QString first = name.section(QLatin1Char(' '), 0, 0);
    const QString last = name.section(QLatin1Char(' '), 1);
    p.add(tag::Gal::FirstName, first);
    if (!last.isEmpty())
        p.add(tag::Gal::LastName, last);
    p.add(tag::Gal::EmailAddress, user.email);
    return r;
}

wbxml::Element status(int value)
{
    wbxml::Element store(tag::Search::Store);
    store.add(tag::Search::Status, qint64(value));
    return store;
}

} // namespace

wbxml::Element searchGal(ServerStore &store, const wbxml::Element &in)
{
    const QString query = in.childText(tag::Search::Query).trimmed();
    if (query.isEmpty())
        return status(2);
    const wbxml::Element *options = in.child(tag::Search::Options);
    int first = 0, last = 0;
    if (const int s = parseSearchRange(options ? options->childText(tag::Search::Range) : QString(), &first, &last); s != 1)
        return status(s);
    QList<UserRow> found;
    for (const UserRow &user : store.accounts().users())
        if (matches(user, query))
            found.append(user);
    std::sort(found.begin(), found.end(), [](const UserRow &a, const UserRow &b) {
        return QString::compare(a.displayName, b.displayName, Qt::CaseInsensitive) < 0;
    });
    wbxml::Element answer = status(1);
    const int end = std::min<int>(last + 1, found.size());
    for (int i = first; i < end; ++i)
        answer.children().push_back(result(found.at(i)));
    if (first < end)
        answer.add(tag::Search::Range, QStringLiteral("%1-%2").arg(first).arg(end - 1));
    answer.add(tag::Search::Total, qint64(found.size()));
    return answer;
}

} // namespace skein::server
