#pragma once

// The words and checks the composer, the inline reply box and the app share:
// which message is answered, recipients as typed, sizes, the signature.

#include "MailTypes.h"
#include "OutboxTypes.h"

#include <QString>
#include <QStringList>

namespace skein::ui::compose {

// "Replying to Lena Fischer, 5 Dec" / "Forwarding Lena Fischer's message of 5 Dec".
QString answerLabel(OutboxKind kind, const Message &message);

// A To / Cc / Bcc field as typed: comma or semicolon separated entries,
// "Name <addr>" or "addr"; quoted names may hold commas.
struct RecipientField {
    QStringList recipients; // each entry trimmed; empty ones dropped
    QString invalid;        // the first entry that is not an address; empty when all are
};
RecipientField parseRecipients(const QString &text);
bool isValidAddress(const QString &address);

// "1.2 MB"; "2 files, 3.4 MB" for a list.
QString sizeText(qint64 bytes);
QString totalText(int files, qint64 bytes);

// QSettings "compose/signature/<accountEmail>": empty when none is set.
QString signatureFor(const QString &accountEmail);
// The body a new composer starts with: room to type, the signature under
// its "-- " line, then (replies) the quoted message below the signature.
QString initialBody(const QString &signature, const QString &quote = {});

// QSettings "compose/plainTextOnly" (default false).
bool plainTextOnlyByDefault();

} // namespace skein::ui::compose
