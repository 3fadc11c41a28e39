#include "OutboxListModel.h"

#include "Store.h"

#include <QLocale>

namespace skein {

OutboxListModel::OutboxListModel(const Store *store, QObject *parent)
    : QAbstractTableModel(parent), m_store(store)
{
    refresh();
}

void OutboxListModel::refresh()
{
    QList<OutboxEntry> entries = m_store->outboxStore().outbox(true);
    for (OutboxEntry &e : entries)
        e.mime.clear(); // the list never shows it; the editor reads the store
    beginResetModel();
    m_entries = std::move(entries);
    endResetModel();
}

const OutboxEntry *OutboxListModel::entry(const QModelIndex &index) const
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid))
        return nullptr;
    return &m_entries.at(index.row());
}

int OutboxListModel::rowOf(qint64 outboxId) const
{
    for (qsizetype i = 0; i < m_entries.size(); ++i) {
        if (m_entries.at(i).id == outboxId)
            return int(i);
    }
    return -1;
}

QString OutboxListModel::stateText(OutboxState state)
{
    switch (state) {
    case OutboxState::Waiting: return tr("waiting to be sent");
    case OutboxState::Sending: return tr("sending\u2026");
    case OutboxState::Failed: return tr("refused by the server");
    case OutboxState::Sent: return tr("sent");
    }
    return {};
}

QString OutboxListModel::describe(const OutboxEntry &entry)
{
    const QString subject = entry.subject.isEmpty() ? tr("(no subject)") : entry.subject;
    QString text = tr("<b>%1</b><br>To: %2<br>Written: %3<br>State: %4")
                       .arg(subject.toHtmlEscaped(), entry.recipients.toHtmlEscaped(),
                            QLocale().toString(entry.created.toLocalTime(), QLocale::ShortFormat),
                            stateText(entry.state));
    if (entry.attempts > 0)
        text += tr(" (%n attempt(s))", nullptr, entry.attempts);
    if (!entry.error.isEmpty())
        text += tr("<br>Last failure: %1").arg(entry.error.toHtmlEscaped());
    return text;
}

int OutboxListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int OutboxListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant OutboxListModel::data(const QModelIndex &index, int role) const
{
    const OutboxEntry *e = entry(index);
    if (!e)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case SubjectColumn: return e->subject.isEmpty() ? tr("(no subject)") : e->subject;
        case RecipientsColumn: return e->recipients;
        case CreatedColumn: return e->created.toLocalTime();
        case StateColumn: return stateText(e->state);
        case ReasonColumn: return e->error;
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == ReasonColumn || index.column() == StateColumn)
            return e->error.isEmpty() ? stateText(e->state) : e->error;
        return index.column() == RecipientsColumn ? e->recipients : QVariant();
    case OutboxIdRole: return e->id;
    case OutboxStateRole: return int(e->state);
    default: return {};
    }
}

QVariant OutboxListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case SubjectColumn: return tr("Subject");
    case RecipientsColumn: return tr("To");
    case CreatedColumn: return tr("Written");
    case StateColumn: return tr("State");
    case ReasonColumn: return tr("Last failure");
    }
    return {};
}

} // namespace skein
