// skein-cli account add: Autodiscover from --email (or --url and --user as
// before), then a password (Basic) or the device code flow (OAuth), then the
// first connection. docs/signin.md says what each step sends.

#include "CliSupport.h"

#include "Autodiscover.h"
#include "DeviceCodeFlow.h"
#include "KeychainTokenStore.h"
#include "OAuthTokenProvider.h"
#include "ServerAddress.h"

#include <QTextStream>
#include <QUuid>

namespace skein::cli {

using eas::SyncEngine;
using eas::SyncReport;

namespace {

// What account add was asked to set up, after Autodiscover.
struct Target {
    QString url;
    QString path;      // empty: keep the default or the stored one
    QString user;
    QString email;
    bool oauth = false;
    eas::OAuthConfig oauthConfig;
};

QString option(const Invocation &in, const char *name)
{
    return in.options.value(QString::fromLatin1(name));
}

bool isSet(const Invocation &in, const char *name)
{
    return in.options.isSet(QString::fromLatin1(name));
}

// --url/--user as before, or Autodiscover from --email; nullopt with the
// reason printed.
std::optional<Target> resolveTarget(const Invocation &in, int *code)
{
    Target target;
    // --url takes a base URL or the whole endpoint URL a server prints.
    const ServerAddress typed = ServerAddress::fromTyped(option(in, "url"), option(in, "path"));
    target.url = typed.url;
    target.path = typed.path;
    target.user = option(in, "user");
    target.email = option(in, "email");
    if (target.url.isEmpty() && target.email.isEmpty()) {
        *code = fail(Usage, QStringLiteral("account add needs --email, or --url and --user"));
        return std::nullopt;
    }
    if (target.user.isEmpty())
        target.user = target.email;

    const std::unique_ptr<eas::Transport> transport = makeTransport();
    eas::Autodiscover autodiscover(*transport);
    autodiscover.setCandidates(eas::Autodiscover::candidatesFromEnvironment(QUrl(option(in, "autodiscover-url"))));
    eas::DiscoveredAccount found;
    if (target.url.isEmpty()) {
        const eas::AutodiscoverResult result = autodiscover.discover(target.email);
        if (!result.ok()) {
            *code = fail(Unreachable, result.error + QStringLiteral(" (skein-cli: --url and --user)"));
            return std::nullopt;
        }
        found = result.account;
        target.url = found.url;
        if (target.path.isEmpty())
            target.path = found.endpointPath;
        if (!isSet(in, "user"))
            target.user = found.user;
    } else if (isSet(in, "oauth") && !isSet(in, "authority")) {
        // --url and --oauth: the server's Bearer challenge names the authority.
        found.url = target.url;
        found.endpointPath = typed.pathOrDefault();
        QString error;
        if (!autodiscover.probeAuthentication(&found, &error)) {
            *code = fail(Unreachable, error);
            return std::nullopt;
        }
    }
    if (target.user.isEmpty()) {
        *code = fail(Usage, QStringLiteral("account add --url needs --user (or --email)"));
        return std::nullopt;
    }
    // OAuth when asked, or when the server offers nothing else.
    target.oauth = isSet(in, "oauth") || found.methods == QStringList{QStringLiteral("oauth")};
    if (target.oauth) {
        if (isSet(in, "authority"))
            target.oauthConfig.authority = option(in, "authority");
        else if (!found.authority.isEmpty())
            target.oauthConfig.authority = found.authority;
        if (isSet(in, "tenant"))
            target.oauthConfig.tenant = option(in, "tenant");
        target.oauthConfig.clientId = eas::OAuthConfig::resolveClientId(option(in, "client-id"));
        if (target.oauthConfig.clientId.isEmpty()) {
            *code = fail(Usage, QStringLiteral("account add --oauth needs --client-id or %1 (docs/signin.md says how "
                                               "an administrator registers one)")
                                    .arg(QLatin1String(eas::OAuthConfig::kClientIdVariable)));
            return std::nullopt;
        }
    }
    return target;
}

// The device code flow on this (the main) thread: skein-cli has nothing
// else to do meanwhile. The instructions go to stderr so that stdout stays
// the command's result.
std::optional<eas::OAuthTokens> signInWithDeviceCode(const Target &target, int *code)
{
    const std::unique_ptr<eas::Transport> transport = makeTransport();
    eas::OAuthClient client(*transport, target.oauthConfig);
    eas::DeviceCodeFlow flow(client);
    flow.setPrompt([](const eas::DeviceCodeGrant &grant) {
        QTextStream(stderr) << grant.instructions() << "\n" << Qt::flush;
    });
    const eas::DeviceCodeFlow::Outcome outcome = flow.run(target.email.isEmpty() ? target.user : target.email);
    if (!outcome.ok()) {
        *code = fail(exitCodeFor(outcome.error), failureReason(outcome.message));
        return std::nullopt;
    }
    return outcome.answer.tokens;
}

// --password-stdin: the first line of standard input, for scripts.
QString passwordFromStdin()
{
    QTextStream in(stdin);
    return in.readLine();
}

} // namespace

int accountAdd(const Invocation &in)
{
    int code = Ok;
    const std::optional<Target> target = resolveTarget(in, &code);
    if (!target)
        return code;
    QString error;
    if (!in.profile.ensurePrivate(&error))
        return fail(Failed, error);

    Credentials credentials;
    std::shared_ptr<KeychainTokenStore> keychain;
    if (target->oauth) {
        const std::optional<eas::OAuthTokens> tokens = signInWithDeviceCode(*target, &code);
        if (!tokens)
            return code;
        // The engine reads the refresh token from the store; the keychain
        // gets it only once the account works (below), as with passwords.
        credentials.tokens = std::make_shared<eas::InMemoryTokenStore>(tokens->refreshToken);
        credentials.initialTokens = *tokens;
    } else {
        credentials.password = isSet(in, "password-stdin")
            ? passwordFromStdin()
            : obtainPassword(in.profile, target->url, target->user, &error);
        if (credentials.password.isEmpty())
            return fail(AuthFailed, error.isEmpty() ? QStringLiteral("no password on standard input") : error);
    }

    const bool existed = in.profile.exists();
    {
        Store store;
        if (!store.open(in.profile.databasePath()))
            return fail(Failed, store.lastError());
        AccountSettings account = store.accountStore().account().value_or(AccountSettings{});
        const bool sameServer = account.url == target->url && account.user == target->user;
        account.url = target->url;
        account.user = target->user;
        account.email = target->email;
        if (!target->path.isEmpty())
            account.endpointPath = target->path;
        if (account.deviceId.isEmpty())
            account.deviceId = QUuid::createUuid().toString(QUuid::Id128).toUpper();
        if (!sameServer) {
            account.protocolVersion.clear();
            account.policyKey.clear();
        }
        account.authMethod = target->oauth ? AccountSettings::AuthMethod::OAuth : AccountSettings::AuthMethod::Basic;
        account.oauthAuthority = target->oauth ? target->oauthConfig.authority : QString();
        account.oauthTenant = target->oauth ? target->oauthConfig.tenant : QString();
        account.oauthClientId = target->oauth ? target->oauthConfig.clientId : QString();
        if (!store.accountStore().saveAccount(account))
            return fail(Failed, store.lastError());
    }

    SyncReport report;
    {
        const auto engine = makeEngine(in, credentials);
        QObject::connect(engine.get(), &SyncEngine::connected, engine.get(), [&](const SyncReport &r) { report = r; });
        runEngine(*engine, &SyncEngine::connected, [&] { engine->connectAccount(); });
    }
    if (!report.ok()) {
        if (!existed)
            in.profile.removeDatabase(); // leave no half-made account behind
        return failRequest(exitCodeFor(report.error), report.message);
    }
    if (target->oauth) {
        // The latest refresh token (it may have rotated during the connect).
        const QString refreshToken = credentials.tokens->loadRefreshToken(nullptr);
        if (!KeychainTokenStore(in.profile, target->user).saveRefreshToken(refreshToken, &error))
            return fail(Failed, error + QStringLiteral(" Without it Skein cannot sync this account later."));
    } else if (!isSet(in, "no-save") && !savePassword(in.profile, target->url, target->user, credentials.password, &error)) {
        QTextStream(stderr) << "skein-cli: warning: " << error << "\n";
    }

    Store store;
    store.open(in.profile.databasePath());
    const AccountSettings account = store.accountStore().account().value_or(AccountSettings{});
    out() << "Account " << target->user << " at " << target->url << account.endpointPath << " added (ActiveSync "
          << account.protocolVersion << ", " << store.folderStore().folders().size() << " folders"
          << (target->oauth ? QStringLiteral(", signed in with OAuth") : QString()) << ").\n";
    return Ok;
}

} // namespace skein::cli
