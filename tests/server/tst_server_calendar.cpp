// The demo mailbox's Calendar folder: calendar items that belong to no
// conversation ([MS-ASCON]: no email2:ConversationId then), served by Sync
// and ItemOperations at every version; ConversationMode on the folder is a
// protocol error (Sync and GetItemEstimate top-level 4); they are not mail
// to Search or to the dump's message list.
#include "ServerTestSupport.h"

using namespace skein::test;

namespace {

const Element *addNamed(const EasResponse &r, const QString &subject)
{
    for (const Element *add : syncItems(r, tag::AirSync::Add))
        if (add->find({tag::AirSync::ApplicationData, tag::Calendar::Subject})
            && add->find({tag::AirSync::ApplicationData, tag::Calendar::Subject})->text() == subject)
            return add;
    return nullptr;
}

} // namespace

class TestServerCalendar : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(f.setUp());
        m_calendar = f.folderId(QStringLiteral("demo"), QStringLiteral("Calendar"));
        QVERIFY(!m_calendar.isEmpty());
    }

    void folderSyncCallsItCalendar()
    {
        auto c = f.client(QStringLiteral("demo"), QStringLiteral("CALFS"));
        const EasResponse r = c->folderSync(QStringLiteral("0"));
        bool found = false;
        for (const Element *add : r.doc->find({tag::FolderHierarchy::Changes})->all(tag::FolderHierarchy::Add))
            if (add->childText(tag::FolderHierarchy::ServerId) == m_calendar) {
                found = true;
                QCOMPARE(add->childText(tag::FolderHierarchy::Type), QStringLiteral("8"));
                QCOMPARE(add->childText(tag::FolderHierarchy::DisplayName), QStringLiteral("Calendar"));
            }
        QVERIFY(found);
    }

    // Calendar properties, nothing of email, no conversation.
    void syncServesItemsWithoutConversation_data()
    {
        QTest::addColumn<QByteArray>("version");
        QTest::newRow("12.1") << QByteArray("12.1");
        QTest::newRow("14.1") << QByteArray("14.1");
        QTest::newRow("16.1") << QByteArray("16.1");
    }
    void syncServesItemsWithoutConversation()
    {
        QFETCH(QByteArray, version);
        auto c = f.client(QStringLiteral("demo"), QStringLiteral("CALSYNC") + QString::fromLatin1(version).remove(QLatin1Char('.')), version);
        QVERIFY(c);
        const QString key = EasTestClient::collection(c->sync(QStringLiteral("0"), m_calendar))->childText(tag::AirSync::SyncKey);
        const EasResponse r = c->sync(key, m_calendar);
        QCOMPARE(EasTestClient::collection(r)->childText(tag::AirSync::Status), QStringLiteral("1"));
        const QList<const Element *> adds = syncItems(r, tag::AirSync::Add);
        QCOMPARE(adds.size(), 3);
        for (const Element *add : adds) {
            // 12.1 names the class in each Add; later versions leave it to the folder.
            QCOMPARE(add->childText(tag::AirSync::Class), version == "12.1" ? QStringLiteral("Calendar") : QString());
            const Element *data = add->child(tag::AirSync::ApplicationData);
            for (const auto t : {tag::Calendar::TimeZone, tag::Calendar::DtStamp, tag::Calendar::StartTime,
                                 tag::Calendar::Subject, tag::Calendar::UID, tag::Calendar::EndTime})
                QVERIFY(data->has(t));
            for (const auto t : {tag::Email2::ConversationId, tag::Email2::ConversationIndex, tag::Email::Subject,
                                 tag::Email::From, tag::AirSyncBase::Body})
                QVERIFY(!data->has(t));
        }
        const Element *review = addNamed(r, QStringLiteral("Skein Mobile launch review"));
        QVERIFY(review);
        const Element *data = review->child(tag::AirSync::ApplicationData);
        QCOMPARE(data->childText(tag::Calendar::StartTime), QStringLiteral("20260616T100000Z")); // kNow + 1 day
        QCOMPARE(data->childText(tag::Calendar::EndTime), QStringLiteral("20260616T110000Z"));
        QVERIFY(data->childText(tag::Calendar::OrganizerEmail).contains(QLatin1Char('@')));
        if (version == "16.1") {
            QVERIFY(!data->has(tag::Calendar::Location));
            QCOMPARE(data->find({tag::AirSyncBase::Location, tag::AirSyncBase::DisplayName})->text(), QStringLiteral("Room Lisbon"));
        } else {
            QCOMPARE(data->childText(tag::Calendar::Location), QStringLiteral("Room Lisbon"));
        }
    }

    // "On a folder that does not hold email": the whole request is refused.
    void conversationModeIsTopLevelStatus4()
    {
        auto c = f.client(QStringLiteral("demo"), QStringLiteral("CALCONV"));
        const QString key = EasTestClient::collection(c->sync(QStringLiteral("0"), m_calendar))->childText(tag::AirSync::SyncKey);
        EasTestClient::SyncOptions o;
        o.conversationMode = 1;
        const EasResponse synced = c->sync(key, m_calendar, o);
        QCOMPARE(synced.top(tag::AirSync::Status), QStringLiteral("4"));
        QVERIFY(!synced.doc->has(tag::AirSync::Collections));

        const EasResponse estimated = c->post(QStringLiteral("GetItemEstimate"), estimateRequest(key, true));
        QCOMPARE(estimated.top(tag::GetItemEstimate::Status), QStringLiteral("4"));
        // Without ConversationMode the items are counted like mail.
        const EasResponse counted = c->post(QStringLiteral("GetItemEstimate"), estimateRequest(key, false));
        QCOMPARE(counted.doc->find({tag::GetItemEstimate::Response, tag::GetItemEstimate::Collection,
                                    tag::GetItemEstimate::Estimate})->text(), QStringLiteral("3"));
    }

    void fetchNamesClassCalendar()
    {
        const QString serverId = calendarItem(QStringLiteral("Team lunch"));
        QVERIFY(!serverId.isEmpty());
        auto c = f.client(QStringLiteral("demo"), QStringLiteral("CALFETCH"));
        Element req(tag::ItemOperations::ItemOperations);
        auto &fetch = req.add(tag::ItemOperations::Fetch);
        fetch.add(tag::ItemOperations::Store, "Mailbox");
        fetch.add(tag::AirSync::CollectionId, m_calendar);
        fetch.add(tag::AirSync::ServerId, serverId);
        const EasResponse r = c->post(QStringLiteral("ItemOperations"), req);
        const Element *out = r.doc->find({tag::ItemOperations::Response, tag::ItemOperations::Fetch});
        QCOMPARE(out->childText(tag::ItemOperations::Status), QStringLiteral("1"));
        QCOMPARE(out->childText(tag::AirSync::Class), QStringLiteral("Calendar"));
        const Element *props = out->child(tag::ItemOperations::Properties);
        QCOMPARE(props->childText(tag::Calendar::Subject), QStringLiteral("Team lunch"));
        QCOMPARE(props->childText(tag::Calendar::Location), QString::fromUtf8("Harbour Café"));
        QVERIFY(!props->has(tag::Email2::ConversationId));
    }

    // Readers of the dump's messages and Search results count mail.
    void notMail()
    {
        QCOMPARE(f.user(QStringLiteral("demo")).value(QStringLiteral("calendarItems")).toArray().size(), 3);
        QVERIFY(f.messages(QStringLiteral("demo"), [](const QJsonObject &m) {
                     return text(m, "folder") == QLatin1String("Calendar");
                 }).isEmpty());
        auto c = f.client(QStringLiteral("demo"), QStringLiteral("CALSEARCH"));
        Element root(tag::Search::Search);
        auto &store = root.add(tag::Search::Store);
        store.add(tag::Search::Name, "Mailbox");
        auto &query = store.add(tag::Search::Query).add(tag::Search::And);
        query.add(tag::AirSync::CollectionId, m_calendar);
        query.add(tag::Search::FreeText, "lunch");
        const EasResponse r = c->post(QStringLiteral("Search"), root);
        const Element *found = r.doc->find({tag::Search::Response, tag::Search::Store});
        QCOMPARE(found->childText(tag::Search::Status), QStringLiteral("1"));
        QCOMPARE(found->childText(tag::Search::Total), QStringLiteral("0"));
    }

private:
    Element estimateRequest(const QString &key, bool conversationMode) const
    {
        Element req(tag::GetItemEstimate::GetItemEstimate);
        auto &c = req.add(tag::GetItemEstimate::Collections).add(tag::GetItemEstimate::Collection);
        c.add(tag::AirSync::SyncKey, key);
        c.add(tag::GetItemEstimate::CollectionId, m_calendar);
        if (conversationMode)
            c.add(tag::AirSync::ConversationMode, "1");
        return req;
    }

    QString calendarItem(const QString &subject) const
    {
        for (const QJsonValue &v : f.user(QStringLiteral("demo")).value(QStringLiteral("calendarItems")).toArray())
            if (v.toObject().value(QStringLiteral("subject")).toString() == subject)
                return v.toObject().value(QStringLiteral("serverId")).toString();
        return {};
    }

    MailServerFixture f;
    QString m_calendar;
};

QTEST_GUILESS_MAIN(TestServerCalendar)
#include "tst_server_calendar.moc"
