#pragma once

#include <QString>

namespace skein {

// A message's own new text apart from the earlier messages it quotes, for
// servers that send no message part (SOGo, Z-Push, 12.1, 14.0): the reading
// pane shows each card's new text and offers the rest behind "Show quoted
// text". Only the quote at the end is cut; quoted lines between the
// writer's own (an inline answer) stay, so nothing that is not quoted is
// ever hidden.
struct QuotedSplit {
    QString newText; // the whole text when nothing is cut
    bool cut = false;
};

// Plain text: an "On … wrote:" line before '>' lines, '>' lines, or
// Outlook's "-----Original Message-----" / "From: … Sent: … Subject:" block
// and everything after it.
QuotedSplit splitQuotedPlainText(const QString &text);

// HTML: from Outlook's divRplyFwdMsg (with the rule before it), Gmail's
// gmail_quote, or a last blockquote after which no text follows.
QuotedSplit splitQuotedHtml(const QString &html);

} // namespace skein
