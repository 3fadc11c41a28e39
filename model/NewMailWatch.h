#pragma once

#include "Store.h"

#include <QDateTime>

namespace skein {

// One desktop notification's worth of new mail: the unread messages that
// arrived in one conversation since the last look.
struct NewMailAlert {
    QByteArray conversationId; // empty for a message without a conversation
    qint64 newestMessageId = 0;
    QString from;              // the newest message's From, as stored
    QString subject;           // the newest message's subject
    int count = 0;
};

// Which mail deserves a notification: new unread messages in the Inbox
// (so never Junk or other folders), grouped by conversation, leaving out
// ignored and always-moved conversations and the user's own messages.
// "New" means stored after the previous collect() (or start()), and
// received recently: a message moved back into the Inbox is not news.
class NewMailWatch
{
public:
    static constexpr int kMaxPerCollect = 200;

    NewMailWatch(const Store &store, QString ownAddress);

    // Everything stored so far counts as seen.
    void start();
    // The alerts for what arrived since, newest conversation first; what
    // they cover counts as seen afterwards.
    QList<NewMailAlert> collect(const QDateTime &now = QDateTime::currentDateTimeUtc());

private:
    bool isOwn(const Message &m) const;

    const Store &m_store;
    QString m_ownAddress;
    qint64 m_seenUpTo = 0;
};

} // namespace skein
