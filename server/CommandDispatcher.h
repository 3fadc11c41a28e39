#pragma once

#include "EasRequest.h"
#include "HttpReply.h"
#include "PingHandler.h"
#include "ServerContext.h"

#include <memory>

namespace skein::server {

class ProvisionHandler;

// Runs an authenticated, decoded EAS request: the provisioning gate, the peer
// quirks' refusals, the command's handler (each made per request over the
// shared ServerContext; Provision and Ping keep state between requests),
// a hold fault, and the encoded answer.
class CommandDispatcher
{
public:
    explicit CommandDispatcher(ServerContext &ctx);
    ~CommandDispatcher();

    // The answer refusing a device that has not provisioned (status 142, or
    // HTTP 449 before 14.0); none when the request may run.
    std::optional<HttpReply> provisioningGate(const EasRequest &request, const QString &policyKey);
    HttpReply dispatch(EasRequest &request);
    // The Ping handler, which also answers Pings that wait (HttpFrontend).
    PingHandler &ping() { return m_ping; }

    static bool isComposeCommand(const QString &command);

private:
    ServerContext &m_ctx;
    std::unique_ptr<ProvisionHandler> m_provision;
    PingHandler m_ping;
};

} // namespace skein::server
