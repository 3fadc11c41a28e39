#include "Store.h"

#include "FullTextSearch.h"
#include "Migrations.h"
#include "StorePrivate.h"

#include <QFile>
#include <QFileInfo>

namespace skein {

namespace {

// The GUI reads while the sync thread writes; a writer holds the lock for one
// batch (milliseconds), so waiting a few seconds only happens when stuck.
constexpr int busyTimeoutMs = 5000;

bool setJournalModeWal(sqlite3 *db)
{
    sqlite3_stmt *stmt = nullptr;
    if (sqlite3_prepare_v2(db, "PRAGMA journal_mode = WAL", -1, &stmt, nullptr) != SQLITE_OK)
        return false;
    bool ok = sqlite3_step(stmt) == SQLITE_ROW;
    if (ok) {
        // An in-memory database answers "memory"; anything else means WAL failed.
        const auto *mode = reinterpret_cast<const char *>(sqlite3_column_text(stmt, 0));
        const QByteArray answer(mode);
        ok = answer == "wal" || answer == "memory";
    }
    sqlite3_finalize(stmt);
    return ok;
}

bool configure(sqlite3 *db)
{
    sqlite3_extended_result_codes(db, 1);
    sqlite3_busy_timeout(db, busyTimeoutMs);
    // NORMAL is durable across application crashes in WAL mode; only a power
    // loss can drop the last commits, which the next sync fetches again.
    // A 64 MiB page cache keeps the message indexes of a large folder in
    // memory while a sync inserts into them (the cache grows only as pages
    // are read): with 16 MiB, inserting a message cost 1.6x as much at 100k
    // stored messages as at 20k, as the indexes keyed by conversation outgrew
    // it; with 64 MiB, 1.06x (bench_sync).
    return sql::execute(db, "PRAGMA foreign_keys = ON") && setJournalModeWal(db)
        && sql::execute(db, "PRAGMA synchronous = NORMAL")
        && sql::execute(db, "PRAGMA cache_size = -65536")
        // Checkpoints every ~40 MiB of WAL instead of every 4 MiB: an index
        // page a sync changes again and again is copied to the database once
        // per checkpoint, not once per few batches (bench_sync: storing 100k
        // messages 18 % faster).
        && sql::execute(db, "PRAGMA wal_autocheckpoint = 10000");
}

// A new database is readable by its user only, whatever the umask; SQLite
// gives the -wal and -shm files it creates the database file's permissions.
void createPrivately(const QString &path)
{
    if (path.isEmpty() || path.startsWith(QLatin1Char(':')) || QFileInfo::exists(path))
        return; // temporary or in-memory, or already there
    QFile file(path);
    // An empty file is an empty database to SQLite. If this fails, the open
    // below fails with SQLite's own reason.
    file.open(QIODevice::WriteOnly | QIODevice::NewOnly, QFile::ReadOwner | QFile::WriteOwner);
}

} // namespace

void Store::Private::close()
{
    statements.clear(); // finalized first: sqlite3_close refuses live statements
    if (db)
        sqlite3_close_v2(db);
    db = nullptr;
    path.clear();
    smallFolders.clear(); // the next connection counts afresh
    smallFoldersChanges = smallFoldersVersion = -1;
}

sql::Statement Store::Private::prepare(const char *text) const
{
    if (!db) {
        failWith(QStringLiteral("the store is not open"));
        return {};
    }
    sql::Statement statement = statements.get(db, text);
    if (!statement.isValid())
        fail(QStringLiteral("preparing a statement"));
    return statement;
}

bool Store::Private::fail(const QString &what) const
{
    if (!db)
        return failWith(what + QStringLiteral(": the store is not open"));
    const QString message = QString::fromUtf8(sqlite3_errmsg(db));
    if ((sqlite3_extended_errcode(db) & 0xff) == SQLITE_FULL)
        return failWith(QStringLiteral("disk full while %1: %2").arg(what, message));
    return failWith(QStringLiteral("%1: %2").arg(what, message));
}

bool Store::Private::failWith(const QString &message) const
{
    error = message;
    return false;
}

bool Store::Private::check(int stepResult, const QString &what) const
{
    return stepResult == SQLITE_DONE || fail(what);
}

Store::Store() : d(std::make_unique<Private>()) {}

Store::~Store() = default;

bool Store::open(const QString &path)
{
    d->close();
    d->error.clear();
    createPrivately(path);
    // No SQLITE_OPEN_URI: a path is a path. NOMUTEX: a Store is used by one
    // thread at a time (see Store.h), so SQLite's per-call locking is waste.
    const int rc = sqlite3_open_v2(QFile::encodeName(path).constData(), &d->db,
                                   SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE
                                       | SQLITE_OPEN_NOMUTEX, nullptr);
    const QString what = QStringLiteral("opening %1").arg(path);
    // The full-text index's triggers call them on every write of a message or body.
    if (rc != SQLITE_OK || !configure(d->db) || !fts::registerFunctions(d->db, &d->ftsDeferred)) {
        d->fail(what);
        d->close();
        return false;
    }
    QString error;
    if (!runMigrations(d->db, &error)) {
        d->failWith(QStringLiteral("%1: %2").arg(what, error));
        d->close();
        return false;
    }
    d->path = path;
    return true;
}

QString Store::lastError() const { return d->error; }

QString Store::path() const { return d->path; }

sqlite3 *Store::handle() const { return d->db; }

std::optional<AccountSettings> Store::account() const
{
    auto q = d->prepare("SELECT url, endpoint_path, user_name, device_id, protocol_version, "
                        "policy_key, folder_sync_key, auth_method, email, oauth_authority, oauth_tenant, "
                        "oauth_client_id FROM account WHERE id = 1");
    if (!q.isValid())
        return std::nullopt;
    const int rc = q.step();
    if (rc != SQLITE_ROW) {
        if (rc != SQLITE_DONE)
            d->fail(QStringLiteral("reading the account"));
        return std::nullopt;
    }
    AccountSettings account;
    account.url = q.text(0);
    account.endpointPath = q.text(1);
    account.user = q.text(2);
    account.deviceId = q.text(3);
    account.protocolVersion = q.text(4);
    account.policyKey = q.text(5);
    account.folderSyncKey = q.text(6);
    account.authMethod = authMethodFromName(q.text(7)).value_or(AccountSettings::AuthMethod::Basic);
    account.email = q.text(8);
    account.oauthAuthority = q.text(9);
    account.oauthTenant = q.text(10);
    account.oauthClientId = q.text(11);
    return account;
}

bool Store::saveAccount(const AccountSettings &account)
{
    auto q = d->prepare(
        "INSERT INTO account (id, url, endpoint_path, user_name, device_id, protocol_version, "
        "policy_key, folder_sync_key, auth_method, email, oauth_authority, oauth_tenant, oauth_client_id) "
        "VALUES (1, :url, :endpoint, :user, :device, :version, :policy, :folder_key, :auth, :email, "
        ":authority, :tenant, :client) ON CONFLICT (id) DO UPDATE SET url = excluded.url, "
        "endpoint_path = excluded.endpoint_path, user_name = excluded.user_name, "
        "device_id = excluded.device_id, protocol_version = excluded.protocol_version, "
        "policy_key = excluded.policy_key, folder_sync_key = excluded.folder_sync_key, "
        "auth_method = excluded.auth_method, email = excluded.email, "
        "oauth_authority = excluded.oauth_authority, oauth_tenant = excluded.oauth_tenant, "
        "oauth_client_id = excluded.oauth_client_id");
    if (!q.isValid())
        return false;
    q.bind(":url", account.url);
    q.bind(":endpoint", account.endpointPath);
    q.bind(":user", account.user);
    q.bind(":device", account.deviceId);
    q.bind(":version", account.protocolVersion);
    q.bind(":policy", account.policyKey);
    q.bind(":folder_key", account.folderSyncKey);
    q.bind(":auth", authMethodName(account.authMethod));
    q.bind(":email", account.email);
    q.bind(":authority", account.oauthAuthority);
    q.bind(":tenant", account.oauthTenant);
    q.bind(":client", account.oauthClientId);
    return d->check(q.step(), QStringLiteral("saving the account"));
}

QString authMethodName(AccountSettings::AuthMethod method)
{
    return method == AccountSettings::AuthMethod::OAuth ? QStringLiteral("oauth") : QStringLiteral("basic");
}

std::optional<AccountSettings::AuthMethod> authMethodFromName(const QString &name)
{
    if (name == QLatin1String("basic"))
        return AccountSettings::AuthMethod::Basic;
    if (name == QLatin1String("oauth"))
        return AccountSettings::AuthMethod::OAuth;
    return std::nullopt;
}

} // namespace skein
