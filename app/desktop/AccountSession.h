#pragma once

#include "AccountFlow.h"
#include "NewMailWatch.h"
#include "Profile.h"
#include "Store.h"
#include "SyncStatus.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

#include <memory>

namespace skein::eas {
class SyncEngine;
}

namespace skein::desktop {

// One account of the profile as the desktop app runs it: its store (a read
// connection on the GUI thread, for the folder pane, alerts and settings),
// its own sync engine (thread, scheduler, sync state, push) and the
// credentials that engine signed in with. The window shows one account at a
// time; the others keep syncing and notifying in the background.
class AccountSession : public QObject
{
    Q_OBJECT
public:
    // name: the profile's account name, empty for the default account.
    AccountSession(const QString &profileDirectory, const QString &name, QObject *parent = nullptr);
    ~AccountSession() override; // the engine first: its thread writes the store

    QString name() const { return m_profile.account(); }
    const cli::Profile &profile() const { return m_profile; }
    Store &store() { return m_store; }
    // Makes the account's folder private and opens its store.
    bool open(QString *error);
    bool hasAccount() const { return m_store.accountStore().account().has_value(); }
    // The address mail comes to: the account's email, else its user name.
    QString address() const;
    // "alice@skein.test — 127.0.0.1": the settings' and the status bar's.
    QString label() const;
    // The address mail goes out from (eas::ownAddress). Kept once known: it
    // may read all of Sent Items, which should not happen on every composer.
    QString ownAddress();

    eas::SyncEngine *engine() const { return m_engine.get(); }
    // A new engine for these credentials (the old one finishes its running
    // job first): the engine reads account and credentials once.
    eas::SyncEngine *startEngine(const EngineCredentials &credentials, int filterType);
    void stopEngine();
    const EngineCredentials &credentials() const { return m_credentials; }

    // Live state the app keeps per account.
    bool syncing = false;
    bool pushListening = false;
    QTimer syncTimer; // the interval, or push's fallback
    std::unique_ptr<NewMailWatch> newMail; // from the first finished sync on
    QStringList folderSignature;           // to tell the window only when the hierarchy changed
    ui::SyncStatus::State status;          // the status bar's while another account is shown
    // Context of the engine's connections to the window while this account
    // is the one shown; deleting it cuts them, queued calls included.
    QPointer<QObject> windowLink;

private:
    cli::Profile m_profile;
    Store m_store;
    std::unique_ptr<eas::SyncEngine> m_engine;
    EngineCredentials m_credentials;
    QString m_ownAddress;
};

} // namespace skein::desktop
