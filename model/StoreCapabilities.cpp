// The account's learned server capabilities (Capabilities.h, migration 4).

#include "Capabilities.h"
#include "StorePrivate.h"

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

CapabilityState Store::capability(Capability capability) const
{
    auto q = d->prepare("SELECT state FROM capabilities WHERE name = :name");
    if (!q.isValid())
        return CapabilityState::Unknown;
    q.bind(":name", capabilityName(capability));
    return q.step() == SQLITE_ROW ? capabilityStateFromName(q.text(0)) : CapabilityState::Unknown;
}

Capabilities Store::capabilities() const
{
    Capabilities result;
    auto q = d->prepare("SELECT name, state FROM capabilities");
    if (!q.isValid())
        return result;
    while (q.step() == SQLITE_ROW)
        if (const std::optional<Capability> c = capabilityFromName(q.text(0)))
            result.insert(*c, capabilityStateFromName(q.text(1)));
    return result;
}

bool Store::setCapability(Capability capability, CapabilityState state)
{
    if (state == CapabilityState::Unknown) {
        auto q = d->prepare("DELETE FROM capabilities WHERE name = :name");
        if (!q.isValid())
            return false;
        q.bind(":name", capabilityName(capability));
        return d->check(q.step(), QStringLiteral("forgetting a server capability"));
    }
    auto q = d->prepare("INSERT INTO capabilities (name, state, updated) VALUES (:name, :state, :updated) "
                        "ON CONFLICT (name) DO UPDATE SET state = excluded.state, updated = excluded.updated");
    if (!q.isValid())
        return false;
    q.bind(":name", capabilityName(capability));
    q.bind(":state", capabilityStateName(state));
    q.bindTime(":updated", QDateTime::currentDateTimeUtc());
    return d->check(q.step(), QStringLiteral("recording a server capability"));
}

} // namespace skein
