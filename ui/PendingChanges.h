#pragma once

#include <QObject>

namespace skein {
class Store;
}

namespace skein::ui {

// The count of the conversation changes the journal holds until the server
// has them, in words for the status bar.
class PendingChanges : public QObject
{
    Q_OBJECT
public:
    PendingChanges(Store &store, QObject *parent);

    int count() const;
    QString text() const; // "2 changes waiting to be sent", "" when none

    // Says the count again; toolTip says why they wait (empty: the usual reason).
    void update(const QString &toolTip = {});

Q_SIGNALS:
    void changed(int count, const QString &text, const QString &toolTip);

private:
    Store &m_store;
};

} // namespace skein::ui
