#include "MailFormat.h"

#include <QLocale>
#include <QRegularExpression>
#include <QStringList>

namespace skein::ui::format {

QString listDate(const QDateTime &utc, const QDateTime &now)
{
    if (!utc.isValid())
        return {};
    const QDateTime local = utc.toLocalTime();
    const QDate today = now.toLocalTime().date();
    const QLocale locale;
    if (local.date() == today)
        return shortTime(local.time());
    if (local.date().year() == today.year())
        return locale.toString(local.date(), QStringLiteral("d MMM"));
    return locale.toString(local.date(), QLocale::ShortFormat);
}

QString shortTime(const QTime &time)
{
    // The locale's short format, without seconds (the C locale has them).
    QString pattern = QLocale().timeFormat(QLocale::ShortFormat);
    pattern.remove(QRegularExpression(QStringLiteral("[:.]ss?")));
    return QLocale().toString(time, pattern);
}

QString longDate(const QDateTime &utc)
{
    if (!utc.isValid())
        return {};
    const QDateTime local = utc.toLocalTime();
    return QLocale().toString(local.date(), QStringLiteral("ddd d MMM yyyy")) + QStringLiteral(", ")
        + shortTime(local.time());
}

namespace {

// What one mailbox was made of while scanning: the phrase (words and quoted
// strings outside brackets), the <angle address> and any (comment).
struct MailboxParts {
    QString phrase;
    QString angle;
    QString comment;
    bool hasAngle = false;

    Mailbox take()
    {
        Mailbox m;
        QString name = phrase.simplified();
        if (hasAngle) {
            m.address = angle.trimmed();
        } else {
            // No brackets: "j@x", "j@x (Jane)" or, rarely, "Jane j@x".
            QStringList words = name.split(QLatin1Char(' '), Qt::SkipEmptyParts);
            for (qsizetype i = words.size() - 1; i >= 0; --i) {
                if (words.at(i).contains(QLatin1Char('@'))) {
                    m.address = words.takeAt(i);
                    break;
                }
            }
            name = words.join(QLatin1Char(' '));
        }
        if (name.isEmpty())
            name = comment.simplified();
        // Outlook sometimes sends 'Jane Doe' in single quotes.
        if (name.size() >= 2 && name.startsWith(QLatin1Char('\'')) && name.endsWith(QLatin1Char('\'')))
            name = name.mid(1, name.size() - 2).trimmed();
        // "j@x" <j@x> says nothing a bare address does not.
        if (name.compare(m.address, Qt::CaseInsensitive) == 0)
            name.clear();
        m.name = name;
        *this = {};
        return m;
    }
};

} // namespace

QList<Mailbox> parseAddressList(const QString &addressList)
{
    QList<Mailbox> result;
    MailboxParts parts;
    auto flush = [&] {
        const Mailbox m = parts.take();
        if (!m.name.isEmpty() || !m.address.isEmpty())
            result.append(m);
    };
    const QString &s = addressList;
    const qsizetype n = s.size();
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = s.at(i);
        if (c == QLatin1Char('"')) {
            // A quoted string: separators inside are text, \x is x.
            for (++i; i < n && s.at(i) != QLatin1Char('"'); ++i) {
                if (s.at(i) == QLatin1Char('\\') && i + 1 < n)
                    ++i;
                parts.phrase += s.at(i);
            }
        } else if (c == QLatin1Char('(')) {
            // A comment, which may nest.
            int depth = 1;
            for (++i; i < n; ++i) {
                const QChar d = s.at(i);
                if (d == QLatin1Char('\\') && i + 1 < n) {
                    parts.comment += s.at(++i);
                    continue;
                }
                depth += d == QLatin1Char('(') ? 1 : d == QLatin1Char(')') ? -1 : 0;
                if (depth == 0)
                    break;
                parts.comment += d;
            }
        } else if (c == QLatin1Char('<')) {
            parts.hasAngle = true;
            for (++i; i < n && s.at(i) != QLatin1Char('>'); ++i)
                parts.angle += s.at(i);
        } else if (c == QLatin1Char(',') || c == QLatin1Char(';')) {
            flush();
        } else if (c == QLatin1Char(':') && !parts.hasAngle) {
            parts = {}; // "Team: a@x, b@y;" names a group, not a person
        } else {
            parts.phrase += c;
        }
    }
    flush();
    return result;
}

Mailbox parseMailbox(const QString &mailbox)
{
    return parseAddressList(mailbox).value(0);
}

QString displayName(const QString &mailbox)
{
    const Mailbox m = parseMailbox(mailbox);
    if (!m.name.isEmpty())
        return m.name;
    return m.address.isEmpty() ? mailbox.trimmed() : m.address;
}

QString emailAddress(const QString &mailbox)
{
    const QString address = parseMailbox(mailbox).address;
    return address.contains(QLatin1Char('@')) ? address.toLower() : QString();
}

QString displayNames(const QString &addressList)
{
    QStringList names;
    for (const Mailbox &m : parseAddressList(addressList))
        names.append(m.name.isEmpty() ? m.address : m.name);
    return names.join(QStringLiteral(", "));
}

QString mailboxText(const Mailbox &mailbox)
{
    if (mailbox.name.isEmpty())
        return mailbox.address;
    if (mailbox.address.isEmpty())
        return mailbox.name;
    return mailbox.name + QStringLiteral(" <") + mailbox.address + QLatin1Char('>');
}

QString addressListText(const QString &addressList)
{
    QStringList parts;
    for (const Mailbox &m : parseAddressList(addressList))
        parts.append(mailboxText(m));
    return parts.join(QStringLiteral(", "));
}

QString firstLine(const QString &text)
{
    for (const QStringView line : QStringView(text).split(QLatin1Char('\n'))) {
        const QStringView trimmed = line.trimmed();
        if (!trimmed.isEmpty())
            return trimmed.toString();
    }
    return {};
}

QString plainTextToHtml(const QString &text)
{
    // Escape first, then linkify: the link pattern runs over escaped text, so
    // nothing the sender wrote can become markup. '&' inside a URL is "&amp;"
    // after escaping, which is what an href needs anyway.
    static const QRegularExpression link(
        QStringLiteral("\\b(?:https?://|mailto:)[^\\s<>\"']*[^\\s<>\"'.,;:!?)\\]]"),
        QRegularExpression::CaseInsensitiveOption);
    const QString escaped = text.toHtmlEscaped();
    QString html;
    html.reserve(escaped.size() + 64);
    qsizetype last = 0;
    for (auto it = link.globalMatch(escaped); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        html += QStringView(escaped).mid(last, m.capturedStart() - last);
        html += QStringLiteral("<a href=\"%1\">%1</a>").arg(m.captured());
        last = m.capturedEnd();
    }
    html += QStringView(escaped).mid(last);
    return QStringLiteral("<div style=\"white-space: pre-wrap;\">%1</div>").arg(html);
}

} // namespace skein::ui::format
