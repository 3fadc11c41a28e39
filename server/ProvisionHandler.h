#pragma once

#include "EasRequest.h"

namespace skein::server {

// Two-phase provisioning per device ([MS-ASPROV] 3.1.5.1): the first request
// gets a temporary key with the policy document, the acknowledgement of that
// key gets the final key, which every later command must carry.
class ProvisionHandler
{
public:
    explicit ProvisionHandler(ServerStore &store) : m_store(store) {}
    HandlerResult handle(const EasRequest &request);

    // True when `policyKey` is the device's final key.
    bool isProvisioned(const EasRequest &request, const QString &policyKey);

    // The Settings command: accepts DeviceInformation (12.1/14.0 send it here).
    static HandlerResult settings(const EasRequest &request);

private:
    ServerStore &m_store;
};

} // namespace skein::server
