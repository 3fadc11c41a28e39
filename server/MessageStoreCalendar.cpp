// MessageStore: calendar items (the demo mailbox's Calendar folder).
#include "MessageStore.h"

#include "SqlStatement.h"

namespace skein::server {

qint64 MessageStore::insertCalendarItem(MessageRow &row, const CalendarDetails &details)
{
    row.conversationId.clear();
    row.conversationIndex.clear();
    if (!insertMessage(row))
        return 0;
    SqlStatement q(m_db, "INSERT OR REPLACE INTO calendar_items(message_id, end_time, stamp, location, uid) "
                         "VALUES(?,?,?,?,?)");
    q.bind(1, row.id).bind(2, details.endMs).bind(3, details.stampMs).bind(4, details.location).bind(5, details.uid);
    return q.run() ? row.id : 0;
}

std::optional<CalendarDetails> MessageStore::calendarDetails(qint64 messageId)
{
    SqlStatement q(m_db, "SELECT end_time, stamp, location, uid FROM calendar_items WHERE message_id=?");
    q.bind(1, messageId);
    if (!q.next())
        return std::nullopt;
    return CalendarDetails{q.integer(0), q.integer(1), q.text(2), q.text(3)};
}

} // namespace skein::server
