#include "SyncFilterControl.h"

#include <QAction>
#include <QActionGroup>
#include <QComboBox>
#include <QLabel>
#include <QSettings>

namespace skein::ui {

namespace {

const QString filterKey = QStringLiteral("sync/filterType");

// EAS FilterType 0-5 as the user reads them.
QStringList filterNames()
{
    return {QObject::tr("All"),     QObject::tr("1 day"),   QObject::tr("3 days"),
            QObject::tr("1 week"),  QObject::tr("2 weeks"), QObject::tr("1 month")};
}

// The same choices by name, for View > Show Mail From's actions.
QStringList filterObjectNames()
{
    return {QStringLiteral("actionShowMailFromAll"),      QStringLiteral("actionShowMailFromOneDay"),
            QStringLiteral("actionShowMailFromThreeDays"), QStringLiteral("actionShowMailFromOneWeek"),
            QStringLiteral("actionShowMailFromTwoWeeks"),  QStringLiteral("actionShowMailFromOneMonth")};
}

QString filterPeriod(int filterType)
{
    switch (filterType) {
    case 1: return QObject::tr("the last day");
    case 2: return QObject::tr("the last 3 days");
    case 3: return QObject::tr("the last week");
    case 4: return QObject::tr("the last 2 weeks");
    case 5: return QObject::tr("the last month");
    default: return QObject::tr("all dates");
    }
}

} // namespace

SyncFilterControl::SyncFilterControl(QWidget *parent)
    : QObject(parent)
    , m_combo(new QComboBox(parent))
    , m_group(new QActionGroup(this))
    , m_label(new QLabel(parent))
{
    m_combo->setObjectName(QStringLiteral("syncFilterCombo"));
    m_combo->setAccessibleName(tr("Show mail from"));
    m_combo->setToolTip(tr("How far back to keep mail on this computer; Skein syncs again when you change it"));
    m_combo->addItems(filterNames());
    connect(m_combo, &QComboBox::activated, this, &SyncFilterControl::choose);

    const QStringList names = filterNames();
    const QStringList objectNames = filterObjectNames();
    for (int type = 0; type < names.size(); ++type) {
        auto *action = new QAction(names.at(type), m_group);
        action->setObjectName(objectNames.at(type));
        action->setCheckable(true);
        action->setData(type);
        connect(action, &QAction::triggered, this, [this, type] { choose(type); });
    }

    m_label->setObjectName(QStringLiteral("syncFilterState"));
    m_label->setAccessibleName(tr("Date filter"));
    m_label->setContentsMargins(6, 0, 6, 0);
    setSyncFilter(QSettings().value(filterKey, 0).toInt());
}

QList<QAction *> SyncFilterControl::actions() const
{
    return m_group->actions();
}

int SyncFilterControl::syncFilter() const
{
    return m_combo->currentIndex();
}

void SyncFilterControl::setSyncFilter(int filterType)
{
    if (filterType < 0 || filterType >= m_combo->count())
        filterType = 0;
    m_combo->setCurrentIndex(filterType);
    m_group->actions().at(filterType)->setChecked(true);
    showChoice();
}

void SyncFilterControl::choose(int filterType)
{
    const int before = QSettings().value(filterKey, 0).toInt();
    setSyncFilter(filterType);
    if (filterType == before)
        return;
    QSettings().setValue(filterKey, syncFilter());
    Q_EMIT syncFilterChanged(syncFilter());
}

void SyncFilterControl::estimateStarted()
{
    m_estimateText = tr("Checking how much mail there is\u2026");
    m_label->setText(m_estimateText);
    m_label->show();
}

void SyncFilterControl::showEstimate(int count, const QString &error)
{
    if (count < 0)
        m_estimateText = error.isEmpty() ? tr("Could not tell how much mail there is")
                                         : tr("Could not tell how much mail there is: %1").arg(error);
    else
        m_estimateText = count == 1 ? tr("~1 message to download") : tr("~%1 messages to download").arg(count);
    m_label->setText(m_estimateText);
    m_label->setToolTip(tr("Mail from %1").arg(filterPeriod(syncFilter())));
    m_label->show();
}

void SyncFilterControl::showChoice()
{
    const int type = syncFilter();
    m_label->setText(type == 0 ? QString() : tr("Mail from %1").arg(filterPeriod(type)));
    m_label->setToolTip(type == 0 ? QString() : tr("Older mail stays on the server (View \u203a Show Mail From)"));
    m_label->setVisible(type != 0);
}

} // namespace skein::ui
