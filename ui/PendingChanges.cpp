#include "PendingChanges.h"

#include "ActionTypes.h"
#include "Store.h"

namespace skein::ui {

PendingChanges::PendingChanges(Store &store, QObject *parent)
    : QObject(parent)
    , m_store(store)
{
}

int PendingChanges::count() const
{
    return int(m_store.journalStore().actions(true).size());
}

QString PendingChanges::text() const
{
    const int n = count();
    if (n == 0)
        return {};
    return n == 1 ? tr("1 change waiting to be sent") : tr("%1 changes waiting to be sent").arg(n);
}

void PendingChanges::update(const QString &toolTip)
{
    Q_EMIT changed(count(), text(),
                   toolTip.isEmpty() ? tr("Your changes are saved on this computer and sent to the "
                                          "server as soon as it can be reached.")
                                     : toolTip);
}

} // namespace skein::ui
