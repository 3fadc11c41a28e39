#pragma once

#include "AccountDialog.h"
#include "Profile.h"
#include "Store.h"
#include "SyncRunner.h"

#include <QObject>
#include <QPointer>

#include <functional>
#include <optional>

namespace skein::desktop {

// The account dialog's round trip: save the settings, connect through a new
// engine with the typed password, report the outcome in the dialog, and on
// success keep the password in the keychain (only there) before handing over.
class AccountFlow : public QObject
{
    Q_OBJECT
public:
    // Starts an engine for `password` and calls connectAccount; `done` gets its report.
    using Connector = std::function<void(const QString &password, std::function<void(const eas::SyncReport &)> done)>;

    AccountFlow(const cli::Profile &profile, Store &store, Connector connector, QObject *parent = nullptr);
    ~AccountFlow() override;

    // Shows the dialog, prefilled from the store's account when there is one;
    // `failure` (when set) explains why it asks again, e.g. a changed password.
    void start(std::optional<ui::AccountDialog::DialogError> failure = {}, const QString &message = {});
    ui::AccountDialog *dialog() const { return m_dialog; }
    QString password() const { return m_password; } // the one that connected
    QString keychainWarning() const { return m_keychainWarning; }

    // How long "Connected, ActiveSync 16.1" stays visible before the window opens.
    static constexpr int kConnectedPauseMs = 1200;

Q_SIGNALS:
    void accountReady(); // connected; the dialog closes right after
    void cancelled();

private:
    void onConnectRequested(const QString &url, const QString &path, const QString &user, const QString &password);
    void onConnected(const eas::SyncReport &report, const QString &password);
    void finish();

    cli::Profile m_profile;
    Store &m_store;
    Connector m_connector;
    QPointer<ui::AccountDialog> m_dialog;
    QString m_password;
    QString m_keychainWarning;
    int m_attempt = 0; // a late report from an abandoned attempt is ignored
};

// Saves url/path/user into the store's account, keeping the device id (the
// server knows this device by it) or making one; a different server or user
// starts without a negotiated version, policy key or hierarchy key.
bool saveAccountSettings(Store &store, const QString &url, const QString &path, const QString &user);

// A new device id: 32 hex characters, as [MS-ASHTTP] allows (1-32 alphanumerics).
QString newDeviceId();

} // namespace skein::desktop
