#pragma once

#include <QByteArrayView>
#include <QString>

namespace skein::eas {

// A sentence for the user explaining an EAS Status of `command` (the Cmd=
// name, e.g. "Sync", "ItemOperations", "ItemOperations.Move" for a
// conversation Move, "Provision.Policy" for Policy/Status) and what Skein
// does about it. Command-specific codes first, then the common codes 101-184.
// Unknown codes get a generic sentence that still names the number.
QString statusText(QByteArrayView command, int status);

} // namespace skein::eas
