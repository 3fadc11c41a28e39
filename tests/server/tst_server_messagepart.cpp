// The message part ([MS-ASCON] 2.2.2.1, 3.1.4.10, 3.2.5.7; [MS-ASAIRS]
// BodyPart / BodyPartPreference): which of Body and BodyPart the reference
// server sends in Sync, ItemOperations Fetch and Search; that the part is the
// new text without the quoted parent (plain and HTML); truncation; Type other
// than 2 -> 164 where each command reports body option errors; nothing of it
// below 14.1; the order of BodyPart's children.
#include "ServerTestSupport.h"

#include <QRegularExpression>

using namespace skein::test;

namespace {

constexpr auto kOwnLine = "Sounds good, I will bring the Zinfandel.";
constexpr auto kQuotedLine = "Shall we meet at eight at the harbour?";

// Which preferences a request carries.
enum class Asked { Neither, BodyOnly, PartOnly, Both };

struct Preferences {
    Asked asked = Asked::Both;
    int partType = 2;
    qint64 partTruncation = -1;
    bool partAllOrNone = false;
    int partPreview = -1;
};

// BodyPreference Type 2 and/or BodyPartPreference into an Options element.
void addPreferences(Element &options, const Preferences &p)
{
    if (p.asked == Asked::BodyOnly || p.asked == Asked::Both)
        options.add(tag::AirSyncBase::BodyPreference).add(tag::AirSyncBase::Type, "2");
    if (p.asked == Asked::PartOnly || p.asked == Asked::Both) {
        auto &part = options.add(tag::AirSyncBase::BodyPartPreference);
        part.add(tag::AirSyncBase::Type, qint64(p.partType));
        if (p.partTruncation >= 0)
            part.add(tag::AirSyncBase::TruncationSize, p.partTruncation);
        if (p.partAllOrNone)
            part.add(tag::AirSyncBase::AllOrNone, "1");
        if (p.partPreview >= 0)
            part.add(tag::AirSyncBase::Preview, qint64(p.partPreview));
    }
}

EasTestClient::SyncOptions syncOptions(const Preferences &p)
{
    EasTestClient::SyncOptions o;
    o.windowSize = 512;
    o.bodyType = p.asked == Asked::BodyOnly || p.asked == Asked::Both ? 2 : -1;
    if (p.asked == Asked::PartOnly || p.asked == Asked::Both) {
        o.bodyPartType = p.partType;
        o.bodyPartTruncation = p.partTruncation;
        o.bodyPartPreview = p.partPreview;
    }
    return o;
}

QList<skein::wbxml::Tag> childTags(const Element &e)
{
    QList<skein::wbxml::Tag> out;
    for (const Element &c : e.children())
        out.append(c.tag());
    return out;
}

} // namespace

class TestServerMessagePart : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(f.setUp());
        const QString starter = f.messages(QStringLiteral("demo"), [](const QJsonObject &m) {
            return text(m, "subject") == QLatin1String("Welcome to Northwind");
        }).value(0).value(QStringLiteral("serverId")).toString();
        QVERIFY(!starter.isEmpty());
        const QString body = QString::fromLatin1(kOwnLine)
            + QStringLiteral("\n\nBen\n\nOn Mon, 15 Jun 2026 at 10:02, Nina Park <nina@northwind.example> wrote:\n> ")
            + QString::fromLatin1(kQuotedLine) + QStringLiteral("\n> See you.");
        const auto plain = f.server.deliver({QStringLiteral("demo"), {}, starter, QStringLiteral("Ben <ben@example.org>"),
                                             QStringLiteral("RE: Welcome to Northwind"), body});
        QVERIFY2(plain.ok, qPrintable(plain.error));
        m_plainReply = plain.serverId;
        const QByteArray html = "From: Ben <ben@example.org>\r\nTo: demo@northwind.example\r\n"
                                "Subject: RE: Harbour dinner\r\nDate: Mon, 15 Jun 2026 11:00:00 +0000\r\n"
                                "MIME-Version: 1.0\r\nContent-Type: text/html; charset=utf-8\r\n\r\n"
                                "<html><body><p>Count me in &amp; thanks!</p><p>Ben</p>"
                                "<blockquote><p>Dinner at the harbour on Friday?</p></blockquote></body></html>\r\n";
        const auto htmlReply = f.server.deliver({QStringLiteral("demo"), html, {}, {}, {}, {}});
        QVERIFY2(htmlReply.ok, qPrintable(htmlReply.error));
        m_htmlReply = htmlReply.serverId;
        m_inbox = f.folderId(QStringLiteral("demo"), QStringLiteral("Inbox"));
        m_client = f.client(QStringLiteral("demo"), QStringLiteral("PART1"));
        QVERIFY(m_client);
    }

    // MS-ASCON 3.2.5.7: neither -> Body; BodyPreference -> Body;
    // BodyPartPreference -> BodyPart; both -> both.
    void syncSendsWhatWasAsked_data() { askedRows(); }
    void syncSendsWhatWasAsked()
    {
        QFETCH(int, asked);
        QFETCH(bool, body);
        QFETCH(bool, part);
        const Element data = syncedItem(m_plainReply, Preferences{Asked(asked)});
        QCOMPARE(data.has(tag::AirSyncBase::Body), body);
        QCOMPARE(data.has(tag::AirSyncBase::BodyPart), part);
    }

    void fetchSendsWhatWasAsked_data() { askedRows(); }
    void fetchSendsWhatWasAsked()
    {
        QFETCH(int, asked);
        QFETCH(bool, body);
        QFETCH(bool, part);
        const EasResponse r = fetch(m_plainReply, Preferences{Asked(asked)});
        QCOMPARE(fetchStatus(r), QStringLiteral("1"));
        const Element *props = r.doc->find({tag::ItemOperations::Response, tag::ItemOperations::Fetch, tag::ItemOperations::Properties});
        QVERIFY(props);
        QCOMPARE(props->has(tag::AirSyncBase::Body), body);
        QCOMPARE(props->has(tag::AirSyncBase::BodyPart), part);
    }

    void searchSendsWhatWasAsked_data() { askedRows(); }
    void searchSendsWhatWasAsked()
    {
        QFETCH(int, asked);
        QFETCH(bool, body);
        QFETCH(bool, part);
        const EasResponse r = search(Preferences{Asked(asked)});
        const Element *store = r.doc ? r.doc->find({tag::Search::Response, tag::Search::Store}) : nullptr;
        QVERIFY(store);
        QCOMPARE(store->childText(tag::Search::Status), QStringLiteral("1"));
        const QList<const Element *> found = store->all(tag::Search::Result);
        QCOMPARE(found.size(), 1);
        const Element *props = found.first()->child(tag::Search::Properties);
        QCOMPARE(props->has(tag::AirSyncBase::Body), body);
        QCOMPARE(props->has(tag::AirSyncBase::BodyPart), part);
    }

    // The client writes the BodyPart reader from this order.
    void bodyPartChildrenInOrder()
    {
        Preferences p{Asked::PartOnly};
        p.partPreview = 200;
        const Element data = syncedItem(m_plainReply, p);
        const Element *part = data.child(tag::AirSyncBase::BodyPart);
        QVERIFY(part);
        QCOMPARE(childTags(*part), (QList<skein::wbxml::Tag>{tag::AirSyncBase::Status, tag::AirSyncBase::Type,
                                                              tag::AirSyncBase::EstimatedDataSize, tag::AirSyncBase::Data,
                                                              tag::AirSyncBase::Preview}));
        QCOMPARE(part->childText(tag::AirSyncBase::Status), QStringLiteral("1"));
        QCOMPARE(part->childText(tag::AirSyncBase::Type), QStringLiteral("2"));
        QCOMPARE(part->childText(tag::AirSyncBase::EstimatedDataSize).toInt(), part->child(tag::AirSyncBase::Data)->data().size());
        QVERIFY(part->childText(tag::AirSyncBase::Preview).startsWith(QLatin1String(kOwnLine)));
        QVERIFY(!part->childText(tag::AirSyncBase::Preview).contains(QLatin1String(kQuotedLine)));
    }

    // The part keeps the writer's own lines and drops the attribution and
    // the quoted parent; the Body still has all of it.
    void plainReplyPartWithoutQuotedParent()
    {
        const Element data = syncedItem(m_plainReply, Preferences{Asked::Both});
        const QString part = data.find({tag::AirSyncBase::BodyPart, tag::AirSyncBase::Data})->text();
        QVERIFY2(part.contains(QLatin1String(kOwnLine)), qPrintable(part));
        QVERIFY2(part.contains(QLatin1String("Ben")), qPrintable(part));
        QVERIFY2(!part.contains(QLatin1String("wrote:")), qPrintable(part));
        QVERIFY2(!part.contains(QLatin1String("harbour")), qPrintable(part));
        QVERIFY(part.contains(QLatin1String("<br>")));
        const QString body = data.find({tag::AirSyncBase::Body, tag::AirSyncBase::Data})->text();
        QVERIFY(body.contains(QLatin1String(kQuotedLine)));
    }

    void htmlReplyPartWithoutBlockquote()
    {
        const Element data = syncedItem(m_htmlReply, Preferences{Asked::PartOnly});
        const QString part = data.find({tag::AirSyncBase::BodyPart, tag::AirSyncBase::Data})->text();
        QVERIFY2(part.contains(QLatin1String("Count me in &amp; thanks!")), qPrintable(part));
        QVERIFY2(part.contains(QLatin1String("<p>Ben</p>")), qPrintable(part));
        QVERIFY2(!part.contains(QLatin1String("blockquote")), qPrintable(part));
        QVERIFY2(!part.contains(QLatin1String("Dinner at the harbour")), qPrintable(part));
    }

    // TruncationSize counts bytes of the HTML; EstimatedDataSize stays the
    // whole part's; AllOrNone leaves the data out instead of cutting it.
    void truncatedPart()
    {
        const int whole = syncedItem(m_plainReply, Preferences{Asked::PartOnly})
                              .find({tag::AirSyncBase::BodyPart, tag::AirSyncBase::EstimatedDataSize})->text().toInt();
        QVERIFY(whole > 20);
        Preferences p{Asked::PartOnly};
        p.partTruncation = 20;
        const Element cut = *syncedItem(m_plainReply, p).child(tag::AirSyncBase::BodyPart);
        QCOMPARE(cut.childText(tag::AirSyncBase::Truncated), QStringLiteral("1"));
        QCOMPARE(cut.childText(tag::AirSyncBase::EstimatedDataSize).toInt(), whole);
        QCOMPARE(cut.child(tag::AirSyncBase::Data)->data().size(), 20);
        QCOMPARE(childTags(cut), (QList<skein::wbxml::Tag>{tag::AirSyncBase::Status, tag::AirSyncBase::Type,
                                                            tag::AirSyncBase::EstimatedDataSize, tag::AirSyncBase::Truncated,
                                                            tag::AirSyncBase::Data}));

        p.partAllOrNone = true;
        const EasResponse r = fetch(m_plainReply, p);
        const Element *none = r.doc->find({tag::ItemOperations::Response, tag::ItemOperations::Fetch,
                                           tag::ItemOperations::Properties, tag::AirSyncBase::BodyPart});
        QVERIFY(none);
        QCOMPARE(none->childText(tag::AirSyncBase::Truncated), QStringLiteral("1"));
        QVERIFY(!none->has(tag::AirSyncBase::Data));

        p.partTruncation = whole; // exactly fits: not truncated
        p.partAllOrNone = false;
        const Element fits = *syncedItem(m_plainReply, p).child(tag::AirSyncBase::BodyPart);
        QVERIFY(!fits.has(tag::AirSyncBase::Truncated));
        QCOMPARE(fits.child(tag::AirSyncBase::Data)->data().size(), whole);
    }

    // BodyPartPreference Type 3 (or 1, 4): status 164 where each command
    // puts its body option errors: the Sync collection, the Fetch, the Store.
    void typeOtherThanHtmlIs164()
    {
        Preferences p{Asked::PartOnly};
        p.partType = 3;
        auto c = f.client(QStringLiteral("demo"), QStringLiteral("PART164"));
        const EasTestClient::SyncOptions o = syncOptions(p);
        const QString key = EasTestClient::collection(c->sync(QStringLiteral("0"), m_inbox))->childText(tag::AirSync::SyncKey);
        const EasResponse synced = c->sync(key, m_inbox, o);
        QCOMPARE(EasTestClient::collection(synced)->childText(tag::AirSync::Status), QStringLiteral("164"));
        QVERIFY(!EasTestClient::collection(synced)->has(tag::AirSync::Commands));
        // Nothing was applied: the key still works.
        QCOMPARE(EasTestClient::collection(c->sync(key, m_inbox))->childText(tag::AirSync::Status), QStringLiteral("1"));

        QCOMPARE(fetchStatus(fetch(m_plainReply, p)), QStringLiteral("164"));
        p.partType = 1;
        QCOMPARE(fetchStatus(fetch(m_plainReply, p)), QStringLiteral("164"));
        p.partType = 3;
        const EasResponse found = search(p);
        QCOMPARE(found.doc->find({tag::Search::Response, tag::Search::Store})->childText(tag::Search::Status), QStringLiteral("164"));
    }

    // 14.0 and 12.1 have no message part: the preference is ignored (as
    // Preview below 14.0), so no BodyPart and no 164 either.
    void ignoredBelow141()
    {
        for (const QByteArray &version : {QByteArray("14.0"), QByteArray("12.1")}) {
            auto c = f.client(QStringLiteral("demo"), QStringLiteral("OLD") + QString::fromLatin1(version).remove(QLatin1Char('.')), version);
            QVERIFY(c);
            Preferences p{Asked::PartOnly};
            p.partType = 3;
            const QString key = EasTestClient::collection(c->sync(QStringLiteral("0"), m_inbox))->childText(tag::AirSync::SyncKey);
            const EasResponse r = c->sync(key, m_inbox, syncOptions(p));
            QCOMPARE(EasTestClient::collection(r)->childText(tag::AirSync::Status), QStringLiteral("1"));
            const Element *data = item(r, m_plainReply);
            QVERIFY(data);
            QVERIFY(!data->has(tag::AirSyncBase::BodyPart));
            QVERIFY(data->has(tag::AirSyncBase::Body));
        }
    }

    // A ConversationMode member outside the FilterType window keeps its
    // data-less Body but gets the whole message part: that is what a
    // conversation view shows of older messages.
    void outOfWindowMemberGetsWholePart()
    {
        auto c = f.client(QStringLiteral("demo"), QStringLiteral("PARTCONV"));
        EasTestClient::SyncOptions o = syncOptions(Preferences{Asked::Both});
        o.filterType = 3;
        o.conversationMode = 1;
        const QString key = EasTestClient::collection(c->sync(QStringLiteral("0"), m_inbox, o))->childText(tag::AirSync::SyncKey);
        const EasResponse r = c->sync(key, m_inbox, o);
        int outOfWindow = 0;
        for (const Element *add : syncItems(r, tag::AirSync::Add)) {
            const Element *data = add->child(tag::AirSync::ApplicationData);
            if (data->find({tag::AirSyncBase::Body, tag::AirSyncBase::Data}))
                continue;
            ++outOfWindow;
            QCOMPARE(data->find({tag::AirSyncBase::Body, tag::AirSyncBase::Truncated})->text(), QStringLiteral("1"));
            const Element *part = data->child(tag::AirSyncBase::BodyPart);
            QVERIFY(part);
            QVERIFY(!part->has(tag::AirSyncBase::Truncated));
            QVERIFY(!part->child(tag::AirSyncBase::Data)->data().isEmpty());
            QVERIFY(!part->child(tag::AirSyncBase::Data)->text().contains(QLatin1String("wrote:")));
        }
        QVERIFY(outOfWindow > 0);
    }

private:
    static void askedRows()
    {
        QTest::addColumn<int>("asked");
        QTest::addColumn<bool>("body");
        QTest::addColumn<bool>("part");
        QTest::newRow("neither") << int(Asked::Neither) << true << false;
        QTest::newRow("BodyPreference only") << int(Asked::BodyOnly) << true << false;
        QTest::newRow("BodyPartPreference only") << int(Asked::PartOnly) << false << true;
        QTest::newRow("both") << int(Asked::Both) << true << true;
    }

    static const Element *item(const EasResponse &r, const QString &serverId)
    {
        for (const Element *add : syncItems(r, tag::AirSync::Add))
            if (add->childText(tag::AirSync::ServerId) == serverId)
                return add->child(tag::AirSync::ApplicationData);
        return nullptr;
    }

    // The item's ApplicationData from a fresh device's first full Sync.
    Element syncedItem(const QString &serverId, const Preferences &p)
    {
        auto c = f.client(QStringLiteral("demo"), QStringLiteral("PARTSYNC%1").arg(++m_devices));
        const EasTestClient::SyncOptions o = syncOptions(p);
        const QString key = EasTestClient::collection(c->sync(QStringLiteral("0"), m_inbox, o))->childText(tag::AirSync::SyncKey);
        const EasResponse r = c->sync(key, m_inbox, o);
        const Element *data = item(r, serverId);
        if (!data)
            qFatal("no Add for %s", qPrintable(serverId));
        return *data;
    }

    EasResponse fetch(const QString &serverId, const Preferences &p)
    {
        Element req(tag::ItemOperations::ItemOperations);
        auto &fetch = req.add(tag::ItemOperations::Fetch);
        fetch.add(tag::ItemOperations::Store, "Mailbox");
        fetch.add(tag::AirSync::CollectionId, m_inbox);
        fetch.add(tag::AirSync::ServerId, serverId);
        Element options(tag::ItemOperations::Options);
        addPreferences(options, p);
        if (!options.children().empty())
            fetch.children().push_back(options);
        return m_client->post(QStringLiteral("ItemOperations"), req);
    }

    static QString fetchStatus(const EasResponse &r)
    {
        const Element *fetch = r.doc ? r.doc->find({tag::ItemOperations::Response, tag::ItemOperations::Fetch}) : nullptr;
        return fetch ? fetch->childText(tag::ItemOperations::Status) : QString();
    }

    // Search for the plain reply by a word only it has.
    EasResponse search(const Preferences &p)
    {
        Element root(tag::Search::Search);
        auto &store = root.add(tag::Search::Store);
        store.add(tag::Search::Name, "Mailbox");
        auto &query = store.add(tag::Search::Query).add(tag::Search::And);
        query.add(tag::AirSync::Class, "Email");
        query.add(tag::Search::FreeText, "Zinfandel");
        auto &options = store.add(tag::Search::Options);
        options.add(tag::Search::Range, "0-9");
        addPreferences(options, p);
        return m_client->post(QStringLiteral("Search"), root);
    }

    MailServerFixture f;
    std::unique_ptr<EasTestClient> m_client;
    QString m_inbox;
    QString m_plainReply;
    QString m_htmlReply;
    int m_devices = 0;
};

QTEST_GUILESS_MAIN(TestServerMessagePart)
#include "tst_server_messagepart.moc"
