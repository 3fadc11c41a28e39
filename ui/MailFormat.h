#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

namespace skein::ui {

// Small text helpers shared by the delegates and the reading pane.
namespace format {

// The list's date column: time for today, "d MMM" for this year, else the date.
QString listDate(const QDateTime &utc, const QDateTime &now = QDateTime::currentDateTime());
// Local time of day in the locale's short format, without seconds.
QString shortTime(const QTime &time);
// Full local date and time for the reading pane's header.
QString longDate(const QDateTime &utc);
// One mailbox of an address header, display name unquoted and unescaped.
// The server has already decoded RFC 2047 words, so this is plain text.
struct Mailbox {
    QString name;    // may be empty
    QString address; // as written (case kept); may be empty for a bare name
    bool operator==(const Mailbox &) const = default;
};

// Splits an address header ("To", "Cc", "From") into mailboxes: commas and
// semicolons separate them except inside quotes, <angle brackets> and
// (comments), so "Doe, Jane" <j@x> is one mailbox. Also understands the old
// "j@x (Jane Doe)" form and names Outlook wraps in single quotes.
QList<Mailbox> parseAddressList(const QString &addressList);
// The first mailbox of `mailbox`; empty when there is none.
Mailbox parseMailbox(const QString &mailbox);

// `"Alice Example" <alice@x>` -> `Alice Example`; the address when there is no name.
QString displayName(const QString &mailbox);
// "Alice Example <alice@x>" -> "alice@x" (lower case); empty when none is found.
QString emailAddress(const QString &mailbox);
// Comma separated list of display names (the conversation list, collapsed cards).
QString displayNames(const QString &addressList);
// `"Alice Example" <alice@x>` -> `Alice Example <alice@x>`: what a person
// reads in a message header, without the quoting the wire format needs.
QString mailboxText(const Mailbox &mailbox);
// Every mailbox of the list as mailboxText(), comma separated.
QString addressListText(const QString &addressList);
// First non-empty line of a preview, trimmed.
QString firstLine(const QString &text);
// Escapes plain text and turns http(s) and mailto links into anchors.
QString plainTextToHtml(const QString &text);

} // namespace format
} // namespace skein::ui
