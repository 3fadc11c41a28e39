#pragma once

#include <WbxmlElement.h>

#include <optional>

namespace skein::server {

// A compact, byte-exact binary form of a WBXML element tree, used to keep
// replayable responses, cached Sync options and flags in SQLite BLOBs
// without depending on the WBXML encoder.
QByteArray elementToBlob(const wbxml::Element &element);
std::optional<wbxml::Element> elementFromBlob(const QByteArray &blob);

} // namespace skein::server
