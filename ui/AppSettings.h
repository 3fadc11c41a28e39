#pragma once

#include <QString>
#include <QStringList>

namespace skein::ui {

// The user's preferences as they live in QSettings (PROFILE/Skein/skein.ini):
// one place that names every key the settings dialog edits and its default,
// so the dialog, the window and the app read the same thing.
namespace settings {

// "reading/markReadDelayMs": how long a message stays open before it counts
// as read; 0 at once, -1 never (only by hand).
inline const QString markReadDelayKey = QStringLiteral("reading/markReadDelayMs");
constexpr int kDefaultMarkReadDelayMs = 1500;
int markReadDelayMs();

// "remoteContent/allowedSenders": addresses whose remote images load.
inline const QString allowedSendersKey = QStringLiteral("remoteContent/allowedSenders");
QStringList allowedSenders();

// "sync/push" (default true): keep a Ping open; false checks every
// "sync/intervalMinutes" (default 5) instead. Push falls back to the
// interval by itself where the server has none.
inline const QString pushKey = QStringLiteral("sync/push");
inline const QString intervalKey = QStringLiteral("sync/intervalMinutes");
constexpr int kDefaultIntervalMinutes = 5;
bool push();
int intervalMinutes();

// "notifications/enabled" (default true): a desktop notification for new mail.
inline const QString notificationsKey = QStringLiteral("notifications/enabled");
bool notificationsEnabled();

// "compose/signature/<account address>": text below new mail and above the quote.
QString signatureKey(const QString &accountAddress);
QString signature(const QString &accountAddress);

} // namespace settings
} // namespace skein::ui
