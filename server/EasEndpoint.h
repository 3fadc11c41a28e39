#pragma once

#include "CommandDispatcher.h"
#include "HttpReply.h"
#include "ServerContext.h"

#include <QUrlQuery>

namespace skein::server {

// What EasEndpoint reads of a POST, apart from HTTP itself.
struct EasPost {
    QByteArray authorization;   // Authorization header
    QUrlQuery query;            // Cmd, DeviceId, DeviceType, ...
    QByteArray protocolVersion; // MS-ASProtocolVersion header
    QByteArray contentType;
    QByteArray policyKey;       // X-MS-PolicyKey header
    QByteArray body;
    bool acceptMultiPart = false; // MS-ASAcceptMultiPart: T ([MS-ASCMD] 2.2.1.10)
};

// The ActiveSync path apart from HTTP ([MS-ASHTTP]): OPTIONS, and for a POST
// Basic and Bearer auth (EasAuthenticator), query and version checks, WBXML
// decoding (malformed or a 0x00 in a text value -> 400), then the command
// (CommandDispatcher). Needs no socket, so the fuzz target (tests/fuzz)
// drives the same path as HTTP.
class EasEndpoint
{
public:
    explicit EasEndpoint(ServerContext &ctx) : m_ctx(ctx), m_commands(ctx) {}

    // http://HOST:PORT once listening: where 401 challenges point sign-in.
    void setBaseUrl(const QString &base) { m_base = base; }

    HttpReply handleOptions(const QByteArray &authorization);
    HttpReply handlePost(const EasPost &post);
    CommandDispatcher &commands() { return m_commands; }

    static const QList<QByteArray> &supportedVersions();
    static QByteArray supportedCommands();

private:
    ServerContext &m_ctx;
    QString m_base;
    CommandDispatcher m_commands;
};

} // namespace skein::server
