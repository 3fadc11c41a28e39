#pragma once

#include "ServerStore.h"

#include <QDateTime>

namespace skein::server::demo {

// The demo mailbox: folders Inbox, Drafts, Deleted Items, Sent Items, Outbox,
// Junk E-mail, Calendar (type 8: three appointments, in no conversation)
// plus the user mail folders Projects and Receipts; 27 threads from DemoContent (four of them 9-14 messages deep with
// branches; the owner's replies in Sent Items) and standalone mails (HTML
// with a remote image and a link, one with an attachment, one > 60 KB,
// a junk mail and a deleted one). Dates are relative to `now`; everything
// else (ids, random bytes of the indexes) is fixed, so the threads are the
// same on every run. `skein-server --data DIR dump --json` lists the result.
struct SeedResult {
    qint64 userId = 0;
    int conversations = 0;
    int messages = 0;
};
SeedResult seedDemo(ServerStore &store, const QString &user, const QString &password, const QDateTime &now);

// Benchmark data: `count` synthetic messages in threads of 1-10 (replies to
// random earlier messages of the thread), spread over the last 90 days, all
// in `folderId`, in one transaction. Deterministic for a given seed.
int generateMessages(ServerStore &store, qint64 userId, qint64 folderId, int count, quint32 seed,
                     const QDateTime &now);

} // namespace skein::server::demo
