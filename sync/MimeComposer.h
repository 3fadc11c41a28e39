#pragma once

#include "OutgoingMessage.h"

namespace skein::eas {

// An OutgoingMessage as RFC 5322 MIME, built with GMime (nothing else sees
// GLib): UTF-8 encoded words for non-ASCII headers, text/plain (quoted-
// printable when needed), multipart/alternative when there is HTML,
// multipart/mixed with base64 attachments whose file names use RFC 2231
// parameters, a new Message-ID at the domain of the sender's address, CRLF
// line ends. Bcc stays in the MIME (see OutgoingMessage::bcc).
struct ComposedMime {
    QByteArray mime;
    QString messageId; // the generated Message-ID, without angle brackets
    QString error;     // why nothing was built (an unreadable attachment, no sender); empty on success

    bool ok() const { return error.isEmpty(); }
};

ComposedMime composeMime(const OutgoingMessage &message);

// "<random>@<domain of address>"; "skein.invalid" when the address has no domain.
QString newMessageId(const QString &fromAddress);

// One parsed address of a list like the store keeps ("Name" <a@b>, c@d).
struct MailboxAddress {
    QString name;
    QString address; // as written; compare case-insensitively
};
QList<MailboxAddress> parseAddressList(const QString &text);
// "Name <addr>" (the name quoted when it needs it) or just "addr".
QString formatAddress(const MailboxAddress &address);

} // namespace skein::eas
