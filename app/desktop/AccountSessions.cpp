// Several accounts in one window. Each account of the profile has its
// session (store, engine, timer, alerts); the window shows the active one
// and its folder pane lists them all. Removing deletes its store and secrets.
#include "AccountSessions.h"

#include "FolderPane.h"
#include "KeychainTokenStore.h"
#include "MainWindow.h"
#include "StatusArea.h"
#include "SyncEngine.h"
#include "SyncFilterControl.h"
#include "SyncStatus.h"
#include "WindowActions.h"

#include <QDir>
#include <QMessageBox>
#include <QPushButton>

namespace skein::desktop {

AccountSessions::AccountSessions(const cli::Profile &profile, Store &windowStore, QObject *parent)
    : QObject(parent)
    , m_profile(profile)
    , m_store(windowStore)
{
}

AccountSessions::~AccountSessions() = default;

// Every account of the profile gets its session; a profile made before
// there were several accounts has just the default one (PROFILE/skein.db),
// and a new profile starts with an empty default account.
bool AccountSessions::open(bool demo, QString *error)
{
    if (!m_profile.ensurePrivate(error) || !m_profile.ensureSettingsFile(error))
        return false;
    QStringList names = m_profile.accountNames();
    if (names.isEmpty() || (demo && !names.contains(QString())))
        names.prepend(QString()); // the demo account is the default one
    for (const QString &name : std::as_const(names)) {
        if (!addSession(name, error))
            return false;
    }
    // The window opens on the first account that has been set up.
    const auto ready = std::find_if(m_sessions.begin(), m_sessions.end(),
                                    [](const auto &session) { return session->hasAccount(); });
    m_active = (demo || ready == m_sessions.end() ? m_sessions.begin() : ready)->get();
    if (!m_store.open(m_active->profile().databasePath())) {
        *error = tr("Cannot open %1: %2").arg(m_active->profile().databasePath(), m_store.lastError());
        return false;
    }
    return true;
}

void AccountSessions::attachWindow(ui::MainWindow *window)
{
    m_window = window;
    // The user chose one of its folders (or an All Inboxes row): the window opens that itself.
    connect(m_window->panes().folders, &ui::FolderPane::accountSwitchRequested, this, &AccountSessions::showAccount);
    updateFolderPaneAccounts();
}

void AccountSessions::closeAll()
{
    m_sessions.clear();
    m_active = nullptr;
}

QList<AccountSession *> AccountSessions::all() const
{
    QList<AccountSession *> list;
    for (const auto &session : m_sessions)
        list.append(session.get());
    return list;
}

AccountSession *AccountSessions::find(const QString &name) const
{
    for (const auto &session : m_sessions)
        if (session->name() == name)
            return session.get();
    return nullptr;
}

eas::SyncEngine *AccountSessions::activeEngine() const
{
    return m_active ? m_active->engine() : nullptr;
}

AccountSession *AccountSessions::addSession(const QString &name, QString *error)
{
    auto session = std::make_unique<AccountSession>(m_profile.directory(), name, this);
    if (!session->open(error))
        return nullptr;
    session->syncTimer.setInterval(kSyncIntervalMs);
    AccountSession *raw = session.get();
    connect(&raw->syncTimer, &QTimer::timeout, this, [this, raw] { Q_EMIT syncDue(raw); });
    m_sessions.push_back(std::move(session));
    return raw;
}

// Accounts that have been set up, in the folder pane; one alone stays flat.
void AccountSessions::updateFolderPaneAccounts()
{
    QList<FolderModel::Account> shown;
    for (const auto &session : m_sessions)
        if (session->hasAccount() || session.get() == m_active)
            shown.append({session->name(), session->hasAccount() ? session->address() : session->label(), &session->store()});
    m_window->setAccounts(shown, m_active ? m_active->name() : QString());
}

bool AccountSessions::switchToAccount(const QString &name)
{
    if (!showAccount(name))
        return false;
    selectInbox(); // the folder pane and the list follow, as if its Inbox was clicked
    return true;
}

bool AccountSessions::showAccount(const QString &name)
{
    AccountSession *session = find(name);
    if (!session)
        return false;
    if (session == m_active)
        return true;
    if (!m_store.open(session->profile().databasePath())) {
        const QString error = m_store.lastError();
        m_store.open(m_active->profile().databasePath()); // the window keeps showing what it showed
        m_window->showBanner(tr("The mail of %1 cannot be opened: %2").arg(session->label(), error),
                             tr("The other accounts are unaffected."));
        return false;
    }
    delete m_active->windowLink.data(); // its engine keeps running, without the window
    m_active->status = m_window->panes().status->syncStatus()->state();
    m_active = session;
    m_window->activateAccount(session->name());
    const AccountSettings settings = m_store.accountStore().account().value_or(AccountSettings{});
    m_window->panes().status->setAccountLabel(QStringLiteral("%1 — %2").arg(settings.user, QUrl(settings.url).host()));
    session->status.syncing = session->syncing;
    if (session->syncing && session->status.text.isEmpty())
        session->status.text = tr("Syncing\u2026");
    m_window->panes().status->syncStatus()->restore(session->status);
    m_window->panes().actions->action(ui::WindowActions::Sync)->setEnabled(!session->syncing);
    linkToWindow(session);
    return true;
}

void AccountSessions::selectInbox()
{
    if (const std::optional<Folder> inbox = m_store.folderStore().folderOfType(FolderType::Inbox))
        m_window->selectFolder(inbox->serverId);
}

QString AccountSessions::nextAccountName() const
{
    for (int n = 2;; ++n) {
        const QString name = QStringLiteral("account-%1").arg(n);
        if (!find(name) && !QDir(cli::Profile(m_profile.directory(), name).accountDirectory()).exists())
            return name;
    }
}

void AccountSessions::confirmRemoveAccount(const QString &name, QWidget *parent)
{
    AccountSession *session = find(name);
    if (!session)
        return;
    if (m_sessions.size() < 2) {
        m_window->panes().status->showNotice(tr("Skein needs one account; add another before removing this one."));
        return;
    }
    const int waiting = int(session->store().outboxStore().outbox(true).size());
    QString text = tr("Remove %1 from Skein?").arg(session->label());
    QString detail = tr("Its mail on this computer and its saved password are deleted; the mail on the server stays.");
    if (waiting > 0)
        detail += QLatin1Char(' ') + tr("%n message(s) still waiting in its Outbox will not be sent.", nullptr, waiting);
    QMessageBox box(QMessageBox::Warning, tr("Remove Account"), text, QMessageBox::Cancel, parent);
    box.setObjectName(QStringLiteral("removeAccountConfirmation"));
    box.setInformativeText(detail);
    QPushButton *remove = box.addButton(tr("Remove"), QMessageBox::DestructiveRole);
    remove->setObjectName(QStringLiteral("confirmRemoveAccountButton"));
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    if (box.clickedButton() != remove)
        return;
    QString error;
    if (!removeAccount(name, &error))
        m_window->showBanner(tr("The account could not be removed completely: %1").arg(error));
}

bool AccountSessions::removeAccount(const QString &name, QString *error)
{
    auto it = std::find_if(m_sessions.begin(), m_sessions.end(),
                           [&](const auto &session) { return session->name() == name; });
    if (it == m_sessions.end() || m_sessions.size() < 2)
        return false;
    AccountSession *session = it->get();
    if (session == m_active) {
        const auto other = std::find_if(m_sessions.begin(), m_sessions.end(),
                                        [&](const auto &s) { return s.get() != session && s->hasAccount(); });
        if (other == m_sessions.end() || !switchToAccount((*other)->name()))
            return false;
    }
    Q_EMIT aboutToRemove(session);
    const cli::Profile profile = session->profile();
    const std::optional<AccountSettings> settings = session->store().accountStore().account();
    m_sessions.erase(it); // stops its engine and closes its store
    bool ok = true;
    if (settings)
        ok = cli::forgetSecrets(profile, settings->url, settings->user, error);
    if (profile.account().isEmpty())
        profile.removeDatabase();
    else if (!QDir(profile.accountDirectory()).removeRecursively()) {
        *error = tr("%1 could not be deleted.").arg(profile.accountDirectory());
        ok = false;
    }
    updateFolderPaneAccounts();
    Q_EMIT accountRemoved();
    return ok;
}

void AccountSessions::startEngine(AccountSession *session, const EngineCredentials &credentials)
{
    session->startEngine(credentials, m_window->panes().syncFilter->syncFilter());
    Q_EMIT engineStarted(session);
    if (session == m_active)
        linkToWindow(session);
}

// Deleting the link also drops calls already queued: a late report of the
// account just left never reaches the window of the next.
void AccountSessions::linkToWindow(AccountSession *session)
{
    delete session->windowLink.data();
    if (!session->engine())
        return;
    session->windowLink = new QObject(session);
    Q_EMIT windowLinked(session);
}

void AccountSessions::connectAccount(AccountSession *session, const EngineCredentials &credentials,
                                     std::function<void(const eas::SyncReport &)> done)
{
    startEngine(session, credentials);
    connect(session->engine(), &eas::SyncEngine::connected, this, std::move(done), Qt::SingleShotConnection);
    session->engine()->connectAccount();
}

} // namespace skein::desktop
