// Private to skein_eas: the EAS WBXML decoder (see WbxmlCodec.cpp for why
// it does not use libwbxml's parser).
#pragma once

#include "WbxmlCodec.h"

namespace skein::wbxml::detail {

// Deeper documents are rejected: real EAS bodies nest < 20 levels, and
// Element copies, destroys and dumps recursively.
inline constexpr int MaxDepth = 100;

// Accepts only the WBXML subset EAS uses ([MS-ASWBXML] 2.1.1): header
// 03 <public id> <charset UTF-8> 00, then SWITCH_PAGE (only right before a
// tag, as in the WBXML 1.3 grammar), END, STR_I, OPAQUE and attribute-less
// tags forming exactly one balanced root element. Linear in the body size.
DecodeResult readDocument(const QByteArray &body);

} // namespace skein::wbxml::detail
