#pragma once

#include "Store.h"

#include <QObject>

namespace skein::eas {
class SyncEngine;
}
namespace skein::ui {
class MainWindow;
}

namespace skein::desktop {

class AccountSession;
class AccountSessions;
class AccountSetup;

// What the window asks of the shown account's engine and what comes back:
// the conversation actions' journal (sent, refused, undone), find and
// server search, bodies, attachments, the Outbox's Send Now and its
// outcomes, drafts deleted in the Drafts view.
class EngineRequests : public QObject
{
    Q_OBJECT
public:
    EngineRequests(AccountSessions &sessions, AccountSetup &setup, ui::MainWindow *window,
                        QObject *parent = nullptr);

Q_SIGNALS:
    // The engine sent the action journal (SyncEngine::replayFinished).
    void actionsReplayed(bool ok);
    // The reading pane got a fetched body (the screenshot waits for it).
    void bodyShown();

private:
    void wireWindowActions();
    void wireWindowOutbox();
    void wireEngine(AccountSession *session);
    // While the account is shown (context: its window link).
    void linkEngineActions(AccountSession *session);
    void linkEngineOutbox(AccountSession *session);
    eas::SyncEngine *engine() const;

    AccountSessions &m_sessions;
    Store &m_store; // the window's
    AccountSetup &m_setup;
    ui::MainWindow *m_window;
};

} // namespace skein::desktop
