// SyncRunner against a scripted server: the sync algorithm (priming, paging,
// resync on an invalid key, hierarchy refresh, bad items, empty answers) and
// what ends up in the store.
#include "DatabaseTestAccess.h"
#include "EasTags.h"
#include "FakeTransport.h"
#include "SyncRunner.h"

#include <QSemaphore>
#include <QTemporaryDir>
#include <QThread>
#include <QTest>

#include <sqlite3.h>

using namespace skein;
using namespace skein::eas;
namespace tag = skein::wbxml::tag;

namespace {

wbxml::Element folderSync(int status = 1)
{
    wbxml::Element root(tag::FolderHierarchy::FolderSync);
    root.add(tag::FolderHierarchy::Status, qint64(status));
    if (status != 1)
        return root;
    root.add(tag::FolderHierarchy::SyncKey, "h1");
    wbxml::Element &changes = root.add(tag::FolderHierarchy::Changes);
    changes.add(tag::FolderHierarchy::Count, "4");
    auto add = [&](const char *id, const char *name, int type) {
        wbxml::Element &a = changes.add(tag::FolderHierarchy::Add);
        a.add(tag::FolderHierarchy::ServerId, id);
        a.add(tag::FolderHierarchy::ParentId, "0");
        a.add(tag::FolderHierarchy::DisplayName, name);
        a.add(tag::FolderHierarchy::Type, qint64(type));
    };
    add("1", "Inbox", 2);
    add("2", "Drafts", 3);
    add("3", "Calendar", 8);
    add("4", "Sent Items", 5);
    return root;
}

struct Item {
    QString serverId;
    QString subject;
    bool read = false;
    QByteArray conversationId = QByteArray::fromHex("00112233445566778899aabbccddeeff");
    QByteArray conversationIndex = QByteArray::fromHex("01da76bb59");
};

wbxml::Element syncResponse(const QString &folder, const QString &key, int status, const QList<Item> &adds = {},
                            bool more = false, const QStringList &deletes = {})
{
    wbxml::Element root(tag::AirSync::Sync);
    wbxml::Element &c = root.add(tag::AirSync::Collections).add(tag::AirSync::Collection);
    c.add(tag::AirSync::SyncKey, key);
    c.add(tag::AirSync::CollectionId, folder);
    c.add(tag::AirSync::Status, qint64(status));
    if (!adds.isEmpty() || !deletes.isEmpty()) {
        wbxml::Element &commands = c.add(tag::AirSync::Commands);
        for (const Item &item : adds) {
            wbxml::Element &add = commands.add(tag::AirSync::Add);
            if (!item.serverId.isEmpty())
                add.add(tag::AirSync::ServerId, item.serverId);
            wbxml::Element &data = add.add(tag::AirSync::ApplicationData);
            data.add(tag::Email::Subject, item.subject);
            data.add(tag::Email::From, "\"Ann\" <ann@example.com>");
            data.add(tag::Email::DateReceived, "2026-11-20T10:00:00.000Z");
            data.add(tag::Email::Read, item.read ? "1" : "0");
            data.addOpaque(tag::Email2::ConversationId, item.conversationId);
            data.addOpaque(tag::Email2::ConversationIndex, item.conversationIndex);
        }
        for (const QString &id : deletes)
            commands.add(tag::AirSync::Delete).add(tag::AirSync::ServerId, id);
    }
    if (more)
        c.add(tag::AirSync::MoreAvailable);
    return root;
}

// A page of a download: messages named "<page>:<n>", n of them.
QList<Item> pageItems(int page, int n)
{
    QList<Item> items;
    for (int i = 1; i <= n; ++i)
        items.append({QStringLiteral("%1:%2").arg(page).arg(i), QStringLiteral("page %1 #%2").arg(page).arg(i)});
    return items;
}

QString requestedKey(const FakeTransport &fake, int i)
{
    const wbxml::Element body = fake.body(i);
    const wbxml::Element *c = body.find({tag::AirSync::Collections, tag::AirSync::Collection});
    return c ? c->childText(tag::AirSync::SyncKey) : QString();
}

// The Store calls this SQL function from a trigger on folders.sync_key, i.e.
// inside applySyncBatch's transaction, before it commits: it waits (a
// while) for the next page's request and records whether it came.
QSemaphore *g_nextRequestLeft = nullptr;
QList<bool> *g_leftBeforeCommit = nullptr;

void waitForNextRequest(sqlite3_context *context, int, sqlite3_value **)
{
    g_leftBeforeCommit->append(g_nextRequestLeft->tryAcquire(1, 3000));
    sqlite3_result_null(context);
}

} // namespace

class TestSyncRunner : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<Store> m_store;
    FakeTransport m_fake;
    std::unique_ptr<EasSession> m_session;

    SyncRunner runner(SyncOptions options = {}) { return SyncRunner(*m_session, *m_store, options); }

    void connectAccount(const QString &version = QStringLiteral("16.1"))
    {
        AccountSettings account;
        account.url = QStringLiteral("http://127.0.0.1:9");
        account.user = QStringLiteral("demo");
        account.deviceId = QStringLiteral("DEV1");
        account.protocolVersion = version;
        QVERIFY(m_store->accountStore().saveAccount(account));
        m_session = std::make_unique<EasSession>(m_fake, account, QStringLiteral("demo"));
        m_session->setSleeper([](int) {});
    }

    int requestsFor(const QByteArray &command) const
    {
        int n = 0;
        for (int i = 0; i < m_fake.requests.size(); ++i)
            n += m_fake.command(i) == command;
        return n;
    }

    // Inbox, never synced: its first Sync primes and downloads.
    void inboxAtKeyZero()
    {
        m_store->folderStore().applyFolderSync(QStringLiteral("h"), {{QStringLiteral("1"), QStringLiteral("0"), QStringLiteral("Inbox"), FolderType::Inbox}}, {});
    }

private Q_SLOTS:
    void init()
    {
        m_store = std::make_unique<Store>();
        QVERIFY(m_store->open(m_dir.filePath(QStringLiteral("t%1.db").arg(QTest::currentTestFunction()))));
        m_fake = FakeTransport();
        connectAccount();
    }

    void syncsMailFoldersWithPaging()
    {
        connectAccount(QStringLiteral("14.1")); // no Drafts below 16.0
        m_fake.queue = {
            FakeTransport::wbxml(folderSync()),
            FakeTransport::wbxml(syncResponse(QStringLiteral("1"), QStringLiteral("k1"), 1)),
            FakeTransport::wbxml(syncResponse(QStringLiteral("1"), QStringLiteral("k2"), 1,
                                              {{QStringLiteral("1:1"), QStringLiteral("first")}}, true)),
            FakeTransport::wbxml(syncResponse(QStringLiteral("1"), QStringLiteral("k3"), 1,
                                              {{QStringLiteral("1:2"), QStringLiteral("second")}})),
            FakeTransport::wbxml(syncResponse(QStringLiteral("4"), QStringLiteral("s1"), 1)),
            FakeTransport::status(200), // Sent Items: nothing to report
        };
        const SyncReport report = runner().syncAll();
        QVERIFY2(report.ok(), qPrintable(report.message));
        QCOMPARE(report.folders.size(), 2); // Inbox and Sent Items: no Drafts at 14.1, no Calendar
        QCOMPARE(m_store->messageStore().messageCount(QStringLiteral("1")), 2);
        QCOMPARE(m_store->folderStore().syncKey(QStringLiteral("1")), QStringLiteral("k3"));
        QCOMPARE(m_store->folderStore().syncKey(QStringLiteral("4")), QStringLiteral("s1"));

        // The paged request names the key and asks for conversations.
        const wbxml::Element paged = m_fake.body(2);
        const wbxml::Element *collection = paged.find({tag::AirSync::Collections, tag::AirSync::Collection});
        QVERIFY(collection);
        QCOMPARE(collection->childText(tag::AirSync::SyncKey), QStringLiteral("k1"));
        QVERIFY(collection->has(tag::AirSync::ConversationMode));
        QCOMPARE(m_fake.body(3).find({tag::AirSync::Collections, tag::AirSync::Collection})->childText(tag::AirSync::SyncKey),
                 QStringLiteral("k2"));
        const std::optional<Message> stored = m_store->messageStore().message(QStringLiteral("1"), QStringLiteral("1:2"));
        QVERIFY(stored);
        QCOMPARE(stored->conversationId, QByteArray::fromHex("00112233445566778899aabbccddeeff"));
    }

    void draftsAreSyncedOnlyFrom16()
    {
        connectAccount(QStringLiteral("14.1"));
        Folder drafts{QStringLiteral("2"), QStringLiteral("0"), QStringLiteral("Drafts"), FolderType::Drafts};
        QVERIFY(!SyncRunner::shouldSync(drafts, QStringLiteral("14.1")));
        QVERIFY(SyncRunner::shouldSync(drafts, QStringLiteral("16.1")));
        Folder calendar{QStringLiteral("3"), QStringLiteral("0"), QStringLiteral("Calendar"), FolderType::Calendar};
        QVERIFY(!SyncRunner::shouldSync(calendar, QStringLiteral("16.1")));
    }

    void conversationModeOnlyFrom14()
    {
        connectAccount(QStringLiteral("12.1"));
        m_store->folderStore().applyFolderSync(QStringLiteral("h"), {{QStringLiteral("1"), QStringLiteral("0"), QStringLiteral("Inbox"), FolderType::Inbox}}, {});
        m_store->folderStore().setSyncKey(QStringLiteral("1"), QStringLiteral("k1"));
        m_fake.queue = {FakeTransport::status(200)};
        runner().syncFolder(*m_store->folderStore().folder(QStringLiteral("1")));
        const wbxml::Element *collection = m_fake.body(0).find({tag::AirSync::Collections, tag::AirSync::Collection});
        QVERIFY(collection);
        QVERIFY(!collection->has(tag::AirSync::ConversationMode));
    }

    void badItemIsSkippedAndTheRestStored()
    {
        m_store->folderStore().applyFolderSync(QStringLiteral("h"), {{QStringLiteral("1"), QStringLiteral("0"), QStringLiteral("Inbox"), FolderType::Inbox}}, {});
        m_store->folderStore().setSyncKey(QStringLiteral("1"), QStringLiteral("k1"));
        m_fake.queue = {FakeTransport::wbxml(syncResponse(QStringLiteral("1"), QStringLiteral("k2"), 1,
            {{QStringLiteral("1:1"), QStringLiteral("good")}, {QString(), QStringLiteral("no id")},
             {QStringLiteral("1:3"), QStringLiteral("also good")}}))};
        const FolderReport report = runner().syncFolder(*m_store->folderStore().folder(QStringLiteral("1")));
        QVERIFY2(report.error.isEmpty(), qPrintable(report.error));
        QCOMPARE(report.added, 2);
        QCOMPARE(report.skipped.size(), 1);
        QVERIFY(!report.skipped.first().reason.isEmpty());
        QCOMPARE(m_store->messageStore().messageCount(QStringLiteral("1")), 2);
        QCOMPARE(m_store->folderStore().syncKey(QStringLiteral("1")), QStringLiteral("k2"));
    }

    void invalidSyncKeyResyncsWithoutLosingLocalState()
    {
        m_store->folderStore().applyFolderSync(QStringLiteral("h"), {{QStringLiteral("1"), QStringLiteral("0"), QStringLiteral("Inbox"), FolderType::Inbox}}, {});
        SyncBatch initial;
        initial.folderId = QStringLiteral("1");
        initial.newSyncKey = QStringLiteral("k5");
        for (const char *id : {"1:1", "1:2", "1:gone"}) {
            Message m;
            m.serverId = QString::fromLatin1(id);
            m.folderId = QStringLiteral("1");
            m.subject = QStringLiteral("s");
            m.read = true; // read locally, e.g. while offline
            initial.adds.append(m);
        }
        QVERIFY(m_store->syncApplier().applySyncBatch(initial));
        // 1:1 was read locally (e.g. while offline): the change waits in the journal.
        ActionItem read;
        read.messageId = m_store->messageStore().message(QStringLiteral("1"), QStringLiteral("1:1"))->id;
        read.serverId = QStringLiteral("1:1");
        read.folderId = QStringLiteral("1");
        read.newRead = true;
        ActionEntry waiting;
        waiting.kind = ActionKind::MarkRead;
        waiting.folderId = QStringLiteral("1");
        waiting.items = {read};
        QVERIFY(m_store->journalStore().insertAction(waiting));

        m_fake.queue = {
            FakeTransport::wbxml(syncResponse(QStringLiteral("1"), QString(), 3)),
            FakeTransport::wbxml(syncResponse(QStringLiteral("1"), QStringLiteral("n1"), 1)),
            FakeTransport::wbxml(syncResponse(QStringLiteral("1"), QStringLiteral("n2"), 1,
                {{QStringLiteral("1:1"), QStringLiteral("s"), false}, {QStringLiteral("1:2"), QStringLiteral("s"), false}})),
        };
        const FolderReport report = runner().syncFolder(*m_store->folderStore().folder(QStringLiteral("1")));
        QVERIFY2(report.error.isEmpty(), qPrintable(report.error));
        QVERIFY(report.resynced);
        QCOMPARE(m_fake.body(1).find({tag::AirSync::Collections, tag::AirSync::Collection})->childText(tag::AirSync::SyncKey),
                 QStringLiteral("0"));
        QVERIFY(m_store->messageStore().message(QStringLiteral("1"), QStringLiteral("1:1"))->read); // the waiting read survived
        QVERIFY(!m_store->messageStore().message(QStringLiteral("1"), QStringLiteral("1:2"))->read); // nothing waited: the server's
        QVERIFY(!m_store->messageStore().message(QStringLiteral("1"), QStringLiteral("1:gone")));   // the server no longer has it
        QVERIFY(!m_store->folderStore().isResyncing(QStringLiteral("1")));
        QCOMPARE(m_store->folderStore().syncKey(QStringLiteral("1")), QStringLiteral("n2"));
    }

    void emptyBodyMeansNoChanges()
    {
        m_store->folderStore().applyFolderSync(QStringLiteral("h"), {{QStringLiteral("1"), QStringLiteral("0"), QStringLiteral("Inbox"), FolderType::Inbox}}, {});
        m_store->folderStore().setSyncKey(QStringLiteral("1"), QStringLiteral("k1"));
        m_fake.queue = {FakeTransport::status(200)};
        const FolderReport report = runner().syncFolder(*m_store->folderStore().folder(QStringLiteral("1")));
        QVERIFY(report.error.isEmpty());
        QCOMPARE(m_store->folderStore().syncKey(QStringLiteral("1")), QStringLiteral("k1"));
    }

    void emptyFirstSyncIsReportedNotFatal()
    {
        m_store->folderStore().applyFolderSync(QStringLiteral("h"), {{QStringLiteral("1"), QStringLiteral("0"), QStringLiteral("Inbox"), FolderType::Inbox}}, {});
        m_fake.queue = {FakeTransport::status(200)};
        const FolderReport report = runner().syncFolder(*m_store->folderStore().folder(QStringLiteral("1")));
        QVERIFY(!report.error.isEmpty());
        QCOMPARE(m_store->folderStore().syncKey(QStringLiteral("1")), QStringLiteral("0"));
    }

    void hierarchyChangeRunsFolderSyncThenRetries()
    {
        m_store->folderStore().applyFolderSync(QStringLiteral("h0"), {{QStringLiteral("1"), QStringLiteral("0"), QStringLiteral("Inbox"), FolderType::Inbox}}, {});
        m_store->folderStore().setSyncKey(QStringLiteral("1"), QStringLiteral("k1"));
        m_fake.queue = {
            FakeTransport::wbxml(syncResponse(QStringLiteral("1"), QString(), 12)),
            FakeTransport::wbxml(folderSync()),
            FakeTransport::wbxml(syncResponse(QStringLiteral("1"), QStringLiteral("k2"), 1)),
        };
        const FolderReport report = runner().syncFolder(*m_store->folderStore().folder(QStringLiteral("1")));
        QVERIFY2(report.error.isEmpty(), qPrintable(report.error));
        QCOMPARE(requestsFor("FolderSync"), 1);
        QCOMPARE(m_store->folderStore().syncKey(QStringLiteral("1")), QStringLiteral("k2"));
    }

    void failingFolderDoesNotStopTheOthers()
    {
        connectAccount(QStringLiteral("14.1"));
        m_fake.queue = {
            FakeTransport::wbxml(folderSync()),
            FakeTransport::wbxml(syncResponse(QStringLiteral("1"), QString(), 5)), // Inbox: server error
            FakeTransport::wbxml(syncResponse(QStringLiteral("4"), QStringLiteral("s1"), 1)),
            FakeTransport::wbxml(syncResponse(QStringLiteral("4"), QStringLiteral("s2"), 1, {{QStringLiteral("4:1"), QStringLiteral("mine")}})),
        };
        const SyncReport report = runner().syncAll();
        QVERIFY(report.ok());
        QCOMPARE(report.folders.size(), 2);
        QVERIFY(!report.folders.at(0).error.isEmpty());
        QVERIFY(report.folders.at(1).error.isEmpty());
        QCOMPARE(m_store->messageStore().messageCount(QStringLiteral("4")), 1);
    }

    // SOGo ServerIds are per-folder IMAP UIDs: Inbox and Sent Items both
    // have a "5". A body fetch names the row's own folder and fills that row only.
    void fetchBodyOfARepeatedServerIdUsesItsFolder()
    {
        QVERIFY(m_store->folderStore().applyFolderSync(QStringLiteral("h1"),
                                         {{QStringLiteral("1"), QStringLiteral("0"), QStringLiteral("Inbox"), FolderType::Inbox},
                                          {QStringLiteral("4"), QStringLiteral("0"), QStringLiteral("Sent Items"), FolderType::SentItems}},
                                         {}));
        for (const QString &folder : {QStringLiteral("1"), QStringLiteral("4")}) {
            SyncBatch batch;
            batch.folderId = folder;
            batch.newSyncKey = QStringLiteral("k");
            Message five;
            five.serverId = QStringLiteral("5");
            five.subject = QStringLiteral("five in ") + folder;
            five.bodyType = BodyType::PlainText;
            five.body = "preview";
            five.bodyTruncated = true;
            batch.adds = {five};
            QVERIFY(m_store->syncApplier().applySyncBatch(batch));
        }
        const qint64 inboxFive = m_store->messageStore().message(QStringLiteral("1"), QStringLiteral("5"))->id;
        const qint64 sentFive = m_store->messageStore().message(QStringLiteral("4"), QStringLiteral("5"))->id;

        wbxml::Element answer(tag::ItemOperations::ItemOperations);
        answer.add(tag::ItemOperations::Status, "1");
        wbxml::Element &fetch = answer.add(tag::ItemOperations::Response).add(tag::ItemOperations::Fetch);
        fetch.add(tag::ItemOperations::Status, "1");
        fetch.add(tag::AirSync::CollectionId, "4");
        fetch.add(tag::AirSync::ServerId, "5");
        wbxml::Element &body = fetch.add(tag::ItemOperations::Properties).add(tag::AirSyncBase::Body);
        body.add(tag::AirSyncBase::Type, "1");
        body.add(tag::AirSyncBase::Data, "the whole sent five");
        m_fake.queue = {FakeTransport::wbxml(answer)};

        const QString error = runner().fetchBody(sentFive);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const wbxml::Element *sent = m_fake.body(0).find({tag::ItemOperations::Fetch});
        QVERIFY(sent);
        QCOMPARE(sent->childText(tag::AirSync::CollectionId), QStringLiteral("4"));
        QCOMPARE(sent->childText(tag::AirSync::ServerId), QStringLiteral("5"));
        QCOMPARE(m_store->messageStore().messageById(sentFive)->body, QByteArray("the whole sent five"));
        QVERIFY(!m_store->messageStore().messageById(sentFive)->bodyTruncated);
        QCOMPARE(m_store->messageStore().messageById(inboxFive)->body, QByteArray("preview"));
        QVERIFY(m_store->messageStore().messageById(inboxFive)->bodyTruncated);

        // A refused Fetch keeps the preview and says why.
        wbxml::Element refused(tag::ItemOperations::ItemOperations);
        refused.add(tag::ItemOperations::Status, "1");
        refused.add(tag::ItemOperations::Response).add(tag::ItemOperations::Fetch).add(tag::ItemOperations::Status, "6");
        m_fake.queue = {FakeTransport::wbxml(refused)};
        QVERIFY(!runner().fetchBody(inboxFive).isEmpty());
        QCOMPARE(m_store->messageStore().messageById(inboxFive)->body, QByteArray("preview"));

        // A row a sync removed meanwhile: no request, a reason in words.
        const int requests = int(m_fake.requests.size());
        QVERIFY(runner().fetchBody(987654).contains(QLatin1String("no longer stored")));
        QCOMPARE(int(m_fake.requests.size()), requests);
    }

    // ---- The next page requested while a page is stored (PrefetchedSync) ----

    void prefetchedDownloadStoresEveryMessageOnceInOrder()
    {
        inboxAtKeyZero();
        m_fake.queue = {FakeTransport::wbxml(syncResponse(QStringLiteral("1"), QStringLiteral("k1"), 1))}; // priming
        for (int page = 1; page <= 4; ++page)
            m_fake.queue.append(FakeTransport::wbxml(syncResponse(QStringLiteral("1"), QStringLiteral("k%1").arg(page + 1), 1,
                                                                  pageItems(page, 3), page < 4)));
        SyncRunner r = runner();
        QList<int> progress;
        r.setProgressHandler([&](const Folder &, int items) { progress.append(items); });
        const FolderReport report = r.syncFolder(*m_store->folderStore().folder(QStringLiteral("1")));
        QVERIFY2(report.error.isEmpty(), qPrintable(report.error));
        QCOMPARE(report.added, 12);
        QCOMPARE(progress, (QList<int>{3, 6, 9, 12})); // page after page, each once
        QCOMPARE(m_store->messageStore().messageCount(QStringLiteral("1")), 12);
        for (int page = 1; page <= 4; ++page)
            for (int i = 1; i <= 3; ++i)
                QVERIFY(m_store->messageStore().message(QStringLiteral("1"), QStringLiteral("%1:%2").arg(page).arg(i)));
        // Each key asked for once, in order; the last one stored, nothing in doubt.
        QCOMPARE(m_fake.requests.size(), 5);
        for (int i = 0; i < 5; ++i)
            QCOMPARE(requestedKey(m_fake, i), i == 0 ? QStringLiteral("0") : QStringLiteral("k%1").arg(i));
        QCOMPARE(m_store->folderStore().syncKey(QStringLiteral("1")), QStringLiteral("k5"));
        QVERIFY(!m_store->folderStore().isSyncInFlight(QStringLiteral("1")));
    }

    void nextPageRequestLeavesBeforeThePageIsCommitted()
    {
        inboxAtKeyZero();
        QSemaphore nextRequestLeft;
        QList<bool> leftBeforeCommit;
        g_nextRequestLeft = &nextRequestLeft;
        g_leftBeforeCommit = &leftBeforeCommit;
        QCOMPARE(sqlite3_create_function_v2(DatabaseTestAccess::connection(*m_store), "wait_for_next_request", 1, SQLITE_UTF8, nullptr,
                                            waitForNextRequest, nullptr, nullptr, nullptr), SQLITE_OK);
        // Pages k2 and k3 have more to come; the trigger waits for the request naming that key.
        QCOMPARE(sqlite3_exec(DatabaseTestAccess::connection(*m_store),
                              "CREATE TEMP TRIGGER next_request BEFORE UPDATE OF sync_key ON main.folders "
                              "WHEN NEW.sync_key IN ('k2', 'k3') BEGIN SELECT wait_for_next_request(NEW.sync_key); END",
                              nullptr, nullptr, nullptr), SQLITE_OK);
        const QList<HttpResponse> answers = {
            FakeTransport::wbxml(syncResponse(QStringLiteral("1"), QStringLiteral("k1"), 1)),
            FakeTransport::wbxml(syncResponse(QStringLiteral("1"), QStringLiteral("k2"), 1, pageItems(1, 2), true)),
            FakeTransport::wbxml(syncResponse(QStringLiteral("1"), QStringLiteral("k3"), 1, pageItems(2, 2), true)),
            FakeTransport::wbxml(syncResponse(QStringLiteral("1"), QStringLiteral("k4"), 1, pageItems(3, 2))),
        };
        m_fake.handler = [&](const HttpRequest &) {
            const int i = int(m_fake.requests.size()) - 1; // this request's index
            if (i == 2 || i == 3) // the requests with keys k2 and k3
                nextRequestLeft.release();
            return i < answers.size() ? answers.at(i) : FakeTransport::status(500);
        };
        const FolderReport report = runner().syncFolder(*m_store->folderStore().folder(QStringLiteral("1")));
        g_nextRequestLeft = nullptr;
        g_leftBeforeCommit = nullptr;
        QVERIFY2(report.error.isEmpty(), qPrintable(report.error));
        // Without the overlap each wait times out: the request only leaves after the commit.
        QCOMPARE(leftBeforeCommit, (QList<bool>{true, true}));
        QCOMPARE(m_store->messageStore().messageCount(QStringLiteral("1")), 6);
        QCOMPARE(m_store->folderStore().syncKey(QStringLiteral("1")), QStringLiteral("k4"));
    }

    void failedStoreMidDownloadKeepsWhatWasStored()
    {
        inboxAtKeyZero();
        // Storing the second page fails at its key, the batch's last write.
        QCOMPARE(sqlite3_exec(DatabaseTestAccess::connection(*m_store),
                              "CREATE TRIGGER boom BEFORE UPDATE OF sync_key ON folders "
                              "WHEN NEW.sync_key = 'boom' BEGIN SELECT RAISE(ABORT, 'no key'); END",
                              nullptr, nullptr, nullptr), SQLITE_OK);
        m_fake.queue = {
            FakeTransport::wbxml(syncResponse(QStringLiteral("1"), QStringLiteral("k1"), 1)),
            FakeTransport::wbxml(syncResponse(QStringLiteral("1"), QStringLiteral("k2"), 1, pageItems(1, 2), true)),
            FakeTransport::wbxml(syncResponse(QStringLiteral("1"), QStringLiteral("boom"), 1, pageItems(2, 2), true)),
            FakeTransport::wbxml(syncResponse(QStringLiteral("1"), QStringLiteral("k4"), 1, pageItems(3, 2))),
        };
        const FolderReport report = runner().syncFolder(*m_store->folderStore().folder(QStringLiteral("1")));
        QVERIFY(report.error.contains(QLatin1String("Could not save")));
        QVERIFY2(report.error.contains(QLatin1String("no key")), qPrintable(report.error));
        // The first page stays, with its key; nothing of the second or the third.
        QCOMPARE(m_store->messageStore().messageCount(QStringLiteral("1")), 2);
        QVERIFY(m_store->messageStore().message(QStringLiteral("1"), QStringLiteral("1:1")));
        QVERIFY(m_store->messageStore().message(QStringLiteral("1"), QStringLiteral("1:2")));
        QCOMPARE(m_store->folderStore().syncKey(QStringLiteral("1")), QStringLiteral("k2"));
        // The third page's request had left ("boom") and was waited for; its
        // answer dropped. The early request stays noted as in flight.
        QCOMPARE(m_fake.requests.size(), 4);
        QCOMPARE(requestedKey(m_fake, 3), QStringLiteral("boom"));
        QVERIFY(m_fake.queue.isEmpty());
        QVERIFY(m_store->folderStore().isSyncInFlight(QStringLiteral("1")));
    }

    void accountChangeOfAPrefetchedRequestIsSavedOnTheSyncThread()
    {
        inboxAtKeyZero();
        m_fake.queue = {
            FakeTransport::wbxml(syncResponse(QStringLiteral("1"), QStringLiteral("k1"), 1)),
            FakeTransport::wbxml(syncResponse(QStringLiteral("1"), QStringLiteral("k2"), 1, pageItems(1, 2), true)),
            // The early request for page 2 is redirected: a change to save.
            FakeTransport::status(451, {{"X-MS-Location", "https://other.example.com/Microsoft-Server-ActiveSync"}}),
            FakeTransport::wbxml(syncResponse(QStringLiteral("1"), QStringLiteral("k3"), 1, pageItems(2, 2))),
        };
        QList<QThread *> savedOn;
        QString savedUrl;
        m_session->setAccountChangedHandler([&](const AccountSettings &a) {
            savedOn.append(QThread::currentThread());
            savedUrl = a.url;
        });
        const FolderReport report = runner().syncFolder(*m_store->folderStore().folder(QStringLiteral("1")));
        QVERIFY2(report.error.isEmpty(), qPrintable(report.error));
        QCOMPARE(m_fake.requests.size(), 4);
        QVERIFY(m_fake.requests.at(3).url.host() == QLatin1String("other.example.com"));
        // The handler writes the store: it ran once, after the join, here.
        QCOMPARE(savedOn, (QList<QThread *>{QThread::currentThread()}));
        QCOMPARE(QUrl(savedUrl).host(), QStringLiteral("other.example.com"));
        QCOMPARE(m_store->messageStore().messageCount(QStringLiteral("1")), 4);
    }

    void wrongPasswordStopsWithAuthError()
    {
        m_fake.queue = {FakeTransport::status(401)};
        const SyncReport report = runner().syncAll();
        QCOMPARE(report.error, ErrorKind::Auth);
        QCOMPARE(m_fake.requests.size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestSyncRunner)
#include "tst_syncrunner.moc"
