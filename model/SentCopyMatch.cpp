#include "SentCopyMatch.h"

#include "ConversationIndex.h"

#include <algorithm>

namespace skein {

namespace {

// How far the server's clock (the copy's date) may lag behind ours.
constexpr qint64 kClockSlackSecs = 5 * 60;

QString withoutBrackets(QString id)
{
    id = id.trimmed();
    if (id.startsWith(QLatin1Char('<')) && id.endsWith(QLatin1Char('>')))
        id = id.mid(1, id.size() - 2);
    return id;
}

bool sameSubject(const QString &a, const QString &b)
{
    return a.trimmed().compare(b.trimmed(), Qt::CaseInsensitive) == 0;
}

bool isCopyByIndex(const SentReply &reply, const Message &candidate, const QSet<QString> &sentFolders)
{
    if (!sentFolders.contains(candidate.folderId) || reply.source.id == 0)
        return false;
    if (reply.source.conversationId.isEmpty() || candidate.conversationId != reply.source.conversationId)
        return false;
    const ConversationIndex parent(reply.source.conversationIndex);
    const ConversationIndex index(candidate.conversationIndex);
    if (!parent.isValid() || !index.isValid() || index.parentKey() != parent.key())
        return false;
    if (!sameSubject(candidate.subject, reply.entry.subject))
        return false;
    return candidate.dateReceived >= reply.entry.created.addSecs(-kClockSlackSecs);
}

} // namespace

QByteArray mimeHeader(const QByteArray &mime, const QByteArray &name)
{
    const qsizetype end = mime.indexOf("\r\n\r\n");
    const QByteArray head = end < 0 ? mime : mime.left(end);
    const QByteArray lower = name.toLower() + ':';
    QByteArray value;
    bool inside = false;
    for (const QByteArray &line : head.split('\n')) {
        const QByteArray l = line.endsWith('\r') ? line.chopped(1) : line;
        if (inside && (l.startsWith(' ') || l.startsWith('\t'))) {
            value = (value + ' ' + l.trimmed()).trimmed(); // a folded continuation
            continue;
        }
        if (inside)
            break;
        if (l.toLower().startsWith(lower)) {
            value = l.mid(lower.size()).trimmed();
            inside = true;
        }
    }
    return value;
}

QString outboxMessageId(const OutboxEntry &entry)
{
    return withoutBrackets(QString::fromLatin1(mimeHeader(entry.mime, "Message-ID")));
}

QHash<qint64, qint64> matchSentCopies(const QList<SentReply> &replies, const QList<Message> &candidates,
                                      const QSet<QString> &sentFolders, const QSet<qint64> &taken)
{
    QHash<qint64, qint64> matches;
    QSet<qint64> used = taken;
    QList<const SentReply *> order;
    for (const SentReply &reply : replies)
        order.append(&reply);
    std::sort(order.begin(), order.end(), [](const SentReply *a, const SentReply *b) { return a->entry.id < b->entry.id; });
    QList<const Message *> byDate;
    for (const Message &m : candidates)
        byDate.append(&m);
    std::stable_sort(byDate.begin(), byDate.end(),
                     [](const Message *a, const Message *b) { return a->dateReceived < b->dateReceived; });

    // Message-ID is exact: every entry that has its copy that way first, so
    // the looser index rule never takes a copy another entry names.
    for (const SentReply *reply : std::as_const(order)) {
        if (reply->messageId.isEmpty())
            continue;
        for (const Message *m : std::as_const(byDate)) {
            if (!used.contains(m->id) && withoutBrackets(m->internetMessageId) == reply->messageId) {
                matches.insert(reply->entry.id, m->id);
                used.insert(m->id);
                break;
            }
        }
    }
    for (const SentReply *reply : std::as_const(order)) {
        if (matches.contains(reply->entry.id))
            continue;
        for (const Message *m : std::as_const(byDate)) {
            // A copy whose Message-ID is known and another one is not ours.
            const bool otherId = !m->internetMessageId.isEmpty() && !reply->messageId.isEmpty();
            if (!used.contains(m->id) && !otherId && isCopyByIndex(*reply, *m, sentFolders)) {
                matches.insert(reply->entry.id, m->id);
                used.insert(m->id);
                break;
            }
        }
    }
    return matches;
}

} // namespace skein
