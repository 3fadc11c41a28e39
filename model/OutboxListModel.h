#pragma once

#include "OutboxTypes.h"

#include <QAbstractTableModel>
#include <QList>

namespace skein {

class Store;

// What the Outbox folder view lists (issue 11 part 3): the messages the
// server has not taken yet (OutboxStore::outbox(): waiting, sending, refused),
// oldest first, one row each: subject, recipients, when it was written, its
// state in words and the reason of the last failure. QtCore only, like the
// other item models.
class OutboxListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    // State and reason before the rest: what the narrow centre pane must show.
    enum Column { SubjectColumn, StateColumn, ReasonColumn, RecipientsColumn, CreatedColumn, ColumnCount };
    enum Role {
        OutboxIdRole = Qt::UserRole + 100, // qint64
        OutboxStateRole,                   // int, an OutboxState
    };

    // The store is the GUI thread's connection and must outlive the model.
    explicit OutboxListModel(const Store *store, QObject *parent = nullptr);

    // Re-reads the store (after outboxChanged, an edit or a delete).
    void refresh();

    // The entry of a row (mime left out); nullptr for an invalid index.
    const OutboxEntry *entry(const QModelIndex &index) const;
    int rowOf(qint64 outboxId) const; // -1 when not listed

    // "waiting to be sent", "sending…", "refused by the server".
    static QString stateText(OutboxState state);
    // Every field of one entry in a few lines of rich text, for the view's details.
    static QString describe(const OutboxEntry &entry);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    const Store *m_store;
    QList<OutboxEntry> m_entries;
};

} // namespace skein
