#include "MailboxSync.h"

#include "AccountSessions.h"
#include "AccountSetup.h"
#include "ChangeThrottle.h"
#include "LiveMail.h"
#include "MainWindow.h"
#include "StatusArea.h"
#include "SyncEngine.h"
#include "SyncFilterControl.h"
#include "SyncSummary.h"
#include "WindowActions.h"

#include <QAction>
#include <QShortcut>

#include <algorithm>

namespace skein::desktop {

namespace {

bool hasRefreshShortcut(const QWidget &window)
{
    const QList<QAction *> actions = window.findChildren<QAction *>();
    return std::any_of(actions.begin(), actions.end(), [](const QAction *action) {
        return action->shortcuts().contains(QKeySequence(Qt::Key_F5));
    });
}

QStringList folderIds(const Store &store)
{
    QStringList ids;
    for (const Folder &folder : store.folderStore().folders())
        ids.append(folder.serverId + QLatin1Char('\t') + folder.name + QLatin1Char('\t') + folder.parentId);
    return ids;
}

} // namespace

MailboxSync::MailboxSync(AccountSessions &sessions, AccountSetup &setup, LiveMail &live, ui::MainWindow *window,
                         const DesktopOptions &options, QObject *parent)
    : QObject(parent)
    , m_sessions(sessions)
    , m_store(sessions.windowStore())
    , m_setup(setup)
    , m_live(live)
    , m_window(window)
    , m_options(options)
{
    connect(m_window->panes().actions->action(ui::WindowActions::Sync), &QAction::triggered, this, &MailboxSync::requestSync);
    connect(m_window->panes().syncFilter, &ui::SyncFilterControl::syncFilterChanged, this, &MailboxSync::changeSyncFilter);
    bindRefreshKey();
    connect(&m_live, &LiveMail::syncRequested, this, &MailboxSync::requestSync);
    connect(&m_sessions, &AccountSessions::syncDue, this, &MailboxSync::syncAccount);
    connect(&m_sessions, &AccountSessions::engineStarted, this, &MailboxSync::wireEngine);
    connect(&m_sessions, &AccountSessions::windowLinked, this, &MailboxSync::linkToWindow);
    connect(&m_setup, &AccountSetup::accountConnected, this, &MailboxSync::openMailbox);
    connect(&m_setup, &AccountSetup::storedAccountStarted, this, [this](AccountSession *session) {
        if (session == m_sessions.active())
            openMailbox();
        else
            syncAccount(session);
    });
}

// F5 syncs. If the window already binds F5 to its refresh action (which emits
// syncRequested), a second shortcut would make the key ambiguous and dead.
void MailboxSync::bindRefreshKey()
{
    if (hasRefreshShortcut(*m_window))
        return;
    auto *shortcut = new QShortcut(QKeySequence(Qt::Key_F5), m_window);
    connect(shortcut, &QShortcut::activated, this, &MailboxSync::requestSync);
}

void MailboxSync::wireEngine(AccountSession *session)
{
    eas::SyncEngine *engine = session->engine();
    connect(engine, &eas::SyncEngine::syncFinished, session,
            [this, session](const eas::SyncReport &report) { onSyncFinished(session, report); });
    // Another account's changes only touch the folder pane's counts: at most a few times a second.
    auto *paneRefresh = new ChangeThrottle(kWindowRefreshMs, [this](const QString &) { m_window->refreshFolderPane(); },
                                           session->engine());
    connect(engine, &eas::SyncEngine::folderChanged, session, [this, session, paneRefresh](const QString &) {
        if (session != m_sessions.active())
            paneRefresh->add(QString());
    });
}

void MailboxSync::linkToWindow(AccountSession *session)
{
    QObject *link = session->windowLink;
    ui::MainWindow *window = m_window;
    eas::SyncEngine *engine = session->engine();
    connect(engine, &eas::SyncEngine::progress, link,
            [window](const QString &folder, int items) { window->panes().status->syncProgress(folder, items); });
    // A sync reports a change per reply: the window redraws at most a few times a second.
    auto *contentRefresh = new ChangeThrottle(
        kWindowRefreshMs, [window](const QString &folderId) { window->folderContentChanged(folderId); }, link);
    connect(engine, &eas::SyncEngine::folderChanged, contentRefresh, &ChangeThrottle::add);
    connect(engine, &eas::SyncEngine::estimated, link,
            [this](const QString &folderId, int status, int count, const QString &error) {
                onEstimated(folderId, status, count, error);
            });
}

void MailboxSync::openMailbox()
{
    const AccountSettings account = m_store.accountStore().account().value_or(AccountSettings{});
    m_window->panes().status->setAccountLabel(QStringLiteral("%1 — %2").arg(account.user, QUrl(account.url).host()));
    m_sessions.updateFolderPaneAccounts();
    refreshFoldersIfChanged(m_sessions.active());
    m_sessions.selectInbox();
    m_window->show();
    m_window->raise();
    Q_EMIT mailboxOpened();
    syncAccount(m_sessions.active());
    m_live.applyCheckingSettings(); // accounts started before the window showed listen now too
}

void MailboxSync::refreshFoldersIfChanged(AccountSession *session)
{
    const QStringList ids = folderIds(session->store());
    if (ids == session->folderSignature)
        return;
    const bool first = session->folderSignature.isEmpty();
    session->folderSignature = ids;
    if (session != m_sessions.active()) {
        m_window->refreshFolderPane();
        return;
    }
    m_window->foldersChanged();
    if (first || m_window->currentFolderId().isEmpty())
        m_sessions.selectInbox();
}

void MailboxSync::requestSync()
{
    for (AccountSession *session : m_sessions.all())
        syncAccount(session);
}

void MailboxSync::syncAccount(AccountSession *session)
{
    if (!session->engine() || session->syncing)
        return; // the running sync already brings what a second one would
    session->syncing = true;
    if (session == m_sessions.active())
        m_window->panes().status->syncStarted();
    session->engine()->syncAll();
}

void MailboxSync::onSyncFinished(AccountSession *session, const eas::SyncReport &report)
{
    session->syncing = false;
    refreshFoldersIfChanged(session);
    if (report.ok())
        m_live.startNewMailWatch(session);
    const SyncSummary summary = summarize(report);
    if (session != m_sessions.active()) {
        // What the status bar will say when the account is shown again.
        session->status.syncing = false;
        session->status.text = !summary.ok ? tr("Sync failed")
            : summary.folderProblems.isEmpty() ? (summary.message.isEmpty() ? tr("Synced") : summary.message)
                                               : tr("Synced, with problems in %n folder(s)", nullptr, int(summary.folderProblems.size()));
        session->status.toolTip = summary.folderProblems.isEmpty() ? summary.message : summary.folderProblems.join(QLatin1Char('\n'));
        if (summary.ok)
            session->status.lastSync = QDateTime::currentDateTime();
        if (!m_setup.handledAsSignInRequired(session, report) && !summary.ok)
            m_window->panes().status->showNotice(tr("%1: %2").arg(session->label(), summary.message));
        Q_EMIT syncCompleted(summary.ok);
        return;
    }
    m_window->panes().status->syncFinished(summary.ok, summary.message, summary.folderProblems);
    // SignInRequired opens the sign-in-again dialog instead of the password one.
    if (!m_setup.handledAsSignInRequired(session, report) && report.error == eas::ErrorKind::Auth && !m_options.demo)
        m_setup.showAccountSetup(ui::AccountDialog::DialogError::WrongPassword, report.message);
    Q_EMIT shownAccountSynced(summary.ok, summary.message);
    Q_EMIT syncCompleted(summary.ok);
}

// "Show mail from" changed: a new engine with that FilterType for every
// account, then GetItemEstimate of every synced folder of the shown one
// ("~N messages to download"), then the syncs themselves.
void MailboxSync::changeSyncFilter(int filterType)
{
    AccountSession *active = m_sessions.active();
    for (AccountSession *session : m_sessions.all()) {
        if (session->engine() && session != active) {
            m_sessions.startEngine(session, session->credentials()); // SyncOptions are per engine
            syncAccount(session);
        }
    }
    if (!m_sessions.activeEngine())
        return; // the engine made at the next start reads the window's choice
    m_sessions.startEngine(active, active->credentials()); // waits for a running job
    const QString version = m_store.accountStore().account().value_or(AccountSettings{}).protocolVersion;
    m_estimating.clear();
    m_estimateTotal = -1;
    m_estimateError.clear();
    for (const Folder &folder : m_store.folderStore().folders()) {
        if (eas::SyncRunner::shouldSync(folder, version))
            m_estimating.insert(folder.serverId);
    }
    if (m_estimating.isEmpty()) {
        syncAccount(active);
        return;
    }
    m_window->panes().syncFilter->estimateStarted();
    for (const QString &folderId : std::as_const(m_estimating))
        m_sessions.activeEngine()->estimate(folderId, filterType);
}

void MailboxSync::onEstimated(const QString &folderId, int status, int count, const QString &error)
{
    Q_UNUSED(status)
    if (!m_estimating.remove(folderId))
        return;
    if (count >= 0)
        m_estimateTotal = std::max(m_estimateTotal, 0) + count;
    else if (m_estimateError.isEmpty())
        m_estimateError = error;
    if (!m_estimating.isEmpty())
        return;
    m_window->panes().syncFilter->showEstimate(m_estimateTotal, m_estimateError);
    syncAccount(m_sessions.active());
}

} // namespace skein::desktop
