#include "PrefetchedSync.h"

#include <utility>

namespace skein::eas {

PrefetchedSync::PrefetchedSync(EasSession &session, SyncCommand command)
    : m_session(session)
{
    m_session.holdAccountChanges();
    // std::launch::async: a thread of its own, never deferred to join(),
    // which would serialize the request behind the store again.
    m_outcome = std::async(std::launch::async, [&session, command = std::move(command)] {
        Outcome outcome;
        outcome.result = session.run(command, &outcome.reply);
        return outcome;
    });
}

PrefetchedSync::~PrefetchedSync()
{
    if (m_outcome.valid())
        wait();
}

PrefetchedSync::Outcome PrefetchedSync::wait()
{
    Outcome outcome = m_outcome.get();
    // After the join: the handler writes the store on the engine thread.
    m_session.releaseAccountChanges();
    return outcome;
}

SyncCommand::Result PrefetchedSync::join(EasReply *reply)
{
    Outcome outcome = wait();
    if (reply)
        *reply = std::move(outcome.reply);
    return std::move(outcome.result);
}

void PrefetchedSync::discard()
{
    wait();
}

} // namespace skein::eas
