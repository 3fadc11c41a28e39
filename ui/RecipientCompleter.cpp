#include "RecipientCompleter.h"

#include <QAbstractItemView>
#include <QCoreApplication>
#include <QLineEdit>
#include <QStandardItemModel>
#include <QTimer>

namespace skein::ui {

namespace {

enum Role { AddressRole = Qt::UserRole + 1, FromDirectoryRole };

qsizetype lastSeparator(const QString &text)
{
    // A comma inside a quoted name does not end an entry.
    bool quoted = false;
    qsizetype last = -1;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == QLatin1Char('"'))
            quoted = !quoted;
        else if (!quoted && (c == QLatin1Char(',') || c == QLatin1Char(';')))
            last = i;
    }
    return last;
}

QStandardItem *itemFor(const QString &name, const QString &address, bool fromDirectory)
{
    auto *item = new QStandardItem(RecipientCompleter::entryText(name, address));
    item->setData(address.toLower(), AddressRole);
    item->setData(fromDirectory, FromDirectoryRole);
    item->setEditable(false);
    if (fromDirectory)
        item->setToolTip(QCoreApplication::translate("skein::ui::RecipientCompleter", "From the directory"));
    return item;
}

} // namespace

RecipientCompleter::RecipientCompleter(const QList<AddressUse> &known, QLineEdit *edit)
    : QCompleter(edit)
    , m_edit(edit)
    , m_model(new QStandardItemModel(this))
    , m_directoryTimer(new QTimer(this))
{
    setObjectName(edit->objectName() + QStringLiteral("Completer"));
    for (const AddressUse &use : known) {
        if (m_addresses.contains(use.address))
            continue;
        m_addresses.insert(use.address);
        m_model->appendRow(itemFor(use.name, use.address, false));
    }
    setModel(m_model);
    setCaseSensitivity(Qt::CaseInsensitive);
    setFilterMode(Qt::MatchContains);
    setModelSorting(QCompleter::UnsortedModel); // keep the ranking
    setCompletionMode(QCompleter::PopupCompletion);
    setMaxVisibleItems(8);
    popup()->setObjectName(objectName() + QStringLiteral("Popup"));
    popup()->setAccessibleName(tr("Address suggestions"));
    edit->setCompleter(this);

    m_directoryTimer->setSingleShot(true);
    m_directoryTimer->setInterval(kDirectoryDelayMs);
    connect(m_directoryTimer, &QTimer::timeout, this, [this] { Q_EMIT directoryLookupRequested(m_pendingPrefix); });
    connect(edit, &QLineEdit::textEdited, this, &RecipientCompleter::textEdited);
}

QString RecipientCompleter::entryText(const QString &name, const QString &address)
{
    if (name.isEmpty())
        return address;
    const bool needsQuotes = name.contains(QLatin1Char(',')) || name.contains(QLatin1Char(';'));
    return needsQuotes ? QStringLiteral("\"%1\" <%2>").arg(name, address) : QStringLiteral("%1 <%2>").arg(name, address);
}

QString RecipientCompleter::currentEntry(const QString &fieldText)
{
    return fieldText.mid(lastSeparator(fieldText) + 1).trimmed();
}

QStringList RecipientCompleter::splitPath(const QString &path) const
{
    return {currentEntry(path)};
}

QString RecipientCompleter::headOf(const QString &fieldText)
{
    const qsizetype separator = lastSeparator(fieldText);
    return separator < 0 ? QString() : fieldText.left(separator + 1) + QLatin1Char(' ');
}

// From what the user typed, not the field's text now: moving through the
// popup has put the highlighted suggestion into the field already.
QString RecipientCompleter::pathFromIndex(const QModelIndex &index) const
{
    return m_typedHead + index.data(Qt::DisplayRole).toString() + QStringLiteral(", ");
}

void RecipientCompleter::textEdited()
{
    m_typedHead = headOf(m_edit->text());
    const QString entry = currentEntry(m_edit->text());
    if (entry.size() < kDirectoryMinimumPrefix) {
        m_directoryTimer->stop();
        return;
    }
    m_pendingPrefix = entry;
    m_directoryTimer->start();
}

void RecipientCompleter::addDirectoryResults(const QString &prefix, const QStringList &addresses)
{
    for (const QString &entry : addresses) {
        const qsizetype open = entry.lastIndexOf(QLatin1Char('<'));
        const qsizetype close = entry.lastIndexOf(QLatin1Char('>'));
        QString name, address = entry.trimmed();
        if (open >= 0 && close > open) {
            address = entry.mid(open + 1, close - open - 1).trimmed();
            name = entry.left(open).trimmed().remove(QLatin1Char('"'));
        }
        if (address.isEmpty() || m_addresses.contains(address.toLower()))
            continue;
        m_addresses.insert(address.toLower());
        m_model->appendRow(itemFor(name, address, true));
    }
    // Show them now if the user is still on that entry.
    if (m_edit->hasFocus() && currentEntry(m_edit->text()).compare(prefix, Qt::CaseInsensitive) == 0) {
        setCompletionPrefix(m_edit->text());
        complete();
    }
}

} // namespace skein::ui
