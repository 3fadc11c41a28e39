#include "ProvisionCommand.h"

#include "EasFormat.h"
#include "EasTags.h"

namespace skein::eas {

namespace tag = wbxml::tag;
using wbxml::Element;

namespace {

// [MS-ASPROV] 16.1 AccountOnlyRemoteWipe (Provision page 0x3B); not in our
// tag table (libwbxml lacks it), so it is matched by token even if unknown.
constexpr wbxml::Tag AccountOnlyRemoteWipe{tag::Provision::Page, 0x3B};

void addIfSet(Element &parent, wbxml::Tag t, const QString &value)
{
    if (!value.isEmpty())
        parent.add(t, value);
}

void addDeviceInformation(Element &provision, const DeviceInfo &device)
{
    Element &set = provision.add(tag::Settings::DeviceInformation).add(tag::Settings::Set);
    addIfSet(set, tag::Settings::Model, device.model);
    addIfSet(set, tag::Settings::FriendlyName, device.friendlyName);
    addIfSet(set, tag::Settings::OS, device.os);
    addIfSet(set, tag::Settings::UserAgent, device.userAgent);
}

} // namespace

ProvisionCommand::ProvisionCommand(Kind kind, QString protocolVersion)
    : m_kind(kind), m_protocolVersion(std::move(protocolVersion))
{
}

ProvisionCommand ProvisionCommand::initial(const QString &protocolVersion, const DeviceInfo &device)
{
    ProvisionCommand command(Kind::Initial, protocolVersion);
    command.m_device = device;
    return command;
}

ProvisionCommand ProvisionCommand::acknowledge(const QString &temporaryPolicyKey,
                                               const QString &protocolVersion)
{
    ProvisionCommand command(Kind::Acknowledge, protocolVersion);
    command.m_policyKey = temporaryPolicyKey;
    return command;
}

ProvisionCommand ProvisionCommand::acknowledgeWipe(int wipeStatus, const QString &protocolVersion)
{
    ProvisionCommand command(Kind::WipeAcknowledge, protocolVersion);
    command.m_wipeStatus = wipeStatus;
    return command;
}

Element ProvisionCommand::request() const
{
    Element root(tag::Provision::Provision);
    if (m_kind == Kind::WipeAcknowledge) {
        root.add(tag::Provision::RemoteWipe).add(tag::Provision::Status, qint64(m_wipeStatus));
        return root;
    }
    // 14.1+ requires DeviceInformation here (else 165); older versions use Settings.
    if (m_kind == Kind::Initial && protocolTenths(m_protocolVersion) >= 141)
        addDeviceInformation(root, m_device);
    Element &policy = root.add(tag::Provision::Policies).add(tag::Provision::Policy);
    policy.add(tag::Provision::PolicyType, policyType);
    if (m_kind == Kind::Acknowledge) {
        // Order as AOSP sends it: PolicyType, PolicyKey, Status (1 = applied).
        policy.add(tag::Provision::PolicyKey, m_policyKey);
        policy.add(tag::Provision::Status, "1");
    }
    return root;
}

ProvisionCommand::Result ProvisionCommand::parse(const Element *root)
{
    Result result;
    if (!root || !root->is(tag::Provision::Provision)) {
        result.status = 0;
        result.error = root ? QStringLiteral("response root is not Provision")
                            : QStringLiteral("empty Provision response");
        return result;
    }
    result.status = root->childInt(tag::Provision::Status, 1);
    result.remoteWipe = root->has(tag::Provision::RemoteWipe) || root->has(AccountOnlyRemoteWipe);
    if (const Element *policy = root->find({tag::Provision::Policies, tag::Provision::Policy})) {
        result.policyStatus = policy->childInt(tag::Provision::Status, 1);
        result.policyKey = policy->childText(tag::Provision::PolicyKey).trimmed();
    }
    // A granted policy without a key cannot be acknowledged or used.
    if (result.status == 1 && result.policyStatus == 1 && result.policyKey.isEmpty()
        && !result.remoteWipe)
        result.error = QStringLiteral("Provision granted a policy but sent no PolicyKey");
    return result;
}

} // namespace skein::eas
