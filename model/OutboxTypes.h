#pragma once

// The outbox: mail the user sent that the server has not confirmed yet
// (issue 11 part 3; docs/architecture.md "Exactly once, at least once").

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <optional>

namespace skein {

// Which ComposeMail command carries it ([MS-ASCMD] 2.2.1.17, .19, .20).
enum class OutboxKind { Send, Reply, Forward };

// waiting: not sent yet, or the last attempt never got an answer (offline,
// HTTP 5xx); `error` says why. sending: a request carrying it is (or was, if
// the process died) on its way; it is sent again with the same ClientId, so
// a server that already has it answers 118 and it is not delivered twice.
// sent: final. failed: the server refused it (a ComposeMail status); it stays
// for the user to edit (back to waiting) or delete.
enum class OutboxState { Waiting, Sending, Sent, Failed };

struct OutboxEntry {
    qint64 id = 0;
    QDateTime created;
    OutboxKind kind = OutboxKind::Send;
    // Unique per message, at most 40 characters ([MS-ASCMD] 2.2.3.27); kept
    // across retries and edits so the server can recognise a repeat.
    QString clientId;
    QByteArray mime;          // the whole RFC 5322 message as sent
    QString subject;          // for the Outbox list
    QString recipients;       // "a@x, b@y" (To, Cc, Bcc), for the Outbox list
    // Reply/forward: the message answered, as the server knows it.
    QString sourceFolderId;
    QString sourceServerId;
    QString sourceLongId;     // a search result's LongId instead of the two above
    qint64 sourceMessageId = 0; // its local row, for the UI (0: none)
    bool saveInSentItems = true;
    OutboxState state = OutboxState::Waiting;
    int attempts = 0;         // how many requests carried it
    QString error;            // the last failure, in words; empty when none
    QDateTime sent;           // when the server confirmed it

    bool isFinished() const { return state == OutboxState::Sent; }
};

QString outboxKindName(OutboxKind kind);   // "send", "reply", "forward"
std::optional<OutboxKind> outboxKindFromName(const QString &name);
QString outboxStateName(OutboxState state); // "waiting", "sending", "sent", "failed"
OutboxState outboxStateFromName(const QString &name);

} // namespace skein
