// Search of the GAL store: the reference server's users as an address book,
// found by a prefix of the name, a word of the display name, or the address;
// Range, and status 2 for an empty query.
#include "ServerTestSupport.h"

using namespace skein::test;

namespace {

Element galRequest(const QString &query, const QString &range = {})
{
    Element root(tag::Search::Search);
    auto &store = root.add(tag::Search::Store);
    store.add(tag::Search::Name, "GAL");
    store.add(tag::Search::Query, query);
    if (!range.isEmpty())
        store.add(tag::Search::Options).add(tag::Search::Range, range);
    return root;
}

const Element *storeOf(const EasResponse &r)
{
    return r.doc ? r.doc->find({tag::Search::Response, tag::Search::Store}) : nullptr;
}

QStringList addressesIn(const EasResponse &r)
{
    QStringList out;
    if (const Element *store = storeOf(r))
        for (const Element *result : store->all(tag::Search::Result))
            if (const Element *p = result->child(tag::Search::Properties))
                out.append(p->childText(tag::Gal::EmailAddress));
    return out;
}

} // namespace

class TestServerGal : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(f.setUp());
        m_demo = f.client(QStringLiteral("demo"), QStringLiteral("GAL1"));
        QVERIFY(m_demo);
    }

    void findsAUserByPrefix()
    {
        const EasResponse r = m_demo->post(QStringLiteral("Search"), galRequest(QStringLiteral("ALI")));
        QCOMPARE(r.top(tag::Search::Status), QStringLiteral("1"));
        QCOMPARE(storeOf(r)->childText(tag::Search::Status), QStringLiteral("1"));
        const QString alice = f.user(QStringLiteral("alice")).value(QStringLiteral("email")).toString();
        QVERIFY(!alice.isEmpty());
        QCOMPARE(addressesIn(r), QStringList{alice});
        const Element *props = storeOf(r)->find({tag::Search::Result, tag::Search::Properties});
        QVERIFY(!props->childText(tag::Gal::DisplayName).isEmpty());
        QCOMPARE(props->childText(tag::Gal::Alias), QStringLiteral("alice"));
        QCOMPARE(storeOf(r)->childText(tag::Search::Total), QStringLiteral("1"));
    }

    void noMatchIsAnEmptyAnswer()
    {
        const EasResponse r = m_demo->post(QStringLiteral("Search"), galRequest(QStringLiteral("zzz")));
        QCOMPARE(storeOf(r)->childText(tag::Search::Status), QStringLiteral("1"));
        QVERIFY(addressesIn(r).isEmpty());
        QCOMPARE(storeOf(r)->childText(tag::Search::Total), QStringLiteral("0"));
    }

    void rangeLimitsTheAnswer()
    {
        const EasResponse all = m_demo->post(QStringLiteral("Search"), galRequest(QStringLiteral("b")));
        QVERIFY(addressesIn(all).size() >= 1);
        const EasResponse one = m_demo->post(QStringLiteral("Search"), galRequest(QStringLiteral("b"), QStringLiteral("0-0")));
        QCOMPARE(addressesIn(one).size(), 1);
        QCOMPARE(storeOf(one)->childText(tag::Search::Range), QStringLiteral("0-0"));
    }

    void emptyQueryIsStatus2()
    {
        const EasResponse r = m_demo->post(QStringLiteral("Search"), galRequest(QStringLiteral("  ")));
        QCOMPARE(storeOf(r)->childText(tag::Search::Status), QStringLiteral("2"));
        QVERIFY(addressesIn(r).isEmpty());
    }

private:
    MailServerFixture f;
    std::unique_ptr<EasTestClient> m_demo;
};

QTEST_GUILESS_MAIN(TestServerGal)
#include "tst_server_gal.moc"
