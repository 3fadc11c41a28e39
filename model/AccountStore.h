#pragma once

#include "AccountSettings.h"
#include "Capabilities.h"
#include "StorePart.h"

namespace skein {

// The profile's account row (never a password) and what the server turned
// out to support.
class AccountStore : private StorePart
{
public:
    AccountStore(Store &store, Database &db) : StorePart(store, db) {}

    std::optional<AccountSettings> account() const;
    bool saveAccount(const AccountSettings &account);

    // Unknown when never learned. setCapability(c, Unknown) forgets it.
    CapabilityState capability(Capability capability) const;
    Capabilities capabilities() const; // only the known ones
    bool setCapability(Capability capability, CapabilityState state);
};

} // namespace skein
