#include "AccountFlow.h"

#include "AccountEmailPage.h"
#include "KeychainTokenStore.h"
#include "SyncSummary.h"

#include <QDesktopServices>
#include <QRandomGenerator>

namespace skein::desktop {

QString newDeviceId()
{
    QByteArray bytes(16, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(bytes.data()), 4);
    return QString::fromLatin1(bytes.toHex().toUpper());
}

bool saveAccountSettings(Store &store, const QString &url, const QString &path, const QString &user)
{
    AccountSettings account = store.accountStore().account().value_or(AccountSettings{});
    const bool sameServer = account.url == url && account.user == user && account.endpointPath == path;
    account.url = url;
    account.endpointPath = path;
    account.user = user;
    if (account.deviceId.isEmpty())
        account.deviceId = newDeviceId();
    if (!sameServer) {
        account.protocolVersion.clear();
        account.policyKey.clear();
        account.folderSyncKey = QStringLiteral("0");
    }
    return store.accountStore().saveAccount(account);
}

ui::Discovery toDialogDiscovery(const eas::DiscoveredAccount &account)
{
    ui::Discovery discovery;
    discovery.url = account.url;
    discovery.path = account.endpointPath;
    discovery.user = account.user;
    discovery.basicOffered = account.methods.contains(QLatin1String("basic"));
    discovery.oauthOffered = account.methods.contains(QLatin1String("oauth"));
    discovery.serverName = account.displayName;
    return discovery;
}

QString AccountFlow::browserTimeoutText()
{
    return tr("No answer came back from the browser within %1 minutes, so Skein stopped waiting. "
              "Sign in again when you are ready.")
        .arg(kBrowserSignInTimeoutMs / 60000);
}

AccountFlow::AccountFlow(const cli::Profile &profile, Store &store, Connector connector, QObject *parent)
    : QObject(parent)
    , m_profile(profile)
    , m_store(store)
    , m_connector(std::move(connector))
    , m_launcher([](const QUrl &url) { return QDesktopServices::openUrl(url); })
{
    m_signInTimeout.setSingleShot(true);
    m_signInTimeout.setInterval(kBrowserSignInTimeoutMs);
    connect(&m_signInTimeout, &QTimer::timeout, this, &AccountFlow::onBrowserTimeout);
}

AccountFlow::~AccountFlow()
{
    if (m_signIn)
        m_signIn->cancel(); // closes the loopback listener before its thread ends
    delete m_dialog; // a top-level window without a parent
}

void AccountFlow::ensureDialog()
{
    if (m_dialog)
        return;
    m_dialog = new ui::AccountDialog;
    const QString storedClientId = m_store.accountStore().account().value_or(AccountSettings{}).oauthClientId;
    m_dialog->setClientId(eas::OAuthConfig::resolveClientId(storedClientId));
    connect(m_dialog, &ui::AccountDialog::discoverRequested, this, &AccountFlow::onDiscoverRequested);
    // The lookup runs on; its late answer finds the dialog past LookingUp and is dropped.
    connect(m_dialog, &ui::AccountDialog::discoveryCancelled, this, [this] { m_discovered.reset(); });
    connect(m_dialog, &ui::AccountDialog::connectRequested, this, &AccountFlow::onConnectRequested);
    connect(m_dialog, &ui::AccountDialog::oauthSignInRequested, this, &AccountFlow::onOAuthSignInRequested);
    connect(m_dialog, &ui::AccountDialog::signInCancelled, this, &AccountFlow::cancelSignIn);
    connect(m_dialog, &QDialog::rejected, this, [this] {
        cancelSignIn();
        Q_EMIT cancelled();
    });
}

void AccountFlow::start(std::optional<ui::AccountDialog::DialogError> failure, const QString &message)
{
    ensureDialog();
    m_signingInAgain = false;
    // A password account goes straight to its password; an OAuth account
    // (changing the account) starts from the email address like a new one.
    const std::optional<AccountSettings> account = m_store.accountStore().account();
    const bool passwordAccount = account && !account->usesOAuth();
    if (passwordAccount)
        m_dialog->setAccount(account->url, account->endpointPath, account->user);
    if (failure && passwordAccount)
        m_dialog->showFailed(*failure, message);
    m_dialog->show();
    m_dialog->raise();
    m_dialog->activateWindow();
}

void AccountFlow::startSignInAgain(const QString &detail)
{
    const std::optional<AccountSettings> account = m_store.accountStore().account();
    if (!account)
        return;
    ensureDialog();
    m_signingInAgain = true;
    m_dialog->showSignInAgain(account->url, account->endpointPath, account->user, detail);
    m_dialog->show();
    m_dialog->raise();
    m_dialog->activateWindow();
}

// ---- Autodiscover -----------------------------------------------------------

void AccountFlow::ensureDiscovery()
{
    if (m_discovery)
        return;
    // Its requests run on its own worker thread; the answer arrives here.
    m_discovery = new eas::AccountDiscovery(this);
    connect(m_discovery, &eas::AccountDiscovery::discovered, this, &AccountFlow::onDiscovered);
    connect(m_discovery, &eas::AccountDiscovery::failed, this, [this](const QString &message) {
        if (m_dialog && m_dialog->step() == ui::AccountDialog::Step::LookingUp)
            m_dialog->showDiscoveryFailed(message);
    });
}

void AccountFlow::onDiscoverRequested(const QString &email)
{
    ensureDiscovery();
    m_discovered.reset();
    m_discovery->discover(email);
}

void AccountFlow::onDiscovered(const eas::DiscoveredAccount &account)
{
    // A cancelled lookup's answer finds the dialog elsewhere and is dropped.
    if (!m_dialog || m_dialog->step() != ui::AccountDialog::Step::LookingUp)
        return;
    m_discovered = account;
    m_dialog->showDiscovered(toDialogDiscovery(account));
}

// ---- Password ---------------------------------------------------------------

void AccountFlow::onConnectRequested(const QString &url, const QString &path, const QString &user,
                                     const QString &password)
{
    cancelSignIn();
    const bool isNew = !m_store.accountStore().account();
    if (!saveAccountSettings(m_store, url, path, user)) {
        m_dialog->showFailed(ui::AccountDialog::DialogError::Other, m_store.lastError());
        return;
    }
    AccountSettings account = *m_store.accountStore().account();
    bool changed = false;
    if (account.usesOAuth()) { // the user chose a password for an account that had a sign-in
        account.authMethod = AccountSettings::AuthMethod::Basic;
        changed = true;
    }
    // A new account's address is the one the user typed first, even where the
    // server's user name is not an address: mail goes out from it.
    const QString typed = m_dialog->email().trimmed();
    if (isNew && account.email.isEmpty() && ui::AccountEmailPage::isPlausibleEmail(typed)) {
        account.email = typed;
        changed = true;
    }
    if (changed)
        m_store.accountStore().saveAccount(account);
    EngineCredentials credentials;
    credentials.password = password;
    connectWith(credentials);
}

// ---- Sign in with Microsoft -------------------------------------------------

void AccountFlow::ensureSignIn()
{
    if (m_signIn)
        return;
    // The loopback listener and the token requests run on its own thread.
    m_signIn = new eas::OAuthSignIn(this);
    connect(m_signIn, &eas::OAuthSignIn::openBrowser, this, &AccountFlow::onOpenBrowser);
    connect(m_signIn, &eas::OAuthSignIn::signedIn, this, &AccountFlow::onSignedIn);
    connect(m_signIn, &eas::OAuthSignIn::failed, this, &AccountFlow::onSignInFailed);
}

// Authority and tenant from the lookup that found this server, else from the
// stored account (sign in again), else Microsoft's; the client id from the
// dialog's Advanced field, the stored account or SKEIN_OAUTH_CLIENT_ID.
eas::OAuthConfig AccountFlow::oauthConfigFor(const QString &url) const
{
    eas::OAuthConfig config;
    const AccountSettings stored = m_store.accountStore().account().value_or(AccountSettings{});
    QString authority, tenant;
    if (m_discovered && m_discovered->url == url) {
        authority = m_discovered->authority;
        tenant = m_discovered->tenant;
    } else if (stored.url == url) {
        authority = stored.oauthAuthority;
        tenant = stored.oauthTenant;
    }
    if (!authority.isEmpty())
        config.authority = authority;
    if (!tenant.isEmpty())
        config.tenant = tenant;
    QString clientId = m_dialog ? m_dialog->clientId() : QString();
    if (clientId.isEmpty() && stored.url == url)
        clientId = stored.oauthClientId;
    config.clientId = eas::OAuthConfig::resolveClientId(clientId);
    return config;
}

void AccountFlow::onOAuthSignInRequested(const QString &url, const QString &path, const QString &user)
{
    const eas::OAuthConfig config = oauthConfigFor(url);
    if (config.clientId.isEmpty()) {
        m_dialog->showSignInFailed(eas::missingClientIdText());
        return;
    }
    ensureSignIn();
    m_pendingOAuth = PendingOAuth{url, path, user, config};
    ++m_attempt;
    m_signInTimeout.start();
    const QString loginHint = m_discovered ? m_discovered->email : user;
    m_signIn->startBrowserFlow(config, loginHint);
}

void AccountFlow::onOpenBrowser(const QUrl &authorizeUrl)
{
    const bool opened = m_launcher(authorizeUrl);
    if (m_dialog)
        m_dialog->showBrowserHandoff(authorizeUrl, opened);
}

void AccountFlow::onSignInFailed(const QString &message)
{
    m_signInTimeout.stop();
    if (m_dialog)
        m_dialog->showSignInFailed(message);
}

void AccountFlow::onBrowserTimeout()
{
    if (m_signIn)
        m_signIn->cancel();
    if (m_dialog && m_dialog->step() == ui::AccountDialog::Step::Browser)
        m_dialog->showSignInFailed(browserTimeoutText());
}

void AccountFlow::cancelSignIn()
{
    m_signInTimeout.stop();
    if (m_signIn)
        m_signIn->cancel();
}

void AccountFlow::onSignedIn(const eas::OAuthTokens &tokens)
{
    m_signInTimeout.stop();
    if (!m_dialog)
        return;
    if (!saveOAuthAccount()) {
        m_dialog->showFailed(ui::AccountDialog::DialogError::Other, m_store.lastError());
        return;
    }
    EngineCredentials credentials;
    credentials.tokenStore = keepRefreshToken(tokens.refreshToken);
    credentials.initialTokens = tokens;
    // The engine gets the refresh token from the store, never from here.
    credentials.initialTokens.refreshToken.clear();
    connectWith(credentials);
}

// The account row says how to sign in and where; no column holds a token.
bool AccountFlow::saveOAuthAccount()
{
    const PendingOAuth &p = m_pendingOAuth;
    if (!saveAccountSettings(m_store, p.url, p.path, p.user))
        return false;
    AccountSettings account = *m_store.accountStore().account();
    account.authMethod = AccountSettings::AuthMethod::OAuth;
    if (m_discovered && m_discovered->url == p.url)
        account.email = m_discovered->email;
    else if (account.email.isEmpty() && p.user.contains(QLatin1Char('@')))
        account.email = p.user;
    account.oauthAuthority = p.config.authority;
    account.oauthTenant = p.config.tenant;
    account.oauthClientId = p.config.clientId;
    return m_store.accountStore().saveAccount(account);
}

// The refresh token goes into the keychain and nowhere else. When the
// keychain refuses, this session keeps it in memory and the user is told
// that the next start will ask them to sign in again.
std::shared_ptr<eas::TokenStore> AccountFlow::keepRefreshToken(const QString &refreshToken)
{
    m_keychainWarning.clear();
    auto keychain = std::make_shared<cli::KeychainTokenStore>(m_profile, m_pendingOAuth.user);
    QString error;
    if (keychain->saveRefreshToken(refreshToken, &error))
        return keychain;
    m_keychainWarning = error.isEmpty() ? tr("The system keychain did not keep the sign-in.") : error;
    return std::make_shared<eas::InMemoryTokenStore>(refreshToken);
}

// ---- Connecting -------------------------------------------------------------

void AccountFlow::connectWith(const EngineCredentials &credentials)
{
    m_dialog->showConnecting();
    const int attempt = ++m_attempt;
    m_connector(credentials, [this, attempt, credentials](const eas::SyncReport &report) {
        if (attempt == m_attempt)
            onConnected(report, credentials);
    });
}

void AccountFlow::onConnected(const eas::SyncReport &report, const EngineCredentials &credentials)
{
    if (!m_dialog)
        return;
    if (!report.ok()) {
        if (credentials.usesOAuth())
            m_dialog->showSignInFailed(report.message);
        else
            m_dialog->showFailed(dialogErrorFor(report.error), report.message);
        return;
    }
    const AccountSettings account = m_store.accountStore().account().value_or(AccountSettings{});
    QString error;
    if (!credentials.usesOAuth()) {
        m_keychainWarning.clear();
        // The keychain is the only place the password is kept; a failure here is
        // not fatal (the app works this session) but the user must hear of it.
        if (!cli::savePassword(m_profile, account.url, account.user, credentials.password, &error))
            m_keychainWarning = error;
    }
    m_credentials = credentials;
    m_dialog->showConnected(account.protocolVersion, int(m_store.folderStore().folders().size()));
    QTimer::singleShot(kConnectedPauseMs, this, &AccountFlow::finish);
}

// The window opens before the dialog closes: closing the only visible window
// would otherwise end the application.
void AccountFlow::finish()
{
    Q_EMIT accountReady();
    if (m_dialog)
        m_dialog->accept();
}

} // namespace skein::desktop
