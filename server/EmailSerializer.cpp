#include "EmailSerializer.h"

#include "EasRequest.h"
#include "ElementBlob.h"
#include "MessagePart.h"
#include "MimeWriter.h"
#include "ServerContext.h"

#include <EasTags.h>

#include <QRegularExpression>
#include <QSet>

namespace skein::server {

namespace tag = wbxml::tag;

namespace {

// One BodyPreference or BodyPartPreference: Type, TruncationSize, AllOrNone,
// Preview. Bad numbers clear *ok; the Type is returned as sent.
BodyPreference parsePreference(const wbxml::Element &pref, bool *ok)
{
    BodyPreference p;
    bool number = false;
    p.type = pref.childText(tag::AirSyncBase::Type).toInt(&number);
    if (!number)
        *ok = false;
    if (const auto *t = pref.child(tag::AirSyncBase::TruncationSize)) {
        const qint64 n = t->text().toLongLong(&number);
        if (!number || n < 0)
            *ok = false;
        else
            p.truncationSize = n;
    }
    if (const auto *a = pref.child(tag::AirSyncBase::AllOrNone))
        p.allOrNone = a->text().trimmed() == QLatin1String("1");
    if (const auto *pv = pref.child(tag::AirSyncBase::Preview)) {
        const int n = pv->text().toInt(&number);
        if (!number || n < 0 || n > 255)
            *ok = false;
        else
            p.preview = n;
    }
    return p;
}

} // namespace

BodyOptions parseBodyOptions(const wbxml::Element *options, int version)
{
    BodyOptions out;
    if (!options)
        return out;
    QSet<int> seen;
    for (const wbxml::Element *pref : options->all(tag::AirSyncBase::BodyPreference)) {
        const BodyPreference p = parsePreference(*pref, &out.valid);
        if (p.type < 1 || p.type > 4 || seen.contains(p.type))
            out.valid = false;
        seen.insert(p.type);
        out.preferences.append(p);
    }
    if (version >= 141) {
        // Only HTML exists, so a second BodyPartPreference can only repeat it.
        const auto parts = options->all(tag::AirSyncBase::BodyPartPreference);
        if (parts.size() > 1)
            out.valid = false;
        if (!parts.isEmpty()) {
            out.partPreference = parsePreference(*parts.first(), &out.valid);
            out.partTypeUnsupported = out.partPreference->type != 2;
        }
    }
    if (const auto *mime = options->child(tag::AirSync::MIMESupport)) {
        bool ok = false;
        out.mimeSupport = mime->text().trimmed().toInt(&ok);
        if (!ok || out.mimeSupport < 0 || out.mimeSupport > 2)
            out.valid = false;
    }
    return out;
}

QString htmlToText(const QString &html)
{
    QString s = html;
    static const QRegularExpression dropBlocks(QStringLiteral("<(style|script|head)[^>]*>.*?</\\1>"),
                                               QRegularExpression::CaseInsensitiveOption
                                                   | QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression breaks(QStringLiteral("<(br|/p|/div|/li|/tr|/h[1-6])[^>]*>"),
                                           QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression tags(QStringLiteral("<[^>]*>"));
    static const QRegularExpression blankLines(QStringLiteral("\\n{3,}"));
    s.remove(dropBlocks);
    s.replace(breaks, QStringLiteral("\n"));
    s.remove(tags);
    s.replace(QLatin1String("&nbsp;"), QLatin1String(" "));
    s.replace(QLatin1String("&lt;"), QLatin1String("<"));
    s.replace(QLatin1String("&gt;"), QLatin1String(">"));
    s.replace(QLatin1String("&quot;"), QLatin1String("\""));
    s.replace(QLatin1String("&#39;"), QLatin1String("'"));
    s.replace(QLatin1String("&amp;"), QLatin1String("&"));
    s.replace(blankLines, QStringLiteral("\n\n"));
    return s.trimmed();
}

QString plainTextToHtml(const QString &text)
{
    QString escaped = text.toHtmlEscaped();
    escaped.replace(QLatin1Char('\n'), QLatin1String("<br>\n"));
    return QStringLiteral("<html><body>%1</body></html>").arg(escaped);
}

QString bodyAsHtml(const MessageRow &m)
{
    return m.bodyType == 2 ? m.body : plainTextToHtml(m.body);
}

QByteArray truncateUtf8(const QByteArray &utf8, qint64 limit)
{
    if (utf8.size() <= limit)
        return utf8;
    qint64 n = limit;
    while (n > 0 && (quint8(utf8.at(n)) & 0xC0) == 0x80)
        --n;
    return utf8.left(n);
}

namespace {

QString plainText(const MessageRow &m)
{
    return m.bodyType == 2 ? htmlToText(m.body) : m.body;
}

QString preview(const MessageRow &m, int chars)
{
    QString text = plainText(m).simplified();
    return text.left(chars);
}

// The preference the server honours: MIME (Type 4) when requested and
// MIMESupport allows it, else the native type if requested, else HTML, else
// plain text (RTF is not produced; it falls back to text). MIMESupport 1
// means MIME for S/MIME messages only, and the server stores none.
BodyPreference choose(const MessageRow &m, const BodyOptions &opts, bool mimeAvailable)
{
    if (opts.preferences.isEmpty())
        return BodyPreference{};
    if (mimeAvailable && opts.mimeSupport == 2) {
        for (const auto &p : opts.preferences)
            if (p.type == 4)
                return p;
    }
    for (const auto &p : opts.preferences)
        if (p.type == m.bodyType)
            return p;
    for (const auto &p : opts.preferences)
        if (p.type == 2)
            return p;
    for (const auto &p : opts.preferences)
        if (p.type == 1)
            return p;
    BodyPreference fallback = opts.preferences.first();
    fallback.type = 1;
    return fallback;
}

// The bytes of the body in the chosen type, before truncation.
QByteArray bodyBytes(const MessageRow &m, int type, const SerializeOptions &o)
{
    if (type == 4)
        return o.mime(m); // MIME is ASCII-safe: truncation may cut anywhere
    return (type == 2 ? bodyAsHtml(m) : plainText(m)).toUtf8();
}

} // namespace

void appendBody(wbxml::Element &target, const MessageRow &m, const BodyOptions &opts, const SerializeOptions &o)
{
    const int version = o.version;
    const bool includeData = o.includeBody;
    const BodyPreference pref = choose(m, opts, bool(o.mime));
    const QByteArray full = bodyBytes(m, pref.type, o);
    auto &body = target.add(tag::AirSyncBase::Body);
    body.add(tag::AirSyncBase::Type, qint64(pref.type));
    body.add(tag::AirSyncBase::EstimatedDataSize, qint64(full.size()));
    if (includeData) {
        const bool over = pref.truncationSize && full.size() > *pref.truncationSize;
        if (over && pref.allOrNone) {
            body.add(tag::AirSyncBase::Truncated, "1");
        } else {
            const QByteArray data = over ? truncateUtf8(full, *pref.truncationSize) : full;
            body.add(tag::AirSyncBase::Truncated, over ? "1" : "0");
            body.add(tag::AirSyncBase::Data, data);
        }
    } else {
        body.add(tag::AirSyncBase::Truncated, "1");
    }
    if (version >= 140 && pref.preview && *pref.preview > 0)
        body.add(tag::AirSyncBase::Preview, preview(m, *pref.preview));
}

SerializeOptions serializeOptions(ServerContext &ctx, const EasRequest &request, bool includeBody)
{
    SerializeOptions o;
    o.version = request.version;
    o.includeBody = includeBody;
    o.conversationIndex = ctx.quirks.sendConversationIndex;
    ServerStore *store = &ctx.store;
    o.mime = [store](const MessageRow &m) { return messageMime(*store, m); };
    return o;
}

void appendFlag(wbxml::Element &target, const MessageRow &m)
{
    auto flag = elementFromBlob(m.flag);
    if (flag && flag->is(tag::Email::Flag))
        target.children().push_back(std::move(*flag));
    else
        target.add(tag::Email::Flag);
}

void appendEmail(wbxml::Element &t, const MessageRow &m, const BodyOptions &body,
                 const SerializeOptions &o)
{
    t.add(tag::Email::To, m.to);
    if (!m.cc.isEmpty())
        t.add(tag::Email::Cc, m.cc);
    t.add(tag::Email::From, m.from);
    t.add(tag::Email::Subject, m.subject);
    t.add(tag::Email::DateReceived, easDate(m.receivedMs));
    t.add(tag::Email::DisplayTo, m.displayTo);
    t.add(tag::Email::ThreadTopic, m.threadTopic);
    t.add(tag::Email::Importance, qint64(m.importance));
    t.add(tag::Email::Read, m.read ? "1" : "0");
    // airsyncbase:Attachments at every version served (12.0 and later; the
    // email:Attachments form is 2.5's). FileReference is also the 12.x
    // GetAttachment AttachmentName: docs/protocol.md.
    if (!m.attachments.isEmpty()) {
        auto &atts = t.add(tag::AirSyncBase::Attachments);
        for (const auto &a : m.attachments) {
            auto &att = atts.add(tag::AirSyncBase::Attachment);
            att.add(tag::AirSyncBase::DisplayName, a.name);
            att.add(tag::AirSyncBase::FileReference, QStringLiteral("att:%1").arg(a.id));
            att.add(tag::AirSyncBase::Method, "1");
            att.add(tag::AirSyncBase::EstimatedDataSize, qint64(a.data.size()));
            // The two let a client show the part where the HTML says cid:.
            if (!a.contentId.isEmpty())
                att.add(tag::AirSyncBase::ContentId, a.contentId);
            if (a.isInline)
                att.add(tag::AirSyncBase::IsInline, "1");
        }
    }
    if (body.wantsBody())
        appendBody(t, m, body, o);
    if (body.partPreference)
        appendBodyPart(t, m, *body.partPreference);
    t.add(tag::Email::MessageClass, "IPM.Note");
    t.add(tag::Email::InternetCPID, "65001");
    appendFlag(t, m);
    t.add(tag::Email::ContentClass, "urn:content-classes:message");
    t.add(tag::AirSyncBase::NativeBodyType, qint64(m.bodyType));
    if (o.version >= 140) {
        if (!m.conversationId.isEmpty())
            t.addOpaque(tag::Email2::ConversationId, m.conversationId);
        if (o.conversationIndex && !m.conversationIndex.isEmpty())
            t.addOpaque(tag::Email2::ConversationIndex, m.conversationIndex);
    }
}

} // namespace skein::server
