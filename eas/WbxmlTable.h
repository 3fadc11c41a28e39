// Private to skein_eas: (page, token) lookups in libwbxml's ActiveSync table.
#pragma once

#include "LibwbxmlTree.h"
#include "WbxmlElement.h"

#include <QString>

namespace skein::wbxml::detail {

// nullptr when libwbxml 0.11.8 does not know the token (e.g. 16.1 additions).
const WBXMLTagEntry *findTagEntry(Tag tag);

bool isBinaryEntry(const WBXMLTagEntry *entry);

// libwbxml's name for the tag, or "page<P>:0x<TT>" when it has none.
QString tagName(Tag tag);

} // namespace skein::wbxml::detail
