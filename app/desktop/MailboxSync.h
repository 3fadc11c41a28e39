#pragma once

#include "CommandLine.h"
#include "Store.h"
#include "SyncRunner.h"

#include <QObject>
#include <QSet>

namespace skein::ui {
class MainWindow;
}

namespace skein::desktop {

class AccountSession;
class AccountSessions;
class AccountSetup;
class LiveMail;

// Syncing every account and showing the outcome: F5 and the timers, the
// window's status for the account shown, a notice for the others, the
// folder pane when a hierarchy changes, the mailbox opening on the Inbox,
// and the date filter (a new engine per account and an estimate first).
class MailboxSync : public QObject
{
    Q_OBJECT
public:
    // The window re-reads a changed folder at most this often during a sync
    // (the first change of a quiet spell at once).
    static constexpr int kWindowRefreshMs = 250;

    MailboxSync(AccountSessions &sessions, AccountSetup &setup, LiveMail &live, ui::MainWindow *window,
                const DesktopOptions &options, QObject *parent = nullptr);

    // Shows the active account's mailbox on its Inbox and syncs it.
    void openMailbox();
    // Check for new mail: every account (F5, the tray, the account's timer).
    void requestSync();
    void syncAccount(AccountSession *session);

Q_SIGNALS:
    void mailboxOpened();
    void syncCompleted(bool ok); // any account's sync
    // The shown account's sync ended (the screenshot waits for it).
    void shownAccountSynced(bool ok, const QString &message);

private:
    void bindRefreshKey();
    void wireEngine(AccountSession *session);
    void linkToWindow(AccountSession *session);
    void refreshFoldersIfChanged(AccountSession *session);
    void onSyncFinished(AccountSession *session, const eas::SyncReport &report);
    void changeSyncFilter(int filterType);
    void onEstimated(const QString &folderId, int status, int count, const QString &error);

    AccountSessions &m_sessions;
    Store &m_store; // the window's
    AccountSetup &m_setup;
    LiveMail &m_live;
    ui::MainWindow *m_window;
    const DesktopOptions &m_options;
    QSet<QString> m_estimating; // folders whose GetItemEstimate has not answered yet
    int m_estimateTotal = -1;
    QString m_estimateError;
};

} // namespace skein::desktop
