#include "StatusArea.h"

#include "Banner.h"
#include "SyncStatus.h"

#include <QAction>
#include <QLabel>
#include <QMainWindow>
#include <QStatusBar>
#include <QTimer>

namespace skein::ui {

StatusArea::StatusArea(QMainWindow *window, Banner *banner, QAction *syncAction, QAction *undo, QLabel *extra)
    : QObject(window)
    , m_window(window)
    , m_banner(banner)
    , m_syncAction(syncAction)
    , m_syncStatus(new SyncStatus(window))
    , m_pending(new QLabel(window))
    , m_account(new QLabel(window))
{
    QStatusBar *bar = window->statusBar();
    bar->setObjectName(QStringLiteral("statusBar"));
    bar->setAccessibleName(tr("Status"));
    bar->addWidget(m_syncStatus, 1);
    createUndoLink(undo);
    m_pending->setObjectName(QStringLiteral("pendingChanges"));
    m_pending->setAccessibleName(tr("Changes waiting to be sent"));
    m_pending->setContentsMargins(6, 0, 6, 0);
    m_pending->hide();
    m_account->setObjectName(QStringLiteral("accountLabel"));
    m_account->setAccessibleName(tr("Account"));
    // After the sync state: Undo, pending changes, the extra label, the account.
    bar->addPermanentWidget(m_undoLink);
    bar->addPermanentWidget(m_pending);
    bar->addPermanentWidget(extra);
    bar->addPermanentWidget(m_account);
}

// For a while after each action, an "Undo" link in the status line.
void StatusArea::createUndoLink(QAction *undo)
{
    m_undoLink = new QLabel(QStringLiteral("<a href=\"undo\">%1</a>").arg(tr("Undo")), m_window);
    m_undoLink->setObjectName(QStringLiteral("undoLink"));
    m_undoLink->setContentsMargins(6, 0, 6, 0);
    m_undoLink->setTextInteractionFlags(Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);
    m_undoLink->setAccessibleName(tr("Undo"));
    m_undoLink->hide();
    m_undoTimeout = new QTimer(this);
    m_undoTimeout->setSingleShot(true);
    m_undoTimeout->setInterval(15000);
    connect(m_undoTimeout, &QTimer::timeout, m_undoLink, &QWidget::hide);
    connect(m_undoLink, &QLabel::linkActivated, undo, &QAction::trigger);
}

void StatusArea::setAccountLabel(const QString &text)
{
    m_account->setText(text);
}

void StatusArea::showUnreadCount(int unread)
{
    m_window->setWindowTitle(unread > 0 ? tr("Skein — %n unread", nullptr, unread) : tr("Skein"));
}

void StatusArea::showNotice(const QString &message)
{
    m_window->statusBar()->showMessage(message, 20000);
}

void StatusArea::showConfirmation(const QString &message)
{
    if (message.isEmpty())
        m_window->statusBar()->clearMessage();
    else
        m_window->statusBar()->showMessage(message, 8000);
}

void StatusArea::syncStarted()
{
    m_syncAction->setEnabled(false);
    m_syncStatus->started();
}

void StatusArea::syncProgress(const QString &folderName, int itemsSoFar)
{
    m_syncStatus->progress(folderName, itemsSoFar);
}

void StatusArea::syncFinished(bool ok, const QString &message, const QStringList &folderProblems)
{
    m_syncAction->setEnabled(true);
    m_syncStatus->finished(ok, message, folderProblems);
    Q_EMIT syncEnded();
    if (!ok) {
        m_banner->showMessage(message.isEmpty() ? tr("Sync failed.") : message,
                              tr("Your mail on this computer is unchanged. Check the network and the account "
                                 "settings (Account\u2026), then choose Sync Now (F5)."),
                              Banner::Topic::Sync);
    } else if (!folderProblems.isEmpty()) {
        m_banner->showMessage(
            tr("Some folders could not be synced: %1").arg(folderProblems.join(QStringLiteral("; "))),
            tr("The other folders are up to date. Skein tries these again on the next sync (F5)."),
            Banner::Topic::Sync);
    } else {
        m_banner->clear(Banner::Topic::Sync); // what it said about the last sync is no longer true
    }
}

void StatusArea::replayFinished(bool ok, const QString &message)
{
    if (m_syncAction->isEnabled() && m_syncStatus->isSyncing())
        m_syncStatus->finished(ok, ok ? QString() : message, {});
}

void StatusArea::showPending(int count, const QString &text, const QString &toolTip)
{
    m_pending->setText(text);
    m_pending->setToolTip(toolTip);
    m_pending->setVisible(count > 0);
}

void StatusArea::offerUndo(const QString &what)
{
    m_undoLink->setVisible(!what.isEmpty());
    m_undoLink->setAccessibleName(what.isEmpty() ? tr("Undo") : tr("Undo %1").arg(what));
    m_undoLink->setToolTip(
        tr("Undo %1 (%2)").arg(what, QKeySequence(QKeySequence::Undo).toString(QKeySequence::NativeText)));
    if (!what.isEmpty())
        m_undoTimeout->start();
}

} // namespace skein::ui
