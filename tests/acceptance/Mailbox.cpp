#include "Mailbox.h"

#include <QRegularExpression>
#include <QStringList>

namespace acceptance {

namespace {

QString address(const QString &from)
{
    const auto m = QRegularExpression(QStringLiteral("<([^>]+)>")).match(from);
    return (m.hasMatch() ? m.captured(1) : from).trimmed().toLower();
}

QString describe(const State &s)
{
    return QStringLiteral("%1 read=%2 flag=%3").arg(s.folder).arg(s.read).arg(s.flag);
}

} // namespace

QString difference(const Mailbox &got, const Mailbox &want)
{
    QStringList lines;
    for (auto it = want.cbegin(); it != want.cend(); ++it) {
        if (!got.contains(it.key()))
            lines << QStringLiteral("%1: missing, want %2").arg(it.key(), describe(*it));
        else if (got[it.key()] != *it)
            lines << QStringLiteral("%1: %2, want %3").arg(it.key(), describe(got[it.key()]), describe(*it));
    }
    for (auto it = got.cbegin(); it != got.cend(); ++it)
        if (!want.contains(it.key()))
            lines << QStringLiteral("%1: unexpected, %2").arg(it.key(), describe(*it));
    return lines.join(QLatin1Char('\n'));
}

QString Identities::key(const QString &messageId, const QString &subject, const QString &from) const
{
    if (messageIds.contains(messageId.trimmed()))
        return messageId.trimmed();
    return bySubjectAndSender.value(subject + QLatin1Char('\n') + address(from),
                                    QStringLiteral("unknown:%1 | %2").arg(subject, address(from)));
}

void Identities::add(const QString &messageId, const QString &subject, const QString &from)
{
    const QString k = messageId.isEmpty() ? QStringLiteral("subject:") + subject : messageId;
    if (!messageId.isEmpty())
        messageIds.insert(messageId);
    bySubjectAndSender.insert(subject + QLatin1Char('\n') + address(from), k);
}

} // namespace acceptance
