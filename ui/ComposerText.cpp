#include "ComposerText.h"

#include "MailFormat.h"

#include <QCoreApplication>
#include <QLocale>
#include <QRegularExpression>
#include <QSettings>

namespace skein::ui::compose {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("skein::ui::compose", text);
}

QString shortDate(const QDateTime &utc)
{
    return utc.isValid() ? QLocale().toString(utc.toLocalTime().date(), QStringLiteral("d MMM")) : tr("an unknown date");
}

// The address part of "Name <addr>" or the whole entry.
QString addressOf(const QString &entry)
{
    const qsizetype open = entry.lastIndexOf(QLatin1Char('<'));
    const qsizetype close = entry.lastIndexOf(QLatin1Char('>'));
    if (open >= 0 && close > open)
        return entry.mid(open + 1, close - open - 1).trimmed();
    return entry.trimmed();
}

} // namespace

QString answerLabel(OutboxKind kind, const Message &message)
{
    QString sender = format::displayName(message.from);
    if (sender.isEmpty())
        sender = tr("an unknown sender");
    const QString date = shortDate(message.dateReceived);
    if (kind == OutboxKind::Forward)
        return tr("Forwarding %1's message of %2").arg(sender, date);
    return tr("Replying to %1, %2").arg(sender, date);
}

bool isValidAddress(const QString &address)
{
    static const QRegularExpression pattern(QStringLiteral("^[^@\\s<>(),;:\"\\[\\]]+@[^@\\s<>(),;:\"\\[\\]]+$"));
    return pattern.match(address).hasMatch() && !address.endsWith(QLatin1Char('.'));
}

RecipientField parseRecipients(const QString &text)
{
    RecipientField field;
    QString current;
    bool quoted = false;
    auto finish = [&field, &current] {
        const QString entry = current.trimmed();
        current.clear();
        if (entry.isEmpty())
            return;
        field.recipients.append(entry);
        if (field.invalid.isEmpty() && !isValidAddress(addressOf(entry)))
            field.invalid = entry;
    };
    for (const QChar c : text) {
        if (c == QLatin1Char('"'))
            quoted = !quoted;
        if (!quoted && (c == QLatin1Char(',') || c == QLatin1Char(';')))
            finish();
        else
            current.append(c);
    }
    finish();
    return field;
}

QString sizeText(qint64 bytes)
{
    return QLocale().formattedDataSize(std::max<qint64>(bytes, 0), 1, QLocale::DataSizeTraditionalFormat);
}

QString totalText(int files, qint64 bytes)
{
    const QString count = files == 1 ? tr("1 file") : tr("%1 files").arg(files);
    return tr("%1, %2").arg(count, sizeText(bytes));
}

QString signatureFor(const QString &accountEmail)
{
    if (accountEmail.isEmpty())
        return {};
    const QString key = QStringLiteral("compose/signature/");
    const QSettings settings;
    return settings.value(key + accountEmail, settings.value(key + accountEmail.toLower())).toString();
}

QString initialBody(const QString &signature, const QString &quote)
{
    QString body = QStringLiteral("\n");
    if (!signature.trimmed().isEmpty())
        body += QStringLiteral("\n-- \n") + signature.trimmed() + QLatin1Char('\n');
    if (!quote.isEmpty())
        body += QLatin1Char('\n') + quote;
    return body;
}

bool plainTextOnlyByDefault()
{
    return QSettings().value(QStringLiteral("compose/plainTextOnly"), false).toBool();
}

} // namespace skein::ui::compose
