#include "DirectorySearchCommand.h"

#include "EasTags.h"

#include <QRegularExpression>

namespace skein::eas {

namespace tag = wbxml::tag;
using wbxml::Element;

DirectorySearchCommand::DirectorySearchCommand(QString query, int limit)
    : m_query(std::move(query)), m_limit(std::max(1, limit))
{
}

QString DirectorySearchCommand::Person::address() const
{
    if (displayName.isEmpty() || displayName.compare(email, Qt::CaseInsensitive) == 0)
        return email;
    QString name = displayName;
    // A name with specials must be quoted to stay one address.
    if (name.contains(QRegularExpression(QStringLiteral("[,;<>@\"()]"))))
        name = QLatin1Char('"') + name.replace(QLatin1Char('"'), QStringLiteral("\\\"")) + QLatin1Char('"');
    return QStringLiteral("%1 <%2>").arg(name, email);
}

Element DirectorySearchCommand::request() const
{
    Element root(tag::Search::Search);
    Element &store = root.add(tag::Search::Store);
    store.add(tag::Search::Name, "GAL");
    store.add(tag::Search::Query, m_query);
    store.add(tag::Search::Options).add(tag::Search::Range, QStringLiteral("0-%1").arg(m_limit - 1));
    return root;
}

DirectorySearchCommand::Result DirectorySearchCommand::parse(const Element *root)
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
    for (const Element *r : store->all(tag::Search::Result)) {
        const Element *p = r->child(tag::Search::Properties);
        if (!p)
            continue; // an empty Result means "no match"
        Person person{p->childText(tag::Gal::DisplayName).trimmed(), p->childText(tag::Gal::EmailAddress).trimmed()};
        if (!person.email.isEmpty())
            result.people.append(person);
    }
    return result;
}

} // namespace skein::eas
