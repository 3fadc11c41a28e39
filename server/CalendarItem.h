#pragma once

#include "EmailSerializer.h"

namespace skein::server {

// 20260615T120000Z: calendar times are the compact ISO 8601 form ([MS-ASCAL]).
QString calendarDate(qint64 msSinceEpoch);

// The calendar: properties of one item ([MS-ASCAL] order: TimeZone, DtStamp,
// StartTime, Subject, UID, organizer, Location, EndTime, Sensitivity,
// BusyStatus, AllDayEvent, Reminder, MeetingStatus). Nothing of email and no
// email2:ConversationId/ConversationIndex: calendar items belong to no
// conversation ([MS-ASCON]: the element is absent then). From 16.0 the
// location is airsyncbase:Location/DisplayName, before calendar:Location.
void appendCalendarItem(wbxml::Element &target, const MessageRow &item, const CalendarDetails &details, int version);

// ApplicationData (or Properties) of an item as its folder holds it: a
// calendar item in a Calendar folder, an email everywhere else.
void appendItemData(wbxml::Element &target, ServerStore &store, int folderType, const MessageRow &item,
                    const BodyOptions &body, const SerializeOptions &options);

// airsync:Class of the items of a folder of that type.
const char *itemClass(int folderType);

} // namespace skein::server
