#pragma once

#include "EasSession.h"
#include "SyncCommand.h"

#include <future>

namespace skein::eas {

// The next page's Sync request of a download, sent on a helper thread while
// the engine thread stores the page before it (SyncRunner::syncFolder): the
// server's time and the store's time overlap instead of adding up.
//
// Only the exchange runs on the helper thread. The engine thread must not use
// the session until join() or discard(); it only writes the store meanwhile.
// The session's account-changed handler, which writes the store too, is held
// back until then and runs on the engine thread. An OAuth refresh the request
// may need runs on the helper thread: the token source, its token store and
// the transport are used by nothing else while the request is out.
class PrefetchedSync
{
public:
    PrefetchedSync(EasSession &session, SyncCommand command);
    // Waits for the request: the helper thread never outlives its use of the session.
    ~PrefetchedSync();
    PrefetchedSync(const PrefetchedSync &) = delete;
    PrefetchedSync &operator=(const PrefetchedSync &) = delete;

    // Waits for the answer; the session is the engine thread's again.
    SyncCommand::Result join(EasReply *reply);
    // Waits and drops the answer (storing the page before it failed).
    void discard();

private:
    struct Outcome {
        SyncCommand::Result result;
        EasReply reply;
    };
    Outcome wait();

    EasSession &m_session;
    std::future<Outcome> m_outcome;
};

} // namespace skein::eas
