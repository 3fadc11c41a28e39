#include "LocalSentRows.h"

#include "ConversationIndex.h"
#include "SentCopyMatch.h"
#include "Store.h"

#include <QCoreApplication>
#include <QSet>

namespace skein {

namespace {

const QString kPrefix = QStringLiteral("skein-outbox:");

bool isShown(const OutboxEntry &entry)
{
    if (entry.kind == OutboxKind::Send || entry.sourceMessageId == 0)
        return false;
    // Sent without a copy in Sent Items: nothing will ever take its place.
    return entry.state != OutboxState::Sent || entry.saveInSentItems;
}

QByteArray localIndex(const OutboxEntry &entry, const Message &source)
{
    const ConversationIndex parent(source.conversationIndex);
    if (!parent.isValid())
        return {};
    // The Thread-Index Skein wrote (the parent's bytes plus one block), else one made alike.
    const QByteArray written = QByteArray::fromBase64(mimeHeader(entry.mime, "Thread-Index"));
    if (ConversationIndex(written).parentKey() == parent.key())
        return written;
    return ConversationIndex::appendReply(source.conversationIndex, entry.created, quint8(entry.id));
}

QString senderOf(const Store &store)
{
    const std::optional<AccountSettings> account = store.accountStore().account();
    if (!account)
        return {};
    return account->email.isEmpty() ? account->user : account->email;
}

} // namespace

QString localSentFolderId(qint64 outboxId)
{
    return kPrefix + QString::number(outboxId);
}

bool isLocalSentFolderId(const QString &folderId)
{
    return folderId.startsWith(kPrefix);
}

QString localSentLabel(const OutboxEntry &entry)
{
    switch (entry.state) {
    case OutboxState::Waiting:
    case OutboxState::Sending: return QCoreApplication::translate("LocalSentRows", "Sending\u2026");
    case OutboxState::Failed:
        return QCoreApplication::translate("LocalSentRows", "Not sent: %1").arg(entry.error);
    case OutboxState::Sent: return QCoreApplication::translate("LocalSentRows", "Sent Items");
    }
    return {};
}

QList<LocalSentEntry> localSentEntries(const Store &store)
{
    const QList<OutboxEntry> replies = store.outboxStore().repliesInOutbox(); // recorded copies left out
    bool any = false, awaiting = false;
    for (const OutboxEntry &entry : replies) {
        any = any || isShown(entry);
        awaiting = awaiting || entry.state == OutboxState::Sent || entry.state == OutboxState::Sending;
    }
    if (!any)
        return {};
    // A copy that arrived but is not recorded yet (the Sync that brought it
    // is still running) already hides its local row: never both.
    QHash<qint64, qint64> arrived;
    if (awaiting) {
        const QList<SentReply> waiting = store.outboxStore().repliesAwaitingCopy();
        const QHash<qint64, qint64> recorded = store.outboxStore().sentCopies();
        const QSet<qint64> taken(recorded.cbegin(), recorded.cend());
        arrived = matchSentCopies(waiting, store.outboxStore().sentCopyCandidates(waiting), store.outboxStore().sentItemsFolderIds(), taken);
    }
    QList<LocalSentEntry> shown;
    for (const OutboxEntry &entry : replies) {
        if (!isShown(entry) || arrived.contains(entry.id))
            continue;
        const std::optional<Message> source = store.messageStore().messageById(entry.sourceMessageId);
        if (!source)
            continue; // the message answered is gone: the Outbox still lists it
        shown.append({entry, *source});
    }
    return shown;
}

Message localSentRow(const LocalSentEntry &local, const QString &sender)
{
    const OutboxEntry &entry = local.entry;
    Message m;
    m.id = -entry.id;
    m.folderId = localSentFolderId(entry.id);
    m.subject = entry.subject;
    // The From Skein wrote, unless it needs RFC 2047 decoding (model/ has no MIME parser).
    const QString from = QString::fromUtf8(mimeHeader(entry.mime, "From"));
    m.from = from.isEmpty() || from.contains(QLatin1String("=?")) ? sender : from;
    m.to = entry.recipients;
    m.dateReceived = entry.sent.isValid() ? entry.sent : entry.created;
    m.read = true;
    m.messageClass = QStringLiteral("IPM.Note");
    m.conversationId = local.source.conversationId;
    m.conversationInferred = local.source.conversationInferred;
    m.conversationIndex = localIndex(entry, local.source);
    m.internetMessageId = outboxMessageId(entry);
    m.inReplyTo = local.source.internetMessageId;
    m.references = local.source.references;
    if (!local.source.internetMessageId.isEmpty())
        m.references.append(local.source.internetMessageId);
    m.preview = localSentLabel(entry);
    m.bodyType = BodyType::PlainText; // complete: the reading pane asks the server for nothing
    return m;
}

QList<Message> localSentRows(const Store &store, const QList<Message> &stored)
{
    QSet<qint64> ids;
    for (const Message &m : stored)
        ids.insert(m.id);
    QList<Message> rows;
    QString sender;
    for (const LocalSentEntry &local : localSentEntries(store)) {
        if (!ids.contains(local.source.id))
            continue;
        if (sender.isEmpty())
            sender = senderOf(store);
        rows.append(localSentRow(local, sender));
    }
    return rows;
}

QHash<QByteArray, int> localSentCounts(const Store &store)
{
    QHash<QByteArray, int> counts;
    for (const LocalSentEntry &local : localSentEntries(store)) {
        if (!local.source.conversationId.isEmpty())
            ++counts[local.source.conversationId];
    }
    return counts;
}

QHash<QString, QString> localSentLabels(const Store &store)
{
    QHash<QString, QString> labels;
    for (const LocalSentEntry &local : localSentEntries(store))
        labels.insert(localSentFolderId(local.entry.id), localSentLabel(local.entry));
    return labels;
}

} // namespace skein
