// The outbox table (migration 9) through the Store: order, round trip of
// every field, one ClientId per message, edit and delete only while the
// message has not left, and an older database gaining the table untouched.
#include "Migrations.h"
#include "OutboxTypes.h"
#include "Store.h"

#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

using namespace skein;

namespace {

OutboxEntry message(const QString &clientId, OutboxKind kind = OutboxKind::Send)
{
    OutboxEntry e;
    e.kind = kind;
    e.clientId = clientId;
    e.mime = QByteArray("From: a@b\r\n\r\n\0binary", 20);
    e.subject = QStringLiteral("Grüße ") + clientId;
    e.recipients = QStringLiteral("alice@skein.test, bob@skein.test");
    if (kind != OutboxKind::Send) {
        e.sourceFolderId = QStringLiteral("5");
        e.sourceServerId = QStringLiteral("5:42");
        e.sourceMessageId = 42;
    }
    return e;
}

} // namespace

class TestOutboxStore : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_n = 0;

    QString freshPath() { return m_dir.filePath(QStringLiteral("outbox%1.db").arg(++m_n)); }

private Q_SLOTS:
    void roundTripInOrder()
    {
        Store store;
        QVERIFY(store.open(freshPath()));
        const qint64 a = store.outboxStore().insertOutbox(message(QStringLiteral("a")));
        const qint64 b = store.outboxStore().insertOutbox(message(QStringLiteral("b"), OutboxKind::Reply));
        QVERIFY(a && b && a < b);
        const OutboxEntry read = *store.outboxStore().outboxEntry(b);
        QCOMPARE(read.kind, OutboxKind::Reply);
        QCOMPARE(read.clientId, QStringLiteral("b"));
        QCOMPARE(read.mime, message(QStringLiteral("b")).mime); // binary-safe
        QCOMPARE(read.subject, QStringLiteral("Grüße b"));
        QCOMPARE(read.sourceServerId, QStringLiteral("5:42"));
        QCOMPARE(read.sourceMessageId, 42);
        QCOMPARE(read.state, OutboxState::Waiting);
        QVERIFY(read.saveInSentItems);
        QVERIFY(read.created.isValid());
        QCOMPARE(store.outboxStore().outboxToSend().size(), 2);
        QCOMPARE(store.outboxStore().outboxToSend().first().id, a);
    }

    void clientIdIsUnique()
    {
        Store store;
        QVERIFY(store.open(freshPath()));
        QVERIFY(store.outboxStore().insertOutbox(message(QStringLiteral("same"))));
        QCOMPARE(store.outboxStore().insertOutbox(message(QStringLiteral("same"))), 0);
        QVERIFY(!store.lastError().isEmpty());
    }

    void statesAndWhatTheOutboxShows()
    {
        Store store;
        QVERIFY(store.open(freshPath()));
        OutboxEntry a = *store.outboxStore().outboxEntry(store.outboxStore().insertOutbox(message(QStringLiteral("a"))));
        OutboxEntry b = *store.outboxStore().outboxEntry(store.outboxStore().insertOutbox(message(QStringLiteral("b"))));
        a.state = OutboxState::Sent;
        a.attempts = 1;
        a.sent = QDateTime::currentDateTimeUtc().addDays(-10);
        QVERIFY(store.outboxStore().updateOutboxState(a));
        b.state = OutboxState::Failed;
        b.error = QStringLiteral("One of the recipients could not be found.");
        QVERIFY(store.outboxStore().updateOutboxState(b));
        QCOMPARE(store.outboxStore().outbox(true).size(), 1); // the refused one, for the user
        QCOMPARE(store.outboxStore().outbox(true).first().error, b.error);
        QCOMPARE(store.outboxStore().outbox(false).size(), 2);
        QVERIFY(store.outboxStore().outboxToSend().isEmpty());  // refused mail waits for the user
        QCOMPARE(store.outboxStore().forgetSentOutbox(QDateTime::currentDateTimeUtc().addDays(-1)), 1);
        QCOMPARE(store.outboxStore().outbox(false).size(), 1);
    }

    void editAndDeleteOnlyBeforeItLeaves()
    {
        Store store;
        QVERIFY(store.open(freshPath()));
        OutboxEntry a = *store.outboxStore().outboxEntry(store.outboxStore().insertOutbox(message(QStringLiteral("a"))));
        QVERIFY(store.outboxStore().editOutbox(a.id, "new", QStringLiteral("New"), QStringLiteral("carol@x")));
        QCOMPARE(store.outboxStore().outboxEntry(a.id)->mime, QByteArray("new"));
        QCOMPARE(store.outboxStore().outboxEntry(a.id)->clientId, QStringLiteral("a")); // a repeat stays recognisable
        a.state = OutboxState::Sending;
        QVERIFY(store.outboxStore().updateOutboxState(a));
        QVERIFY(!store.outboxStore().editOutbox(a.id, "x", QStringLiteral("x"), QStringLiteral("x")));
        QVERIFY(store.lastError().contains(QLatin1String("can no longer be edited")));
        QVERIFY(!store.outboxStore().deleteOutbox(a.id));
        QVERIFY(store.outboxStore().outboxEntry(a.id));
        QVERIFY(!store.outboxStore().deleteOutbox(999));
    }

    // A database of schema 8 gains the empty outbox and keeps its account.
    void migrationNineAddsTheOutbox()
    {
        const QString path = freshPath();
        {
            sqlite3 *db = nullptr;
            QCOMPARE(sqlite3_open(path.toUtf8().constData(), &db), SQLITE_OK);
            QString error;
            QVERIFY2(runMigrations(db, &error, 8), qPrintable(error));
            QCOMPARE(sqlite3_exec(db, "INSERT INTO account (id, url, user_name) VALUES (1, 'https://h', 'u')", nullptr, nullptr, nullptr),
                     SQLITE_OK);
            sqlite3_close(db);
        }
        QVERIFY(latestSchemaVersion() >= 9);
        Store store;
        QVERIFY2(store.open(path), qPrintable(store.lastError()));
        QCOMPARE(store.accountStore().account()->url, QStringLiteral("https://h"));
        QVERIFY(store.outboxStore().outbox(false).isEmpty());
        QVERIFY(store.outboxStore().insertOutbox(message(QStringLiteral("a"))));
    }
};

QTEST_GUILESS_MAIN(TestOutboxStore)
#include "tst_outboxstore.moc"
