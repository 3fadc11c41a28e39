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

QString displayName(const QString &mailbox)
{
    const QString trimmed = mailbox.trimmed();
    const qsizetype lt = trimmed.indexOf(QLatin1Char('<'));
    if (lt > 0) {
        QString name = trimmed.left(lt).trimmed();
        if (name.size() >= 2 && name.startsWith(QLatin1Char('"')) && name.endsWith(QLatin1Char('"')))
            name = name.mid(1, name.size() - 2);
        if (!name.isEmpty())
            return name;
    }
    return emailAddress(trimmed).isEmpty() ? trimmed : emailAddress(trimmed);
}

QString emailAddress(const QString &mailbox)
{
    static const QRegularExpression angle(QStringLiteral("<([^<>\\s]+@[^<>\\s]+)>"));
    static const QRegularExpression bare(QStringLiteral("([^<>\\s\",;]+@[^<>\\s\",;]+)"));
    QRegularExpressionMatch match = angle.match(mailbox);
    if (!match.hasMatch())
        match = bare.match(mailbox);
    return match.hasMatch() ? match.captured(1).toLower() : QString();
}

QString displayNames(const QString &addressList)
{
    // Split on commas outside quotes: "Doe, Jane" <j@x> is one mailbox.
    QStringList names;
    QString current;
    bool quoted = false;
    for (const QChar c : addressList) {
        if (c == QLatin1Char('"'))
            quoted = !quoted;
        if ((c == QLatin1Char(',') || c == QLatin1Char(';')) && !quoted) {
            if (!current.trimmed().isEmpty())
                names.append(displayName(current));
            current.clear();
        } else {
            current.append(c);
        }
    }
    if (!current.trimmed().isEmpty())
        names.append(displayName(current));
    return names.join(QStringLiteral(", "));
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
