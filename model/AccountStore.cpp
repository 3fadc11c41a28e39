// The account row and the server capabilities it learned (Capabilities.h, migration 4).

#include "Capabilities.h"
#include "StoreRows.h"

namespace skein {

QString capabilityName(Capability capability)
{
    switch (capability) {
    case Capability::ConversationMove: return QStringLiteral("conversation-move");
    case Capability::SearchByConversation: return QStringLiteral("search-by-conversation");
    case Capability::ConversationIndex: return QStringLiteral("conversation-index");
    }
    return {};
}

std::optional<Capability> capabilityFromName(const QString &name)
{
    for (Capability c : {Capability::ConversationMove, Capability::SearchByConversation,
                         Capability::ConversationIndex})
        if (capabilityName(c) == name)
            return c;
    return std::nullopt;
}

QString capabilityStateName(CapabilityState state)
{
    switch (state) {
    case CapabilityState::Unknown: return QStringLiteral("unknown");
    case CapabilityState::Supported: return QStringLiteral("supported");
    case CapabilityState::Refused: return QStringLiteral("refused");
    case CapabilityState::Seen: return QStringLiteral("seen");
    case CapabilityState::NeverSeen: return QStringLiteral("never-seen");
    }
    return {};
}

CapabilityState capabilityStateFromName(const QString &name)
{
    for (CapabilityState s : {CapabilityState::Supported, CapabilityState::Refused, CapabilityState::Seen,
                              CapabilityState::NeverSeen})
        if (capabilityStateName(s) == name)
            return s;
    return CapabilityState::Unknown;
}

CapabilityState AccountStore::capability(Capability capability) const
{
    auto q = m_db.prepare("SELECT state FROM capabilities WHERE name = :name");
    if (!q.isValid())
        return CapabilityState::Unknown;
    q.bind(":name", capabilityName(capability));
    return q.step() == SQLITE_ROW ? capabilityStateFromName(q.text(0)) : CapabilityState::Unknown;
}

Capabilities AccountStore::capabilities() const
{
    Capabilities result;
    auto q = m_db.prepare("SELECT name, state FROM capabilities");
    if (!q.isValid())
        return result;
    while (q.step() == SQLITE_ROW)
        if (const std::optional<Capability> c = capabilityFromName(q.text(0)))
            result.insert(*c, capabilityStateFromName(q.text(1)));
    return result;
}

bool AccountStore::setCapability(Capability capability, CapabilityState state)
{
    if (state == CapabilityState::Unknown) {
        auto q = m_db.prepare("DELETE FROM capabilities WHERE name = :name");
        if (!q.isValid())
            return false;
        q.bind(":name", capabilityName(capability));
        return m_db.check(q.step(), QStringLiteral("forgetting a server capability"));
    }
    auto q = m_db.prepare("INSERT INTO capabilities (name, state, updated) VALUES (:name, :state, :updated) "
                        "ON CONFLICT (name) DO UPDATE SET state = excluded.state, updated = excluded.updated");
    if (!q.isValid())
        return false;
    q.bind(":name", capabilityName(capability));
    q.bind(":state", capabilityStateName(state));
    q.bindTime(":updated", QDateTime::currentDateTimeUtc());
    return m_db.check(q.step(), QStringLiteral("recording a server capability"));
}

std::optional<AccountSettings> AccountStore::account() const
{
    auto q = m_db.prepare("SELECT url, endpoint_path, user_name, device_id, protocol_version, "
                        "policy_key, folder_sync_key, auth_method, email, oauth_authority, oauth_tenant, "
                        "oauth_client_id FROM account WHERE id = 1");
    if (!q.isValid())
        return std::nullopt;
    const int rc = q.step();
    if (rc != SQLITE_ROW) {
        if (rc != SQLITE_DONE)
            m_db.fail(QStringLiteral("reading the account"));
        return std::nullopt;
    }
    AccountSettings account;
    account.url = q.text(0);
    account.endpointPath = q.text(1);
    account.user = q.text(2);
    account.deviceId = q.text(3);
    account.protocolVersion = q.text(4);
    account.policyKey = q.text(5);
    account.folderSyncKey = q.text(6);
    account.authMethod = authMethodFromName(q.text(7)).value_or(AccountSettings::AuthMethod::Basic);
    account.email = q.text(8);
    account.oauthAuthority = q.text(9);
    account.oauthTenant = q.text(10);
    account.oauthClientId = q.text(11);
    return account;
}

bool AccountStore::saveAccount(const AccountSettings &account)
{
    auto q = m_db.prepare(
        "INSERT INTO account (id, url, endpoint_path, user_name, device_id, protocol_version, "
        "policy_key, folder_sync_key, auth_method, email, oauth_authority, oauth_tenant, oauth_client_id) "
        "VALUES (1, :url, :endpoint, :user, :device, :version, :policy, :folder_key, :auth, :email, "
        ":authority, :tenant, :client) ON CONFLICT (id) DO UPDATE SET url = excluded.url, "
        "endpoint_path = excluded.endpoint_path, user_name = excluded.user_name, "
        "device_id = excluded.device_id, protocol_version = excluded.protocol_version, "
        "policy_key = excluded.policy_key, folder_sync_key = excluded.folder_sync_key, "
        "auth_method = excluded.auth_method, email = excluded.email, "
        "oauth_authority = excluded.oauth_authority, oauth_tenant = excluded.oauth_tenant, "
        "oauth_client_id = excluded.oauth_client_id");
    if (!q.isValid())
        return false;
    q.bind(":url", account.url);
    q.bind(":endpoint", account.endpointPath);
    q.bind(":user", account.user);
    q.bind(":device", account.deviceId);
    q.bind(":version", account.protocolVersion);
    q.bind(":policy", account.policyKey);
    q.bind(":folder_key", account.folderSyncKey);
    q.bind(":auth", authMethodName(account.authMethod));
    q.bind(":email", account.email);
    q.bind(":authority", account.oauthAuthority);
    q.bind(":tenant", account.oauthTenant);
    q.bind(":client", account.oauthClientId);
    return m_db.check(q.step(), QStringLiteral("saving the account"));
}

QString authMethodName(AccountSettings::AuthMethod method)
{
    return method == AccountSettings::AuthMethod::OAuth ? QStringLiteral("oauth") : QStringLiteral("basic");
}

std::optional<AccountSettings::AuthMethod> authMethodFromName(const QString &name)
{
    if (name == QLatin1String("basic"))
        return AccountSettings::AuthMethod::Basic;
    if (name == QLatin1String("oauth"))
        return AccountSettings::AuthMethod::OAuth;
    return std::nullopt;
}

} // namespace skein
