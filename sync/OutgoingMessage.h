#pragma once

// What the user wrote, before it becomes MIME (MimeComposer) and goes into
// the outbox. Plain Qt values: the composer window and skein-cli fill it.

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace skein::eas {

struct OutgoingAttachment {
    QString path;        // read when the MIME is built; ignored when data is set
    QString name;        // the file name the recipient sees; path's file name when empty
    QString contentType; // guessed from the name when empty
    QByteArray data;     // the bytes, for callers that hold them already
};

struct OutgoingMessage {
    QString from;        // "Name <addr>" or "addr": the account's address
    QStringList to;      // each "Name <addr>" or "addr"
    QStringList cc;
    QStringList bcc;     // written into the MIME: EAS servers take the recipients from it and drop the header on delivery
    QString subject;
    QString plainBody;   // always sent
    QString htmlBody;    // when set: multipart/alternative (plain + HTML)
    QList<OutgoingAttachment> attachments;
    QDateTime date;      // now when invalid

    // Threading (a reply): the parent's Message-ID and References, without
    // angle brackets. References gets the parent's References + its id.
    QString inReplyTo;
    QStringList references;
    // Thread-Topic / Thread-Index ([MS-OXOMSG] PidTagConversationTopic /
    // PidTagConversationIndex) for servers that thread by headers.
    QString threadTopic;
    QByteArray threadIndex; // raw bytes; base64 in the header

    QStringList allRecipients() const { return to + cc + bcc; }
};

} // namespace skein::eas
