// MainWindow: what live mail needs from the window (the settings action,
// opening a notified conversation, the unread count in the title).
#include "MainWindow.h"

#include "ConversationListModel.h"
#include "ConversationView.h"

#include <QAction>
#include <QTreeView>

namespace skein::ui {

void MainWindow::createLiveActions()
{
    m_settingsAction = new QAction(QIcon::fromTheme(QStringLiteral("preferences-system")), tr("&Settings\u2026"), this);
    m_settingsAction->setObjectName(QStringLiteral("actionSettings"));
    m_settingsAction->setToolTip(tr("Accounts, checking mail, reading, notifications and signatures"));
    // Desktops without a Preferences binding (plain X11) get Thunderbird's Ctrl+,.
    const QList<QKeySequence> preferences = QKeySequence::keyBindings(QKeySequence::Preferences);
    m_settingsAction->setShortcuts(preferences.isEmpty() ? QList<QKeySequence>{QKeySequence(Qt::CTRL | Qt::Key_Comma)} : preferences);
    m_settingsAction->setMenuRole(QAction::PreferencesRole);
    connect(m_settingsAction, &QAction::triggered, this, &MainWindow::settingsRequested);
}

void MainWindow::showConversation(const QString &folderId, const QByteArray &conversationId, qint64 messageId)
{
    if (currentFolderId() != folderId)
        selectFolder(folderId);
    QModelIndex index = m_listModel->indexForConversation(conversationId, messageId);
    // New mail is near the top, but the list may be sorted otherwise.
    for (int page = 0; !index.isValid() && page < 10 && m_listModel->canFetchMore({}); ++page) {
        m_listModel->fetchMore({});
        index = m_listModel->indexForConversation(conversationId, messageId);
    }
    if (index.isValid()) {
        m_conversationView->setCurrentIndex(index);
        m_conversationView->scrollTo(index);
    }
}

void MainWindow::setUnreadCount(int unread)
{
    setWindowTitle(unread > 0 ? tr("Skein — %n unread", nullptr, unread) : tr("Skein"));
}

} // namespace skein::ui
