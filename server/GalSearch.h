#pragma once

#include "ServerStore.h"

#include <WbxmlElement.h>

namespace skein::server {

// Search of the GAL store ([MS-ASCMD] 2.2.1.16, code page 16): the server's
// users are its address book. A user matches when the query starts their
// display name, a word of it, their user name (Alias) or their address,
// ignoring case. Options Range (default 0-99) pages the matches, sorted by
// display name. Answers the Store element: Status, Result{Properties{gal:
// DisplayName, Alias, FirstName, LastName, EmailAddress}}..., Range, Total.
// An empty query is Status 2 (a request the server cannot serve), as
// Exchange answers a query shorter than it accepts.
wbxml::Element searchGal(ServerStore &store, const wbxml::Element &in);

} // namespace skein::server
