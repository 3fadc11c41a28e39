#pragma once

#include "EasSession.h"
#include "OutboxTypes.h"
#include "Store.h"

#include <functional>

namespace skein::eas {

// Sends the outbox, oldest first, on the sync thread (issue 11; docs/
// architecture.md "Exactly once, at least once"). Each entry is marked
// 'sending' (attempts + 1) and saved BEFORE its request goes out, so a
// process killed while waiting for the answer finds it 'sending' and sends
// it again with the same ClientId: a server that already has it answers 118,
// which counts as sent. Outcomes:
// - sent: success or 118;
// - waiting (reason kept): no answer, HTTP 5xx/503, a sign-in problem, or
//   111/114/133 ("try later"); the rest of the outbox waits too, in order;
// - failed (reason kept, stays in the outbox for the user): any other status,
//   or HTTP 400/501.
// At 12.1 there is no ClientId: an entry found 'sending' cannot be sent again
// without the risk of a second copy, so it fails with a sentence that asks
// the user to check Sent Items (docs/protocol.md "Sending mail").
class OutboxSender
{
public:
    OutboxSender(EasSession &session, Store &store);

    struct Report {
        ErrorKind error = ErrorKind::None; // why sending stopped early (the rest waits)
        QString message;
        int sent = 0;
        int failed = 0;
        int waiting = 0;             // left for the next connection
        bool savedToSentItems = false; // a sent message asked the server for a Sent Items copy
    };
    Report sendAll();

    // Called after each entry's state changed (sending, sent, failed, waiting).
    using OutcomeHandler = std::function<void(qint64 entryId, OutboxState state, const QString &message)>;
    void setOutcomeHandler(OutcomeHandler handler) { m_outcome = std::move(handler); }

    // The server could not be reached before the outbox's turn: the
    // waiting entries keep waiting with `reason` as their last failure, so
    // the Outbox says why. Returns how many were updated.
    int noteNotReached(const QString &reason);

    // The sentence for an entry found 'sending' at 12.1 (no ClientId).
    static QString unknownOutcomeText();

private:
    enum class Outcome { Sent, Waiting, Failed };
    Outcome sendOne(OutboxEntry &entry, Report &report);
    void settle(OutboxEntry &entry, OutboxState state, const QString &message);

    EasSession &m_session;
    Store &m_store;
    OutcomeHandler m_outcome;
};

} // namespace skein::eas
