#pragma once

#include "WbxmlElement.h"

#include <QString>
#include <QStringList>

namespace skein::eas {

// Ping ([MS-ASCMD] 2.2.1.13): the server holds the request until one of the
// folders changes or the heartbeat runs out. Skein always sends the full
// request (interval and folders), so a server that lost its cache never
// answers 3 twice in a row.
class PingCommand
{
public:
    static constexpr const char *name = "Ping";

    PingCommand(int heartbeatSeconds, QStringList folderIds);

    wbxml::Element request() const;

    struct Result {
        // 1 nothing changed, 2 changes in `changedFolders`, 3 parameters
        // missing, 4 syntax error, 5 interval out of range (`heartbeatInterval`
        // is the bound), 6 too many folders (`maxFolders`), 7 hierarchy out of
        // date, 8 server error. 0 with `error` when the answer was unreadable.
        int status = 0;
        QStringList changedFolders;
        int heartbeatInterval = 0; // seconds, with status 5
        int maxFolders = 0;        // with status 6
        QString error;
    };

    static Result parse(const wbxml::Element *root);

private:
    int m_heartbeatSeconds;
    QStringList m_folderIds;
};

} // namespace skein::eas
