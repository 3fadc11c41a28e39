// Sync response robustness: bad items are skipped while the rest applies,
// every Sync status is reported, and an empty body means "no changes".
#include "EasTags.h"
#include "StatusText.h"
#include "SyncCommand.h"

#include <QTest>

using namespace skein;
using namespace skein::eas;
namespace tag = skein::wbxml::tag;
using wbxml::Element;

namespace {

Element &addCollection(Element &sync, const char *folderId, const char *key, int status = 1)
{
    Element *collections = nullptr;
    for (Element &c : sync.children())
        if (c.is(tag::AirSync::Collections))
            collections = &c;
    if (!collections)
        collections = &sync.add(tag::AirSync::Collections);
    Element &c = collections->add(tag::AirSync::Collection);
    if (key)
        c.add(tag::AirSync::SyncKey, key);
    if (folderId)
        c.add(tag::AirSync::CollectionId, folderId);
    c.add(tag::AirSync::Status, qint64(status));
    return c;
}

Element &addMail(Element &commands, wbxml::Tag command, const char *serverId, const char *subject,
                 const char *date = "2024-03-15T09:30:00.000Z")
{
    Element &add = commands.add(command);
    if (serverId)
        add.add(tag::AirSync::ServerId, serverId);
    Element &data = add.add(tag::AirSync::ApplicationData);
    data.add(tag::Email::Subject, subject);
    if (date)
        data.add(tag::Email::DateReceived, date);
    return data;
}

} // namespace

class TestSyncStatus : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void badItemsAreSkippedGoodOnesParse()
    {
        Element sync(tag::AirSync::Sync);
        Element &commands = addCollection(sync, "5", "k2").add(tag::AirSync::Commands);
        addMail(commands, tag::AirSync::Add, "5:1", "good one");
        addMail(commands, tag::AirSync::Add, nullptr, "no server id");
        addMail(commands, tag::AirSync::Add, "5:3", "bad date", "yesterday-ish");
        commands.add(tag::AirSync::Add).add(tag::AirSync::ServerId, "5:4"); // no ApplicationData
        addMail(commands, tag::AirSync::Add, "5:5", "good two");
        commands.add(tag::AirSync::Delete); // no ServerId
        commands.add(tag::AirSync::Delete).add(tag::AirSync::ServerId, "5:6");
        addMail(commands, tag::AirSync::Change, nullptr, "change without id");

        const SyncCommand::Result r = SyncCommand::parse(&sync);
        QVERIFY(r.error.isEmpty());
        const SyncCommand::CollectionResult &c = r.collections.at(0);
        QCOMPARE(c.batch.adds.size(), 2);
        QCOMPARE(c.batch.adds.at(0).subject, QStringLiteral("good one"));
        QCOMPARE(c.batch.adds.at(1).subject, QStringLiteral("good two"));
        QCOMPARE(c.batch.deletes, QStringList{QStringLiteral("5:6")});
        QCOMPARE(c.syncKey, QStringLiteral("k2")); // the key still advances
        QCOMPARE(c.skipped.size(), 5);
        QCOMPARE(c.skipped.at(0).serverId, QString());
        QCOMPARE(c.skipped.at(1).serverId, QStringLiteral("5:3"));
        QVERIFY(c.skipped.at(1).reason.contains(QStringLiteral("DateReceived")));
        QCOMPARE(c.skipped.at(2).serverId, QStringLiteral("5:4"));
        for (const SkippedItem &s : c.skipped)
            QVERIFY(!s.reason.isEmpty());
    }

    void unknownElementsAreIgnored()
    {
        Element sync(tag::AirSync::Sync);
        Element &commands = addCollection(sync, "5", "k2").add(tag::AirSync::Commands);
        Element &data = addMail(commands, tag::AirSync::Add, "5:1", "with 16.1 extras");
        Element &unknown = data.add(wbxml::Tag{22, 0x3F}, "whatever");
        unknown.setKnown(false);
        Element &unknownCommand = commands.add(wbxml::Tag{0, 0x3E});
        unknownCommand.setKnown(false);
        const SyncCommand::Result r = SyncCommand::parse(&sync);
        QCOMPARE(r.collections.at(0).batch.adds.size(), 1);
        QVERIFY(r.collections.at(0).skipped.isEmpty());
    }

    void serverChangesKeepOnlyWhatWasSent()
    {
        Element sync(tag::AirSync::Sync);
        Element &commands = addCollection(sync, "5", "k2").add(tag::AirSync::Commands);
        Element &readOnly = commands.add(tag::AirSync::Change);
        readOnly.add(tag::AirSync::ServerId, "5:1");
        readOnly.add(tag::AirSync::ApplicationData).add(tag::Email::Read, "1");
        Element &flagOnly = commands.add(tag::AirSync::Change);
        flagOnly.add(tag::AirSync::ServerId, "5:2");
        flagOnly.add(tag::AirSync::ApplicationData).add(tag::Email::Flag).add(tag::Email::FlagStatus, "2");
        addMail(commands, tag::AirSync::Change, "5:3", "full update");

        const SyncCommand::Result r = SyncCommand::parse(&sync);
        const QList<MessageChange> &changes = r.collections.at(0).batch.changes;
        QCOMPARE(changes.size(), 3);
        QCOMPARE(changes.at(0).read, std::optional<bool>(true));
        QVERIFY(!changes.at(0).flag && !changes.at(0).full);
        QVERIFY(!changes.at(1).read && !changes.at(1).full);
        QCOMPARE(changes.at(1).flag->status, FlagStatus::Active);
        QVERIFY(changes.at(2).full);
        QCOMPARE(changes.at(2).full->subject, QStringLiteral("full update"));
        QCOMPARE(changes.at(2).full->serverId, QStringLiteral("5:3"));
    }

    void softDeleteMoreAvailableAndFailures()
    {
        Element sync(tag::AirSync::Sync);
        Element &c = addCollection(sync, "5", "k3");
        c.add(tag::AirSync::Commands).add(tag::AirSync::SoftDelete).add(tag::AirSync::ServerId, "5:7");
        Element &responses = c.add(tag::AirSync::Responses);
        Element &ok = responses.add(tag::AirSync::Change);
        ok.add(tag::AirSync::ServerId, "5:1");
        ok.add(tag::AirSync::Status, "1");
        Element &gone = responses.add(tag::AirSync::Change);
        gone.add(tag::AirSync::ServerId, "5:2");
        gone.add(tag::AirSync::Status, "8");
        Element &bad = responses.add(tag::AirSync::Delete);
        bad.add(tag::AirSync::ServerId, "5:3");
        bad.add(tag::AirSync::Status, "6");
        Element &add = responses.add(tag::AirSync::Add);
        add.add(tag::AirSync::ClientId, "c1");
        add.add(tag::AirSync::Status, "9");
        c.add(tag::AirSync::MoreAvailable);

        const SyncCommand::Result r = SyncCommand::parse(&sync);
        const SyncCommand::CollectionResult &cr = r.collections.at(0);
        QVERIFY(cr.moreAvailable);
        QCOMPARE(cr.batch.softDeletes, QStringList{QStringLiteral("5:7")});
        QVERIFY(cr.batch.deletes.isEmpty()); // left the window, not deleted by anyone
        QCOMPARE(cr.failures.size(), 3);
        QCOMPARE(cr.failures.at(0).serverId, QStringLiteral("5:2"));
        QCOMPARE(cr.failures.at(0).status, 8);
        QCOMPARE(cr.failures.at(1).status, 6);
        QCOMPARE(cr.failures.at(2).serverId, QStringLiteral("c1"));
    }

    void collectionStatuses_data()
    {
        QTest::addColumn<int>("status");
        for (int s = 1; s <= 16; ++s)
            if (s != 10 && s != 11) // not defined for Sync
                QTest::addRow("%d", s) << s;
    }

    void collectionStatuses()
    {
        QFETCH(int, status);
        Element sync(tag::AirSync::Sync);
        Element &c = addCollection(sync, "5", status == 3 ? "0" : "k1", status);
        addMail(c.add(tag::AirSync::Commands), tag::AirSync::Add, "5:1", "x");
        const SyncCommand::Result r = SyncCommand::parse(&sync);
        QVERIFY(r.error.isEmpty());
        QCOMPARE(r.status, 1);
        QCOMPARE(r.collections.at(0).status, status);
        // Items are applied only when the collection succeeded.
        QCOMPARE(r.collections.at(0).batch.adds.size(), status == 1 ? 1 : 0);
        const QString text = statusText("Sync", status);
        QVERIFY2(!text.contains(QStringLiteral("no explanation for")), qPrintable(text));
    }

    void invalidSyncKeyText()
    {
        QCOMPARE(statusText("Sync", 3),
                 QStringLiteral("The server says the sync key is invalid; Skein is resynchronising "
                                "this folder without losing your changes."));
    }

    void topLevelStatuses_data()
    {
        QTest::addColumn<int>("status");
        for (int s : {4, 5, 12, 13, 16, 110, 111, 126, 142, 144, 177})
            QTest::addRow("%d", s) << s;
    }

    void topLevelStatuses()
    {
        QFETCH(int, status);
        Element sync(tag::AirSync::Sync);
        sync.add(tag::AirSync::Status, qint64(status));
        const SyncCommand::Result r = SyncCommand::parse(&sync);
        QCOMPARE(r.status, status);
        QVERIFY(r.collections.isEmpty());
        QVERIFY(r.error.isEmpty());
    }

    void emptyBodyMeansNoChanges()
    {
        // SOGo answers an unchanged folder with HTTP 200 and no body at all.
        const SyncCommand::Result r = SyncCommand::parse(nullptr);
        QCOMPARE(r.status, 1);
        QVERIFY(r.error.isEmpty());
        QVERIFY(r.collections.isEmpty());
    }

    void malformedCollections()
    {
        Element sync(tag::AirSync::Sync);
        addMail(addCollection(sync, nullptr, "k1").add(tag::AirSync::Commands), tag::AirSync::Add, "1", "x");
        addCollection(sync, "6", nullptr);           // Status 1 without SyncKey
        addCollection(sync, "7", "k7");
        const SyncCommand::Result r = SyncCommand::parse(&sync);
        QVERIFY(!r.error.isEmpty());
        QCOMPARE(r.collections.size(), 2);           // the one without id is dropped
        QCOMPARE(r.collections.at(1).syncKey, QStringLiteral("k7")); // still usable
        const Element wrongRoot(tag::FolderHierarchy::FolderSync);
        QVERIFY(!SyncCommand::parse(&wrongRoot).error.isEmpty());
    }

    void missingStatusMeansSuccess()
    {
        Element sync(tag::AirSync::Sync);
        Element &c = sync.add(tag::AirSync::Collections).add(tag::AirSync::Collection);
        c.add(tag::AirSync::SyncKey, "k1");
        c.add(tag::AirSync::CollectionId, "5");
        const SyncCommand::Result r = SyncCommand::parse(&sync);
        QCOMPARE(r.collections.at(0).status, 1);
        QVERIFY(r.error.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSyncStatus)
#include "tst_syncstatus.moc"
