#pragma once

#include "EmailSerializer.h"

namespace skein::server {

// The message part (MS-ASCON 2.2.2.1, 3.2.5.7): the message's own new text
// without the earlier messages it quotes, as HTML, so a conversation view
// can show each message once. Cut with the client's own rules
// (eas/QuotedText): from the HTML body when there is one, else from the
// plain text, escaped to HTML afterwards (quote marks only exist in text).
QString messagePartHtml(const MessageRow &message);

// airsyncbase:BodyPart: Status 1, Type 2, EstimatedDataSize (bytes of the
// whole part), Truncated 1 only when cut at TruncationSize (or AllOrNone
// left the data out), Data, then Preview when asked. The part is always
// computable here, so Status 176 (conversation too large) never occurs.
void appendBodyPart(wbxml::Element &target, const MessageRow &message, const BodyPreference &preference);

} // namespace skein::server
