#pragma once

#include <QList>
#include <QObject>

class QAction;
class QActionGroup;
class QComboBox;
class QLabel;
class QWidget;

namespace skein::ui {

// "Show mail from" (EAS FilterType 0 all, 1 one day, 2 three days, 3 a
// week, 4 two weeks, 5 a month): the toolbar's combo, its View menu twins,
// the status bar's note of the period and the estimate GetItemEstimate
// gave for a new choice. Saved in QSettings "sync/filterType".
class SyncFilterControl : public QObject
{
    Q_OBJECT
public:
    explicit SyncFilterControl(QWidget *parent);

    QComboBox *combo() const { return m_combo; }
    QLabel *label() const { return m_label; }
    QList<QAction *> actions() const;
    int syncFilter() const;
    // Shows the choice without emitting syncFilterChanged.
    void setSyncFilter(int filterType);
    // What the last GetItemEstimate said ("~120 messages to download").
    QString estimateText() const { return m_estimateText; }

public Q_SLOTS:
    void estimateStarted();
    // count < 0: unknown.
    void showEstimate(int count, const QString &error);
    // The label says the period again (a sync ended: the estimate served its purpose).
    void showChoice();

Q_SIGNALS:
    void syncFilterChanged(int filterType);

private:
    void choose(int filterType);

    QComboBox *m_combo;
    QActionGroup *m_group;
    QLabel *m_label;
    QString m_estimateText;
};

} // namespace skein::ui
