// The attachments table (migration 10): a Sync's list stored with its
// message, replaced by a later full change, gone with the message, and the
// content type a fetch learned.
#include "DatabaseTestAccess.h"
#include "Migrations.h"
#include "ModelTestData.h"
#include "Store.h"

#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

using namespace skein;
using namespace skein::testdata;

namespace {

Attachment file(const QString &name, const QString &reference, qint64 size)
{
    return Attachment{name, reference, size, {}, {}, false};
}

} // namespace

class TestAttachmentStore : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    int m_files = 0;

    bool openFresh(Store &store)
    {
        return store.open(m_dir.filePath(QStringLiteral("db%1.sqlite").arg(++m_files)))
            && store.folderStore().applyFolderSync(QStringLiteral("1"), standardFolders(), {});
    }

private Q_SLOTS:
    void schemaIsMigration10()
    {
        Store store;
        QVERIFY(openFresh(store));
        QVERIFY(latestSchemaVersion() >= 10);
        sqlite3_stmt *stmt = nullptr;
        QCOMPARE(sqlite3_prepare_v2(DatabaseTestAccess::connection(store),
                                    "SELECT message_id, position, name, file_reference, size, content_type, "
                                    "content_id, inline FROM attachments", -1, &stmt, nullptr), SQLITE_OK);
        sqlite3_finalize(stmt);
    }

    void syncStoresTheListInOrder()
    {
        Store store;
        QVERIFY(openFresh(store));
        Message m = mail(QStringLiteral("a1"), 1, QStringLiteral("alice"));
        m.hasAttachments = true;
        Attachment badge{QStringLiteral("badge.png"), QStringLiteral("att:2"), 120, {}, QStringLiteral("b@x"), true};
        m.attachments = {file(QStringLiteral("contract.pdf"), QStringLiteral("att:1"), 2048), badge,
                         file(QStringLiteral("notes.txt"), QStringLiteral("att:3"), 0)};
        QVERIFY(add(store, inbox, {m, mail(QStringLiteral("a2"), 2, QStringLiteral("bob"))}));
        const qint64 id = store.messageStore().message(inbox, QStringLiteral("a1"))->id;
        QCOMPARE(store.messageStore().attachments(id), m.attachments);
        QVERIFY(store.messageStore().attachments(store.messageStore().message(inbox, QStringLiteral("a2"))->id).isEmpty());
    }

    void fullChangeReplacesTheList()
    {
        Store store;
        QVERIFY(openFresh(store));
        Message m = mail(QStringLiteral("a1"), 1, QStringLiteral("alice"));
        m.attachments = {file(QStringLiteral("old.pdf"), QStringLiteral("att:1"), 10)};
        QVERIFY(add(store, inbox, {m}));
        const qint64 id = store.messageStore().message(inbox, QStringLiteral("a1"))->id;
        // The server sends the message again (resync, full Change): its list wins.
        m.attachments = {file(QStringLiteral("new.pdf"), QStringLiteral("att:9"), 20)};
        QVERIFY(add(store, inbox, {m}));
        QCOMPARE(store.messageStore().message(inbox, QStringLiteral("a1"))->id, id);
        QCOMPARE(store.messageStore().attachments(id), m.attachments);
        m.attachments.clear();
        QVERIFY(add(store, inbox, {m}));
        QVERIFY(store.messageStore().attachments(id).isEmpty());
    }

    void rowsGoWithTheirMessage()
    {
        Store store;
        QVERIFY(openFresh(store));
        Message m = mail(QStringLiteral("a1"), 1, QStringLiteral("alice"));
        m.attachments = {file(QStringLiteral("x.pdf"), QStringLiteral("att:1"), 10)};
        QVERIFY(add(store, inbox, {m}));
        const qint64 id = store.messageStore().message(inbox, QStringLiteral("a1"))->id;
        SyncBatch gone;
        gone.folderId = inbox;
        gone.newSyncKey = QStringLiteral("k2");
        gone.deletes = {QStringLiteral("a1")};
        QVERIFY(store.syncApplier().applySyncBatch(gone));
        QVERIFY(store.messageStore().attachments(id).isEmpty());
        sqlite3_stmt *stmt = nullptr;
        QCOMPARE(sqlite3_prepare_v2(DatabaseTestAccess::connection(store), "SELECT count(*) FROM attachments", -1, &stmt, nullptr), SQLITE_OK);
        QCOMPARE(sqlite3_step(stmt), SQLITE_ROW);
        QCOMPARE(sqlite3_column_int(stmt, 0), 0);
        sqlite3_finalize(stmt);
    }

    void fetchRecordsTheContentType()
    {
        Store store;
        QVERIFY(openFresh(store));
        Message m = mail(QStringLiteral("a1"), 1, QStringLiteral("alice"));
        m.attachments = {file(QStringLiteral("x.pdf"), QStringLiteral("att:1"), 10)};
        QVERIFY(add(store, inbox, {m}));
        const qint64 id = store.messageStore().message(inbox, QStringLiteral("a1"))->id;
        QVERIFY(store.messageStore().setAttachmentContentType(id, QStringLiteral("att:1"), QStringLiteral("application/pdf")));
        QCOMPARE(store.messageStore().attachments(id).first().contentType, QStringLiteral("application/pdf"));
    }

    void olderDatabaseGainsTheTable()
    {
        const QString path = m_dir.filePath(QStringLiteral("old.sqlite"));
        {
            sqlite3 *db = nullptr;
            QCOMPARE(sqlite3_open(path.toUtf8().constData(), &db), SQLITE_OK);
            QString error;
            QVERIFY2(runMigrations(db, &error, 8), qPrintable(error));
            sqlite3_close(db);
        }
        Store store;
        QVERIFY2(store.open(path), qPrintable(store.lastError()));
        QVERIFY(store.folderStore().applyFolderSync(QStringLiteral("1"), standardFolders(), {}));
        Message m = mail(QStringLiteral("a1"), 1, QStringLiteral("alice"));
        m.attachments = {file(QStringLiteral("x.pdf"), QStringLiteral("att:1"), 10)};
        QVERIFY(add(store, inbox, {m}));
        QCOMPARE(store.messageStore().attachments(store.messageStore().message(inbox, QStringLiteral("a1"))->id).size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestAttachmentStore)
#include "tst_attachmentstore.moc"
