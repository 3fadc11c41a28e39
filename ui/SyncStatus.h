#pragma once

#include <QDateTime>
#include <QWidget>

class QLabel;
class QProgressBar;

namespace skein::ui {

// Status bar part: what the sync is doing ("Syncing Inbox… 340 messages"),
// how the last one ended and when it was.
class SyncStatus : public QWidget
{
    Q_OBJECT
public:
    explicit SyncStatus(QWidget *parent = nullptr);

    void started();
    void progress(const QString &folderName, int itemsSoFar);
    void finished(bool ok, const QString &message, const QStringList &folderProblems);
    bool isSyncing() const { return m_syncing; }
    QString stateText() const;
    QString lastSyncText() const;

    // What the status shows, kept per account while another one is shown.
    struct State {
        bool syncing = false;
        QString text;    // empty: "Not synced yet"
        QString toolTip;
        QDateTime lastSync;
    };
    State state() const;
    void restore(const State &state);

private:
    void updateLastSync();

    QProgressBar *m_busy = nullptr;
    QLabel *m_state = nullptr;
    QLabel *m_lastSync = nullptr;
    QDateTime m_lastSyncTime;
    bool m_syncing = false;
};

} // namespace skein::ui
