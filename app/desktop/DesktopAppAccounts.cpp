// DesktopApp: several accounts in one window. Each account of the profile
// has its session (store, engine, timer, alerts); the window shows the
// active one and its folder pane lists them all. Adding runs the account
// dialog for a new named account; removing deletes its store and secrets.
#include "DesktopApp.h"

#include "MainWindow.h"
#include "SettingsDialog.h"
#include "StatusArea.h"
#include "SyncEngine.h"
#include "SyncStatus.h"
#include "WindowActions.h"

#include <QAction>
#include <QDir>
#include <QMessageBox>
#include <QPushButton>

namespace skein::desktop {

QList<AccountSession *> DesktopApp::accounts() const
{
    QList<AccountSession *> list;
    for (const auto &session : m_sessions)
        list.append(session.get());
    return list;
}

AccountSession *DesktopApp::account(const QString &name) const
{
    for (const auto &session : m_sessions)
        if (session->name() == name)
            return session.get();
    return nullptr;
}

AccountSession *DesktopApp::addSession(const QString &name, QString *error)
{
    auto session = std::make_unique<AccountSession>(m_profile->directory(), name, this);
    if (!session->open(error))
        return nullptr;
    session->syncTimer.setInterval(kSyncIntervalMs);
    AccountSession *raw = session.get();
    connect(&raw->syncTimer, &QTimer::timeout, this, [this, raw] { syncAccount(raw); });
    m_sessions.push_back(std::move(session));
    return raw;
}

// Accounts that have been set up, in the folder pane; one alone stays flat.
void DesktopApp::updateFolderPaneAccounts()
{
    QList<FolderModel::Account> shown;
    for (const auto &session : m_sessions)
        if (session->hasAccount() || session.get() == m_active)
            shown.append({session->name(), session->hasAccount() ? session->address() : session->label(), &session->store()});
    m_window->setAccounts(shown, m_active ? m_active->name() : QString());
}

bool DesktopApp::switchToAccount(const QString &name)
{
    if (!showAccount(name))
        return false;
    selectInbox(); // the folder pane and the list follow, as if its Inbox was clicked
    return true;
}

bool DesktopApp::showAccount(const QString &name)
{
    AccountSession *session = account(name);
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
    m_window->panes().status->setAccountLabel(
        QStringLiteral("%1 — %2").arg(settings.user, QUrl(settings.url).host()));
    session->status.syncing = session->syncing;
    if (session->syncing && session->status.text.isEmpty())
        session->status.text = tr("Syncing\u2026");
    m_window->panes().status->syncStatus()->restore(session->status);
    m_window->panes().actions->action(ui::WindowActions::Sync)->setEnabled(!session->syncing);
    linkToWindow(session);
    return true;
}

QString DesktopApp::nextAccountName() const
{
    for (int n = 2;; ++n) {
        const QString name = QStringLiteral("account-%1").arg(n);
        if (!account(name) && !QDir(cli::Profile(m_profile->directory(), name).accountDirectory()).exists())
            return name;
    }
}

void DesktopApp::addAccount()
{
    if (!m_addedAccount.isEmpty())
        return; // one at a time: its dialog is open
    QString error;
    AccountSession *session = addSession(nextAccountName(), &error);
    if (!session) {
        m_window->showBanner(tr("A new account cannot be made: %1").arg(error));
        return;
    }
    m_previousAccount = m_active->name();
    m_addedAccount = session->name();
    showAccount(session->name()); // empty until the dialog has connected it
    showAccountSetup();
    if (ui::AccountDialog *dialog = accountDialog())
        dialog->setEmail(QString()); // not the last account's address
}

void DesktopApp::confirmRemoveAccount(const QString &name)
{
    AccountSession *session = account(name);
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
    QMessageBox box(QMessageBox::Warning, tr("Remove Account"), text, QMessageBox::Cancel,
                    m_settingsDialog ? static_cast<QWidget *>(m_settingsDialog.data()) : m_window.get());
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

bool DesktopApp::removeAccount(const QString &name, QString *error)
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
    if (m_accountFlowSession == session) {
        delete m_accountFlow;
        m_accountFlow = nullptr;
        m_accountFlowSession = nullptr;
    }
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
    updateUnreadIndicators();
    Q_EMIT accountsChanged();
    return ok;
}

} // namespace skein::desktop
