#include "EmailParser.h"

#include <algorithm>

#include "EasFormat.h"
#include "EasTags.h"

namespace skein::eas {

namespace tag = wbxml::tag;
using wbxml::Element;
using wbxml::Tag;

namespace {

// The first child `t` the decoder recognised; unknown tokens are never read.
const Element *knownChild(const Element &parent, Tag t)
{
    for (const Element &c : parent.children())
        if (c.isKnown() && c.is(t))
            return &c;
    return nullptr;
}

qint64 readInt64(const Element &e, qint64 fallback)
{
    bool ok = false;
    const qint64 v = e.data().trimmed().toLongLong(&ok);
    return ok ? v : fallback;
}

// The fixed-width decimal field at p; -1 if a character is not a digit.
int digits(const char *p, int count)
{
    int value = 0;
    for (int i = 0; i < count; ++i) {
        if (p[i] < '0' || p[i] > '9')
            return -1;
        value = value * 10 + (p[i] - '0');
    }
    return value;
}

// EAS dates are nearly always "2024-03-01T08:00:00.000Z" ([MS-ASDTYPE] 2.3).
// Reading that form by hand skips QDateTime's general ISO parser (a QString
// copy, a trim and a format walk per date), a visible part of parsing a
// 512-item Sync response. Any other form goes to parseEasDate, which also
// rejects what this rejects (24:00, leap seconds, 30 February).
QDateTime parseDate(const QByteArray &raw)
{
    const char *p = raw.constData();
    const qsizetype n = raw.size();
    const bool shape = (n == 24 || n == 20) && p[4] == '-' && p[7] == '-' && p[10] == 'T'
        && p[13] == ':' && p[16] == ':' && p[n - 1] == 'Z' && (n == 20 || p[19] == '.');
    if (shape) {
        const int year = digits(p, 4), month = digits(p + 5, 2), day = digits(p + 8, 2);
        const int hour = digits(p + 11, 2), minute = digits(p + 14, 2), second = digits(p + 17, 2);
        const int ms = n == 24 ? digits(p + 20, 3) : 0;
        if (year >= 0 && month >= 0 && day >= 0 && hour >= 0 && minute >= 0 && second >= 0
            && ms >= 0 && QDate::isValid(year, month, day)
            && QTime::isValid(hour, minute, second, ms)) {
            constexpr qint64 unixEpochDay = 2440588; // QDate(1970, 1, 1).toJulianDay()
            const qint64 days = QDate(year, month, day).toJulianDay() - unixEpochDay;
            const qint64 seconds = ((days * 24 + hour) * 60 + minute) * 60 + second;
            return QDateTime::fromMSecsSinceEpoch(seconds * 1000 + ms, Qt::UTC);
        }
    }
    return parseEasDate(QString::fromUtf8(raw));
}

QDateTime firstValidDate(const Element &parent, std::initializer_list<Tag> tags)
{
    for (Tag t : tags)
        if (const Element *e = knownChild(parent, t)) {
            const QDateTime d = parseDate(e->data());
            if (d.isValid())
                return d;
        }
    return {};
}

BodyType bodyTypeFrom(int value)
{
    return value >= 1 && value <= 4 ? BodyType(value) : BodyType::None;
}

// Tags that, in a server Change, mean more than a Read/Flag update.
bool isMessageField(Tag t)
{
    static constexpr Tag fields[] = {
        tag::Email::To, tag::Email::Cc, tag::Email::From, tag::Email::ReplyTo,
        tag::Email::Subject, tag::Email::DateReceived, tag::Email::ThreadTopic,
        tag::Email::Importance, tag::Email::MessageClass, tag::Email::Body,
        tag::Email::Attachments, tag::AirSyncBase::Body, tag::AirSyncBase::BodyPart, tag::AirSyncBase::Attachments,
        tag::Email2::ConversationId, tag::Email2::ConversationIndex,
    };
    for (Tag f : fields)
        if (f == t)
            return true;
    return false;
}

void parseAddresses(const Element &data, Message &m)
{
    m.to = data.childText(tag::Email::To);
    m.cc = data.childText(tag::Email::Cc);
    m.from = data.childText(tag::Email::From);
    m.replyTo = data.childText(tag::Email::ReplyTo);
}

// Returns a problem description, empty when the date is absent or fine.
QString parseDateReceived(const Element &data, Message &m)
{
    const Element *e = knownChild(data, tag::Email::DateReceived);
    if (!e)
        return {};
    m.dateReceived = parseDate(e->data());
    if (!m.dateReceived.isValid())
        return QStringLiteral("unparseable DateReceived '%1'").arg(e->text().left(40));
    return {};
}

// airsyncbase:Attachment ([MS-ASAIRS] 2.2.2.7), 12.0 and later.
Attachment airSyncBaseAttachment(const Element &e)
{
    Attachment a;
    a.name = e.childText(tag::AirSyncBase::DisplayName);
    a.fileReference = e.childText(tag::AirSyncBase::FileReference).trimmed();
    a.size = e.childText(tag::AirSyncBase::EstimatedDataSize).trimmed().toLongLong();
    a.contentId = e.childText(tag::AirSyncBase::ContentId).trimmed();
    if (a.contentId.startsWith(QLatin1Char('<')) && a.contentId.endsWith(QLatin1Char('>')))
        a.contentId = a.contentId.mid(1, a.contentId.size() - 2);
    a.isInline = e.childText(tag::AirSyncBase::IsInline).trimmed() == QLatin1String("1");
    return a;
}

// email:Attachment ([MS-ASEMAIL] 2.2.2.3), protocol 2.5: AttName is both the
// reference GetAttachment takes and, after its last separator, the name.
Attachment emailAttachment(const Element &e)
{
    Attachment a;
    a.fileReference = e.childText(tag::Email::AttName).trimmed();
    const QString display = e.childText(tag::Email::DisplayName);
    const qsizetype cut = std::max(a.fileReference.lastIndexOf(QLatin1Char('/')),
                                   a.fileReference.lastIndexOf(QLatin1Char('\\')));
    a.name = display.isEmpty() ? a.fileReference.mid(cut + 1) : display;
    a.size = e.childText(tag::Email::AttSize).trimmed().toLongLong();
    return a;
}

void parseAttachments(const Element &data, Message &m)
{
    // 12.0+: airsyncbase:Attachments/Attachment; 2.5: email:Attachments/Attachment.
    if (const Element *list = knownChild(data, tag::AirSyncBase::Attachments)) {
        for (const Element *e : list->all(tag::AirSyncBase::Attachment))
            m.attachments.append(airSyncBaseAttachment(*e));
    } else if (const Element *list = knownChild(data, tag::Email::Attachments)) {
        for (const Element *e : list->all(tag::Email::Attachment))
            m.attachments.append(emailAttachment(*e));
    }
    // One without a FileReference (a malformed server) is still listed: the
    // user learns it exists, and fetching it says why it cannot be had.
    // The paperclip, as in Outlook, is for files: an image the HTML shows
    // inline alone does not earn one.
    m.hasAttachments = std::any_of(m.attachments.cbegin(), m.attachments.cend(),
                                   [](const Attachment &a) { return !a.isInline; });
}

void parseConversation(const Element &data, Message &m)
{
    // Opaque bytes, kept exactly (MS-ASCON 2.2.2.3: the client must not change them).
    if (const Element *e = knownChild(data, tag::Email2::ConversationId))
        m.conversationId = e->data();
    if (const Element *e = knownChild(data, tag::Email2::ConversationIndex))
        m.conversationIndex = e->data();
}

} // namespace

FlagState parseFlag(const Element &flag)
{
    FlagState state;
    const Element *status = knownChild(flag, tag::Email::FlagStatus);
    const int value = status ? status->data().trimmed().toInt() : 0;
    // Only 0..2 exist ([MS-ASEMAIL] 2.2.2.74); anything else is read as "no flag".
    state.status = value >= 0 && value <= 2 ? FlagStatus(value) : FlagStatus::None;
    if (state.status == FlagStatus::None)
        return state; // dates of a cleared flag mean nothing
    state.flagType = flag.childText(tag::Email::FlagType);
    // The Utc* forms are the truth; the plain ones are local time without a zone.
    state.start = firstValidDate(flag, {tag::Tasks::UtcStartDate, tag::Tasks::StartDate});
    state.due = firstValidDate(flag, {tag::Tasks::UtcDueDate, tag::Tasks::DueDate});
    if (state.status == FlagStatus::Complete)
        state.completed = firstValidDate(flag, {tag::Email::CompleteTime, tag::Tasks::DateCompleted});
    return state;
}

// airsyncbase:BodyPart (14.1+): Status 1 carries the part; 176 ("the
// conversation is too large") and anything else leave the client to cut
// the quote itself.
void parseMessagePart(const Element &data, Message &m)
{
    const Element *part = knownChild(data, tag::AirSyncBase::BodyPart);
    if (!part || part->childInt(tag::AirSyncBase::Status, 1) != 1 || part->childInt(tag::AirSyncBase::Type, 2) != 2)
        return;
    m.messagePart = part->childData(tag::AirSyncBase::Data);
    if (const Element *t = knownChild(*part, tag::AirSyncBase::Truncated))
        m.messagePartTruncated = t->data().trimmed() == "1";
}

void parseBody(const Element &data, Message &m)
{
    parseMessagePart(data, m);
    if (const Element *body = knownChild(data, tag::AirSyncBase::Body)) {
        m.bodyType = bodyTypeFrom(body->childInt(tag::AirSyncBase::Type));
        m.body = body->childData(tag::AirSyncBase::Data);
        if (const Element *t = knownChild(*body, tag::AirSyncBase::Truncated))
            m.bodyTruncated = t->data().trimmed() == "1";
        if (const Element *s = knownChild(*body, tag::AirSyncBase::EstimatedDataSize))
            m.bodyEstimatedSize = readInt64(*s, 0);
        m.preview = body->childText(tag::AirSyncBase::Preview);
        return;
    }
    // 12.x and older: plain-text email:Body with BodyTruncated/BodySize beside it.
    if (const Element *body = knownChild(data, tag::Email::Body)) {
        m.bodyType = BodyType::PlainText;
        m.body = body->data();
        if (const Element *t = knownChild(data, tag::Email::BodyTruncated))
            m.bodyTruncated = t->data().trimmed() == "1";
        if (const Element *s = knownChild(data, tag::Email::BodySize))
            m.bodyEstimatedSize = readInt64(*s, m.body.size());
        else
            m.bodyEstimatedSize = m.body.size();
    }
}

EmailParseResult parseEmailChecked(const Element &data, const QString &serverId,
                                   const QString &folderId)
{
    EmailParseResult result;
    Message &m = result.message;
    m.serverId = serverId;
    m.folderId = folderId;
    parseAddresses(data, m);
    m.subject = data.childText(tag::Email::Subject);
    m.threadTopic = data.childText(tag::Email::ThreadTopic);
    m.messageClass = data.childText(tag::Email::MessageClass);
    const int importance = data.childInt(tag::Email::Importance, 1);
    m.importance = importance >= 0 && importance <= 2 ? importance : 1;
    if (const Element *read = knownChild(data, tag::Email::Read))
        m.read = read->data().trimmed() == "1";
    if (const Element *flag = knownChild(data, tag::Email::Flag))
        m.flag = parseFlag(*flag);
    parseBody(data, m);
    parseAttachments(data, m);
    parseConversation(data, m);
    result.problem = parseDateReceived(data, m);
    return result;
}

Message parseEmail(const Element &data, const QString &serverId, const QString &folderId)
{
    return parseEmailChecked(data, serverId, folderId).message;
}

EmailChangeParseResult parseEmailChange(const Element &data, const QString &serverId,
                                        const QString &folderId)
{
    EmailChangeParseResult result;
    MessageChange &change = result.change;
    change.serverId = serverId;
    bool hasMore = false;
    for (const Element &c : data.children()) {
        if (!c.isKnown())
            continue;
        if (c.is(tag::Email::Read))
            change.read = c.data().trimmed() == "1";
        else if (c.is(tag::Email::Flag))
            change.flag = parseFlag(c);
        else if (isMessageField(c.tag()))
            hasMore = true;
        // Categories, LastVerbExecuted, ... are not modelled: no reason for a full update.
    }
    if (hasMore) {
        EmailParseResult full = parseEmailChecked(data, serverId, folderId);
        result.problem = full.problem;
        change.full = full.message;
    }
    return result;
}

} // namespace skein::eas
