#pragma once

#include "Store.h"

namespace skein::eas {

// The address the account's mail goes out from: the one it was set up with,
// a user name that is an address, else the sender most of Sent Items shows,
// else user@host. skein-cli and the desktop app's composer share it.
QString ownAddress(const Store &store, const AccountSettings &account);

} // namespace skein::eas
