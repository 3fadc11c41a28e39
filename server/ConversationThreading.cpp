#include "ConversationThreading.h"

#include <ConversationIndex.h>

#include <QCryptographicHash>
#include <QRandomGenerator>

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

} // namespace skein::server::threading
