#include "MailDelivery.h"

#include <QRandomGenerator>

#include <algorithm>

namespace skein::server {

QDateTime MailDelivery::now() const
{
    return QDateTime::fromMSecsSinceEpoch(m_nowMs, Qt::UTC);
}

QString MailDelivery::newMessageId()
{
    QByteArray random(12, Qt::Uninitialized);
    QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(random.data()), 3);
    return QStringLiteral("<%1@skein.test>").arg(QString::fromLatin1(random.toHex()));
}

std::optional<MessageRow> MailDelivery::referencedMessage(qint64 userId, const ParsedMail &mail) const
{
    QStringList candidates = mail.inReplyTo;
    QStringList references = mail.references;
    std::reverse(references.begin(), references.end());
    candidates += references;
    for (const QString &id : std::as_const(candidates)) {
        if (auto m = m_store.mail().messageByInternetId(userId, id))
            return m;
    }
    return std::nullopt;
}

qint64 MailDelivery::parentInMailbox(qint64 userId, const QByteArray &conversationId, const QByteArray &index,
                                     const ParsedMail &mail) const
{
    if (const auto parent = referencedMessage(userId, mail); parent && parent->conversationId == conversationId)
        return parent->id;
    // Else the held message whose index is this one minus its last block.
    if (index.size() <= 5)
        return 0;
    const QByteArray parentIndex = index.left(index.size() - 5);
    for (const MessageRow &m : m_store.mail().conversationMessages(userId, conversationId)) {
        if (m.conversationIndex == parentIndex)
            return m.id;
    }
    return 0;
}

ThreadPlacement MailDelivery::placeIncoming(qint64 userId, const ParsedMail &mail) const
{
    const QString topic = mail.threadTopic.isEmpty() ? threading::topicOf(mail.subject) : mail.threadTopic;
    if (const auto identity = threading::fromThreadIndex(mail.threadIndex)) {
        ThreadPlacement p{identity->conversationId, identity->conversationIndex, 0, topic};
        p.parentId = parentInMailbox(userId, p.conversationId, p.conversationIndex, mail);
        return p;
    }
    if (const auto parent = referencedMessage(userId, mail)) {
        ThreadPlacement p = placeResponse(*parent);
        if (!mail.threadTopic.isEmpty())
            p.topic = mail.threadTopic;
        return p;
    }
    ThreadPlacement p = placeNew(mail.subject);
    p.topic = topic;
    return p;
}

ThreadPlacement MailDelivery::placeResponse(const MessageRow &original) const
{
    ThreadPlacement p;
    p.conversationId = original.conversationId.isEmpty() ? threading::newConversationId() : original.conversationId;
    p.conversationIndex = threading::replyIndex(original.conversationIndex, now());
    p.parentId = original.id;
    p.topic = original.threadTopic.isEmpty() ? threading::topicOf(original.subject) : original.threadTopic;
    return p;
}

ThreadPlacement MailDelivery::placeNew(const QString &subject) const
{
    return ThreadPlacement{threading::newConversationId(), threading::rootIndex(now()), 0, threading::topicOf(subject)};
}

MessageRow MailDelivery::rowFor(const ParsedMail &mail, const ThreadPlacement &placement) const
{
    MessageRow m;
    m.subject = mail.subject;
    m.from = mail.from.isEmpty() ? QString() : mail.from.first().formatted();
    m.to = formatAddressList(mail.to);
    m.cc = formatAddressList(mail.cc);
    m.displayTo = displayNames(mail.to);
    m.threadTopic = placement.topic;
    m.importance = mail.importance;
    m.receivedMs = m_nowMs;
    m.bodyType = mail.bodyType;
    m.body = mail.body;
    m.conversationId = placement.conversationId;
    m.conversationIndex = placement.conversationIndex;
    m.parentId = placement.parentId;
    m.internetMessageId = mail.messageId.isEmpty() ? newMessageId() : mail.messageId;
    m.attachments = mail.attachments;
    return m;
}

std::optional<Delivered> MailDelivery::insertInto(qint64 userId, qint64 folderId, MessageRow row)
{
    const auto folder = m_store.hierarchy().folder(userId, folderId);
    if (!folder)
        return std::nullopt;
    row.id = 0;
    row.userId = userId;
    row.folderId = folderId;
    for (AttachmentRow &a : row.attachments)
        a.id = 0;
    if (!m_store.mail().insertMessage(row))
        return std::nullopt;
    return Delivered{userId, row.id, folderId, folder->name, row.conversationId, row.conversationIndex,
                     row.internetMessageId};
}

std::optional<Delivered> MailDelivery::deliverToInbox(qint64 userId, MessageRow row, const ParsedMail &mail)
{
    const auto inbox = m_store.hierarchy().folderByType(userId, FolderType::Inbox);
    if (!inbox)
        return std::nullopt;
    qint64 target = inbox->id;
    // A rule whose folder was deleted since falls back to the Inbox.
    if (const auto rule = m_store.rules().conversationRule(userId, row.conversationId)) {
        if (m_store.hierarchy().folder(userId, rule->folderId))
            target = rule->folderId;
    }
    // Parent ids are per mailbox: find this user's copy of what it answers.
    row.parentId = parentInMailbox(userId, row.conversationId, row.conversationIndex, mail);
    row.read = false;
    return insertInto(userId, target, std::move(row));
}

std::optional<Delivered> MailDelivery::deliverToFolder(qint64 userId, qint64 folderId, MessageRow row,
                                                      const ParsedMail &mail)
{
    row.parentId = parentInMailbox(userId, row.conversationId, row.conversationIndex, mail);
    return insertInto(userId, folderId, std::move(row));
}

std::optional<Delivered> MailDelivery::saveInSent(qint64 userId, MessageRow row)
{
    const auto sent = m_store.hierarchy().folderByType(userId, FolderType::SentItems);
    if (!sent)
        return std::nullopt;
    row.read = true;
    return insertInto(userId, sent->id, std::move(row));
}

} // namespace skein::server
