#pragma once

#include "WebExchange.h"

namespace skein::server {

struct ServerContext;

// Autodiscover for ActiveSync (docs/signin.md): Exchange Online's JSON
// service (/autodiscover/autodiscover.json, two URL forms) and the POX
// service of [MS-ASCMD] 2.2.1.1 (POST /autodiscover/autodiscover.xml with
// the mobilesync request schema). A user is found by the configured address
// only. No authentication is asked for. The fault autodiscover-redirect:URL
// answers every request 302 Location: URL.
class AutodiscoverHandler
{
public:
    explicit AutodiscoverHandler(ServerContext &ctx) : m_ctx(ctx) {}

    // /autodiscover/autodiscover.json[/...] or /autodiscover/autodiscover.xml, any case.
    static bool handles(const QString &path);
    WebReply handle(const WebRequest &request);

private:
    WebReply json(const WebRequest &request);
    WebReply pox(const WebRequest &request);

    ServerContext &m_ctx;
};

} // namespace skein::server
