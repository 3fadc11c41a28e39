#include "ComposeHandler.h"

#include "SyncCommands.h"

#include <EasTags.h>

#include <algorithm>

namespace skein::server {

namespace tag = wbxml::tag;

namespace {

Submission::Kind kindOf(const QString &command)
{
    if (command == QLatin1String("SmartReply"))
        return Submission::Kind::Reply;
    if (command == QLatin1String("SmartForward"))
        return Submission::Kind::Forward;
    return Submission::Kind::Send;
}

wbxml::Tag rootTag(Submission::Kind kind)
{
    switch (kind) {
    case Submission::Kind::Reply: return tag::ComposeMail::SmartReply;
    case Submission::Kind::Forward: return tag::ComposeMail::SmartForward;
    case Submission::Kind::Send: break;
    }
    return tag::ComposeMail::SendMail;
}

// 16.0 SmartForward Forwardees: extra recipients beside the MIME's own.
void addForwardees(const wbxml::Element &root, ParsedMail &mail)
{
    const wbxml::Element *forwardees = root.child(tag::ComposeMail::Forwardees);
    if (!forwardees)
        return;
    for (const wbxml::Element *f : forwardees->all(tag::ComposeMail::Forwardee)) {
        const QString email = f->childText(tag::ComposeMail::ForwardeeEmail).trimmed();
        if (!email.isEmpty())
            mail.to.append(MailAddress{f->childText(tag::ComposeMail::ForwardeeName).trimmed(), email});
    }
}

} // namespace

HandlerResult ComposeHandler::handle(const EasRequest &request)
{
    Submission submission;
    submission.kind = kindOf(request.command);
    Source source;
    int status = request.isRawMime ? parseRaw(request, &submission, &source)
                                   : parseWbxml(request, &submission, &source);
    if (status == 1) {
        if (const auto forced = m_ctx.faults.takeSendStatus())
            return answer(request, *forced); // fault knob: nothing is sent
        if (namesRefusedRecipient(submission.mail))
            return answer(request, 116); // fault knob: an address nobody has
    }
    if (status == 1 && !submission.clientId.isEmpty() && m_ctx.store.outgoing().hasClientId(request.user.id, submission.clientId))
        status = 118; // a retry of a message that already went out
    if (status == 1 && submission.kind != Submission::Kind::Send)
        status = resolveOriginal(request, source, &submission);
    if (status == 1)
        status = submitMail(m_ctx.store, m_ctx.nowMs(), request.user, std::move(submission)).status;
    return answer(request, status);
}

bool ComposeHandler::namesRefusedRecipient(const ParsedMail &mail) const
{
    const QList<MailAddress> recipients = mail.recipients();
    return std::any_of(recipients.begin(), recipients.end(),
                       [&](const MailAddress &a) { return m_ctx.faults.refusesRecipient(a.address); });
}

int ComposeHandler::parseWbxml(const EasRequest &request, Submission *out, Source *source) const
{
    if (!request.body || !request.body->is(rootTag(out->kind)))
        return 103;
    const wbxml::Element &root = *request.body;
    out->clientId = root.childText(tag::ComposeMail::ClientId).trimmed();
    const wbxml::Element *mime = root.child(tag::ComposeMail::Mime);
    if (out->clientId.isEmpty() || out->clientId.size() > 40 || !mime)
        return 103;
    if (const wbxml::Element *src = root.child(tag::ComposeMail::Source)) {
        source->folderId = src->childText(tag::ComposeMail::FolderId).trimmed();
        source->itemId = src->childText(tag::ComposeMail::ItemId).trimmed();
        source->longId = src->childText(tag::ComposeMail::LongId).trimmed();
    }
    if (out->kind != Submission::Kind::Send && source->itemId.isEmpty() && source->longId.isEmpty())
        return 103; // a reply needs something to reply to
    out->saveInSent = root.has(tag::ComposeMail::SaveInSentItems);
    out->replaceMime = root.has(tag::ComposeMail::ReplaceMime);
    auto mail = parseMime(mime->data());
    if (!mail)
        return 107;
    out->mail = std::move(*mail);
    addForwardees(root, out->mail);
    return 1;
}

int ComposeHandler::parseRaw(const EasRequest &request, Submission *out, Source *source) const
{
    source->folderId = request.query.value(QStringLiteral("CollectionId")).trimmed();
    source->itemId = request.query.value(QStringLiteral("ItemId")).trimmed();
    source->longId = request.query.value(QStringLiteral("LongId")).trimmed();
    if (out->kind != Submission::Kind::Send && source->itemId.isEmpty() && source->longId.isEmpty())
        return 103;
    out->saveInSent = request.query.value(QStringLiteral("SaveInSent")).compare(QLatin1String("T"), Qt::CaseInsensitive) == 0;
    auto mail = parseMime(request.rawMime);
    if (!mail)
        return 107;
    out->mail = std::move(*mail);
    return 1;
}

int ComposeHandler::resolveOriginal(const EasRequest &request, const Source &source, Submission *out) const
{
    ServerStore &store = m_ctx.store;
    std::optional<MessageRow> original;
    if (!source.longId.isEmpty()) {
        original = messageForLongId(store, request.user.id, source.longId);
    } else {
        // ItemId is a ServerId (FOLDER:ID); a stale one (moved since) is not found.
        const qint64 folder = source.itemId.section(QLatin1Char(':'), 0, 0).toLongLong();
        const qint64 id = messageIdFromServerId(source.itemId, folder);
        original = id ? store.mail().message(request.user.id, id) : std::nullopt;
        if (original && (original->folderId != folder
                         || (!source.folderId.isEmpty() && source.folderId.toLongLong() != folder)))
            original.reset();
    }
    if (!original)
        return 150;
    out->original = std::move(original);
    return 1;
}

HandlerResult ComposeHandler::answer(const EasRequest &request, int status) const
{
    if (status == 1)
        return HandlerResult::empty();
    if (request.version < 140) {
        // 12.x has no common status codes: the HTTP status carries the failure.
        const bool clientError = status == 103 || status == 107 || status == 119 || status == 101;
        return HandlerResult::http(clientError ? 400 : (status == 111 ? 503 : 500));
    }
    wbxml::Element root(rootTag(kindOf(request.command)));
    root.add(tag::ComposeMail::Status, qint64(status));
    return HandlerResult::doc(root);
}

} // namespace skein::server
