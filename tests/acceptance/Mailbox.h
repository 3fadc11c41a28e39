#pragma once

#include <QHash>
#include <QMap>
#include <QSet>
#include <QString>

namespace acceptance {

// Where a message is and what state it is in, folder as an IMAP path
// (INBOX, Sent, Trash, Junk, Drafts, Projects/Offsite), flag as [MS-ASEMAIL]
// FlagStatus (IMAP knows only \Flagged: 2 or 0).
struct State {
    QString folder;
    bool read = false;
    int flag = 0;
    friend bool operator==(const State &, const State &) = default;
};
using Mailbox = QMap<QString, State>; // message key (Message-ID, or "subject:..." without one) -> state

// Lines naming every message whose state differs; empty when equal.
QString difference(const Mailbox &got, const Mailbox &want);

// The seeded mailbox's identities: Message-ID, subject and sender of each.
struct Identities {
    QSet<QString> messageIds;
    QHash<QString, QString> bySubjectAndSender; // subject + '\n' + address -> key

    QString key(const QString &messageId, const QString &subject, const QString &from) const;
    void add(const QString &messageId, const QString &subject, const QString &from);
};

} // namespace acceptance
