// Search of the Mailbox store: a conversation across folders ([MS-ASCON]
// 3.1.4.7), combined with Class / CollectionId / FreeText, plain FreeText,
// Range, status 8 for queries that are too complex, LongId for Fetch.
#include "ServerTestSupport.h"

using namespace skein::test;

namespace {

struct Query {
    QList<Element> conditions; // children of And (or of Query when noAnd)
    bool noAnd = false;
    QString range;
    int bodyType = 1;
    qint64 truncation = -1;
};

Element searchRequest(const Query &q)
{
    Element root(tag::Search::Search);
    auto &store = root.add(tag::Search::Store);
    store.add(tag::Search::Name, "Mailbox");
    auto &query = store.add(tag::Search::Query);
    auto &conditions = q.noAnd ? query : query.add(tag::Search::And);
    for (const Element &c : q.conditions)
        conditions.children().push_back(c);
    auto &options = store.add(tag::Search::Options);
    options.add(tag::Search::RebuildResults);
    options.add(tag::Search::DeepTraversal);
    if (!q.range.isEmpty())
        options.add(tag::Search::Range, q.range);
    auto &bp = options.add(tag::AirSyncBase::BodyPreference);
    bp.add(tag::AirSyncBase::Type, qint64(q.bodyType));
    if (q.truncation >= 0)
        bp.add(tag::AirSyncBase::TruncationSize, q.truncation);
    return root;
}

Element leaf(skein::wbxml::Tag t, const QByteArray &value)
{
    Element e(t);
    e.setText(value);
    return e;
}

Element conversationLeaf(const QByteArray &id)
{
    Element e(tag::Search::ConversationId);
    e.setOpaque(id);
    return e;
}

const Element *storeOf(const EasResponse &r)
{
    return r.doc ? r.doc->find({tag::Search::Response, tag::Search::Store}) : nullptr;
}

QList<const Element *> results(const EasResponse &r)
{
    const Element *store = storeOf(r);
    return store ? store->all(tag::Search::Result) : QList<const Element *>();
}

} // namespace

class TestServerSearch : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(f.setUp());
        m_demo = f.client(QStringLiteral("demo"), QStringLiteral("SEARCH1"));
        QVERIFY(m_demo);
        // Spread "Summer trip to Lisbon" over Inbox, Sent Items and Projects.
        const QString hex = f.conversationOf(QStringLiteral("demo"), QStringLiteral("Summer trip to Lisbon"));
        const QString inbox = f.folderId(QStringLiteral("demo"), QStringLiteral("Inbox"));
        QString toMove;
        for (const QJsonObject &m : f.conversation(QStringLiteral("demo"), hex))
            if (text(m, "folder") == QLatin1String("Inbox"))
                toMove = text(m, "serverId");
        Element move(tag::Move::MoveItems);
        auto &mv = move.add(tag::Move::Move);
        mv.add(tag::Move::SrcMsgId, toMove);
        mv.add(tag::Move::SrcFldId, inbox);
        mv.add(tag::Move::DstFldId, f.folderId(QStringLiteral("demo"), QStringLiteral("Projects")));
        QCOMPARE(m_demo->post(QStringLiteral("MoveItems"), move).doc->find({tag::Move::Response})->childText(tag::Move::Status),
                 QStringLiteral("3"));
        m_lisbon = QByteArray::fromHex(hex.toLatin1());
    }

    void conversationAcrossFolders()
    {
        const QList<QJsonObject> expected = f.conversation(QStringLiteral("demo"), QString::fromLatin1(m_lisbon.toHex()));
        QStringList folders = folderNames(expected);
        folders.removeDuplicates();
        QCOMPARE(folders, (QStringList{QStringLiteral("Inbox"), QStringLiteral("Projects"), QStringLiteral("Sent Items")}));

        const EasResponse r = m_demo->post(QStringLiteral("Search"), searchRequest(Query{{conversationLeaf(m_lisbon)}}));
        QCOMPARE(r.top(tag::Search::Status), QStringLiteral("1"));
        QCOMPARE(storeOf(r)->childText(tag::Search::Status), QStringLiteral("1"));
        const auto found = results(r);
        QCOMPARE(found.size(), expected.size());
        QCOMPARE(storeOf(r)->childText(tag::Search::Total), QString::number(expected.size()));
        QCOMPARE(storeOf(r)->childText(tag::Search::Range), QStringLiteral("0-%1").arg(expected.size() - 1));
        QSet<QString> longIds;
        QString previousDate = QStringLiteral("9999");
        for (const Element *result : found) {
            QCOMPARE(result->childText(tag::AirSync::Class), QStringLiteral("Email"));
            const Element *props = result->child(tag::Search::Properties);
            QVERIFY(props);
            QCOMPARE(props->childData(tag::Email2::ConversationId), m_lisbon);
            QVERIFY(props->childData(tag::Email2::ConversationIndex).size() >= 5);
            QVERIFY(props->find({tag::AirSyncBase::Body, tag::AirSyncBase::Data}));
            const QString date = props->childText(tag::Email::DateReceived);
            QVERIFY(date <= previousDate); // newest first
            previousDate = date;
            const QString longId = result->childText(tag::Search::LongId);
            longIds.insert(longId);
            QVERIFY(longId.startsWith(result->childText(tag::AirSync::CollectionId) + QLatin1Char(':')));
        }
        QSet<QString> expectedIds;
        for (const QJsonObject &m : expected)
            expectedIds.insert(text(m, "serverId"));
        QCOMPARE(longIds, expectedIds);
    }

    void conversationCombinedWithClassFreeTextAndFolder()
    {
        const QString projects = f.folderId(QStringLiteral("demo"), QStringLiteral("Projects"));
        EasResponse r = m_demo->post(QStringLiteral("Search"),
            searchRequest(Query{{leaf(tag::AirSync::Class, "Email"), leaf(tag::AirSync::CollectionId, projects.toUtf8()),
                                 conversationLeaf(m_lisbon)}}));
        QCOMPARE(results(r).size(), 1);
        QCOMPARE(results(r).first()->childText(tag::AirSync::CollectionId), projects);

        // FreeText narrows the conversation; a word it lacks leaves nothing (Store Status 1, no Result).
        const QList<QJsonObject> all = f.conversation(QStringLiteral("demo"), QString::fromLatin1(m_lisbon.toHex()));
        r = m_demo->post(QStringLiteral("Search"), searchRequest(Query{{leaf(tag::Search::FreeText, "LISBON"), conversationLeaf(m_lisbon)}}));
        QVERIFY(!results(r).isEmpty() && results(r).size() <= all.size());
        r = m_demo->post(QStringLiteral("Search"), searchRequest(Query{{leaf(tag::Search::FreeText, "zebracrossing"), conversationLeaf(m_lisbon)}}));
        QCOMPARE(storeOf(r)->childText(tag::Search::Status), QStringLiteral("1"));
        QVERIFY(results(r).isEmpty());
        QCOMPARE(storeOf(r)->childText(tag::Search::Total), QStringLiteral("0"));
        r = m_demo->post(QStringLiteral("Search"), searchRequest(Query{{leaf(tag::AirSync::Class, "Calendar"), conversationLeaf(m_lisbon)}}));
        QVERIFY(results(r).isEmpty());
    }

    void conversationIdAsString()
    {
        const EasResponse r = m_demo->post(QStringLiteral("Search"),
                                           searchRequest(Query{{leaf(tag::Search::ConversationId, m_lisbon.toHex())}}));
        QCOMPARE(results(r).size(), f.conversation(QStringLiteral("demo"), QString::fromLatin1(m_lisbon.toHex())).size());
    }

    void plainFreeTextAndRange()
    {
        EasResponse r = m_demo->post(QStringLiteral("Search"),
                                     searchRequest(Query{{leaf(tag::Search::FreeText, "CityRail")}, true}));
        QCOMPARE(storeOf(r)->childText(tag::Search::Status), QStringLiteral("1"));
        QVERIFY(!results(r).isEmpty());
        bool receipt = false;
        for (const Element *e : results(r))
            receipt |= e->child(tag::Search::Properties)->childText(tag::Email::Subject) == QLatin1String("Your CityRail receipt");
        QVERIFY(receipt);

        // Paging: 0-1 then 2-3 of the same query; a start beyond 99 is Store Status 12.
        Query page{{leaf(tag::Search::FreeText, "the")}};
        page.range = QStringLiteral("0-1");
        r = m_demo->post(QStringLiteral("Search"), searchRequest(page));
        QCOMPARE(results(r).size(), 2);
        QCOMPARE(storeOf(r)->childText(tag::Search::Range), QStringLiteral("0-1"));
        QVERIFY(storeOf(r)->childText(tag::Search::Total).toInt() > 4);
        const QString first = results(r).first()->childText(tag::Search::LongId);
        page.range = QStringLiteral("2-3");
        r = m_demo->post(QStringLiteral("Search"), searchRequest(page));
        QCOMPARE(results(r).size(), 2);
        QVERIFY(results(r).first()->childText(tag::Search::LongId) != first);
        page.range = QStringLiteral("100-120");
        QCOMPARE(storeOf(m_demo->post(QStringLiteral("Search"), searchRequest(page)))->childText(tag::Search::Status), QStringLiteral("12"));
        page.range = QStringLiteral("5-2");
        QCOMPARE(storeOf(m_demo->post(QStringLiteral("Search"), searchRequest(page)))->childText(tag::Search::Status), QStringLiteral("2"));
    }

    void tooComplexIsStatus8()
    {
        // ConversationId outside And.
        EasResponse r = m_demo->post(QStringLiteral("Search"), searchRequest(Query{{conversationLeaf(m_lisbon)}, true}));
        QCOMPARE(storeOf(r)->childText(tag::Search::Status), QStringLiteral("8"));
        // Two Ands.
        Element twoAnds = searchRequest(Query{{conversationLeaf(m_lisbon)}});
        Element &query = twoAnds.children().front().children()[1];
        QVERIFY(query.is(tag::Search::Query));
        query.add(tag::Search::And).add(tag::Search::FreeText, "lisbon");
        r = m_demo->post(QStringLiteral("Search"), twoAnds);
        QCOMPARE(storeOf(r)->childText(tag::Search::Status), QStringLiteral("8"));
        // And inside And.
        Element nested(tag::Search::And);
        nested.add(tag::Search::FreeText, "lisbon");
        r = m_demo->post(QStringLiteral("Search"), searchRequest(Query{{conversationLeaf(m_lisbon), nested}}));
        QCOMPARE(storeOf(r)->childText(tag::Search::Status), QStringLiteral("8"));
    }

    void longIdFetchesTheMessage()
    {
        const EasResponse r = m_demo->post(QStringLiteral("Search"), searchRequest(Query{{conversationLeaf(m_lisbon)}}));
        const QString longId = results(r).first()->childText(tag::Search::LongId);
        Element fetch(tag::ItemOperations::ItemOperations);
        auto &op = fetch.add(tag::ItemOperations::Fetch);
        op.add(tag::ItemOperations::Store, "Mailbox");
        op.add(tag::Search::LongId, longId);
        const EasResponse fetched = m_demo->post(QStringLiteral("ItemOperations"), fetch);
        const Element *out = fetched.doc->find({tag::ItemOperations::Response, tag::ItemOperations::Fetch});
        QVERIFY(out);
        QCOMPARE(out->childText(tag::ItemOperations::Status), QStringLiteral("1"));
        QCOMPARE(out->child(tag::ItemOperations::Properties)->childData(tag::Email2::ConversationId), m_lisbon);
    }

private:
    MailServerFixture f;
    std::unique_ptr<EasTestClient> m_demo;
    QByteArray m_lisbon;
};

QTEST_GUILESS_MAIN(TestServerSearch)
#include "tst_server_search.moc"
