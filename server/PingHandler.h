#pragma once

#include "EasRequest.h"
#include "ServerContext.h"

#include <QHash>
#include <QStringList>

namespace skein::server {

// Ping ([MS-ASCMD] 2.2.1.13): watches folders for changes relative to the
// device's Sync state. HeartbeatInterval and Folders are cached per device,
// so later Pings may have an empty body (no cache -> Status 3).
class PingHandler
{
public:
    explicit PingHandler(ServerContext &ctx) : m_ctx(ctx) {}

    struct Watch {
        qint64 userId = 0;
        QString deviceId;
        QList<qint64> folders;
        int heartbeatSeconds = 0;
    };

    // Either an immediate answer, or (document empty, *watch filled) a wait.
    HandlerResult start(const EasRequest &request, Watch *watch);
    // Folder ids (as strings) of `watch` with changes the device has not synced.
    QStringList changedFolders(const Watch &watch);
    static wbxml::Element answer(int status, const QStringList &folders = {});

    static constexpr int kMinHeartbeat = 1;   // Exchange uses 60; tests want short waits
    static constexpr int kMaxHeartbeat = 3540;
    static constexpr int kMaxFolders = 300;

private:
    ServerContext &m_ctx;
    QHash<QString, Watch> m_cache; // user/device -> last Ping parameters
};

} // namespace skein::server
