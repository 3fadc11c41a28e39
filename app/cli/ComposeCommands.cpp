// skein-cli send / reply / forward / outbox: mail through the outbox
// (issue 11; OutboxSender). Each command builds the MIME, journals it in the
// outbox, then sends the outbox like `act` sends the action journal.

#include "CliSupport.h"

#include "MimeComposer.h"
#include "OutboxTypes.h"
#include "OwnAddress.h"
#include "ReplyDraft.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>

namespace skein::cli {

using eas::OutgoingAttachment;
using eas::OutgoingMessage;
using eas::ReplyMode;
using eas::SyncEngine;
using eas::SyncReport;

namespace {

QString option(const Invocation &in, const char *name)
{
    return in.options.value(QString::fromLatin1(name));
}

QStringList options(const Invocation &in, const char *name)
{
    return in.options.values(QString::fromLatin1(name));
}

// The text of --body-file ("-" reads standard input), UTF-8.
std::optional<QString> readBody(const Invocation &in, int *code)
{
    const QString path = option(in, "body-file");
    if (path.isEmpty()) {
        *code = fail(Usage, QStringLiteral("%1 needs --body-file FILE (- for standard input)").arg(in.words.value(0)));
        return std::nullopt;
    }
    QFile file(path);
    const bool fromStdin = path == QLatin1String("-");
    if (!(fromStdin ? file.open(stdin, QIODevice::ReadOnly) : file.open(QIODevice::ReadOnly))) {
        *code = fail(Failed, QStringLiteral("cannot read the body file '%1': %2").arg(path, file.errorString()));
        return std::nullopt;
    }
    return QString::fromUtf8(file.readAll());
}

QList<OutgoingAttachment> attachments(const Invocation &in)
{
    QList<OutgoingAttachment> result;
    for (const QString &path : options(in, "attach"))
        result.append(OutgoingAttachment{path, {}, {}, {}});
    return result;
}

// The message a reply or forward answers: --id N or FOLDER SERVERID.
std::optional<Message> sourceMessage(const Invocation &in, const Store &store, int *code)
{
    if (in.options.isSet(QStringLiteral("id"))) {
        bool ok = false;
        const qint64 id = option(in, "id").toLongLong(&ok);
        if (!ok) {
            *code = fail(Usage, QStringLiteral("--id needs a number, not '%1'").arg(option(in, "id")));
            return std::nullopt;
        }
        std::optional<Message> m = store.messageStore().messageById(id);
        if (!m)
            *code = fail(NotFound, QStringLiteral("no message with id %1").arg(id));
        return m;
    }
    if (in.words.size() != 3) {
        *code = fail(Usage, QStringLiteral("%1 needs FOLDER SERVERID or --id ROWID").arg(in.words.value(0)));
        return std::nullopt;
    }
    const std::optional<Folder> folder = resolveFolder(store, in.words.at(1), code);
    if (!folder)
        return std::nullopt;
    std::optional<Message> m = store.messageStore().message(folder->serverId, in.words.at(2));
    if (!m)
        *code = fail(NotFound, QStringLiteral("no message '%1' in folder '%2'").arg(in.words.at(2), folder->name));
    return m;
}

// The parent's Message-ID and References for In-Reply-To/References, when
// the store lacks them (servers that send a ConversationIndex never needed
// them). Offline this gives up quietly: the reply goes without them and the
// server fills In-Reply-To from the original (docs/protocol.md).
Message withReplyHeaders(const Invocation &in, const Credentials &credentials, Store &store, const Message &parent)
{
    if (!parent.internetMessageId.isEmpty())
        return parent;
    QString error;
    {
        const auto engine = makeEngine(in, credentials);
        QObject::connect(engine.get(), &SyncEngine::replyHeadersFetched, engine.get(),
                         [&](qint64, const QString &e) { error = e; });
        runEngine(*engine, &SyncEngine::replyHeadersFetched, [&] { engine->fetchReplyHeaders(parent.id); });
    }
    if (!error.isEmpty())
        qInfo("skein-cli: the Message-ID of the answered message could not be fetched (%s); sending without it",
              qPrintable(error));
    return store.messageStore().messageById(parent.id).value_or(parent);
}

QString recipientsText(const OutgoingMessage &m)
{
    return m.allRecipients().join(QStringLiteral(", "));
}

// Builds the MIME and puts it into the outbox; 0 with the reason printed.
qint64 enqueue(Store &store, const OutgoingMessage &message, OutboxKind kind, const Message *source, int *code)
{
    const eas::ComposedMime composed = eas::composeMime(message);
    if (!composed.ok()) {
        *code = fail(Failed, composed.error);
        return 0;
    }
    OutboxEntry entry;
    entry.kind = kind;
    entry.clientId = QUuid::createUuid().toString(QUuid::WithoutBraces); // 36 characters; at most 40 allowed
    entry.mime = composed.mime;
    entry.subject = message.subject;
    entry.recipients = recipientsText(message);
    entry.saveInSentItems = true;
    if (source) {
        entry.sourceFolderId = source->folderId;
        entry.sourceServerId = source->serverId;
        entry.sourceMessageId = source->id;
    }
    const qint64 id = store.outboxStore().insertOutbox(entry);
    if (!id)
        *code = fail(Failed, QStringLiteral("could not put the message into the outbox: %1").arg(store.lastError()));
    return id;
}

// Sends the outbox and prints how entryId fared: "sent", "refused: REASON"
// (exit 1) or "waiting: REASON" (exit 2 sign-in, 3 server not reached).
int sendAndReport(const Invocation &in, const Credentials &credentials, const Store &store, qint64 entryId)
{
    SyncReport report;
    {
        const auto engine = makeEngine(in, credentials);
        QObject::connect(engine.get(), &SyncEngine::replayFinished, engine.get(), [&](const SyncReport &r) { report = r; });
        runEngine(*engine, &SyncEngine::replayFinished, [&] { engine->replayNow(); });
    }
    const std::optional<OutboxEntry> entry = store.outboxStore().outboxEntry(entryId);
    if (entry && entry->state == OutboxState::Sent) {
        out() << "sent\n";
        return Ok;
    }
    if (entry && entry->state == OutboxState::Failed) {
        out() << "refused: " << entry->error << " (the message stays in the outbox: see 'skein-cli outbox')\n";
        return Failed;
    }
    const QString reason = entry && !entry->error.isEmpty() ? entry->error
        : report.message.isEmpty()                        ? QStringLiteral("the server has not answered yet")
                                                          : report.message;
    out() << "waiting: " << failureReason(reason) << " (the message stays in the outbox and is sent on the next sync)\n";
    const bool signIn = report.error == eas::ErrorKind::Auth || report.error == eas::ErrorKind::SignInRequired;
    return signIn ? AuthFailed : Unreachable;
}

// What every command does once its message is built.
int journalAndSend(const Invocation &in, OpenedStore &opened, const OutgoingMessage &message, OutboxKind kind,
                   const Message *source, const std::optional<Credentials> &credentials, int credentialCode)
{
    int code = Ok;
    const qint64 id = enqueue(opened.store, message, kind, source, &code);
    if (!id)
        return code;
    if (!credentials) {
        out() << "waiting: no password or sign-in available (see above); the message stays in the outbox\n";
        return credentialCode;
    }
    const int result = sendAndReport(in, *credentials, opened.store, id);
    out().flush();
    return result;
}

QJsonObject outboxToJson(const OutboxEntry &e)
{
    return {{QStringLiteral("id"), e.id},
            {QStringLiteral("kind"), outboxKindName(e.kind)},
            {QStringLiteral("state"), outboxStateName(e.state)},
            {QStringLiteral("subject"), e.subject},
            {QStringLiteral("recipients"), e.recipients},
            {QStringLiteral("attempts"), e.attempts},
            {QStringLiteral("error"), e.error},
            {QStringLiteral("clientId"), e.clientId},
            {QStringLiteral("sourceMessageId"), e.sourceMessageId},
            {QStringLiteral("created"), e.created.toUTC().toString(Qt::ISODateWithMs)},
            {QStringLiteral("sent"), e.sent.isValid() ? e.sent.toUTC().toString(Qt::ISODateWithMs) : QString()}};
}

} // namespace

int send(const Invocation &in)
{
    const QStringList to = options(in, "to");
    if (to.isEmpty() && options(in, "cc").isEmpty() && options(in, "bcc").isEmpty())
        return fail(Usage, QStringLiteral("usage: send --to ADDRESS [--to ADDRESS] [--cc ADDRESS] [--bcc ADDRESS] "
                                          "--subject TEXT --body-file FILE [--attach FILE]..."));
    int code = Ok;
    const std::optional<QString> body = readBody(in, &code);
    if (!body)
        return code;
    std::unique_ptr<OpenedStore> opened = openProfile(in.profile, &code);
    if (!opened)
        return code;
    OutgoingMessage message;
    message.from = eas::ownAddress(opened->store, opened->account);
    message.to = to;
    message.cc = options(in, "cc");
    message.bcc = options(in, "bcc");
    message.subject = option(in, "subject");
    message.plainBody = *body;
    message.attachments = attachments(in);
    message.date = QDateTime::currentDateTimeUtc();
    message.threadTopic = message.subject;
    message.threadIndex = eas::newThreadIndex(message.date);
    int credentialCode = Ok;
    const std::optional<Credentials> credentials = credentialsFor(in, *opened, &credentialCode);
    return journalAndSend(in, *opened, message, OutboxKind::Send, nullptr, credentials, credentialCode);
}

namespace {

int answer(const Invocation &in, ReplyMode mode)
{
    int code = Ok;
    const std::optional<QString> body = readBody(in, &code);
    if (!body)
        return code;
    std::unique_ptr<OpenedStore> opened = openProfile(in.profile, &code);
    if (!opened)
        return code;
    std::optional<Message> parent = sourceMessage(in, opened->store, &code);
    if (!parent)
        return code;
    if (opened->store.messageStore().isMoving(parent->id))
        return fail(Failed, QStringLiteral("the message is being moved and the server has not named it in its new folder "
                                           "yet; run 'skein-cli sync' and try again"));
    int credentialCode = Ok;
    const std::optional<Credentials> credentials = credentialsFor(in, *opened, &credentialCode);
    if (credentials && mode != ReplyMode::Forward)
        parent = withReplyHeaders(in, *credentials, opened->store, *parent);
    OutgoingMessage message =
        eas::draftReply(*parent, mode, eas::ownAddress(opened->store, opened->account), *body, QDateTime::currentDateTimeUtc());
    if (mode == ReplyMode::Forward)
        message.to = options(in, "to");
    message.cc += options(in, "cc");
    message.bcc += options(in, "bcc");
    message.attachments = attachments(in);
    const OutboxKind kind = mode == ReplyMode::Forward ? OutboxKind::Forward : OutboxKind::Reply;
    return journalAndSend(in, *opened, message, kind, &*parent, credentials, credentialCode);
}

} // namespace

int reply(const Invocation &in)
{
    return answer(in, in.options.isSet(QStringLiteral("all")) ? ReplyMode::ReplyAll : ReplyMode::Reply);
}

int forward(const Invocation &in)
{
    if (options(in, "to").isEmpty() && options(in, "cc").isEmpty() && options(in, "bcc").isEmpty())
        return fail(Usage, QStringLiteral("usage: forward (FOLDER SERVERID | --id ROWID) --to ADDRESS --body-file FILE"));
    return answer(in, ReplyMode::Forward);
}

int outbox(const Invocation &in)
{
    const QString sub = in.words.value(1);
    if (!sub.isEmpty() && sub != QLatin1String("delete"))
        return fail(Usage, QStringLiteral("usage: outbox [--json] | outbox delete ID"));
    int code = Ok;
    std::unique_ptr<OpenedStore> opened = openProfile(in.profile, &code);
    if (!opened)
        return code;
    if (sub == QLatin1String("delete")) {
        bool ok = false;
        const qint64 id = in.words.value(2).toLongLong(&ok);
        if (!ok)
            return fail(Usage, QStringLiteral("outbox delete needs the message's id (see 'skein-cli outbox')"));
        if (!opened->store.outboxStore().deleteOutbox(id))
            return fail(Failed, opened->store.lastError());
        out() << "deleted\n";
        return Ok;
    }
    const QList<OutboxEntry> entries = opened->store.outboxStore().outbox(false);
    if (in.options.isSet(QStringLiteral("json"))) {
        QJsonArray list;
        for (const OutboxEntry &e : entries)
            list.append(outboxToJson(e));
        out() << QJsonDocument(list).toJson();
        return Ok;
    }
    if (entries.isEmpty())
        out() << "the outbox is empty\n";
    for (const OutboxEntry &e : entries)
        out() << e.id << "\t" << outboxStateName(e.state) << "\t" << outboxKindName(e.kind) << "\t" << e.subject << "\t"
              << e.recipients << (e.error.isEmpty() ? QString() : QStringLiteral("\t") + e.error) << "\n";
    return Ok;
}

} // namespace skein::cli
