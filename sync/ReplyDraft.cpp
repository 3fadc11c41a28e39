#include "ReplyDraft.h"

#include "ConversationIndex.h"
#include "MimeComposer.h"

#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSet>
#include <QUuid>

namespace skein::eas {

namespace {

const QRegularExpression &replyPrefix()
{
    static const QRegularExpression re(QStringLiteral("^\\s*re\\s*:\\s*"), QRegularExpression::CaseInsensitiveOption);
    return re;
}

const QRegularExpression &forwardPrefix()
{
    static const QRegularExpression re(QStringLiteral("^\\s*(fw|fwd)\\s*:\\s*"), QRegularExpression::CaseInsensitiveOption);
    return re;
}

QString stripAll(QString subject, const QRegularExpression &prefix)
{
    for (;;) {
        const QRegularExpressionMatch match = prefix.match(subject);
        if (!match.hasMatch())
            return subject.trimmed();
        subject.remove(0, match.capturedLength());
    }
}

// Enough HTML-to-text for a quote: line breaks for block ends, no tags,
// the common entities. The quote is a courtesy; the server keeps the original.
QString htmlToText(QString html)
{
    static const QRegularExpression dropped(QStringLiteral("<(head|style|script)[^>]*>.*?</\\1>"),
                                            QRegularExpression::CaseInsensitiveOption | QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression breaks(QStringLiteral("<(br|/p|/div|/li|/tr|/h[1-6])[^>]*>"), QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression tags(QStringLiteral("<[^>]*>"));
    html.remove(dropped);
    html.replace(breaks, QStringLiteral("\n"));
    html.remove(tags);
    html.replace(QLatin1String("&nbsp;"), QLatin1String(" "))
        .replace(QLatin1String("&lt;"), QLatin1String("<"))
        .replace(QLatin1String("&gt;"), QLatin1String(">"))
        .replace(QLatin1String("&quot;"), QLatin1String("\""))
        .replace(QLatin1String("&#39;"), QLatin1String("'"))
        .replace(QLatin1String("&amp;"), QLatin1String("&"));
    return html.trimmed();
}

QString parentText(const Message &parent)
{
    QString text = QString::fromUtf8(parent.body);
    if (text.isEmpty())
        return parent.preview;
    if (parent.bodyType == BodyType::Html)
        text = htmlToText(text);
    text.replace(QLatin1String("\r\n"), QLatin1String("\n"));
    return text;
}

QString displayDate(const Message &parent)
{
    return parent.dateReceived.toUTC().toString(QStringLiteral("ddd, d MMM yyyy hh:mm 'UTC'"));
}

} // namespace

QString replySubject(const QString &parentSubject)
{
    return QStringLiteral("RE: ") + stripAll(parentSubject, replyPrefix());
}

QString forwardSubject(const QString &parentSubject)
{
    return QStringLiteral("FW: ") + stripAll(parentSubject, forwardPrefix());
}

QString threadTopicOf(const QString &subject)
{
    static const QRegularExpression any(QStringLiteral("^\\s*(re|fw|fwd)\\s*:\\s*"), QRegularExpression::CaseInsensitiveOption);
    return stripAll(subject, any);
}

ReplyRecipients replyRecipients(const Message &parent, const QString &ownAddress, bool all)
{
    ReplyRecipients result;
    QSet<QString> seen;
    const QList<MailboxAddress> own = parseAddressList(ownAddress);
    for (const MailboxAddress &a : own)
        seen.insert(a.address.toLower());
    const auto take = [&](const QString &list, QStringList *into) {
        for (const MailboxAddress &a : parseAddressList(list)) {
            const QString key = a.address.toLower();
            if (key.isEmpty() || seen.contains(key))
                continue;
            seen.insert(key);
            into->append(formatAddress(a));
        }
    };
    const QString author = parent.replyTo.trimmed().isEmpty() ? parent.from : parent.replyTo;
    if (all) {
        take(author, &result.to);
        take(parent.to, &result.to);
        take(parent.cc, &result.cc);
    } else {
        // Replying to one's own message goes to its recipients, as Outlook does.
        QSet<QString> noOne;
        std::swap(seen, noOne);
        take(author, &result.to);
        bool fromSelf = false;
        for (const MailboxAddress &a : parseAddressList(author))
            for (const MailboxAddress &o : own)
                fromSelf |= a.address.compare(o.address, Qt::CaseInsensitive) == 0;
        if (fromSelf) {
            result.to.clear();
            seen.clear();
            for (const MailboxAddress &a : own)
                seen.insert(a.address.toLower());
            take(parent.to, &result.to);
        }
    }
    return result;
}

QString quotedText(const Message &parent)
{
    QStringList lines = parentText(parent).split(QLatin1Char('\n'));
    for (QString &line : lines)
        line = line.isEmpty() ? QStringLiteral(">") : QStringLiteral("> ") + line;
    return QStringLiteral("On %1, %2 wrote:\n%3").arg(displayDate(parent), parent.from, lines.join(QLatin1Char('\n')));
}

QString forwardedText(const Message &parent)
{
    return QStringLiteral("-------- Forwarded message --------\nFrom: %1\nDate: %2\nSubject: %3\nTo: %4\n\n%5")
        .arg(parent.from, displayDate(parent), parent.subject, parent.to, parentText(parent));
}

QByteArray replyThreadIndex(const QByteArray &parentIndex, const QDateTime &now)
{
    return ConversationIndex::appendReply(parentIndex, now, quint8(QRandomGenerator::global()->bounded(256)));
}

QByteArray newThreadIndex(const QDateTime &now)
{
    return QByteArray(1, '\x01') + ConversationIndex::makeHeader(now) + QUuid::createUuid().toRfc4122();
}

OutgoingMessage draftReply(const Message &parent, ReplyMode mode, const QString &ownAddress, const QString &userText,
                           const QDateTime &now)
{
    OutgoingMessage m;
    m.from = ownAddress;
    m.date = now;
    if (mode == ReplyMode::Forward) {
        m.subject = forwardSubject(parent.subject);
        m.plainBody = userText; // SmartForward appends the original and its attachments
    } else {
        const ReplyRecipients r = replyRecipients(parent, ownAddress, mode == ReplyMode::ReplyAll);
        m.to = r.to;
        m.cc = r.cc;
        m.subject = replySubject(parent.subject);
        m.plainBody = userText + (userText.endsWith(QLatin1Char('\n')) ? QStringLiteral("\n") : QStringLiteral("\n\n"))
            + quotedText(parent) + QLatin1Char('\n');
    }
    m.threadTopic = parent.threadTopic.isEmpty() ? threadTopicOf(parent.subject) : parent.threadTopic;
    m.threadIndex = replyThreadIndex(parent.conversationIndex, now);
    if (!parent.internetMessageId.isEmpty()) {
        m.inReplyTo = parent.internetMessageId;
        m.references = parent.references;
        if (m.references.isEmpty() && !parent.inReplyTo.isEmpty())
            m.references.append(parent.inReplyTo); // the best known chain
        m.references.append(parent.internetMessageId);
    }
    return m;
}

} // namespace skein::eas
