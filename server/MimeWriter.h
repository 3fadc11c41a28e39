#pragma once

#include "ServerStore.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace skein::server {

// Builds the RFC 5322 message the server hands out for BodyPreference Type 4
// ([MS-ASAIRS] Body Type 4): Message-ID, In-Reply-To, References, Date,
// From, To, Cc, Subject, Thread-Topic, MIME-Version, the body as stored
// (text/plain or text/html, UTF-8) and the attachments (multipart/mixed).
// CRLF line ends. GMime 3 does the encoding (this file and MimeParser.cpp
// are the only ones that see GLib).
QByteArray buildMime(const MessageRow &message, const QString &inReplyTo, const QStringList &references);

// buildMime with the threading headers taken from the server's own
// threading: In-Reply-To = the parent's Message-ID, References = every
// ancestor's Message-ID, oldest first (parent ids the store holds).
QByteArray messageMime(ServerStore &store, const MessageRow &message);

} // namespace skein::server
