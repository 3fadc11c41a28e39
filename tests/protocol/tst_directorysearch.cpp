// DirectorySearchCommand: the GAL Search request, parsing people out of the
// answer, and SyncRunner::searchDirectory's plain errors when the server has
// no address book.
#include "DirectorySearchCommand.h"
#include "EasTags.h"
#include "FakeTransport.h"
#include "StatusText.h"
#include "SyncRunner.h"

#include <QTemporaryDir>
#include <QTest>

using namespace skein;
using namespace skein::eas;
namespace tag = skein::wbxml::tag;
using wbxml::Element;

namespace {

struct Entry {
    QString displayName;
    QString email;
};

Element galResponse(int status, int storeStatus, const QList<Entry> &people)
{
    Element root(tag::Search::Search);
    root.add(tag::Search::Status, qint64(status));
    Element &store = root.add(tag::Search::Response).add(tag::Search::Store);
    store.add(tag::Search::Status, qint64(storeStatus));
    for (const Entry &e : people) {
        Element &p = store.add(tag::Search::Result).add(tag::Search::Properties);
        if (!e.displayName.isEmpty())
            p.add(tag::Gal::DisplayName, e.displayName);
        p.add(tag::Gal::Phone, "+49 30 1234");
        if (!e.email.isEmpty())
            p.add(tag::Gal::EmailAddress, e.email);
    }
    if (people.isEmpty())
        store.add(tag::Search::Result);
    store.add(tag::Search::Total, qint64(people.size()));
    return root;
}

} // namespace

class TestDirectorySearch : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void requestAsksTheGalStoreWithARange()
    {
        const Element root = DirectorySearchCommand(QStringLiteral("lena"), 20).request();
        const Element *store = root.child(tag::Search::Store);
        QVERIFY(store);
        QCOMPARE(store->childText(tag::Search::Name), QStringLiteral("GAL"));
        QCOMPARE(store->childText(tag::Search::Query), QStringLiteral("lena"));
        QCOMPARE(store->find({tag::Search::Options, tag::Search::Range})->text(), QStringLiteral("0-19"));
        // The GAL page survives libwbxml's round trip.
        const auto decoded = wbxml::decode(wbxml::encode(galResponse(1, 1, {{QStringLiteral("Lena Fischer"), QStringLiteral("lena@example.com")}})).bytes);
        QVERIFY(decoded.root);
        QCOMPARE(decoded.root->find({tag::Search::Response, tag::Search::Store, tag::Search::Result, tag::Search::Properties})
                     ->childText(tag::Gal::EmailAddress),
                 QStringLiteral("lena@example.com"));
    }

    void parsesPeopleAndSkipsEntriesWithoutAddress()
    {
        const Element root = galResponse(1, 1, {{QStringLiteral("Lena Fischer"), QStringLiteral("lena@example.com")},
                                                {QStringLiteral("Meeting Room 2"), QString()},
                                                {QString(), QStringLiteral("noname@example.com")},
                                                {QStringLiteral("Müller, Jan"), QStringLiteral("jan@example.com")}});
        const DirectorySearchCommand::Result r = DirectorySearchCommand::parse(&root);
        QCOMPARE(r.status, 1);
        QCOMPARE(r.storeStatus, 1);
        QCOMPARE(r.people.size(), 3);
        QCOMPARE(r.people.at(0).address(), QStringLiteral("Lena Fischer <lena@example.com>"));
        QCOMPARE(r.people.at(1).address(), QStringLiteral("noname@example.com"));
        // A comma in the name would split the address list: it is quoted.
        QCOMPARE(r.people.at(2).address(), QStringLiteral("\"Müller, Jan\" <jan@example.com>"));
    }

    void emptyAndBrokenAnswers()
    {
        const Element none = galResponse(1, 1, {});
        QVERIFY(DirectorySearchCommand::parse(&none).people.isEmpty());
        const Element refused = galResponse(1, 2, {});
        QCOMPARE(DirectorySearchCommand::parse(&refused).storeStatus, 2);
        QVERIFY(!DirectorySearchCommand::parse(nullptr).error.isEmpty());
        const Element wrongRoot(tag::AirSync::Sync);
        QVERIFY(!DirectorySearchCommand::parse(&wrongRoot).error.isEmpty());
    }

    void runnerExplainsWhatWentWrong_data()
    {
        QTest::addColumn<int>("http");
        QTest::addColumn<int>("storeStatus");
        QTest::addColumn<int>("found");
        QTest::addColumn<QString>("error");
        QTest::newRow("answers") << 200 << 1 << 1 << QString();
        QTest::newRow("no address book (501)") << 501 << 1 << 0 << QStringLiteral("The server has no address book to search.");
        QTest::newRow("no address book (500)") << 500 << 1 << 0 << QStringLiteral("The server has no address book to search.");
        QTest::newRow("bad request") << 200 << 2 << 0 << statusText("Search", 2);
    }

    void runnerExplainsWhatWentWrong()
    {
        QFETCH(int, http);
        QFETCH(int, storeStatus);
        QFETCH(int, found);
        QFETCH(QString, error);
        QTemporaryDir dir;
        Store store;
        QVERIFY(store.open(dir.filePath(QStringLiteral("s.db"))));
        FakeTransport fake;
        fake.handler = [&](const HttpRequest &) {
            return http == 200 ? FakeTransport::wbxml(galResponse(1, storeStatus, {{QStringLiteral("Lena Fischer"), QStringLiteral("lena@example.com")}}))
                               : FakeTransport::status(http);
        };
        AccountSettings account;
        account.url = QStringLiteral("http://127.0.0.1:9");
        account.user = QStringLiteral("demo");
        account.deviceId = QStringLiteral("DEV1");
        account.protocolVersion = QStringLiteral("14.1");
        EasSession session(fake, account, QStringLiteral("demo"));
        session.setSleeper([](int) {});
        SyncRunner runner(session, store);
        QString actual;
        const QStringList addresses = runner.searchDirectory(QStringLiteral("len"), &actual);
        QCOMPARE(fake.command(0), QByteArray("Search"));
        QCOMPARE(addresses.size(), found);
        QCOMPARE(actual, error);
    }
};

QTEST_GUILESS_MAIN(TestDirectorySearch)
#include "tst_directorysearch.moc"
