#pragma once

#include "DraftTypes.h"
#include "EasSession.h"
#include "Store.h"
#include "SyncRunner.h"

#include <functional>

namespace skein::eas {

// Puts the drafts saved on this computer into the server's Drafts folder at
// 16.0 and later (Sync Add / Change / Delete, DraftSyncRequest), on the sync
// thread. Only each draft's newest save goes; one saved while the request
// was out stays pending for the next run. A draft is counted as tried
// (DraftStore::noteDraftUploading) before its request leaves and keeps its
// ClientId until the server named a ServerId, so an Add whose answer was
// lost is sent again with the same ClientId; the server then answers the
// ServerId it gave before (docs/architecture.md "Exactly once, at least
// once"). Below 16.0 nothing is sent: the drafts stay on this computer.
class DraftUploader
{
public:
    DraftUploader(EasSession &session, Store &store) : m_session(session), m_store(store) {}

    static bool serverKeepsDrafts(const QString &protocolVersion); // 16.0 and later

    struct Report {
        ErrorKind error = ErrorKind::None; // why the upload stopped (everything waits)
        QString message;
        // Drafts the run settled: on the server now, or refused (error set).
        struct Outcome {
            qint64 draftId = 0;
            bool onServer = false;
            QString error;
        };
        QList<Outcome> outcomes;
        int deleted = 0;
        bool invalidSyncKey = false; // status 3 or 12: the folder must sync again first
        bool ok() const { return error == ErrorKind::None; }
    };
    // The Drafts folder must be known and primed (sync key not "0") and
    // no answer of it in flight: the engine syncs it first otherwise.
    Report uploadAll(const Folder &drafts);

    // Whether there is anything to send.
    static bool hasWork(const Store &store);

    // The engine's drafts job: learns the protocol version when unknown;
    // below 16.0 reports each waiting draft as kept on this computer; else
    // syncs the Drafts folder first when it was never synced or an answer
    // of it was lost (runner), then uploads (again after a status 3 / 12
    // and the folder's resync).
    static Report run(SyncRunner &runner, EasSession &session, Store &store);

private:
    bool runOnce(const Folder &drafts, Report &report, bool *again);

    EasSession &m_session;
    Store &m_store;
};

} // namespace skein::eas
