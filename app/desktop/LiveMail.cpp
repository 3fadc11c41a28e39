#include "LiveMail.h"

#include "AccountSessions.h"
#include "AppSettings.h"
#include "DesktopNotifier.h"
#include "MailFormat.h"
#include "MainWindow.h"
#include "NewMailWatch.h"
#include "SettingsDialog.h"
#include "StatusArea.h"
#include "SyncEngine.h"
#include "WindowActions.h"

#include <QAction>
#include <QMenu>
#include <QSystemTrayIcon>

namespace skein::desktop {

namespace {

QString alertKey(const NewMailAlert &alert)
{
    return alert.conversationId.isEmpty() ? QStringLiteral("m%1").arg(alert.newestMessageId)
                                          : QString::fromLatin1(alert.conversationId.toHex());
}

} // namespace

LiveMail::LiveMail(AccountSessions &sessions, ui::MainWindow *window, QObject *parent)
    : QObject(parent)
    , m_sessions(sessions)
    , m_store(sessions.windowStore())
    , m_window(window)
{
    m_notifier = new DesktopNotifier(QDBusConnection::sessionBus(), this);
    connect(m_notifier, &DesktopNotifier::activated, this, &LiveMail::openNotifiedConversation);
    connect(m_window->panes().actions->action(ui::WindowActions::Settings), &QAction::triggered, this, [this] { showSettings(); });
    connect(&m_sessions, &AccountSessions::engineStarted, this, &LiveMail::wireEngine);
    connect(&m_sessions, &AccountSessions::accountRemoved, this, &LiveMail::updateUnreadIndicators);
    createTray();
}

LiveMail::~LiveMail() = default;

bool LiveMail::isPushListening() const
{
    return m_sessions.active() && m_sessions.active()->pushListening;
}

void LiveMail::createTray()
{
    m_trayMenu = std::make_unique<QMenu>();
    m_trayMenu->setObjectName(QStringLiteral("trayMenu"));
    m_trayMenu->setAccessibleName(tr("Skein tray menu"));
    const auto add = [this](const char *name, const QString &text, auto slot) {
        QAction *action = m_trayMenu->addAction(text);
        action->setObjectName(QLatin1String(name));
        connect(action, &QAction::triggered, this, slot);
        return action;
    };
    add("trayShowAction", tr("Show Skein"), [this] { raiseWindow(); });
    add("traySyncAction", tr("Check for New Mail"), [this] { Q_EMIT syncRequested(); });
    m_trayMenu->addSeparator();
    add("traySettingsAction", tr("Settings\u2026"), [this] { showSettings(); });
    m_trayMenu->addSeparator();
    add("trayQuitAction", tr("Quit Skein"), [this] {
        m_window->close();
        Q_EMIT quitRequested();
    });

    m_tray = new QSystemTrayIcon(QIcon(QStringLiteral(":/skein/icons/skein.svg")), this);
    m_tray->setObjectName(QStringLiteral("trayIcon"));
    m_tray->setToolTip(tr("Skein"));
    m_tray->setContextMenu(m_trayMenu.get());
    connect(m_tray, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason reason) {
        if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick)
            raiseWindow();
    });
    if (QSystemTrayIcon::isSystemTrayAvailable())
        m_tray->show();
}

void LiveMail::raiseWindow()
{
    m_window->show();
    m_window->setWindowState((m_window->windowState() & ~Qt::WindowMinimized) | Qt::WindowActive);
    m_window->raise();
    m_window->activateWindow();
}

// What every account's engine reports whether or not the window shows it.
void LiveMail::wireEngine(AccountSession *session)
{
    connect(session->engine(), &eas::SyncEngine::folderChanged, session,
            [this, session](const QString &folderId) { onFolderChangedForAlerts(session, folderId); });
    connect(session->engine(), &eas::SyncEngine::pushChanged, session,
            [this, session](bool listening, const QString &note) {
        session->pushListening = listening;
        // Push listening makes the timer redundant; without it the timer is the fallback.
        if (listening)
            session->syncTimer.stop();
        else if (m_window->isVisible())
            session->syncTimer.start();
        if (!note.isEmpty())
            m_window->panes().status->showNotice(m_sessions.all().size() > 1 ? tr("%1: %2").arg(session->label(), note) : note);
    });
    if (m_window->isVisible())
        applyCheckingSettings(session); // a new engine (signed in again, another date filter) listens too
}

void LiveMail::applyCheckingSettings()
{
    for (AccountSession *session : m_sessions.all())
        applyCheckingSettings(session);
}

void LiveMail::applyCheckingSettings(AccountSession *session)
{
    session->syncTimer.setInterval(ui::settings::intervalMinutes() * 60 * 1000);
    eas::SyncEngine *engine = session->engine();
    if (!engine)
        return;
    if (ui::settings::push()) {
        engine->startPush();
        if (!session->pushListening)
            session->syncTimer.start();
    } else {
        engine->stopPush();
        session->syncTimer.start();
    }
}

void LiveMail::startNewMailWatch(AccountSession *session)
{
    if (session->newMail)
        return;
    session->newMail = std::make_unique<NewMailWatch>(session->store(), session->address());
    session->newMail->start();
    updateUnreadIndicators();
}

void LiveMail::onFolderChangedForAlerts(AccountSession *session, const QString &folderId)
{
    Store &store = session->store();
    const std::optional<Folder> inbox = store.folderStore().folderOfType(FolderType::Inbox);
    if (!inbox || inbox->serverId != folderId)
        return;
    updateUnreadIndicators();
    if (!session->newMail)
        return;
    const QList<NewMailAlert> alerts = session->newMail->collect();
    if (!ui::settings::notificationsEnabled())
        return;
    for (const NewMailAlert &alert : alerts) {
        const QString who = ui::format::displayName(alert.from);
        const QString subject = alert.subject.isEmpty() ? tr("(no subject)") : alert.subject;
        const QString summary = alert.count > 1 ? tr("%1 — %2 (%3 new)").arg(who, subject).arg(alert.count)
                                                : tr("%1 — %2").arg(who, subject);
        const std::optional<Message> newest = store.messageStore().messageById(alert.newestMessageId);
        QString body = newest ? ui::format::firstLine(newest->preview) : QString();
        if (m_sessions.all().size() > 1)
            body = tr("To %1").arg(session->address()) + (body.isEmpty() ? QString() : QStringLiteral("\n") + body);
        // Ids repeat across accounts: the key names the account too.
        const QString key = session->name() + QLatin1Char('/') + alertKey(alert);
        m_alerts.insert(key, {session->name(), alert});
        m_notifier->notify(key, summary, body);
    }
}

void LiveMail::openNotifiedConversation(const QString &key)
{
    const Alert alert = m_alerts.value(key);
    raiseWindow();
    if (!m_sessions.switchToAccount(alert.account))
        return;
    const std::optional<Folder> inbox = m_store.folderStore().folderOfType(FolderType::Inbox);
    if (inbox && (alert.alert.newestMessageId != 0 || !alert.alert.conversationId.isEmpty()))
        m_window->showConversation(inbox->serverId, alert.alert.conversationId, alert.alert.newestMessageId);
}

// The Inboxes' unread mail, all accounts together.
void LiveMail::updateUnreadIndicators()
{
    int unread = 0;
    for (AccountSession *session : m_sessions.all()) {
        if (const std::optional<Folder> inbox = session->store().folderStore().folderOfType(FolderType::Inbox))
            unread += session->store().folderStore().unreadCount(inbox->serverId);
    }
    m_window->panes().status->showUnreadCount(unread);
    if (m_tray)
        m_tray->setToolTip(unread > 0 ? tr("Skein — %n unread", nullptr, unread) : tr("Skein"));
}

ui::SettingsDialog *LiveMail::showSettings()
{
    if (!m_settingsDialog) {
        m_settingsDialog = new ui::SettingsDialog(m_window);
        m_settingsDialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_settingsDialog, &ui::SettingsDialog::saved, this, [this] {
            // The window read the delay when it was made (--screenshot overrides it); a saved change applies now.
            m_window->setMarkReadDelay(ui::settings::markReadDelayMs());
            applyCheckingSettings();
        });
        connect(m_settingsDialog, &ui::SettingsDialog::editAccountRequested, this, &LiveMail::editAccountRequested);
        connect(m_settingsDialog, &ui::SettingsDialog::addAccountRequested, this, &LiveMail::addAccountRequested);
        connect(m_settingsDialog, &ui::SettingsDialog::removeAccountRequested, this, [this](const QString &name) {
            m_sessions.confirmRemoveAccount(name, m_settingsDialog);
        });
    }
    QList<ui::SettingsDialog::AccountRow> rows;
    for (AccountSession *session : m_sessions.all())
        if (session->hasAccount())
            rows.append({session->name(), session->label(), session->ownAddress()}); // the composer's signature key
    m_settingsDialog->setAccounts(rows);
    m_settingsDialog->show();
    m_settingsDialog->raise();
    return m_settingsDialog;
}

void LiveMail::refreshOpenSettings()
{
    if (m_settingsDialog)
        showSettings();
}

QMenu *LiveMail::trayMenu() const
{
    return m_trayMenu.get();
}

} // namespace skein::desktop
