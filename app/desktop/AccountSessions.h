#pragma once

#include "AccountSession.h"
#include "Profile.h"
#include "Store.h"
#include "SyncRunner.h"

#include <QObject>

#include <functional>
#include <memory>
#include <vector>

class QWidget;

namespace skein::ui {
class MainWindow;
}

namespace skein::desktop {

// The profile's accounts as the desktop app runs them: a session per account
// (store, engine, timer, alerts), which one the window shows (the active
// one, read through the window's own store connection), switching, adding
// and removing. The other controllers never wire an engine on their own:
// they are told when one starts (engineStarted, every account) and when
// the window links to one (windowLinked, the account shown).
class AccountSessions : public QObject
{
    Q_OBJECT
public:
    static constexpr int kSyncIntervalMs = 5 * 60 * 1000;

    // windowStore: the connection the window reads; reopened on the account shown.
    AccountSessions(const cli::Profile &profile, Store &windowStore, QObject *parent = nullptr);
    ~AccountSessions() override;

    // Makes the profile private and opens a session per account; demo: the
    // default account is the one shown, whether set up or not.
    bool open(bool demo, QString *error);
    // The window the sessions show; its account requests come here.
    void attachWindow(ui::MainWindow *window);
    // Stops every engine and closes every store: the app is ending.
    void closeAll();

    // The profile's accounts, the default first.
    QList<AccountSession *> all() const;
    AccountSession *active() const { return m_active; }
    AccountSession *find(const QString &name) const;
    eas::SyncEngine *activeEngine() const;
    // The window's connection, on the active account's store.
    Store &windowStore() const { return m_store; }

    AccountSession *addSession(const QString &name, QString *error);
    QString nextAccountName() const;
    // Shows the account (its Inbox); false if its store could not be opened.
    bool switchToAccount(const QString &name);
    // Opens the account's store in the window; what it lists is the caller's choice.
    bool showAccount(const QString &name);
    void selectInbox();
    void updateFolderPaneAccounts();
    // Asks first (over parent); Skein keeps at least one account.
    void confirmRemoveAccount(const QString &name, QWidget *parent);
    // Stops its engine, deletes its store and its keychain entries.
    bool removeAccount(const QString &name, QString *error);

    // One engine per password or sign-in: the engine reads the account and its
    // credentials once, on its thread, so new ones mean a new engine.
    void startEngine(AccountSession *session, const EngineCredentials &credentials);
    // A new engine that connects the account first; `done` gets its report.
    void connectAccount(AccountSession *session, const EngineCredentials &credentials,
                        std::function<void(const eas::SyncReport &)> done);

Q_SIGNALS:
    void syncDue(skein::desktop::AccountSession *session); // its interval timer fired
    // A new engine for the session: connect what every account reports.
    void engineStarted(skein::desktop::AccountSession *session);
    // The window shows the session: connect, with session->windowLink as
    // context, what only the window wants.
    void windowLinked(skein::desktop::AccountSession *session);
    void aboutToRemove(skein::desktop::AccountSession *session);
    void accountRemoved();

private:
    // The engine's connections to the window, made while the account is shown.
    void linkToWindow(AccountSession *session);

    cli::Profile m_profile; // the profile itself (its default account)
    Store &m_store;         // the GUI thread's connection to the active account's store
    ui::MainWindow *m_window = nullptr;
    // The accounts, the default first; m_active is the one the window shows.
    std::vector<std::unique_ptr<AccountSession>> m_sessions;
    AccountSession *m_active = nullptr;
};

} // namespace skein::desktop
