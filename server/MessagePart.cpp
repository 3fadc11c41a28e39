#include "MessagePart.h"

#include <EasTags.h>
#include <QuotedText.h>

namespace skein::server {

namespace tag = wbxml::tag;

QString messagePartHtml(const MessageRow &m)
{
    if (m.bodyType == 2)
        return splitQuotedHtml(m.body).newText;
    return plainTextToHtml(splitQuotedPlainText(m.body).newText);
}

void appendBodyPart(wbxml::Element &target, const MessageRow &m, const BodyPreference &pref)
{
    const QString html = messagePartHtml(m);
    const QByteArray full = html.toUtf8();
    auto &part = target.add(tag::AirSyncBase::BodyPart);
    part.add(tag::AirSyncBase::Status, "1");
    part.add(tag::AirSyncBase::Type, "2");
    part.add(tag::AirSyncBase::EstimatedDataSize, qint64(full.size()));
    const bool over = pref.truncationSize && full.size() > *pref.truncationSize;
    if (over)
        part.add(tag::AirSyncBase::Truncated, "1");
    if (!over || !pref.allOrNone)
        part.add(tag::AirSyncBase::Data, over ? truncateUtf8(full, *pref.truncationSize) : full);
    if (pref.preview && *pref.preview > 0)
        part.add(tag::AirSyncBase::Preview, htmlToText(html).simplified().left(*pref.preview));
}

} // namespace skein::server
