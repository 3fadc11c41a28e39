// ReferenceServer: delivery of mail from outside and the conversation rules
// it obeys.
#include "ReferenceServer.h"

#include "MailDelivery.h"
#include "ServerContext.h"
#include "SyncCommands.h"

namespace skein::server {

namespace {

DeliveryResult failure(const QString &why)
{
    DeliveryResult r;
    r.error = why;
    return r;
}

// deliver --reply-to: the mail a reply from outside would be.
std::optional<ParsedMail> replyMail(ServerStore &store, const UserRow &user, const IncomingMail &in, QString *error)
{
    const qint64 folder = in.replyToServerId.section(QLatin1Char(':'), 0, 0).toLongLong();
    const qint64 id = messageIdFromServerId(in.replyToServerId, folder);
    const auto parent = id ? store.mail().message(user.id, id, false) : std::nullopt;
    if (!parent || parent->folderId != folder) {
        *error = QStringLiteral("user %1 has no message %2").arg(user.name, in.replyToServerId);
        return std::nullopt;
    }
    ParsedMail mail;
    mail.subject = in.subject.isEmpty() ? QStringLiteral("RE: ") + parent->subject : in.subject;
    mail.inReplyTo = {parent->internetMessageId};
    mail.references = {parent->internetMessageId};
    return mail;
}

std::optional<ParsedMail> incomingMail(ServerStore &store, const UserRow &user, const IncomingMail &in, QString *error)
{
    if (!in.mime.isEmpty())
        return parseMime(in.mime, error);
    std::optional<ParsedMail> mail = in.replyToServerId.isEmpty() ? std::optional<ParsedMail>(ParsedMail{})
                                                                  : replyMail(store, user, in, error);
    if (!mail)
        return std::nullopt;
    if (mail->subject.isEmpty())
        mail->subject = in.subject;
    mail->from = parseAddressList(in.from);
    if (mail->from.isEmpty()) {
        *error = QStringLiteral("bad or missing sender address '%1'").arg(in.from);
        return std::nullopt;
    }
    mail->to = {MailAddress{user.displayName, user.email}};
    mail->body = in.body;
    return mail;
}

} // namespace

DeliveryResult ReferenceServer::deliver(const IncomingMail &in)
{
    if (!isOpen())
        return failure(QStringLiteral("store not open"));
    ServerStore &store = m_ctx->store;
    const auto user = store.accounts().user(in.to);
    if (!user)
        return failure(QStringLiteral("no user '%1'").arg(in.to));
    QString error;
    const auto mail = incomingMail(store, *user, in, &error);
    if (!mail)
        return failure(error);

    MailDelivery delivery(store, m_ctx->nowMs());
    const MessageRow row = delivery.rowFor(*mail, delivery.placeIncoming(user->id, *mail));
    if (!store.begin())
        return failure(QStringLiteral("store busy: %1").arg(store.lastError()));
    const auto landed = delivery.deliverToInbox(user->id, row, *mail);
    if (!landed || !store.commit()) {
        store.rollback();
        return failure(QStringLiteral("cannot store the message: %1").arg(store.lastError()));
    }
    DeliveryResult r;
    r.ok = true;
    r.serverId = landed->serverId();
    r.folderId = QString::number(landed->folderId);
    r.folder = landed->folderName;
    r.conversationId = landed->conversationId;
    r.conversationIndex = landed->conversationIndex;
    r.messageId = landed->internetMessageId;
    return r;
}

QList<ConversationRuleInfo> ReferenceServer::conversationRules(const QString &userName) const
{
    QList<ConversationRuleInfo> out;
    ServerStore &store = m_ctx->store;
    const auto user = isOpen() ? store.accounts().user(userName) : std::nullopt;
    if (!user)
        return out;
    for (const ConversationRule &rule : store.rules().conversationRules(user->id)) {
        const auto folder = store.hierarchy().folder(user->id, rule.folderId);
        out.append(ConversationRuleInfo{rule.conversationId, QString::number(rule.folderId),
                                        folder ? folder->name : QString(),
                                        QDateTime::fromMSecsSinceEpoch(rule.createdMs, Qt::UTC)});
    }
    return out;
}

} // namespace skein::server
