#pragma once

#include <QObject>
#include <QStringList>

class QAction;
class QLabel;
class QMainWindow;
class QTimer;

namespace skein::ui {

class Banner;
class SyncStatus;

// What the window tells about the state of things: the sync in the status
// bar (and, when it failed, in the banner), changes waiting to be sent, the
// "Undo" link after an action, short confirmations, the account, and the
// unread count in the title. Sync Now is disabled while a sync runs.
class StatusArea : public QObject
{
    Q_OBJECT
public:
    // undo: the action the "Undo" link triggers; extra: a label of another
    // part (the date filter) shown between the pending changes and the account.
    StatusArea(QMainWindow *window, Banner *banner, QAction *syncAction, QAction *undo, QLabel *extra);

    SyncStatus *syncStatus() const { return m_syncStatus; }
    void setAccountLabel(const QString &text);
    // "Skein — 3 unread" in the title.
    void showUnreadCount(int unread);
    // Something the sync engine says once (SyncEngine::notice).
    void showNotice(const QString &message);
    // A short confirmation of what the user did; empty clears it.
    void showConfirmation(const QString &message);

public Q_SLOTS:
    void syncStarted();
    void syncProgress(const QString &folderName, int itemsSoFar);
    void syncFinished(bool ok, const QString &message, const QStringList &folderProblems);
    // The journal was sent; it syncs and reports progress like a sync,
    // and unless a full sync runs it ends here.
    void replayFinished(bool ok, const QString &message);
    void showPending(int count, const QString &text, const QString &toolTip);
    // what: the action Undo would take back; empty: nothing to undo.
    void offerUndo(const QString &what);

Q_SIGNALS:
    void syncEnded();

private:
    void createUndoLink(QAction *undo);

    QMainWindow *m_window;
    Banner *m_banner;
    QAction *m_syncAction;
    SyncStatus *m_syncStatus;
    QLabel *m_undoLink = nullptr;
    QTimer *m_undoTimeout = nullptr;
    QLabel *m_pending;
    QLabel *m_account;
};

} // namespace skein::ui
