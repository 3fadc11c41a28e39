#include "ConversationThreading.h"

#include <ConversationIndex.h>

#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QRegularExpression>

namespace skein::server::threading {

QByteArray conversationIdFor(const QByteArray &seed)
{
    return QCryptographicHash::hash(QByteArray("skein-conversation:") + seed, QCryptographicHash::Md5);
}

QByteArray newConversationId()
{
    QByteArray id(16, Qt::Uninitialized);
    QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(id.data()), 4);
    return id;
}

QByteArray rootIndex(const QDateTime &sent)
{
    return skein::ConversationIndex::makeHeader(sent);
}

QByteArray replyIndex(const QByteArray &parentIndex, const QDateTime &sent, quint8 randomByte)
{
    QByteArray index = skein::ConversationIndex::appendReply(parentIndex, sent, randomByte);
    if (index.isEmpty()) // parent had no usable index: start a new one
        index = rootIndex(sent);
    return index;
}

QByteArray replyIndex(const QByteArray &parentIndex, const QDateTime &sent)
{
    return replyIndex(parentIndex, sent, quint8(QRandomGenerator::global()->bounded(256)));
}

std::optional<ThreadIdentity> fromThreadIndex(const QByteArray &mapiIndex)
{
    const skein::ConversationIndex index(mapiIndex);
    if (index.form() != skein::ConversationIndex::Form::Mapi || index.guid().size() != 16)
        return std::nullopt;
    return ThreadIdentity{index.guid(), index.key()};
}

QString topicOf(const QString &subject)
{
    // "RE: FW: Re: topic" -> "topic" (also AW:/WG:/SV: as other clients write them).
    static const QRegularExpression prefixes(QStringLiteral("^(\\s*(re|fw|fwd|aw|wg|sv|vs)\\s*(\\[\\d+\\])?\\s*:)+\\s*"),
                                             QRegularExpression::CaseInsensitiveOption);
    QString topic = subject;
    topic.remove(prefixes);
    return topic.trimmed();
}

} // namespace skein::server::threading
