#include "ProvisionHandler.h"

#include <EasTags.h>

#include <QRandomGenerator>

namespace skein::server {

namespace tag = wbxml::tag;

namespace {

const char *const kPolicyType = "MS-EAS-Provisioning-WBXML";

QString newPolicyKey()
{
    quint32 v = 0;
    while (v == 0)
        v = QRandomGenerator::global()->generate();
    return QString::number(v);
}

wbxml::Element provisionStatus(int status)
{
    wbxml::Element root(tag::Provision::Provision);
    root.add(tag::Provision::Status, qint64(status));
    return root;
}

void addPolicyDocument(wbxml::Element &policy)
{
    auto &doc = policy.add(tag::Provision::Data).add(tag::Provision::EASProvisionDoc);
    doc.add(tag::Provision::DevicePasswordEnabled, "0");
    doc.add(tag::Provision::AlphanumericDevicePasswordRequired, "0");
    doc.add(tag::Provision::PasswordRecoveryEnabled, "0");
    doc.add(tag::Provision::AttachmentsEnabled, "1");
    doc.add(tag::Provision::MinDevicePasswordLength, "1");
    doc.add(tag::Provision::MaxInactivityTimeDeviceLock, "0");
    doc.add(tag::Provision::MaxDevicePasswordFailedAttempts, "0");
    doc.add(tag::Provision::AllowSimpleDevicePassword, "1");
    doc.add(tag::Provision::AllowHTMLEmail, "1");
    doc.add(tag::Provision::MaxEmailAgeFilter, "0");
}

} // namespace

bool ProvisionHandler::isProvisioned(const EasRequest &request, const QString &policyKey)
{
    const DeviceKeys keys = m_store.accounts().deviceKeys(request.user.id, request.deviceId);
    return !keys.policyKey.isEmpty() && keys.policyKey == policyKey.trimmed();
}

HandlerResult ProvisionHandler::handle(const EasRequest &request)
{
    if (!request.body || !request.body->is(tag::Provision::Provision))
        return HandlerResult::doc(provisionStatus(2));
    const wbxml::Element &root = *request.body;

    if (root.has(tag::Provision::RemoteWipe)) // acknowledgement of a wipe we never send
        return HandlerResult::doc(provisionStatus(1));

    const wbxml::Element *policy = root.find({tag::Provision::Policies, tag::Provision::Policy});
    if (!policy)
        return HandlerResult::doc(provisionStatus(2));

    wbxml::Element response = provisionStatus(1);
    if (request.version >= 141 && !policy->has(tag::Provision::PolicyKey)
        && !root.has(tag::Settings::DeviceInformation)) {
        return HandlerResult::doc(provisionStatus(165)); // DeviceInformationRequired
    }
    if (root.has(tag::Settings::DeviceInformation)) {
        auto &di = response.add(tag::Settings::DeviceInformation);
        di.add(tag::Settings::Status, "1");
    }
    auto &outPolicy = response.add(tag::Provision::Policies).add(tag::Provision::Policy);
    const QString type = policy->childText(tag::Provision::PolicyType);
    outPolicy.add(tag::Provision::PolicyType, type.isEmpty() ? QString::fromLatin1(kPolicyType) : type);
    if (type != QLatin1String(kPolicyType)) {
        outPolicy.add(tag::Provision::Status, "3"); // unknown PolicyType
        return HandlerResult::doc(response);
    }

    DeviceKeys keys = m_store.accounts().deviceKeys(request.user.id, request.deviceId);
    if (!policy->has(tag::Provision::PolicyKey)) {
        // Phase 1: a temporary key and the policy document.
        keys.tempKey = newPolicyKey();
        m_store.accounts().setDeviceKeys(request.user.id, request.deviceId, keys);
        outPolicy.add(tag::Provision::Status, "1");
        outPolicy.add(tag::Provision::PolicyKey, keys.tempKey);
        addPolicyDocument(outPolicy);
        return HandlerResult::doc(response);
    }

    // Phase 2: acknowledgement of the temporary key.
    const QString acked = policy->childText(tag::Provision::PolicyKey).trimmed();
    if (keys.tempKey.isEmpty() || acked != keys.tempKey) {
        outPolicy.add(tag::Provision::Status, "5"); // wrong policy key: restart provisioning
        return HandlerResult::doc(response);
    }
    keys.tempKey.clear();
    keys.policyKey = newPolicyKey();
    m_store.accounts().setDeviceKeys(request.user.id, request.deviceId, keys);
    outPolicy.add(tag::Provision::Status, "1");
    outPolicy.add(tag::Provision::PolicyKey, keys.policyKey);
    return HandlerResult::doc(response);
}

HandlerResult ProvisionHandler::settings(const EasRequest &request)
{
    wbxml::Element root(tag::Settings::Settings);
    if (!request.body || !request.body->is(tag::Settings::Settings)) {
        root.add(tag::Settings::Status, "2");
        return HandlerResult::doc(root);
    }
    root.add(tag::Settings::Status, "1");
    if (request.body->has(tag::Settings::DeviceInformation))
        root.add(tag::Settings::DeviceInformation).add(tag::Settings::Status, "1");
    if (const auto *ui = request.body->child(tag::Settings::UserInformation); ui && ui->has(tag::Settings::Get)) {
        auto &out = root.add(tag::Settings::UserInformation);
        out.add(tag::Settings::Status, "1");
        auto &get = out.add(tag::Settings::Get);
        get.add(tag::Settings::EmailAddresses).add(tag::Settings::SmtpAddress, request.user.email);
    }
    return HandlerResult::doc(root);
}

} // namespace skein::server
