// The addresses the composer completes (MessageStore::knownAddresses): counted from
// the stored messages and the outbox each time the composer asks, so they
// never go stale and need no table of their own.

#include "AddressUse.h"
#include "OutboxTypes.h"
#include "StoreRows.h"

#include <QHash>

#include <algorithm>

namespace skein {

namespace {

// Splits at commas that are not inside a quoted name or angle brackets.
QStringList splitAddressList(const QString &list)
{
    QStringList parts;
    QString current;
    bool quoted = false;
    int angle = 0;
    for (const QChar c : list) {
        if (c == QLatin1Char('"'))
            quoted = !quoted;
        else if (!quoted && c == QLatin1Char('<'))
            ++angle;
        else if (!quoted && c == QLatin1Char('>') && angle > 0)
            --angle;
        if ((c == QLatin1Char(',') || c == QLatin1Char(';')) && !quoted && angle == 0) {
            parts.append(current);
            current.clear();
        } else {
            current.append(c);
        }
    }
    parts.append(current);
    return parts;
}

AddressUse parseOne(const QString &part)
{
    AddressUse use;
    const QString text = part.trimmed();
    const qsizetype open = text.lastIndexOf(QLatin1Char('<'));
    const qsizetype close = text.lastIndexOf(QLatin1Char('>'));
    if (open >= 0 && close > open) {
        use.address = text.mid(open + 1, close - open - 1).trimmed();
        use.name = text.left(open).trimmed();
    } else {
        use.address = text;
    }
    if (use.name.size() >= 2
        && ((use.name.startsWith(QLatin1Char('"')) && use.name.endsWith(QLatin1Char('"')))
            || (use.name.startsWith(QLatin1Char('\'')) && use.name.endsWith(QLatin1Char('\'')))))
        use.name = use.name.mid(1, use.name.size() - 2).trimmed();
    use.address = use.address.toLower();
    if (use.name.compare(use.address, Qt::CaseInsensitive) == 0)
        use.name.clear();
    return use;
}

class AddressTally
{
public:
    void add(const QString &list, bool written)
    {
        for (const AddressUse &found : parseAddressUses(list)) {
            AddressUse &use = m_uses[found.address];
            use.address = found.address;
            if (!found.name.isEmpty())
                use.name = found.name;
            ++use.seenCount;
            if (written)
                ++use.writtenCount;
        }
    }

    QList<AddressUse> ranked() const
    {
        QList<AddressUse> list = m_uses.values();
        std::sort(list.begin(), list.end(), [](const AddressUse &a, const AddressUse &b) {
            if (a.writtenCount != b.writtenCount)
                return a.writtenCount > b.writtenCount;
            if (a.seenCount != b.seenCount)
                return a.seenCount > b.seenCount;
            return a.address < b.address;
        });
        return list;
    }

private:
    QHash<QString, AddressUse> m_uses;
};

} // namespace

QList<AddressUse> parseAddressUses(const QString &list)
{
    QList<AddressUse> result;
    for (const QString &part : splitAddressList(list)) {
        const AddressUse use = parseOne(part);
        if (use.address.contains(QLatin1Char('@')) && !use.address.contains(QLatin1Char(' ')))
            result.append(use);
    }
    return result;
}

QList<AddressUse> MessageStore::knownAddresses() const
{
    const std::optional<Folder> sent = m_store.folderStore().folderOfType(FolderType::SentItems);
    const QString sentId = sent ? sent->serverId : QString();
    AddressTally tally;
    {
        auto q = m_db.prepare("SELECT folder_id, sender, to_addr, cc FROM messages");
        if (!q.isValid())
            return {};
        int step = SQLITE_ROW;
        while ((step = q.step()) == SQLITE_ROW) {
            // In Sent Items the sender is the user: seen, not written to.
            const bool mine = !sentId.isEmpty() && q.text(0) == sentId;
            tally.add(q.text(1), false);
            tally.add(q.text(2), mine);
            tally.add(q.text(3), mine);
        }
        if (!m_db.check(step, QStringLiteral("reading the known addresses")))
            return {};
    }
    // The outbox keeps To, Cc and Bcc together; mail already sent is in Sent
    // Items too once synced, so only what has not been confirmed counts here.
    for (const OutboxEntry &entry : m_store.outboxStore().outbox(true))
        tally.add(entry.recipients, true);
    return tally.ranked();
}

} // namespace skein
