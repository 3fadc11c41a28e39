// DesktopApp: live mail. Push or the interval (as the settings say), a
// desktop notification per conversation of new Inbox mail, the unread count
// in the window title and the tray, and the settings dialog.
#include "DesktopApp.h"

#include "AppSettings.h"
#include "DesktopNotifier.h"
#include "MailFormat.h"
#include "MainWindow.h"
#include "NewMailWatch.h"
#include "SettingsDialog.h"
#include "SyncEngine.h"

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

void DesktopApp::createLiveMail()
{
    m_notifier = new DesktopNotifier(QDBusConnection::sessionBus(), this);
    connect(m_notifier, &DesktopNotifier::activated, this, &DesktopApp::openNotifiedConversation);
    connect(m_window.get(), &ui::MainWindow::settingsRequested, this, [this] { showSettings(); });
    createTray();
}

void DesktopApp::createTray()
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
    add("traySyncAction", tr("Check for New Mail"), [this] { requestSync(); });
    m_trayMenu->addSeparator();
    add("traySettingsAction", tr("Settings\u2026"), [this] { showSettings(); });
    m_trayMenu->addSeparator();
    add("trayQuitAction", tr("Quit Skein"), [this] {
        m_window->close();
        Q_EMIT exitRequested(0, {});
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

void DesktopApp::raiseWindow()
{
    m_window->show();
    m_window->setWindowState((m_window->windowState() & ~Qt::WindowMinimized) | Qt::WindowActive);
    m_window->raise();
    m_window->activateWindow();
}

void DesktopApp::wireLiveMail()
{
    eas::SyncEngine *engine = m_engine.get();
    m_pushListening = false;
    connect(engine, &eas::SyncEngine::folderChanged, this, &DesktopApp::onFolderChangedForAlerts);
    connect(engine, &eas::SyncEngine::pushChanged, this, [this](bool listening, const QString &note) {
        m_pushListening = listening;
        // Push listening makes the timer redundant; without it the timer is the fallback.
        if (listening)
            m_syncTimer.stop();
        else if (m_window->isVisible())
            m_syncTimer.start();
        if (!note.isEmpty())
            m_window->showNotice(note);
    });
    if (m_window->isVisible())
        applyCheckingSettings(); // a new engine (signed in again, another date filter) listens too
}

void DesktopApp::applyCheckingSettings()
{
    m_syncTimer.setInterval(ui::settings::intervalMinutes() * 60 * 1000);
    if (!m_engine)
        return;
    if (ui::settings::push()) {
        m_engine->startPush();
        if (!m_pushListening)
            m_syncTimer.start();
    } else {
        m_engine->stopPush();
        m_syncTimer.start();
    }
}

void DesktopApp::startNewMailWatch()
{
    if (m_newMail)
        return;
    const AccountSettings account = m_store.account().value_or(AccountSettings{});
    m_newMail = std::make_unique<NewMailWatch>(m_store, account.email.isEmpty() ? account.user : account.email);
    m_newMail->start();
    updateUnreadIndicators();
}

void DesktopApp::onFolderChangedForAlerts(const QString &folderId)
{
    const std::optional<Folder> inbox = m_store.folderOfType(FolderType::Inbox);
    if (!inbox || inbox->serverId != folderId)
        return;
    updateUnreadIndicators();
    if (!m_newMail)
        return;
    const QList<NewMailAlert> alerts = m_newMail->collect();
    if (!ui::settings::notificationsEnabled())
        return;
    for (const NewMailAlert &alert : alerts) {
        const QString who = ui::format::displayName(alert.from);
        const QString subject = alert.subject.isEmpty() ? tr("(no subject)") : alert.subject;
        const QString summary = alert.count > 1 ? tr("%1 — %2 (%3 new)").arg(who, subject).arg(alert.count)
                                                : tr("%1 — %2").arg(who, subject);
        const std::optional<Message> newest = m_store.messageById(alert.newestMessageId);
        const QString body = newest ? ui::format::firstLine(newest->preview) : QString();
        const QString key = alertKey(alert);
        m_alerts.insert(key, alert);
        m_notifier->notify(key, summary, body);
    }
}

void DesktopApp::openNotifiedConversation(const QString &key)
{
    const NewMailAlert alert = m_alerts.value(key);
    const std::optional<Folder> inbox = m_store.folderOfType(FolderType::Inbox);
    raiseWindow();
    if (inbox && (alert.newestMessageId != 0 || !alert.conversationId.isEmpty()))
        m_window->showConversation(inbox->serverId, alert.conversationId, alert.newestMessageId);
}

void DesktopApp::updateUnreadIndicators()
{
    const std::optional<Folder> inbox = m_store.folderOfType(FolderType::Inbox);
    const int unread = inbox ? m_store.unreadCount(inbox->serverId) : 0;
    m_window->setUnreadCount(unread);
    if (m_tray)
        m_tray->setToolTip(unread > 0 ? tr("Skein — %n unread", nullptr, unread) : tr("Skein"));
}

ui::SettingsDialog *DesktopApp::showSettings()
{
    if (!m_settingsDialog) {
        m_settingsDialog = new ui::SettingsDialog(m_window.get());
        m_settingsDialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_settingsDialog, &ui::SettingsDialog::saved, this, [this] {
            // The window read the delay when it was made (--screenshot overrides it); a saved change applies now.
            m_window->setMarkReadDelay(ui::settings::markReadDelayMs());
            applyCheckingSettings();
        });
        connect(m_settingsDialog, &ui::SettingsDialog::editAccountRequested, this, [this] { showAccountSetup(); });
        connect(m_settingsDialog, &ui::SettingsDialog::addAccountRequested, this, [this] {
            m_window->showNotice(tr("Skein keeps one account per profile for now; start Skein with --profile DIR for another."));
        });
        connect(m_settingsDialog, &ui::SettingsDialog::removeAccountRequested, this, [this] {
            m_window->showNotice(tr("To remove the account, delete its profile folder while Skein is closed."));
        });
    }
    const AccountSettings account = m_store.account().value_or(AccountSettings{});
    const QString address = account.email.isEmpty() ? account.user : account.email;
    m_settingsDialog->setAccounts({{QStringLiteral("1"), QStringLiteral("%1 — %2").arg(address, QUrl(account.url).host()), address}});
    m_settingsDialog->show();
    m_settingsDialog->raise();
    return m_settingsDialog;
}

QMenu *DesktopApp::trayMenu() const
{
    return m_trayMenu.get();
}

} // namespace skein::desktop
