#include "SyncStatus.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>

namespace skein::ui {

SyncStatus::SyncStatus(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("syncStatus"));
    m_busy = new QProgressBar(this);
    m_busy->setObjectName(QStringLiteral("syncBusy"));
    m_busy->setRange(0, 0);
    m_busy->setTextVisible(false);
    m_busy->setFixedWidth(80);
    m_busy->setMaximumHeight(14);
    m_busy->setAccessibleName(tr("Sync in progress"));
    m_busy->hide();
    m_state = new QLabel(tr("Not synced yet"), this);
    m_state->setObjectName(QStringLiteral("syncStateLabel"));
    m_state->setAccessibleName(tr("Sync state"));
    m_lastSync = new QLabel(this);
    m_lastSync->setObjectName(QStringLiteral("lastSyncLabel"));
    m_lastSync->setAccessibleName(tr("Last sync"));
    m_lastSync->setStyleSheet(QStringLiteral("color: palette(placeholder-text);"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_busy);
    layout->addWidget(m_state);
    layout->addSpacing(12);
    layout->addWidget(m_lastSync);
}

void SyncStatus::started()
{
    m_syncing = true;
    m_busy->show();
    m_state->setText(tr("Syncing\u2026"));
    m_state->setToolTip({});
}

void SyncStatus::progress(const QString &folderName, int itemsSoFar)
{
    if (!m_syncing)
        started();
    m_state->setText(itemsSoFar == 1 ? tr("Syncing %1\u2026 1 message").arg(folderName)
                                     : tr("Syncing %1\u2026 %2 messages").arg(folderName).arg(itemsSoFar));
}

void SyncStatus::finished(bool ok, const QString &message, const QStringList &folderProblems)
{
    m_syncing = false;
    m_busy->hide();
    if (ok && folderProblems.isEmpty()) {
        m_lastSyncTime = QDateTime::currentDateTime();
        m_state->setText(message.isEmpty() ? tr("Synced") : message);
    } else if (ok) {
        m_lastSyncTime = QDateTime::currentDateTime();
        m_state->setText(folderProblems.size() == 1
                             ? tr("Synced, with a problem in 1 folder")
                             : tr("Synced, with problems in %1 folders").arg(folderProblems.size()));
    } else {
        m_state->setText(tr("Sync failed"));
    }
    m_state->setToolTip(folderProblems.isEmpty() ? message : folderProblems.join(QLatin1Char('\n')));
    updateLastSync();
}

SyncStatus::State SyncStatus::state() const
{
    return {m_syncing, m_state->text(), m_state->toolTip(), m_lastSyncTime};
}

void SyncStatus::restore(const State &state)
{
    m_syncing = state.syncing;
    m_busy->setVisible(state.syncing);
    m_state->setText(state.text.isEmpty() ? tr("Not synced yet") : state.text);
    m_state->setToolTip(state.toolTip);
    m_lastSyncTime = state.lastSync;
    m_lastSync->clear();
    updateLastSync();
}

QString SyncStatus::stateText() const
{
    return m_state->text();
}

QString SyncStatus::lastSyncText() const
{
    return m_lastSync->text();
}

void SyncStatus::updateLastSync()
{
    if (m_lastSyncTime.isValid())
        m_lastSync->setText(tr("Last sync: %1").arg(QLocale().toString(m_lastSyncTime.time(), QLocale::ShortFormat)));
}

} // namespace skein::ui
