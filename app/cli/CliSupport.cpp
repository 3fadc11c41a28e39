#include "CliSupport.h"

#include "KeychainTokenStore.h"
#include "NetworkTransport.h"

#include <atomic>

namespace skein::cli {

using eas::ErrorKind;
using eas::SyncEngine;

namespace {

// The timeout of a request that went unanswered for all of it, 0 if none
// did. skein-cli runs one command per process, so one value serves it.
std::atomic<int> unansweredAfterMs{0};

// NetworkTransport, noting a request that got no answer within its timeout,
// so that skein-cli can say so in its own words.
class WatchedTransport final : public eas::Transport
{
public:
    eas::HttpResponse send(const eas::HttpRequest &request) override
    {
        eas::HttpResponse response = m_network.send(request);
        if (response.timedOut)
            unansweredAfterMs = request.timeoutMs;
        return response;
    }

private:
    eas::NetworkTransport m_network;
};

} // namespace

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

int fail(int code, const QString &reason)
{
    QTextStream(stderr) << "skein-cli: " << reason << "\n";
    return code;
}

QString failureReason(const QString &message)
{
    const int ms = unansweredAfterMs;
    if (!ms)
        return message;
    return QStringLiteral("the server did not answer within %1 seconds (--timeout)").arg(ms / 1000);
}

int failRequest(int code, const QString &message)
{
    return fail(unansweredAfterMs ? int(Unreachable) : code, failureReason(message));
}

int exitCodeFor(ErrorKind kind)
{
    switch (kind) {
    case ErrorKind::None: return Ok;
    case ErrorKind::Auth:
    case ErrorKind::SignInRequired: return AuthFailed;
    case ErrorKind::Network:
    case ErrorKind::Tls: return Unreachable;
    default: return Failed;
    }
}


// Opens the profile's store for reading; nullptr with the reason printed.
std::unique_ptr<OpenedStore> openProfile(const Profile &profile, int *code)
{
    if (!profile.exists()) {
        *code = profile.account().isEmpty()
            ? fail(NotFound, QStringLiteral("no account in %1; run 'skein-cli account add' first").arg(profile.directory()))
            : fail(NotFound, QStringLiteral("no account '%1' in %2; run 'skein-cli --account %1 account add' first")
                                 .arg(profile.account(), profile.directory()));
        return nullptr;
    }
    QString error;
    if (!profile.ensurePrivate(&error)) {
        *code = fail(Failed, error);
        return nullptr;
    }
    auto opened = std::make_unique<OpenedStore>();
    if (!opened->store.open(profile.databasePath())) {
        *code = fail(Failed, opened->store.lastError());
        return nullptr;
    }
    const std::optional<AccountSettings> account = opened->store.accountStore().account();
    if (!account) {
        *code = fail(NotFound, QStringLiteral("no account in %1").arg(profile.directory()));
        return nullptr;
    }
    opened->account = *account;
    return opened;
}

std::unique_ptr<eas::Transport> makeTransport()
{
    return std::make_unique<WatchedTransport>();
}

std::unique_ptr<eas::SyncEngine> makeEngine(const Invocation &in, const Credentials &credentials)
{
    SyncEngine::Config config;
    config.databasePath = in.profile.databasePath();
    config.password = credentials.password;
    config.tokenStore = credentials.tokens;
    config.initialTokens = credentials.initialTokens;
    config.requestTimeoutMs = in.timeoutSeconds * 1000;
    config.transportFactory = [] { return makeTransport(); };
    return std::make_unique<SyncEngine>(config);
}

void printFolderReport(const eas::FolderReport &folder)
{
    out() << folder.folderName << ": +" << folder.added << " ~" << folder.changed << " -" << folder.deleted;
    if (folder.softDeleted)
        out() << " (" << folder.softDeleted << " aged out)";
    if (folder.resynced)
        out() << " [resynchronised]";
    if (!folder.error.isEmpty())
        out() << " ERROR: " << folder.error;
    out() << "\n";
    for (const eas::ItemProblem &item : folder.skipped)
        out() << "  skipped item " << (item.serverId.isEmpty() ? QStringLiteral("(no id)") : item.serverId)
              << ": " << item.reason << "\n";
}

std::optional<Folder> resolveFolder(const Store &store, const QString &name, int *code)
{
    const std::optional<Folder> folder = store.folderStore().folderByName(name);
    if (!folder) {
        QStringList names;
        for (const Folder &f : store.folderStore().folders())
            if (isMailFolder(f.type))
                names.append(f.name);
        *code = fail(NotFound, QStringLiteral("no folder '%1' (folders: %2)").arg(name, names.join(QStringLiteral(", "))));
    }
    return folder;
}


std::optional<Credentials> credentialsFor(const Invocation &in, const OpenedStore &opened, int *code)
{
    Credentials credentials;
    if (opened.account.usesOAuth()) {
        credentials.tokens = std::make_shared<KeychainTokenStore>(in.profile, opened.account.user);
        return credentials;
    }
    QString error;
    credentials.password = obtainPassword(in.profile, opened.account.url, opened.account.user, &error);
    if (credentials.password.isEmpty()) {
        *code = fail(AuthFailed, error);
        return std::nullopt;
    }
    return credentials;
}

} // namespace skein::cli
