#pragma once

#include "ServerStore.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace skein::server {

struct MailAddress {
    QString name;
    QString address;
    // "Name" <addr>, or addr alone: the form the demo seed stores.
    QString formatted() const;
};

// What the server keeps of an RFC 5322 message (SendMail & co., deliver --mime).
struct ParsedMail {
    QList<MailAddress> from, to, cc, bcc;
    QString subject;
    QString messageId;       // with <>; empty when the message has none
    QStringList inReplyTo;   // Message-IDs with <>
    QStringList references;  // oldest first
    QByteArray threadIndex;  // Thread-Index, base64-decoded (MAPI PidTagConversationIndex)
    QString threadTopic;     // Thread-Topic, decoded
    QDateTime date;          // Date header in UTC; invalid when absent or unparsable
    int importance = 1;      // 0 low, 1 normal, 2 high
    int bodyType = 1;        // 1 plain text, 2 HTML (HTML wins in multipart/alternative)
    QString body;
    QList<AttachmentRow> attachments;

    QList<MailAddress> recipients() const { return to + cc + bcc; }
};

// Parses with GMime 3. nullopt (and *error) when there is no message at all:
// empty input or nothing that looks like a header block ([MS-ASCMD] 107).
std::optional<ParsedMail> parseMime(const QByteArray &mime, QString *error = nullptr);

// "Ann <ann@x>, bob@y" -> addresses; groups are flattened.
QList<MailAddress> parseAddressList(const QString &text);

// Joins formatted addresses with ", " as the store's To/Cc columns do.
QString formatAddressList(const QList<MailAddress> &list);
// DisplayTo: the names (or addresses) joined with "; ".
QString displayNames(const QList<MailAddress> &list);

} // namespace skein::server
