#include "CalendarItem.h"

#include <EasTags.h>

#include <QDateTime>
#include <QRegularExpression>

namespace skein::server {

namespace tag = wbxml::tag;

namespace {

// TIME_ZONE_INFORMATION (172 bytes) all zero: UTC, no daylight saving. The
// times are UTC anyway; the zone only tells a client how to show them.
QByteArray utcTimeZone()
{
    return QByteArray(172, '\0').toBase64();
}

// "Name" <addr> as the store keeps senders: the name and the address apart.
std::pair<QString, QString> organizer(const QString &from)
{
    static const QRegularExpression form(QStringLiteral(R"re(^\s*"?([^"<]*?)"?\s*<([^>]+)>\s*$)re"));
    const QRegularExpressionMatch m = form.match(from);
    if (!m.hasMatch())
        return {QString(), from.trimmed()};
    return {m.captured(1).trimmed(), m.captured(2).trimmed()};
}

} // namespace

QString calendarDate(qint64 msSinceEpoch)
{
    return QDateTime::fromMSecsSinceEpoch(msSinceEpoch, Qt::UTC).toString(QStringLiteral("yyyyMMddTHHmmssZ"));
}

void appendCalendarItem(wbxml::Element &t, const MessageRow &m, const CalendarDetails &d, int version)
{
    const auto [name, address] = organizer(m.from);
    t.add(tag::Calendar::TimeZone, utcTimeZone());
    t.add(tag::Calendar::DtStamp, calendarDate(d.stampMs));
    t.add(tag::Calendar::StartTime, calendarDate(m.receivedMs));
    t.add(tag::Calendar::Subject, m.subject);
    t.add(tag::Calendar::UID, d.uid);
    if (!name.isEmpty())
        t.add(tag::Calendar::OrganizerName, name);
    t.add(tag::Calendar::OrganizerEmail, address);
    if (!d.location.isEmpty()) {
        if (version >= 160)
            t.add(tag::AirSyncBase::Location).add(tag::AirSyncBase::DisplayName, d.location);
        else
            t.add(tag::Calendar::Location, d.location);
    }
    t.add(tag::Calendar::EndTime, calendarDate(d.endMs));
    t.add(tag::Calendar::Sensitivity, "0");
    t.add(tag::Calendar::BusyStatus, "2");
    t.add(tag::Calendar::AllDayEvent, "0");
    t.add(tag::Calendar::Reminder, "15");
    t.add(tag::Calendar::MeetingStatus, "0");
}

void appendItemData(wbxml::Element &target, ServerStore &store, int folderType, const MessageRow &m,
                    const BodyOptions &body, const SerializeOptions &o)
{
    if (folderType != FolderType::Calendar)
        return appendEmail(target, m, body, o);
    // A mail message moved into the calendar has no details: it shows as an
    // appointment at its date, an hour long.
    const CalendarDetails details = store.mail().calendarDetails(m.id).value_or(
        CalendarDetails{m.receivedMs + 3600 * 1000, m.receivedMs, QString(), m.internetMessageId});
    appendCalendarItem(target, m, details, o.version);
}

const char *itemClass(int folderType)
{
    return folderType == FolderType::Calendar ? "Calendar" : "Email";
}

} // namespace skein::server
