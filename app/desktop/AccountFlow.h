#pragma once

#include "AccountDialog.h"
#include "AccountDiscovery.h"
#include "OAuthSignIn.h"
#include "Profile.h"
#include "Store.h"
#include "SyncRunner.h"
#include "TokenStore.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>
#include <memory>
#include <optional>

namespace skein::desktop {

// What a new engine signs in with: a password (Basic), or the place the
// refresh token lives plus the sign-in's own tokens (OAuth).
struct EngineCredentials {
    QString password;
    std::shared_ptr<eas::TokenStore> tokenStore; // set for an OAuth account
    eas::OAuthTokens initialTokens;              // the browser sign-in's tokens; memory only

    bool usesOAuth() const { return tokenStore != nullptr; }
};

// The account dialog's round trip. Email first: Autodiscover (plus the
// OPTIONS probe) fills the dialog; then either a password, connected through
// a new engine and kept in the keychain, or "Sign in with Microsoft": the
// system browser, the loopback redirect, the refresh token into the keychain
// (only there), and a new engine with the tokens. Also the "sign in again"
// dialog for an OAuth account whose sign-in expired or was revoked.
class AccountFlow : public QObject
{
    Q_OBJECT
public:
    // Starts an engine with `credentials` and calls connectAccount; `done` gets its report.
    using Connector =
        std::function<void(const EngineCredentials &credentials, std::function<void(const eas::SyncReport &)> done)>;
    // Opens the authorize URL in a browser and says whether one started;
    // QDesktopServices::openUrl unless replaced (tests).
    using BrowserLauncher = std::function<bool(const QUrl &authorizeUrl)>;

    AccountFlow(const cli::Profile &profile, Store &store, Connector connector, QObject *parent = nullptr);
    ~AccountFlow() override;

    void setBrowserLauncher(BrowserLauncher launcher) { m_launcher = std::move(launcher); }

    // Shows the dialog, prefilled from the store's account when there is one;
    // `failure` (when set) explains why it asks again, e.g. a changed password.
    void start(std::optional<ui::AccountDialog::DialogError> failure = {}, const QString &message = {});
    // The stored OAuth account's sign-in is gone (ErrorKind::SignInRequired):
    // only "Sign in with Microsoft", with `detail` (the engine's sentence).
    void startSignInAgain(const QString &detail);
    ui::AccountDialog *dialog() const { return m_dialog; }
    EngineCredentials credentials() const { return m_credentials; } // the ones that connected
    QString keychainWarning() const { return m_keychainWarning; }
    bool wasSignInAgain() const { return m_signingInAgain; }

    // How long "Connected, ActiveSync 16.1" stays visible before the window opens.
    static constexpr int kConnectedPauseMs = 1200;
    // A browser sign-in nobody finishes ends after this (the loopback port
    // should not stay open for ever); the user can always start it again.
    static constexpr int kBrowserSignInTimeoutMs = 10 * 60 * 1000;
    void setBrowserSignInTimeout(int ms) { m_signInTimeout.setInterval(ms); }
    static QString browserTimeoutText();

Q_SIGNALS:
    void accountReady(); // connected; the dialog closes right after
    void cancelled();

private:
    void ensureDialog();
    void ensureDiscovery();
    void ensureSignIn();
    void onDiscoverRequested(const QString &email);
    void onDiscovered(const eas::DiscoveredAccount &account);
    void onConnectRequested(const QString &url, const QString &path, const QString &user, const QString &password);
    void onOAuthSignInRequested(const QString &url, const QString &path, const QString &user);
    void onOpenBrowser(const QUrl &authorizeUrl);
    void onSignedIn(const eas::OAuthTokens &tokens);
    void onSignInFailed(const QString &message);
    void onBrowserTimeout();
    void cancelSignIn();
    eas::OAuthConfig oauthConfigFor(const QString &url) const;
    bool saveOAuthAccount();
    std::shared_ptr<eas::TokenStore> keepRefreshToken(const QString &refreshToken);
    void connectWith(const EngineCredentials &credentials);
    void onConnected(const eas::SyncReport &report, const EngineCredentials &credentials);
    void finish();

    cli::Profile m_profile;
    Store &m_store;
    Connector m_connector;
    BrowserLauncher m_launcher;
    QPointer<ui::AccountDialog> m_dialog;
    eas::AccountDiscovery *m_discovery = nullptr; // made on first use
    eas::OAuthSignIn *m_signIn = nullptr;         // made on first use
    QTimer m_signInTimeout;
    std::optional<eas::DiscoveredAccount> m_discovered; // the last lookup's answer
    struct PendingOAuth {
        QString url, path, user;
        eas::OAuthConfig config;
    } m_pendingOAuth; // what the browser sign-in under way is for
    EngineCredentials m_credentials;
    QString m_keychainWarning;
    bool m_signingInAgain = false;
    int m_attempt = 0; // a late report from an abandoned attempt is ignored
};

// Saves url/path/user into the store's account, keeping the device id (the
// server knows this device by it) or making one; a different server or user
// starts without a negotiated version, policy key or hierarchy key.
bool saveAccountSettings(Store &store, const QString &url, const QString &path, const QString &user);

// A new device id: 32 hex characters, as [MS-ASHTTP] allows (1-32 alphanumerics).
QString newDeviceId();

// Autodiscover's answer as the dialog shows it.
ui::Discovery toDialogDiscovery(const eas::DiscoveredAccount &account);

} // namespace skein::desktop
