#include "OutboxSender.h"

#include "ComposeMailCommand.h"
#include "StatusText.h"

#include <QCoreApplication>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcOutbox, "skein.outbox")

namespace skein::eas {

namespace {

bool hasClientId(const QString &protocolVersion)
{
    return protocolVersion.section(QLatin1Char('.'), 0, 0).toInt() >= 14;
}

// ComposeMail statuses that say "later", not "no" ([MS-ASCMD] 2.2.2).
bool isTemporary(int status)
{
    return status == 111 || status == 114 || status == 133;
}

// A failure of the request itself that the same message can survive: the
// server did not judge the message (HTTP 400 and 501 do).
bool requestMayBeRepeated(ErrorKind kind)
{
    return kind != ErrorKind::Protocol && kind != ErrorKind::NotSupported;
}

} // namespace

OutboxSender::OutboxSender(EasSession &session, Store &store) : m_session(session), m_store(store) {}

QString OutboxSender::unknownOutcomeText()
{
    return QCoreApplication::translate("skein::eas::OutboxSender", "Skein was interrupted while sending this message and cannot tell whether the server got it "
                                                                   "(protocol version 12.1 cannot recognise a repeat). Check Sent Items, then send it again "
                                                                   "or delete it.");
}

OutboxSender::Report OutboxSender::sendAll()
{
    Report report;
    QList<OutboxEntry> entries = m_store.outboxStore().outboxToSend();
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const Outcome outcome = sendOne(entries[i], report);
        if (outcome == Outcome::Waiting) {
            // The server is not taking mail now; the rest would meet the same.
            report.waiting = int(entries.size() - i);
            break;
        }
    }
    return report;
}

int OutboxSender::noteNotReached(const QString &reason)
{
    int noted = 0;
    for (OutboxEntry &entry : m_store.outboxStore().outboxToSend()) {
        if (entry.state != OutboxState::Waiting || entry.error == reason)
            continue;
        settle(entry, OutboxState::Waiting, reason);
        ++noted;
    }
    return noted;
}

void OutboxSender::settle(OutboxEntry &entry, OutboxState state, const QString &message)
{
    entry.state = state;
    entry.error = message;
    if (state == OutboxState::Sent)
        entry.sent = QDateTime::currentDateTimeUtc();
    if (!m_store.outboxStore().updateOutboxState(entry))
        qCWarning(lcOutbox) << "Could not save the state of outbox message" << entry.id << ":" << m_store.lastError();
    if (m_outcome)
        m_outcome(entry.id, state, message);
}

OutboxSender::Outcome OutboxSender::sendOne(OutboxEntry &entry, Report &report)
{
    const bool withClientId = hasClientId(m_session.account().protocolVersion);
    if (entry.state == OutboxState::Sending && !withClientId) {
        settle(entry, OutboxState::Failed, unknownOutcomeText());
        ++report.failed;
        return Outcome::Failed;
    }
    // Saved before the request: a kill while it is on its way leaves 'sending'.
    entry.state = OutboxState::Sending;
    ++entry.attempts;
    if (!m_store.outboxStore().updateOutboxState(entry)) {
        report.error = ErrorKind::Protocol;
        report.message = QCoreApplication::translate("skein::eas::OutboxSender", "Could not save the outbox: %1").arg(m_store.lastError());
        return Outcome::Waiting;
    }
    if (m_outcome)
        m_outcome(entry.id, OutboxState::Sending, {}); // the Outbox shows "sending…"
    const ComposeMailCommand command(entry);
    const EasReply reply = withClientId ? m_session.execute(command.commandName(), command.request())
                                        : m_session.executeMime(command.commandName(), command.legacyQuery(), entry.mime);
    if (!reply.ok()) {
        if (!requestMayBeRepeated(reply.error)) {
            settle(entry, OutboxState::Failed, reply.message);
            ++report.failed;
            return Outcome::Failed;
        }
        settle(entry, OutboxState::Waiting, reply.message);
        report.error = reply.error;
        report.message = reply.message;
        return Outcome::Waiting;
    }
    const ComposeMailCommand::Result result = ComposeMailCommand::parse(reply.root());
    if (!result.error.isEmpty()) {
        // Unreadable answer: the ClientId makes sending it again safe.
        const QString why = QCoreApplication::translate("skein::eas::OutboxSender", "The server's answer could not be read (%1); Skein will send the message again.")
                                .arg(result.error);
        settle(entry, OutboxState::Waiting, why);
        report.error = ErrorKind::Server;
        report.message = why;
        return Outcome::Waiting;
    }
    if (result.status == 1 || result.status == 118) {
        settle(entry, OutboxState::Sent, result.status == 118 ? statusText(command.commandName(), 118) : QString());
        ++report.sent;
        report.savedToSentItems |= entry.saveInSentItems;
        return Outcome::Sent;
    }
    const QString sentence = statusText(command.commandName(), result.status);
    if (isTemporary(result.status)) {
        settle(entry, OutboxState::Waiting, sentence);
        report.error = ErrorKind::Server;
        report.message = sentence;
        return Outcome::Waiting;
    }
    settle(entry, OutboxState::Failed, sentence);
    ++report.failed;
    return Outcome::Failed;
}

} // namespace skein::eas
