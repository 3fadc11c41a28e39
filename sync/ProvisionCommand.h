#pragma once

#include "WbxmlElement.h"

#include <QString>

namespace skein::eas {

// What the Provision request tells the server about this device (14.1+).
struct DeviceInfo {
    QString model;         // e.g. "Skein"
    QString friendlyName;  // e.g. the host name
    QString os;            // e.g. "Debian 12"
    QString userAgent;     // the constant User-Agent header value
};

// Provision ([MS-ASPROV] 3.1.5.1): phase 1 asks for the policy, phase 2
// acknowledges it with the temporary key and receives the final key.
class ProvisionCommand
{
public:
    static constexpr const char *name = "Provision";
    static constexpr const char *policyType = "MS-EAS-Provisioning-WBXML";

    // Phase 1. DeviceInformation is sent for 14.1+ only (else status 165 there;
    // 12.1/14.0 servers expect it in a separate Settings command).
    static ProvisionCommand initial(const QString &protocolVersion, const DeviceInfo &device);
    // Phase 2: policy applied (client Policy Status 1).
    static ProvisionCommand acknowledge(const QString &temporaryPolicyKey,
                                        const QString &protocolVersion);
    // Answer to a RemoteWipe directive: 1 wiped, 2 failed.
    static ProvisionCommand acknowledgeWipe(int wipeStatus, const QString &protocolVersion);

    wbxml::Element request() const;

    struct Result {
        int status = 1;          // Provision/Status: 1 ok, 2 protocol error, 3 server error, 1xx common
        int policyStatus = 0;    // Policy/Status: 1 ok, 2 no policy, 3 unknown type, 4 corrupt, 5 wrong key; 0 absent
        QString policyKey;       // temporary (phase 1) or final (phase 2); empty: none (SOGo)
        bool remoteWipe = false; // RemoteWipe directive present
        QString error;
    };

    // nullptr (empty HTTP 200 body) is malformed for Provision.
    static Result parse(const wbxml::Element *root);

private:
    enum class Kind { Initial, Acknowledge, WipeAcknowledge };
    ProvisionCommand(Kind kind, QString protocolVersion);

    Kind m_kind;
    QString m_protocolVersion;
    DeviceInfo m_device;
    QString m_policyKey;
    int m_wipeStatus = 1;
};

} // namespace skein::eas
