#include "DatabaseTestAccess.h"
#include "ActionTypes.h"
#include "Migrations.h"
#include "Store.h"

#include <QDebug>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

#include <algorithm>
#include <atomic>
#include <functional>
#include <ctime>
#include <thread>

using namespace skein;

namespace {

const QString inbox = QStringLiteral("1");
const QString sent = QStringLiteral("2");

QDateTime at(int minutes)
{
    return QDateTime(QDate(2024, 3, 1), QTime(8, 0), Qt::UTC).addSecs(minutes * 60);
}

Message mail(const QString &serverId, const QByteArray &conversationId = {}, int minutes = 0,
             const QString &from = QStringLiteral("alice@example.com"))
{
    Message m;
    m.serverId = serverId;
    m.subject = QStringLiteral("Subject ") + serverId;
    m.from = from;
    m.dateReceived = at(minutes);
    m.conversationId = conversationId;
    m.messageClass = QStringLiteral("IPM.Note");
    return m;
}

SyncBatch batch(const QString &folder, const QString &key, const QList<Message> &adds = {})
{
    SyncBatch b;
    b.folderId = folder;
    b.newSyncKey = key;
    b.adds = adds;
    return b;
}

// Fills the Inbox with `total` messages made by `make(i)`, 1,000 per sync
// batch as a first download stores them; false with store.lastError().
bool fillInbox(Store &store, int total, const std::function<Message(int)> &make)
{
    constexpr int perBatch = 1000;
    for (int start = 0; start < total; start += perBatch) {
        QList<Message> adds;
        for (int i = start; i < qMin(total, start + perBatch); ++i)
            adds.append(make(i));
        if (!store.syncApplier().applySyncBatch(batch(inbox, QString::number(start), adds)))
            return false;
    }
    return true;
}

// How often SQLite's VM went another `steps` steps while `work` ran: a
// measure of the rows a query read that does not depend on the machine.
int progressCallsDuring(Store &store, int steps, const std::function<void()> &work)
{
    int calls = 0;
    sqlite3_progress_handler(DatabaseTestAccess::connection(store), steps, [](void *n) { return ++*static_cast<int *>(n), 0; }, &calls);
    work();
    sqlite3_progress_handler(DatabaseTestAccess::connection(store), 0, nullptr, nullptr);
    return calls;
}

// Single-value query through the raw handle, for checks the API does not offer.
QByteArray pragma(sqlite3 *db, const char *sql)
{
    sqlite3_stmt *stmt = nullptr;
    sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr);
    QByteArray value;
    if (stmt && sqlite3_step(stmt) == SQLITE_ROW)
        value = reinterpret_cast<const char *>(sqlite3_column_text(stmt, 0));
    sqlite3_finalize(stmt);
    return value;
}

bool exec(sqlite3 *db, const char *sql)
{
    return sqlite3_exec(db, sql, nullptr, nullptr, nullptr) == SQLITE_OK;
}

} // namespace

class TestStore : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_files = 0;

    // A fresh database with an Inbox, Sent Items and a nested folder.
    QString freshPath() { return m_dir.filePath(QStringLiteral("db%1.sqlite").arg(++m_files)); }
    // Journals a pending entry of kind for one message, as ConversationActions would.
    static bool waiting(Store &store, ActionKind kind, qint64 messageId, const QString &serverId,
                        const std::function<void(ActionItem &)> &set)
    {
        ActionItem item;
        item.messageId = messageId;
        item.serverId = serverId;
        item.folderId = inbox;
        set(item);
        ActionEntry entry;
        entry.kind = kind;
        entry.folderId = inbox;
        entry.items = {item};
        return store.journalStore().insertAction(entry) > 0;
    }

    void openWithFolders(Store &store)
    {
        QVERIFY2(store.open(freshPath()), qPrintable(store.lastError()));
        const QList<Folder> folders{{inbox, QStringLiteral("0"), QStringLiteral("Inbox"), FolderType::Inbox},
                                    {sent, QStringLiteral("0"), QStringLiteral("Sent Items"), FolderType::SentItems},
                                    {QStringLiteral("3"), inbox, QStringLiteral("Projects"), FolderType::UserMail}};
        QVERIFY2(store.folderStore().applyFolderSync(QStringLiteral("h1"), folders, {}), qPrintable(store.lastError()));
    }

    // A folder large enough to be walked rather than collected (more than
    // 2000 messages): conversations of about three, every tenth message on
    // its own, subjects and senders that differ only in case, thread topics
    // that are not the subject, equal dates, and some heads in Sent Items.
    void fillSortableFolder(Store &store, int total)
    {
        const QStringList words{QStringLiteral("alpha"), QStringLiteral("Beta"), QStringLiteral("ALPHA"),
                                QStringLiteral("gamma"), QStringLiteral("beta"), QStringLiteral("Delta"),
                                QStringLiteral("alpha")};
        const QStringList senders{QStringLiteral("bob@example.com"), QStringLiteral("Alice@example.com"),
                                  QStringLiteral("alice@example.com"), QStringLiteral("CAROL@example.com")};
        constexpr int perBatch = 1000;
        for (int start = 0; start < total; start += perBatch) {
            QList<Message> adds, replies;
            for (int i = start; i < qMin(total, start + perBatch); ++i) {
                Message m = mail(QString::number(i), i % 10 ? QByteArray::number(i / 3).rightJustified(16, '0')
                                                            : QByteArray(),
                                 i / 5, senders[(i / 2) % senders.size()]);
                const QString &word = words[(i / 3) % words.size()];
                m.subject = i % 4 ? QStringLiteral("RE: ") + word : word;
                m.threadTopic = i % 4 ? word : QString();
                adds.append(m);
                if (i % 10 && i % 7 == 0) // a newer reply in Sent Items is the head
                    replies.append(mail(QStringLiteral("r") + m.serverId, m.conversationId, i / 5 + 1,
                                        QStringLiteral("me@example.com")));
            }
            QVERIFY2(store.syncApplier().applySyncBatch(batch(inbox, QString::number(start), adds)), qPrintable(store.lastError()));
            QVERIFY2(store.syncApplier().applySyncBatch(batch(sent, QString::number(start), replies)), qPrintable(store.lastError()));
        }
    }

private Q_SLOTS:
    void migrationsOnFreshAndReopenedDatabase()
    {
        const QString path = freshPath();
        {
            Store store;
            QVERIFY2(store.open(path), qPrintable(store.lastError()));
            QCOMPARE(pragma(DatabaseTestAccess::connection(store), "PRAGMA user_version").toInt(), latestSchemaVersion());
            QCOMPARE(pragma(DatabaseTestAccess::connection(store), "PRAGMA journal_mode"), QByteArray("wal"));
            QCOMPARE(pragma(DatabaseTestAccess::connection(store), "PRAGMA foreign_keys"), QByteArray("1"));
            QCOMPARE(pragma(DatabaseTestAccess::connection(store), "PRAGMA synchronous"), QByteArray("1")); // NORMAL
            QCOMPARE(pragma(DatabaseTestAccess::connection(store), "SELECT count(*) FROM sqlite_master WHERE name = 'actions'"),
                     QByteArray("1"));
            QVERIFY(store.accountStore().saveAccount({QStringLiteral("http://h:1")}));
        }
        Store reopened;
        QVERIFY2(reopened.open(path), qPrintable(reopened.lastError()));
        QCOMPARE(reopened.accountStore().account()->url, QStringLiteral("http://h:1"));
        QCOMPARE(reopened.path(), path);

        // A database from a newer version is refused, not damaged.
        QVERIFY(exec(DatabaseTestAccess::connection(reopened), "PRAGMA user_version = 999"));
        Store newer;
        QVERIFY(!newer.open(path));
        QVERIFY2(newer.lastError().contains(QLatin1String("newer")), qPrintable(newer.lastError()));
    }

    // Migration 8: an account of version 7 becomes a Basic account with no
    // email or OAuth settings; OAuth settings round-trip; no column can hold
    // a secret.
    void accountSignInSettingsAfterMigrationEight()
    {
        const QString path = freshPath();
        {
            sqlite3 *db = nullptr;
            QCOMPARE(sqlite3_open(path.toUtf8().constData(), &db), SQLITE_OK);
            QString error;
            QVERIFY2(runMigrations(db, &error, 7), qPrintable(error));
            QVERIFY(exec(db, "INSERT INTO account (id, url, user_name) VALUES (1, 'https://h', 'u')"));
            sqlite3_close(db);
        }
        Store store;
        QVERIFY2(store.open(path), qPrintable(store.lastError()));
        QCOMPARE(pragma(DatabaseTestAccess::connection(store), "PRAGMA user_version").toInt(), latestSchemaVersion());
        AccountSettings account = *store.accountStore().account();
        QCOMPARE(account.url, QStringLiteral("https://h"));
        QCOMPARE(account.authMethod, AccountSettings::AuthMethod::Basic);
        QVERIFY(account.email.isEmpty() && account.oauthClientId.isEmpty());

        account.authMethod = AccountSettings::AuthMethod::OAuth;
        account.email = QStringLiteral("u@example.com");
        account.oauthAuthority = QStringLiteral("https://login.example.com");
        account.oauthTenant = QStringLiteral("organizations");
        account.oauthClientId = QStringLiteral("client-1");
        QVERIFY(store.accountStore().saveAccount(account));
        const AccountSettings reread = *store.accountStore().account();
        QVERIFY(reread.usesOAuth());
        QCOMPARE(reread.email, account.email);
        QCOMPARE(reread.oauthAuthority, account.oauthAuthority);
        QCOMPARE(reread.oauthTenant, account.oauthTenant);
        QCOMPARE(reread.oauthClientId, account.oauthClientId);
        QCOMPARE(pragma(DatabaseTestAccess::connection(store), "SELECT count(*) FROM pragma_table_info('account') WHERE name LIKE '%token%' "
                                        "OR name LIKE '%password%' OR name LIKE '%secret%'"),
                 QByteArray("0"));
    }

    // Migration 7 rebuilds messages with AUTOINCREMENT: a database of
    // version 6 keeps every row id, body, index and trigger, and the id of
    // a deleted newest message is never given to the next one.
    void messageIdsAreNeverReusedAfterMigrationSeven()
    {
        const QString path = freshPath();
        QStringList schemaBefore;
        {
            sqlite3 *db = nullptr;
            QCOMPARE(sqlite3_open(path.toUtf8().constData(), &db), SQLITE_OK);
            QString error;
            QVERIFY2(runMigrations(db, &error, 6), qPrintable(error));
            QVERIFY(exec(db, "PRAGMA foreign_keys = ON")); // as Store opens it
            QVERIFY(exec(db, "INSERT INTO folders (server_id, parent_id, name, type) VALUES ('1', '0', 'Inbox', 2)"));
            QVERIFY(exec(db, "INSERT INTO messages (id, folder_id, server_id, subject) VALUES "
                             "(1, '1', 'a', 'A'), (2, '1', 'b', 'B'), (3, '1', 'c', 'C')"));
            QVERIFY(exec(db, "INSERT INTO bodies (message_id, type, data) VALUES (1, 1, 'body a'), (3, 1, 'body c')"));
            QVERIFY(exec(db, "DELETE FROM messages WHERE id = 3")); // the newest, deleted by a Sync
            // ... while a change of it waited in the journal.
            QVERIFY(exec(db, "INSERT INTO actions (created, kind, payload) VALUES (0, 'read', "
                             "'[{\"message\":3,\"serverId\":\"c\",\"folderId\":\"1\"}]')"));
            sqlite3_stmt *stmt = nullptr;
            QCOMPARE(sqlite3_prepare_v2(db, "SELECT type || ' ' || name FROM sqlite_master WHERE tbl_name = "
                                            "'messages' AND type IN ('index', 'trigger') ORDER BY 1",
                                        -1, &stmt, nullptr), SQLITE_OK);
            while (sqlite3_step(stmt) == SQLITE_ROW)
                schemaBefore.append(QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(stmt, 0))));
            sqlite3_finalize(stmt);
            sqlite3_close(db);
        }
        QVERIFY(schemaBefore.size() >= 5);

        Store store;
        QVERIFY2(store.open(path), qPrintable(store.lastError()));
        QCOMPARE(pragma(DatabaseTestAccess::connection(store), "PRAGMA user_version").toInt(), latestSchemaVersion());
        QCOMPARE(pragma(DatabaseTestAccess::connection(store), "PRAGMA foreign_keys"), QByteArray("1"));
        // The rebuilt table kept every index and trigger it had (later
        // migrations may add more, and migrations 15 and 16 drop one each on
        // purpose).
        const QStringList dropped{QStringLiteral("index messages_server_id"),
                                  QStringLiteral("index messages_folder_conversation")};
        const QStringList schemaAfter = QString::fromUtf8(
            pragma(DatabaseTestAccess::connection(store), "SELECT group_concat(type || ' ' || name, '|') FROM (SELECT type, name "
                                   "FROM sqlite_master WHERE tbl_name = 'messages' AND type IN ('index', "
                                   "'trigger') ORDER BY 1, 2)")).split(QLatin1Char('|'));
        for (const QString &entry : std::as_const(schemaBefore))
            QVERIFY2(schemaAfter.contains(entry) || dropped.contains(entry), qPrintable(entry));
        for (const QString &entry : dropped)
            QVERIFY2(!schemaAfter.contains(entry), qPrintable(entry));
        QCOMPARE(store.messageStore().message(inbox, QStringLiteral("a"))->id, 1);
        QCOMPARE(store.messageStore().message(inbox, QStringLiteral("b"))->id, 2);
        QCOMPARE(pragma(DatabaseTestAccess::connection(store), "SELECT data FROM bodies WHERE message_id = 1"), QByteArray("body a"));
        QCOMPARE(pragma(DatabaseTestAccess::connection(store), "SELECT count(*) FROM bodies"), QByteArray("1")); // c's went with c
        QVERIFY(store.syncApplier().applySyncBatch(batch(inbox, QStringLiteral("k"), {mail("d")})));
        QCOMPARE(store.messageStore().message(inbox, QStringLiteral("d"))->id, 4); // 3 is still named by the journal
        QVERIFY(store.messageStore().removeMessage(4)); // the newest
        QVERIFY(store.syncApplier().applySyncBatch(batch(inbox, QStringLiteral("l"), {mail("e")})));
        QCOMPARE(store.messageStore().message(inbox, QStringLiteral("e"))->id, 5);
        // Bodies still go with their message.
        QVERIFY(store.messageStore().removeMessage(1));
        QCOMPARE(pragma(DatabaseTestAccess::connection(store), "SELECT count(*) FROM bodies"), QByteArray("0"));
    }

    void openFailsCleanlyInBadDirectories()
    {
        Store store;
        QVERIFY(!store.open(m_dir.filePath(QStringLiteral("missing/dir/db.sqlite"))));
        QVERIFY(!store.lastError().isEmpty());
        QVERIFY(!DatabaseTestAccess::connection(store));
        // chmod does not stop root; /proc refuses new files even to root.
        QString readOnly = m_dir.filePath(QStringLiteral("ro"));
        QVERIFY(QDir().mkpath(readOnly));
        QFile::setPermissions(readOnly, QFile::ReadOwner | QFile::ExeOwner);
        QFile probe(readOnly + QStringLiteral("/probe"));
        if (probe.open(QIODevice::WriteOnly)) {
            probe.remove();
            readOnly = QStringLiteral("/proc");
        }
        QVERIFY(!store.open(readOnly + QStringLiteral("/db.sqlite")));
        qInfo() << "read-only directory:" << store.lastError();
        QVERIFY(!store.lastError().isEmpty());
        QVERIFY(!store.accountStore().saveAccount({})); // not open: fails, does not crash
    }

    void accountRoundTripHasNoPassword()
    {
        Store store;
        QVERIFY(store.open(freshPath()));
        QVERIFY(!store.accountStore().account());
        const AccountSettings account{QStringLiteral("http://127.0.0.1:8080"), QStringLiteral("/eas"),
                                      QStringLiteral("bob"), QStringLiteral("dev1"),
                                      QStringLiteral("16.1"), QStringLiteral("42"), QStringLiteral("7")};
        QVERIFY(store.accountStore().saveAccount(account));
        const auto back = store.accountStore().account();
        QVERIFY(back);
        QCOMPARE(back->url, account.url);
        QCOMPARE(back->endpointPath, account.endpointPath);
        QCOMPARE(back->user, account.user);
        QCOMPARE(back->deviceId, account.deviceId);
        QCOMPARE(back->protocolVersion, account.protocolVersion);
        QCOMPARE(back->policyKey, account.policyKey);
        QCOMPARE(back->folderSyncKey, account.folderSyncKey);
        const QByteArray columns = pragma(DatabaseTestAccess::connection(store),
            "SELECT group_concat(p.name) FROM sqlite_master t, pragma_table_info(t.name) p "
            "WHERE t.type = 'table'");
        QVERIFY(columns.contains("folder_sync_key"));
        QVERIFY2(!columns.toLower().contains("pass"), columns.constData());
    }

    void folderSyncAppliesAndDeletes()
    {
        Store store;
        openWithFolders(store);
        QCOMPARE(store.folderStore().folders().size(), 3);
        QCOMPARE(store.accountStore().account()->folderSyncKey, QStringLiteral("h1"));
        QCOMPARE(store.folderStore().folderOfType(FolderType::SentItems)->serverId, sent);
        QCOMPARE(store.folderStore().folder(inbox)->name, QStringLiteral("Inbox"));
        QCOMPARE(store.folderStore().folderByName(QStringLiteral("Sent Items"))->serverId, sent);
        QCOMPARE(store.folderStore().folderByName(QStringLiteral("sent items"))->serverId, sent);
        QCOMPARE(store.folderStore().folderByName(QStringLiteral("Inbox/Projects"))->serverId, QStringLiteral("3"));
        QCOMPARE(store.folderStore().folderByName(QStringLiteral("inbox/projects"))->serverId, QStringLiteral("3"));
        QVERIFY(!store.folderStore().folderByName(QStringLiteral("Nope")));
        QCOMPARE(store.folderStore().syncKey(inbox), QStringLiteral("0"));

        QVERIFY(store.syncApplier().applySyncBatch(batch(QStringLiteral("3"), QStringLiteral("k"), {mail("p1")})));
        // Rename keeps the sync key; deleting the parent takes child and messages along.
        QVERIFY(store.folderStore().applyFolderSync(QStringLiteral("h2"),
                                      {{QStringLiteral("3"), inbox, QStringLiteral("Work"), FolderType::UserMail}}, {}));
        QCOMPARE(store.folderStore().syncKey(QStringLiteral("3")), QStringLiteral("k"));
        QVERIFY(store.folderStore().applyFolderSync(QStringLiteral("h3"), {}, {inbox}));
        QCOMPARE(store.folderStore().folders().size(), 1);
        QVERIFY(!store.messageStore().message(QStringLiteral("3"), QStringLiteral("p1")));
        QCOMPARE(store.accountStore().account()->folderSyncKey, QStringLiteral("h3"));
    }

    void syncBatchIsAllOrNothing()
    {
        Store store;
        openWithFolders(store);
        QVERIFY(store.syncApplier().applySyncBatch(batch(inbox, QStringLiteral("1"), {mail("a")})));
        // The sync key write is the last step; make it fail.
        QVERIFY(exec(DatabaseTestAccess::connection(store), "CREATE TRIGGER boom BEFORE UPDATE OF sync_key ON folders "
                                     "WHEN NEW.sync_key = 'boom' BEGIN SELECT RAISE(ABORT, 'no key'); END"));
        SyncBatch b = batch(inbox, QStringLiteral("boom"), {mail("b"), mail("c")});
        b.deletes = {QStringLiteral("a")};
        QVERIFY(!store.syncApplier().applySyncBatch(b));
        QVERIFY2(store.lastError().contains(QLatin1String("no key")), qPrintable(store.lastError()));
        QCOMPARE(store.messageStore().messageCount(inbox), 1);
        QVERIFY(store.messageStore().message(inbox, QStringLiteral("a")));
        QCOMPARE(store.folderStore().syncKey(inbox), QStringLiteral("1"));

        // A constraint violation (empty server id) in the middle undoes the adds before it.
        QVERIFY(!store.syncApplier().applySyncBatch(batch(inbox, QStringLiteral("2"), {mail("d"), mail(QString()), mail("e")})));
        QVERIFY(store.lastError().contains(QLatin1String("constraint"), Qt::CaseInsensitive));
        QCOMPARE(store.messageStore().messageCount(inbox), 1);
        QVERIFY(!store.syncApplier().applySyncBatch(batch(QStringLiteral("nope"), QStringLiteral("2"), {mail("f")})));
        QVERIFY(store.lastError().contains(QLatin1String("unknown folder")));
        QCOMPARE(store.folderStore().syncKey(inbox), QStringLiteral("1"));
    }

    void diskFullRollsBackAndSaysSo()
    {
        Store store;
        openWithFolders(store);
        // max_page_count makes SQLite answer SQLITE_FULL as a full disk would.
        const QByteArray pages = pragma(DatabaseTestAccess::connection(store), "PRAGMA page_count");
        QVERIFY(exec(DatabaseTestAccess::connection(store), ("PRAGMA max_page_count = " + pages).constData()));
        QList<Message> adds;
        for (int i = 0; i < 50; ++i) {
            adds.append(mail(QString::number(i)));
            adds.last().bodyType = BodyType::PlainText;
            adds.last().body = QByteArray(20000, 'x');
        }
        QVERIFY(!store.syncApplier().applySyncBatch(batch(inbox, QStringLiteral("1"), adds)));
        QVERIFY2(store.lastError().contains(QLatin1String("disk full")), qPrintable(store.lastError()));
        QCOMPARE(store.messageStore().messageCount(inbox), 0);
        QCOMPARE(store.folderStore().syncKey(inbox), QStringLiteral("0"));
        QVERIFY(exec(DatabaseTestAccess::connection(store), "PRAGMA max_page_count = 1000000"));
        QVERIFY2(store.syncApplier().applySyncBatch(batch(inbox, QStringLiteral("1"), adds)), qPrintable(store.lastError()));
        QCOMPARE(store.messageStore().messageCount(inbox), 50);
    }

    void upsertKeepsRowIdAndChangesApply()
    {
        Store store;
        openWithFolders(store);
        QVERIFY(store.syncApplier().applySyncBatch(batch(inbox, QStringLiteral("1"), {mail("a"), mail("b"), mail("c"), mail("d")})));
        const qint64 id = store.messageStore().message(inbox, QStringLiteral("a"))->id;
        Message again = mail("a");
        again.subject = QStringLiteral("New subject");
        QVERIFY(store.syncApplier().applySyncBatch(batch(inbox, QStringLiteral("2"), {again})));
        QCOMPARE(store.messageStore().message(inbox, QStringLiteral("a"))->id, id);
        QCOMPARE(store.messageStore().messageById(id)->subject, QStringLiteral("New subject"));
        QCOMPARE(store.folderStore().syncKey(inbox), QStringLiteral("2"));

        SyncBatch b = batch(inbox, QStringLiteral("3"));
        FlagState flag{FlagStatus::Active, QStringLiteral("Follow up"), at(1), at(60), {}};
        Message full = mail("c");
        full.subject = QStringLiteral("Replaced");
        b.changes = {{QStringLiteral("a"), true, std::nullopt, std::nullopt},
                     {QStringLiteral("b"), std::nullopt, flag, std::nullopt},
                     {QStringLiteral("c"), std::nullopt, std::nullopt, full}};
        b.softDeletes = {QStringLiteral("d")};
        QVERIFY2(store.syncApplier().applySyncBatch(b), qPrintable(store.lastError()));
        const Message a = *store.messageStore().message(inbox, QStringLiteral("a"));
        QVERIFY(a.read);
        QCOMPARE(a.subject, QStringLiteral("New subject")); // partial change touched only Read
        QCOMPARE(store.messageStore().message(inbox, QStringLiteral("b"))->flag, flag);
        QVERIFY(!store.messageStore().message(inbox, QStringLiteral("b"))->read);
        QCOMPARE(store.messageStore().message(inbox, QStringLiteral("c"))->subject, QStringLiteral("Replaced"));
        QVERIFY(!store.messageStore().message(inbox, QStringLiteral("d")));

        SyncBatch del = batch(inbox, QStringLiteral("4"));
        del.deletes = {QStringLiteral("a")};
        QVERIFY(store.syncApplier().applySyncBatch(del));
        QCOMPARE(store.messageStore().messageCount(inbox), 2);
        QCOMPARE(store.messageStore().messagesInFolder(inbox).size(), 2);
    }

    void opaqueBytesAndDatesRoundTrip()
    {
        Store store;
        openWithFolders(store);
        const QByteArray cid("\x00\x01\x00\xff\x00", 5);
        Message m = mail("a", cid);
        m.conversationIndex = QByteArray("\x01\x00\x00\x00\x00\x00\xfe", 7);
        m.bodyType = BodyType::Mime;
        m.body = QByteArray("head\0tail", 9);
        m.bodyTruncated = true;
        m.bodyEstimatedSize = 12345;
        m.dateReceived = QDateTime();
        m.flag.completed = QDateTime::fromMSecsSinceEpoch(1700000000123, Qt::UTC);
        QVERIFY(store.syncApplier().applySyncBatch(batch(inbox, QStringLiteral("1"), {m})));
        const Message back = *store.messageStore().message(inbox, QStringLiteral("a"));
        QCOMPARE(back.conversationId, cid);
        QCOMPARE(back.conversationIndex, m.conversationIndex);
        QCOMPARE(back.body, m.body);
        QCOMPARE(back.bodyType, BodyType::Mime);
        QVERIFY(back.bodyTruncated);
        QCOMPARE(back.bodyEstimatedSize, 12345);
        QVERIFY(!back.dateReceived.isValid());
        QCOMPARE(back.flag.completed, m.flag.completed);
        QCOMPARE(store.messageStore().conversationMessages(cid).size(), 1);
        QVERIFY(store.messageStore().conversationMessages(QByteArray("\x00\x01", 2)).isEmpty()); // prefix is not equal

        // A fetched complete body is not replaced by a truncated one from a later sync.
        QVERIFY(store.messageStore().setBody(store.messageStore().message(inbox, QStringLiteral("a"))->id, BodyType::Html, "<p>all</p>", false, 10));
        QVERIFY(store.syncApplier().applySyncBatch(batch(inbox, QStringLiteral("2"), {m})));
        QCOMPARE(store.messageStore().message(inbox, QStringLiteral("a"))->body, QByteArray("<p>all</p>"));
        QVERIFY(!store.messageStore().setBody(999999, BodyType::Html, "x", false, 1)); // no such row
    }

    // A resync (and any Sync) keeps what the user did and the server has
    // not heard yet, and nothing else: a row whose local state differs
    // without a waiting change takes the server's values.
    void resyncKeepsWaitingChangesAndRemovesOnlyUnsent()
    {
        Store store;
        openWithFolders(store);
        QVERIFY(store.syncApplier().applySyncBatch(batch(inbox, QStringLiteral("5"), {mail("a"), mail("b"), mail("c"), mail("d")})));
        const qint64 idA = store.messageStore().message(inbox, QStringLiteral("a"))->id;
        FlagState active;
        active.status = FlagStatus::Active;
        QVERIFY(store.messageStore().setMessageState(idA, true, active));
        QVERIFY(waiting(store, ActionKind::MarkRead, idA, QStringLiteral("a"), [](ActionItem &i) { i.newRead = true; }));
        QVERIFY(waiting(store, ActionKind::Flag, idA, QStringLiteral("a"), [&](ActionItem &i) { i.newFlag = active; }));
        QVERIFY(exec(DatabaseTestAccess::connection(store), "UPDATE messages SET read = 1 WHERE server_id = 'b'")); // stale, nothing waits
        const qint64 idD = store.messageStore().message(inbox, QStringLiteral("d"))->id;
        QVERIFY(waiting(store, ActionKind::Delete, idD, QStringLiteral("d"), [](ActionItem &) {}));
        QVERIFY(store.messageStore().removeMessage(idD));

        QVERIFY(store.folderStore().beginResync(inbox));
        QVERIFY(store.folderStore().isResyncing(inbox));
        QCOMPARE(store.folderStore().syncKey(inbox), QStringLiteral("0"));
        QCOMPARE(store.messageStore().messageCount(inbox), 3); // nothing lost while resyncing
        Message a = mail("a");
        a.subject = QStringLiteral("From server");
        QVERIFY(store.syncApplier().applySyncBatch(batch(inbox, QStringLiteral("1"), {a, mail("d")})));
        QVERIFY(store.syncApplier().applySyncBatch(batch(inbox, QStringLiteral("2"), {mail("b"), mail("n")})));
        QVERIFY(store.folderStore().finishResync(inbox));
        QVERIFY(!store.folderStore().isResyncing(inbox));

        const Message back = *store.messageStore().message(inbox, QStringLiteral("a"));
        QCOMPARE(back.id, idA);
        QVERIFY(back.read);                              // the waiting changes won
        QCOMPARE(back.flag.status, FlagStatus::Active);
        QCOMPARE(back.subject, QStringLiteral("From server"));
        QVERIFY(!store.messageStore().message(inbox, QStringLiteral("b"))->read); // the server's value
        QVERIFY(!store.messageStore().message(inbox, QStringLiteral("c")));    // not re-sent: gone
        QVERIFY(!store.messageStore().message(inbox, QStringLiteral("d")));    // its delete waits: not brought back
        QCOMPARE(store.messageStore().messageCount(inbox), 3);          // a, b, n
        QCOMPARE(store.folderStore().syncKey(inbox), QStringLiteral("2"));
        // A refusal of the waiting read rolls back to what the server said.
        for (const ActionEntry &e : store.journalStore().actions(true))
            if (e.kind == ActionKind::MarkRead)
                QVERIFY(!e.items.first().read);
    }

    void waitingChangeSurvivesAnotherDevicesChange()
    {
        Store store;
        openWithFolders(store);
        QVERIFY(store.syncApplier().applySyncBatch(batch(inbox, QStringLiteral("1"), {mail("a"), mail("b")})));
        const qint64 idA = store.messageStore().message(inbox, QStringLiteral("a"))->id;
        QVERIFY(store.messageStore().setMessageState(idA, true, {}));
        QVERIFY(waiting(store, ActionKind::MarkRead, idA, QStringLiteral("a"), [](ActionItem &i) { i.newRead = true; }));
        SyncBatch changes = batch(inbox, QStringLiteral("2"));
        FlagState active;
        active.status = FlagStatus::Active;
        changes.changes = {MessageChange{QStringLiteral("a"), false, active, std::nullopt},
                           MessageChange{QStringLiteral("b"), true, std::nullopt, std::nullopt}};
        QVERIFY(store.syncApplier().applySyncBatch(changes));
        QVERIFY(store.messageStore().message(inbox, QStringLiteral("a"))->read);      // the user's read waits: kept
        QCOMPARE(store.messageStore().message(inbox, QStringLiteral("a"))->flag.status, FlagStatus::Active); // nothing waits
        QVERIFY(store.messageStore().message(inbox, QStringLiteral("b"))->read);
    }

    // SOGo's ServerIds are IMAP UIDs, unique per folder only: Inbox and Sent
    // Items both hold a "5". Every lookup must tell them apart.
    void sameServerIdInTwoFoldersStaysApart()
    {
        Store store;
        openWithFolders(store);
        Message received = mail("5");
        received.subject = QStringLiteral("Inbox five");
        received.bodyType = BodyType::PlainText;
        received.body = "inbox preview";
        received.bodyTruncated = true;
        Message mine = mail("5", {}, 10);
        mine.subject = QStringLiteral("Sent five");
        mine.bodyType = BodyType::PlainText;
        mine.body = "sent preview";
        mine.bodyTruncated = true;
        QVERIFY(store.syncApplier().applySyncBatch(batch(inbox, QStringLiteral("1"), {received})));
        QVERIFY(store.syncApplier().applySyncBatch(batch(sent, QStringLiteral("1"), {mine})));

        const std::optional<Message> inInbox = store.messageStore().message(inbox, QStringLiteral("5"));
        const std::optional<Message> inSent = store.messageStore().message(sent, QStringLiteral("5"));
        QVERIFY(inInbox && inSent);
        QVERIFY(inInbox->id != inSent->id);
        QCOMPARE(inInbox->subject, QStringLiteral("Inbox five"));
        QCOMPARE(inSent->subject, QStringLiteral("Sent five"));
        QCOMPARE(store.messageStore().messageById(inSent->id)->subject, QStringLiteral("Sent five"));

        // A fetched body lands on the one message asked for.
        QVERIFY2(store.messageStore().setBody(inSent->id, BodyType::PlainText, "all of sent", false, 11),
                 qPrintable(store.lastError()));
        QCOMPARE(store.messageStore().messageById(inSent->id)->body, QByteArray("all of sent"));
        QCOMPARE(store.messageStore().messageById(inInbox->id)->body, QByteArray("inbox preview"));
        QVERIFY(store.messageStore().messageById(inInbox->id)->bodyTruncated);

        // A message without ConversationId is its own conversation, known by row id.
        const QList<ConversationSummary> sentList = store.conversationStore().conversations(sent);
        QCOMPARE(sentList.size(), 1);
        QCOMPARE(sentList.first().headId, inSent->id);

        // Sync Change and Delete of "5" in Inbox leave Sent Items' "5" alone.
        SyncBatch change = batch(inbox, QStringLiteral("2"));
        change.changes = {{QStringLiteral("5"), true, std::nullopt, std::nullopt}};
        QVERIFY(store.syncApplier().applySyncBatch(change));
        QVERIFY(store.messageStore().messageById(inInbox->id)->read);
        QVERIFY(!store.messageStore().messageById(inSent->id)->read);
        SyncBatch del = batch(inbox, QStringLiteral("3"));
        del.deletes = {QStringLiteral("5")};
        QVERIFY(store.syncApplier().applySyncBatch(del));
        QVERIFY(!store.messageStore().message(inbox, QStringLiteral("5")));
        QCOMPARE(store.messageStore().message(sent, QStringLiteral("5"))->subject, QStringLiteral("Sent five"));
        QCOMPARE(store.messageStore().message(sent, QStringLiteral("5"))->body, QByteArray("all of sent"));

        // The body of a message a sync removed meanwhile is refused in words.
        QVERIFY(!store.messageStore().setBody(inInbox->id, BodyType::PlainText, "late", false, 4));
        QVERIFY2(store.lastError().contains(QLatin1String("no longer stored")), qPrintable(store.lastError()));
    }

    void conversationsGroupAcrossFolders()
    {
        Store store;
        openWithFolders(store);
        const QByteArray x("X\0x", 3), y("Y"), z("Z");
        Message x1 = mail("x1", x, 10, QStringLiteral("alice")), x2 = mail("x2", x, 20, QStringLiteral("bob"));
        x2.hasAttachments = true;
        Message x3 = mail("x3", x, 30, QStringLiteral("me")); // my reply, in Sent
        x3.read = true;
        Message y1 = mail("y1", y, 25, QStringLiteral("carol"));
        y1.flag.status = FlagStatus::Active;
        Message lone = mail("lone", {}, 40, QStringLiteral("dave"));
        QVERIFY(store.syncApplier().applySyncBatch(batch(inbox, QStringLiteral("1"), {x1, x2, y1, lone, mail("x0", x, 5, QStringLiteral("alice"))})));
        QVERIFY(store.syncApplier().applySyncBatch(batch(sent, QStringLiteral("1"), {x3, mail("z1", z, 50)})));

        const QList<ConversationSummary> list = store.conversationStore().conversations(inbox);
        QCOMPARE(list.size(), 3); // z has no message in the Inbox
        QCOMPARE(list[0].serverId, QStringLiteral("lone"));
        QVERIFY(list[0].conversationId.isEmpty());
        QCOMPARE(list[0].messageCount, 1);
        QCOMPARE(list[1].conversationId, x);
        QCOMPARE(list[1].messageCount, 4);
        QCOMPARE(list[1].unreadCount, 3);
        QCOMPARE(list[1].subject, QStringLiteral("Subject x3"));
        QCOMPARE(list[1].participants, (QStringList{QStringLiteral("me"), QStringLiteral("bob"), QStringLiteral("alice")}));
        QCOMPARE(list[1].latest, at(30));
        QVERIFY(list[1].hasAttachments);
        QVERIFY(!list[1].flagged);
        QCOMPARE(list[2].conversationId, y);
        QVERIFY(list[2].flagged);

        const auto page = store.conversationStore().conversations(inbox, 1, 1);
        QCOMPARE(page.size(), 1);
        QCOMPARE(page[0].conversationId, x);
        QCOMPARE(store.conversationStore().conversations(sent).size(), 2);

        const QList<Message> thread = store.messageStore().conversationMessages(x);
        QCOMPARE(thread.size(), 4);
        QCOMPARE(thread[0].serverId, QStringLiteral("x0"));
        QCOMPARE(thread[3].serverId, QStringLiteral("x3"));
        QCOMPARE(thread[3].folderId, sent);
    }

    void twoConnectionsWorkConcurrently()
    {
        Store writer;
        openWithFolders(writer);
        Store reader;
        QVERIFY2(reader.open(writer.path()), qPrintable(reader.lastError()));
        // A reader is not blocked by an open write transaction and sees only commits.
        QVERIFY(exec(DatabaseTestAccess::connection(writer), "BEGIN IMMEDIATE"));
        QVERIFY(exec(DatabaseTestAccess::connection(writer), "INSERT INTO messages (folder_id, server_id) VALUES ('1', 'u')"));
        QCOMPARE(reader.messageStore().messageCount(inbox), 0);
        QVERIFY(exec(DatabaseTestAccess::connection(writer), "COMMIT"));
        QCOMPARE(reader.messageStore().messageCount(inbox), 1);

        std::atomic<bool> writerOk = true, writerDone = false;
        std::thread thread([&writer, &writerOk, &writerDone] {
            for (int b = 0; b < 40; ++b) {
                QList<Message> adds;
                for (int i = 0; i < 50; ++i)
                    adds.append(mail(QStringLiteral("t%1-%2").arg(b).arg(i), QByteArray::number(i), b));
                writerOk = writerOk && writer.syncApplier().applySyncBatch(batch(inbox, QString::number(b), adds));
            }
            writerDone = true;
        });
        int reads = 0;
        bool readerOk = true;
        while (!writerDone && readerOk) {
            readerOk = !reader.conversationStore().conversations(inbox, 0, 20).isEmpty();
            ++reads;
        }
        thread.join();
        QVERIFY2(writerOk, qPrintable(writer.lastError()));
        QVERIFY2(readerOk && reader.lastError().isEmpty(), qPrintable(reader.lastError()));
        QCOMPARE(reader.messageStore().messageCount(inbox), 2001);
        qInfo() << "reader ran" << reads << "conversation queries while the writer wrote";
    }

    // Migration 3 keeps is_head on each conversation's newest message through
    // inserts, re-dated upserts, moves between conversations and deletes, and
    // keyset pages (ConversationQuery::afterHeadId) list exactly what one
    // unpaged query lists, undated messages included, in both orders.
    void keysetPagesMatchOneQuery()
    {
        Store store;
        openWithFolders(store);
        QList<Message> inboxAdds, sentAdds;
        for (int i = 0; i < 3000; ++i) {
            // every 7th without ConversationId, every 50th without a date
            Message m = mail(QString::number(i), i % 7 ? QByteArray::number(i % 900) : QByteArray(),
                             (i * 7919) % 5000);
            if (i % 50 == 0)
                m.dateReceived = {};
            m.read = i % 3;
            (i % 5 == 0 ? sentAdds : inboxAdds).append(m);
        }
        QVERIFY(store.syncApplier().applySyncBatch(batch(inbox, QStringLiteral("1"), inboxAdds)));
        QVERIFY(store.syncApplier().applySyncBatch(batch(sent, QStringLiteral("1"), sentAdds)));
        const char *wrongHeads =
            "SELECT count(*) FROM messages m WHERE m.conversation_id IS NOT NULL AND m.is_head != "
            "(m.id = (SELECT n.id FROM messages n WHERE n.conversation_id = m.conversation_id "
            "ORDER BY n.date_received DESC, n.id DESC LIMIT 1))";
        QCOMPARE(pragma(DatabaseTestAccess::connection(store), wrongHeads).toInt(), 0);

        auto checkPages = [&store](Qt::SortOrder order) {
            ConversationQuery query;
            query.order = order;
            const QList<ConversationSummary> all = store.conversationStore().conversations(inbox, query);
            QList<ConversationSummary> paged;
            query.limit = 37;
            for (QList<ConversationSummary> page = store.conversationStore().conversations(inbox, query); !page.isEmpty();
                 page = store.conversationStore().conversations(inbox, query)) {
                paged += page;
                query.afterHeadId = page.last().headId;
                query.afterLatest = page.last().latest;
            }
            return paged == all && all.size() > 500;
        };
        QVERIFY(checkPages(Qt::DescendingOrder));
        QVERIFY(checkPages(Qt::AscendingOrder));

        // Re-date, move to another conversation, lose the date, delete heads.
        QList<Message> edits;
        for (int i = 1; i < 3000; i += 97) {
            if (i % 5 == 0)
                continue;
            Message m = mail(QString::number(i), QByteArray::number((i * 3) % 900), 6000 + i);
            if (i % 2)
                m.dateReceived = {};
            edits.append(m);
        }
        SyncBatch changes = batch(inbox, QStringLiteral("2"), edits);
        for (int i = 1; i < 3000; i += 31)
            changes.deletes.append(QString::number(i));
        QVERIFY(store.syncApplier().applySyncBatch(changes));
        QCOMPARE(pragma(DatabaseTestAccess::connection(store), wrongHeads).toInt(), 0);
        QVERIFY(checkPages(Qt::DescendingOrder));
        QVERIFY(checkPages(Qt::AscendingOrder));
    }

    // The unread counts (asked after every sync reply) read the unread
    // messages only: counted in SQLite VM steps, 20,000 read messages beside
    // 10 unread ones cost next to nothing (a full scan costs ~20 progress calls).
    void unreadCountsReadOnlyTheUnreadMail()
    {
        Store store;
        openWithFolders(store);
        QVERIFY2(fillInbox(store, 20000,
                           [](int i) {
                               Message m = mail(QString::number(i), QByteArray(), i);
                               m.read = i % 2000 != 0; // 10 unread
                               return m;
                           }),
                 qPrintable(store.lastError()));
        QHash<QString, int> counts;
        int one = 0;
        const int progressCalls = progressCallsDuring(store, 10000, [&] {
            counts = store.folderStore().unreadCounts();
            one = store.folderStore().unreadCount(inbox);
        });
        QCOMPARE(counts.value(inbox), 10);
        QCOMPARE(one, 10);
        QVERIFY2(progressCalls <= 1, qPrintable(QStringLiteral("%1 x 10,000 VM steps").arg(progressCalls)));
    }

    // However much mail is unread, counting it reads no message: the folder
    // pane, title and tray refresh after every sync reply.
    void unreadCountsReadNoMessages()
    {
        Store store;
        openWithFolders(store);
        constexpr int total = 20000;
        QVERIFY2(fillInbox(store, total, [](int i) { return mail(QString::number(i), QByteArray(), i); }), // unread
                 qPrintable(store.lastError()));
        QHash<QString, int> counts;
        int one = 0;
        const int progressCalls = progressCallsDuring(store, 1000, [&] {
            counts = store.folderStore().unreadCounts();
            one = store.folderStore().unreadCount(inbox);
        });
        QCOMPARE(counts.value(inbox), total);
        QCOMPARE(one, total);
        QVERIFY2(progressCalls == 0, qPrintable(QStringLiteral("%1 x 1,000 VM steps").arg(progressCalls)));
    }

    // Migration 17's counters stay equal to a recount through every kind of
    // change: sync adds and read changes, deletes, moves and read changes by
    // any writer, a removed message, a deleted folder, and a database that
    // had unread mail before the migration.
    void unreadCountersMatchARecountAfterEveryChange()
    {
        const QString path = freshPath();
        {
            sqlite3 *db = nullptr;
            QCOMPARE(sqlite3_open(path.toUtf8().constData(), &db), SQLITE_OK);
            QString error;
            QVERIFY2(runMigrations(db, &error, 16), qPrintable(error));
            QVERIFY(exec(db, "INSERT INTO folders (server_id, parent_id, name, type) VALUES ('1', '0', 'Inbox', 2), "
                             "('2', '0', 'Sent Items', 5), ('3', '1', 'Projects', 12)"));
            QVERIFY(exec(db, "INSERT INTO messages (folder_id, server_id, read) VALUES "
                             "('1', 'old-a', 0), ('1', 'old-b', 1), ('3', 'old-c', 0)"));
            sqlite3_close(db);
        }
        Store store;
        QVERIFY2(store.open(path), qPrintable(store.lastError()));
        const auto matchesRecount = [&store](const char *step) {
            QHash<QString, int> recount;
            sqlite3_stmt *q = nullptr;
            sqlite3_prepare_v2(DatabaseTestAccess::connection(store), "SELECT folder_id, count(*) FROM messages NOT INDEXED "
                                               "WHERE NOT read GROUP BY folder_id", -1, &q, nullptr);
            while (sqlite3_step(q) == SQLITE_ROW)
                recount.insert(QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(q, 0))),
                               sqlite3_column_int(q, 1));
            sqlite3_finalize(q);
            if (store.folderStore().unreadCounts() != recount) {
                qWarning("%s: counters %s, recount %s", step, qPrintable(QDebug::toString(store.folderStore().unreadCounts())),
                         qPrintable(QDebug::toString(recount)));
                return false;
            }
            for (const QString &folder : {inbox, sent, QStringLiteral("3")})
                if (store.folderStore().unreadCount(folder) != recount.value(folder))
                    return false;
            return true;
        };
        QVERIFY(matchesRecount("migrated"));

        QList<Message> adds;
        for (int i = 0; i < 60; ++i) {
            Message m = mail(QString::number(i), "c" + QByteArray::number(i / 3), i);
            m.read = i % 3 == 0;
            adds.append(m);
        }
        QVERIFY2(store.syncApplier().applySyncBatch(batch(inbox, QStringLiteral("k1"), adds)), qPrintable(store.lastError()));
        QVERIFY(matchesRecount("added"));

        SyncBatch changes = batch(inbox, QStringLiteral("k2"));
        for (int i = 0; i < 20; ++i)
            changes.changes.append(MessageChange{QString::number(i), i % 2 == 0, std::nullopt, std::nullopt});
        changes.adds.append(adds.at(1)); // a repeated Add of a known message
        changes.deletes = {QStringLiteral("30"), QStringLiteral("31"), QStringLiteral("33")};
        QVERIFY2(store.syncApplier().applySyncBatch(changes), qPrintable(store.lastError()));
        QVERIFY(matchesRecount("changed"));

        QVERIFY(exec(DatabaseTestAccess::connection(store), "UPDATE messages SET folder_id = '3' WHERE id % 5 = 0 AND folder_id = '1'"));
        QVERIFY(matchesRecount("moved"));
        QVERIFY(exec(DatabaseTestAccess::connection(store), "UPDATE messages SET read = NOT read, folder_id = '2' WHERE id % 7 = 0"));
        QVERIFY(matchesRecount("moved and read"));
        QVERIFY(exec(DatabaseTestAccess::connection(store), "UPDATE messages SET read = read, subject = 'same' WHERE id % 4 = 0"));
        QVERIFY(matchesRecount("unchanged read"));

        QVERIFY(store.messageStore().removeMessage(store.messageStore().message(inbox, QStringLiteral("40"))->id));
        QVERIFY(matchesRecount("removed"));
        QVERIFY2(store.folderStore().applyFolderSync(QStringLiteral("h2"), {}, {QStringLiteral("3")}), qPrintable(store.lastError()));
        QVERIFY(matchesRecount("folder deleted"));
        QVERIFY(!store.folderStore().unreadCounts().contains(QStringLiteral("3")));
    }

    // Every Sync of a folder looks for move placeholders whose real message
    // arrived; with none there, that must not read the folder.
    void lookingForPlaceholdersReadsNoFolder()
    {
        Store store;
        openWithFolders(store);
        QVERIFY2(fillInbox(store, 20000,
                           [](int i) {
                               return mail(QString::number(i), "conversation-" + QByteArray::number(i / 4), i);
                           }),
                 qPrintable(store.lastError()));
        int dropped = -1;
        const int progressCalls =
            progressCallsDuring(store, 10000, [&] { dropped = store.syncApplier().dropPlaceholdersWithTwins(inbox); });
        QCOMPARE(dropped, 0);
        QVERIFY2(progressCalls <= 1, qPrintable(QStringLiteral("%1 x 10,000 VM steps").arg(progressCalls)));
    }

    // The walk over a large folder asks of every head whether its
    // conversation has a message in the folder. messages_conversation answers
    // that alone (it carries folder_id), so a first download keeps no
    // separate index keyed by (folder, conversation id), whose random keys
    // cost more per message the larger the mailbox (migration 16).
    void folderMembershipIsReadFromTheConversationIndexAlone()
    {
        Store store;
        openWithFolders(store);
        sqlite3_stmt *plan = nullptr;
        QCOMPARE(sqlite3_prepare_v2(DatabaseTestAccess::connection(store),
                                    "EXPLAIN QUERY PLAN SELECT EXISTS (SELECT 1 FROM messages x "
                                    "WHERE x.folder_id = '1' AND x.conversation_id = x'0102')",
                                    -1, &plan, nullptr), SQLITE_OK);
        QStringList steps;
        while (sqlite3_step(plan) == SQLITE_ROW)
            steps << QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(plan, 3)));
        sqlite3_finalize(plan);
        QVERIFY2(steps.join(QLatin1Char('|')).contains(QLatin1String("COVERING INDEX messages_conversation ")),
                 qPrintable(steps.join(QLatin1Char('|'))));
        QCOMPARE(pragma(DatabaseTestAccess::connection(store), "SELECT count(*) FROM pragma_index_list('messages') l "
                                        "WHERE (SELECT group_concat(name) FROM (SELECT name FROM "
                                        "pragma_index_info(l.name) ORDER BY seqno LIMIT 2)) "
                                        "= 'folder_id,conversation_id'"),
                 QByteArray("0"));
    }

    // By subject and by sender a large folder's page is walked from an index
    // in the order shown; the walk must list what collecting and sorting the
    // whole folder lists, page for page, in both directions.
    void sortedPagesOfALargeFolderMatchTheWholeSortedList()
    {
        Store store;
        openWithFolders(store);
        fillSortableFolder(store, 3000);
        for (const ConversationSort key : {ConversationSort::Subject, ConversationSort::Sender}) {
            for (const Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
                ConversationQuery query;
                query.sortKey = key;
                query.order = order;
                const QList<ConversationSummary> all = store.conversationStore().conversations(inbox, query); // collected
                QVERIFY(all.size() > 1000);
                for (const int offset : {0, 100, 1000, int(all.size()) - 50}) {
                    query.offset = offset;
                    query.limit = 100;
                    QCOMPARE(store.conversationStore().conversations(inbox, query), all.mid(offset, 100));
                }
            }
        }
    }

    // The order itself: the thread topic over the subject, case-insensitive,
    // equal keys newest first and, at the same date, the later row first.
    void subjectOrderOfALargeFolder()
    {
        Store store;
        openWithFolders(store);
        fillSortableFolder(store, 3000); // every key sorts after "aab"
        Message topicOlder = mail(QStringLiteral("topic-older"), "aaa-thread", 10);
        topicOlder.subject = QStringLiteral("zzz");
        Message topic = mail(QStringLiteral("topic"), "aaa-thread", 11);
        topic.subject = QStringLiteral("RE: zzz");
        topic.threadTopic = QStringLiteral("AAA topic");
        Message plain = mail(QStringLiteral("plain"), {}, 20);
        plain.subject = QStringLiteral("aaa TOPIC");
        Message sameDateLater = mail(QStringLiteral("same-date-later"), {}, 20);
        sameDateLater.subject = QStringLiteral("aaa topic");
        Message next = mail(QStringLiteral("next"), {}, 5);
        next.subject = QStringLiteral("aab");
        QVERIFY(store.syncApplier().applySyncBatch(batch(inbox, QStringLiteral("k1"), {topicOlder, topic, plain})));
        QVERIFY(store.syncApplier().applySyncBatch(batch(inbox, QStringLiteral("k2"), {sameDateLater, next})));

        ConversationQuery query;
        query.sortKey = ConversationSort::Subject;
        query.order = Qt::AscendingOrder;
        query.limit = 4;
        const QList<ConversationSummary> page = store.conversationStore().conversations(inbox, query);
        QCOMPARE(page.size(), 4);
        QCOMPARE(page[0].serverId, QStringLiteral("same-date-later"));
        QCOMPARE(page[1].serverId, QStringLiteral("plain"));
        QCOMPARE(page[2].conversationId, QByteArray("aaa-thread"));
        QCOMPARE(page[2].subject, QStringLiteral("RE: zzz"));
        QCOMPARE(page[2].messageCount, 2);
        QCOMPARE(page[3].serverId, QStringLiteral("next"));
    }

    // The first page by subject or sender reads about one page of index
    // entries, not the folder: collecting and sorting the folder's 20,000
    // messages took about 370,000 steps.
    void sortedFirstPageReadsOnlyAboutAPage()
    {
        Store store;
        openWithFolders(store);
        fillSortableFolder(store, 20000);
        for (const ConversationSort key : {ConversationSort::Subject, ConversationSort::Sender}) {
            for (const Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
                ConversationQuery query;
                query.sortKey = key;
                query.order = order;
                query.limit = 100;
                QList<ConversationSummary> page;
                const int progressCalls =
                    progressCallsDuring(store, 10000, [&] { page = store.conversationStore().conversations(inbox, query); });
                QCOMPARE(page.size(), 100);
                qInfo("sort key %d, order %d: %d x 10,000 VM steps", int(key), int(order), progressCalls);
                QVERIFY2(progressCalls <= 2, qPrintable(QStringLiteral("%1 x 10,000 VM steps").arg(progressCalls)));
            }
        }
    }

    // A filtered large folder is walked for a page when enough of the first
    // conversations match, else its matching messages are collected by a
    // scan; either way the list is the unfiltered one less the conversations
    // without a message (any folder) whose subject or sender contains the
    // text, ASCII case aside, page for page.
    void filteredPagesOfALargeFolderKeepTheMatchingConversations()
    {
        Store store;
        openWithFolders(store);
        fillSortableFolder(store, 3000);
        const auto matches = [&store](const ConversationSummary &row, const QString &text) {
            const QList<Message> members = row.conversationId.isEmpty()
                ? QList<Message>{store.messageStore().messageById(row.headId).value_or(Message())}
                : store.messageStore().conversationMessages(row.conversationId);
            return std::any_of(members.cbegin(), members.cend(), [&text](const Message &m) {
                return m.subject.contains(text, Qt::CaseInsensitive) || m.from.contains(text, Qt::CaseInsensitive);
            });
        };
        // Many matches (sender, subject), few (a Sent Items reply), none.
        for (const QString &text : {QStringLiteral("carol"), QStringLiteral("BETA"), QStringLiteral("subject r12"),
                                    QStringLiteral("no such text")}) {
            for (const ConversationSort key : {ConversationSort::Date, ConversationSort::Subject}) {
                for (const Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
                    ConversationQuery query;
                    query.sortKey = key;
                    query.order = order;
                    QList<ConversationSummary> expected;
                    for (const ConversationSummary &row : store.conversationStore().conversations(inbox, query)) {
                        if (matches(row, text))
                            expected.append(row);
                    }
                    query.filterText = text;
                    QCOMPARE(store.conversationStore().conversations(inbox, query), expected);
                    for (const int offset : {0, 100, 300}) {
                        query.offset = offset;
                        query.limit = 100;
                        QCOMPARE(store.conversationStore().conversations(inbox, query), expected.mid(offset, 100));
                    }
                }
            }
        }
    }

    void bulkInsertAndConversationPage()
    {
        Store store;
        openWithFolders(store);
        constexpr int total = 100000, perBatch = 500;
        QElapsedTimer timer;
        timer.start();
        const std::clock_t cpuStart = std::clock(); // the cores are shared: wall time varies
        for (int start = 0; start < total; start += perBatch) {
            QList<Message> adds;
            adds.reserve(perBatch);
            for (int i = start; i < start + perBatch; ++i) {
                // ~3 messages per conversation, every 10th without one
                Message m = mail(QString::number(i), i % 10 ? QByteArray::number(i / 3).rightJustified(16, '\0') : QByteArray(), i);
                m.preview = QStringLiteral("A short preview of the message body text");
                m.read = i % 4;
                adds.append(m);
            }
            QVERIFY2(store.syncApplier().applySyncBatch(batch(inbox, QString::number(start), adds)), qPrintable(store.lastError()));
        }
        const qint64 ms = qMax<qint64>(1, timer.elapsed());
        const double cpuSeconds = double(std::clock() - cpuStart) / CLOCKS_PER_SEC;
        qInfo("inserted %d messages in batches of %d in %lld ms: %lld rows/s (%.0f rows per CPU second)",
              total, perBatch, ms, total * 1000LL / ms, total / qMax(cpuSeconds, 0.001));
        QCOMPARE(store.messageStore().messageCount(inbox), total);

        // My reply in Sent to an old conversation brings it to the top.
        const QByteArray oldThread = QByteArray::number(1).rightJustified(16, '\0');
        QVERIFY(store.syncApplier().applySyncBatch(batch(sent, QStringLiteral("1"), {mail("r", oldThread, total, QStringLiteral("me"))})));

        timer.restart();
        const QList<ConversationSummary> page = store.conversationStore().conversations(inbox, 0, 50);
        qInfo("conversations(): first page of 50 of a %d-message folder in %.1f ms", total,
              timer.nsecsElapsed() / 1e6);
        QCOMPARE(page.size(), 50);
        QCOMPARE(page[0].conversationId, oldThread);
        QCOMPARE(page[0].messageCount, 3 + 1); // messages 3, 4, 5 and the reply
        QCOMPARE(page[0].subject, QStringLiteral("Subject r"));
        QCOMPARE(page[0].participants, (QStringList{QStringLiteral("me"), QStringLiteral("alice@example.com")}));
        // The rest follows the generator: newest message first, each conversation once.
        QHash<int, bool> seen;
        int next = 1;
        for (int i = total - 1; next < page.size(); --i) {
            const bool single = i % 10 == 0;
            if (!single && (i / 3 == 1 || std::exchange(seen[i / 3], true)))
                continue;
            QCOMPARE(page[next].latest, at(i));
            QCOMPARE(page[next].serverId, single ? QString::number(i) : QString());
            ++next;
        }
        // Both strategies agree: no limit collects instead of walking.
        const QList<ConversationSummary> all = store.conversationStore().conversations(inbox);
        for (int i = 0; i < page.size(); ++i) {
            QCOMPARE(all[i].conversationId, page[i].conversationId);
            QCOMPARE(all[i].messageCount, page[i].messageCount);
            QCOMPARE(all[i].unreadCount, page[i].unreadCount);
        }
        QCOMPARE(store.conversationStore().conversations(sent).value(0).messageCount, 4); // small folder: collected

        timer.restart();
        const auto deep = store.conversationStore().conversations(inbox, 20000, 50);
        qInfo("conversations(): page at offset 20000 in %.1f ms", timer.nsecsElapsed() / 1e6);
        QCOMPARE(deep.size(), 50);
    }
};

QTEST_GUILESS_MAIN(TestStore)
#include "tst_store.moc"
