#pragma once

#include "MailTypes.h"

#include <QByteArray>

namespace skein::eas {

// Message-ID, In-Reply-To and References of an RFC 5322 message, parsed
// with GMime, ids without angle brackets. `mime` may be the whole message
// (SOGo ignores TruncationSize) or a truncated start of it: only the header
// block counts, and when it was cut before its end only the headers known
// to be complete (not the last one, whose folded continuation may be
// missing, unless the cut line after it starts another header). Empty when
// the text has no such headers; any text, however short or odd, is safe.
ReplyHeaders parseReplyHeaders(const QByteArray &mime);

} // namespace skein::eas
