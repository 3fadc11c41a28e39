#pragma once

#include <QDateTime>
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
// "Alice Example <alice@x>" -> "Alice Example"; a bare address stays as it is.
QString displayName(const QString &mailbox);
// "Alice Example <alice@x>" -> "alice@x" (lower case); empty when none is found.
QString emailAddress(const QString &mailbox);
// Comma separated list of display names.
QString displayNames(const QString &addressList);
// First non-empty line of a preview, trimmed.
QString firstLine(const QString &text);
// Escapes plain text and turns http(s) and mailto links into anchors.
QString plainTextToHtml(const QString &text);

} // namespace format
} // namespace skein::ui
