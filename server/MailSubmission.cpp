#include "MailSubmission.h"

#include "EasRequest.h"
#include "EmailSerializer.h"

namespace skein::server {

namespace {

QString originalHeader(const MessageRow &o)
{
    return QStringLiteral("From: %1\nSent: %2\nTo: %3\nSubject: %4")
        .arg(o.from, easDate(o.receivedMs), o.to, o.subject);
}

// "The full text of the original message is retrieved and sent by the
// server" ([MS-ASCMD] SmartReply/SmartForward without ReplaceMime).
void appendOriginal(ParsedMail &mail, const MessageRow &original)
{
    if (mail.bodyType == 2) {
        const QString quoted = original.bodyType == 2
            ? original.body
            : original.body.toHtmlEscaped().replace(QLatin1Char('\n'), QLatin1String("<br>\n"));
        const QString block = QStringLiteral("<hr><div>%1</div>%2")
                                  .arg(originalHeader(original).toHtmlEscaped().replace(QLatin1Char('\n'), QLatin1String("<br>")),
                                       quoted);
        const int end = mail.body.lastIndexOf(QLatin1String("</body>"), -1, Qt::CaseInsensitive);
        if (end >= 0)
            mail.body.insert(end, block);
        else
            mail.body += block;
        return;
    }
    const QString text = original.bodyType == 2 ? htmlToText(original.body) : original.body;
    mail.body += QStringLiteral("\n\n-----Original Message-----\n%1\n\n%2").arg(originalHeader(original), text);
}

// Local mailboxes among the recipients, each once, in header order.
QList<qint64> localRecipients(ServerStore &store, const ParsedMail &mail)
{
    QList<qint64> out;
    for (const MailAddress &a : mail.recipients()) {
        const auto user = store.accounts().userByAddress(a.address);
        if (user && !out.contains(user->id))
            out.append(user->id);
    }
    return out;
}

ThreadPlacement placementFor(const MailDelivery &delivery, const UserRow &sender, const Submission &s)
{
    if (s.original)
        return delivery.placeResponse(*s.original);
    // A SendMail that answers a held message (In-Reply-To) joins its thread,
    // as Exchange does; anything else starts a conversation.
    if (const auto parent = delivery.referencedMessage(sender.id, s.mail))
        return delivery.placeResponse(*parent);
    return delivery.placeNew(s.mail.subject);
}

} // namespace

SubmitResult submitMail(ServerStore &store, qint64 nowMs, const UserRow &sender, Submission s)
{
    SubmitResult result;
    if (s.mail.recipients().isEmpty()) {
        result.status = 119;
        return result;
    }
    if (s.original && !s.replaceMime) {
        appendOriginal(s.mail, *s.original);
        if (s.kind == Submission::Kind::Forward)
            s.mail.attachments += store.mail().attachments(s.original->id);
    }
    if (s.original && s.mail.inReplyTo.isEmpty() && !s.original->internetMessageId.isEmpty()) {
        s.mail.inReplyTo = {s.original->internetMessageId};
        s.mail.references.append(s.original->internetMessageId);
    }
    // The authenticated mailbox is the sender, whatever From the client wrote.
    s.mail.from = {MailAddress{sender.displayName, sender.email}};

    MailDelivery delivery(store, nowMs);
    const MessageRow row = delivery.rowFor(s.mail, placementFor(delivery, sender, s));
    if (!store.begin()) {
        result.status = 110;
        return result;
    }
    bool ok = true;
    if (s.saveInSent) {
        result.sentCopy = delivery.saveInSent(sender.id, row);
        ok = result.sentCopy.has_value();
    }
    for (qint64 userId : localRecipients(store, s.mail)) {
        const auto copy = ok ? delivery.deliverToInbox(userId, row, s.mail) : std::nullopt;
        ok = ok && copy;
        if (copy)
            result.deliveries.append(*copy);
    }
    if (ok && !s.clientId.isEmpty())
        ok = store.outgoing().rememberClientId(sender.id, s.clientId, nowMs);
    if (!ok || !store.commit()) {
        store.rollback();
        return SubmitResult{110, std::nullopt, {}};
    }
    return result;
}

} // namespace skein::server
