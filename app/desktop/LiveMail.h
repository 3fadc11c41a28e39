#pragma once

#include "NewMailWatch.h"
#include "Store.h"

#include <QHash>
#include <QObject>
#include <QPointer>

#include <memory>

class QMenu;
class QSystemTrayIcon;

namespace skein::ui {
class MainWindow;
class SettingsDialog;
}

namespace skein::desktop {

class AccountSession;
class AccountSessions;
class DesktopNotifier;

// Live mail: push or the interval (as the settings say), a desktop
// notification per conversation of new Inbox mail, the unread count in the
// window title and the tray, and the settings dialog.
class LiveMail : public QObject
{
    Q_OBJECT
public:
    LiveMail(AccountSessions &sessions, ui::MainWindow *window, QObject *parent = nullptr);
    ~LiveMail() override;

    // The settings dialog (made on first use), shown.
    ui::SettingsDialog *showSettings();
    // The accounts changed: an open settings dialog lists them again.
    void refreshOpenSettings();
    QMenu *trayMenu() const;
    DesktopNotifier *notifier() const { return m_notifier; }
    bool isPushListening() const;

    // Push or interval for every account, as the settings say.
    void applyCheckingSettings();
    // From the account's first finished sync on, its new Inbox mail is news.
    void startNewMailWatch(AccountSession *session);
    void updateUnreadIndicators();

Q_SIGNALS:
    void syncRequested(); // the tray's Check for New Mail
    void quitRequested(); // the tray's Quit; the window is closed already
    void addAccountRequested();
    void editAccountRequested(const QString &name);

private:
    void createTray();
    void raiseWindow();
    void wireEngine(AccountSession *session);
    void applyCheckingSettings(AccountSession *session);
    void onFolderChangedForAlerts(AccountSession *session, const QString &folderId);
    void openNotifiedConversation(const QString &key);

    AccountSessions &m_sessions;
    Store &m_store; // the window's
    ui::MainWindow *m_window;
    DesktopNotifier *m_notifier = nullptr;
    struct Alert {
        QString account;
        NewMailAlert alert;
    };
    QHash<QString, Alert> m_alerts; // by notification key
    QSystemTrayIcon *m_tray = nullptr;
    std::unique_ptr<QMenu> m_trayMenu;
    QPointer<ui::SettingsDialog> m_settingsDialog;
};

} // namespace skein::desktop
