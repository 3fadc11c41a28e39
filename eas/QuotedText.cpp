#include "QuotedText.h"

#include <QRegularExpression>
#include <QStringList>

namespace skein {

namespace {

bool isBlank(const QString &line)
{
    return line.trimmed().isEmpty();
}

bool isQuoteLine(const QString &line)
{
    return line.trimmed().startsWith(QLatin1Char('>'));
}

// "On Tue, 5 Dec 2026 at 10:02, Ben User <ben@example.com> wrote:" and its
// German ("Am … schrieb Ben User:"), French, Spanish and Italian relatives.
bool isAttribution(const QString &line)
{
    static const QRegularExpression pattern(
        QStringLiteral(R"(^\s*(On|Am|Le|El|Il)\b.*\b(wrote|schrieb|a écrit|escribió|ha scritto)[^:]*:\s*$)"),
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption);
    return pattern.match(line).hasMatch();
}

bool isHeaderLine(const QString &line, const char *name)
{
    return line.trimmed().startsWith(QLatin1String(name), Qt::CaseInsensitive);
}

// Outlook's reply header: "-----Original Message-----", or a From: line
// followed within a few lines by Sent: (or Date:) and Subject:.
bool startsOutlookHeader(const QStringList &lines, qsizetype at)
{
    const QString line = lines.at(at).trimmed();
    if (line.contains(QLatin1String("-----Original Message-----"), Qt::CaseInsensitive)
        || line.contains(QLatin1String("-----Ursprüngliche Nachricht-----"), Qt::CaseInsensitive))
        return true;
    if (!isHeaderLine(line, "From:") && !isHeaderLine(line, "Von:"))
        return false;
    bool sent = false, subject = false;
    for (qsizetype i = at + 1; i < lines.size() && i <= at + 5; ++i) {
        sent = sent || isHeaderLine(lines.at(i), "Sent:") || isHeaderLine(lines.at(i), "Date:")
            || isHeaderLine(lines.at(i), "Gesendet:");
        subject = subject || isHeaderLine(lines.at(i), "Subject:") || isHeaderLine(lines.at(i), "Betreff:");
    }
    return sent && subject;
}

QuotedSplit keepLines(const QStringList &lines, qsizetype count, const QString &whole)
{
    while (count > 0 && isBlank(lines.at(count - 1)))
        --count;
    if (count == 0) // a message that is nothing but a quote shows it all
        return {whole, false};
    return {lines.mid(0, count).join(QLatin1Char('\n')), true};
}

// Visible text of an HTML fragment, roughly: tags, comments and entities out.
bool hasVisibleText(const QString &html)
{
    static const QRegularExpression markup(QStringLiteral(R"(<!--.*?-->|<[^>]*>|&nbsp;|&#160;)"),
                                           QRegularExpression::DotMatchesEverythingOption);
    QString text = html;
    text.remove(markup);
    return !text.trimmed().isEmpty();
}

} // namespace

QuotedSplit splitQuotedPlainText(const QString &text)
{
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (startsOutlookHeader(lines, i))
            return keepLines(lines, i, text);
    }
    // The trailing run of quote lines, blank lines and attributions.
    qsizetype start = lines.size();
    bool sawQuote = false;
    for (qsizetype i = lines.size() - 1; i >= 0; --i) {
        const QString &line = lines.at(i);
        if (isQuoteLine(line))
            sawQuote = true;
        else if (!isBlank(line) && !(sawQuote && isAttribution(line)))
            break;
        start = i;
    }
    if (!sawQuote)
        return {text, false};
    // An attribution wrapped over two lines ("On …, Ben User <ben@" /
    // "example.com> wrote:") right above the quote.
    qsizetype above = start;
    while (above > 0 && isBlank(lines.at(above - 1)))
        --above;
    if (above >= 2 && isAttribution(lines.at(above - 2) + QLatin1Char(' ') + lines.at(above - 1)))
        start = above - 2;
    if (!sawQuote)
        return {text, false};
    return keepLines(lines, start, text);
}

QuotedSplit splitQuotedHtml(const QString &html)
{
    static const QRegularExpression outlook(
        QStringLiteral(R"((<hr[^>]*>\s*)?<div[^>]*\bid\s*=\s*["']?divRplyFwdMsg)"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression gmail(QStringLiteral(R"(<div[^>]*\bclass\s*=\s*["'][^"']*\bgmail_quote\b)"),
                                          QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression blockquote(QStringLiteral(R"(<blockquote\b)"),
                                               QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression blockquoteEnd(QStringLiteral(R"(</blockquote\s*>)"),
                                                  QRegularExpression::CaseInsensitiveOption);
    qsizetype cut = -1;
    for (const QRegularExpression *marker : {&outlook, &gmail}) {
        const QRegularExpressionMatch m = marker->match(html);
        if (m.hasMatch() && (cut < 0 || m.capturedStart() < cut))
            cut = m.capturedStart();
    }
    // A blockquote counts only when no text of the writer's follows its end.
    if (cut < 0) {
        const QRegularExpressionMatch open = blockquote.match(html);
        if (open.hasMatch()) {
            QRegularExpressionMatchIterator ends = blockquoteEnd.globalMatch(html, open.capturedEnd());
            qsizetype lastEnd = -1;
            while (ends.hasNext())
                lastEnd = ends.next().capturedEnd();
            if (lastEnd >= 0 && !hasVisibleText(html.mid(lastEnd)))
                cut = open.capturedStart();
        }
    }
    if (cut < 0 || !hasVisibleText(html.left(cut)))
        return {html, false};
    return {html.left(cut), true};
}

} // namespace skein
