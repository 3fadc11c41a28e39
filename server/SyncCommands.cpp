#include "SyncCommands.h"

#include "CalendarItem.h"
#include "DraftCommands.h"
#include "ElementBlob.h"

#include <EasTags.h>

namespace skein::server {

namespace tag = wbxml::tag;

qint64 messageIdFromServerId(const QString &serverId, qint64 folderId)
{
    const int colon = serverId.indexOf(QLatin1Char(':'));
    if (colon <= 0)
        return 0;
    bool okFolder = false, okItem = false;
    const qint64 f = serverId.left(colon).toLongLong(&okFolder);
    const qint64 m = serverId.mid(colon + 1).toLongLong(&okItem);
    return okFolder && okItem && f == folderId ? m : 0;
}

QString serverIdFor(qint64 folderId, qint64 messageId)
{
    return QStringLiteral("%1:%2").arg(folderId).arg(messageId);
}

QString longIdFor(qint64 folderId, qint64 messageId)
{
    return serverIdFor(folderId, messageId);
}

std::optional<MessageRow> messageForLongId(ServerStore &store, qint64 userId, const QString &longId)
{
    bool ok = false;
    const qint64 id = longId.section(QLatin1Char(':'), -1).toLongLong(&ok);
    return ok && id > 0 ? store.mail().message(userId, id) : std::nullopt;
}

int SyncCommands::validateFlag(const wbxml::Element &flag, QByteArray *blob)
{
    blob->clear();
    if (flag.children().empty())
        return 1; // <Flag/> clears
    const wbxml::Element *status = flag.child(tag::Email::FlagStatus);
    if (!status)
        return 6;
    const QString s = status->text().trimmed();
    if (s == QLatin1String("0"))
        return 1;
    auto date = [&](wbxml::Tag t, QDateTime *out) {
        const wbxml::Element *e = flag.child(t);
        if (!e)
            return false;
        *out = eas::parseEasDate(e->text().trimmed());
        return true;
    };
    if (s == QLatin1String("2")) {
        if (flag.childText(tag::Email::FlagType).trimmed().isEmpty())
            return 6;
        QDateTime start, utcStart, due, utcDue;
        const int present = int(date(tag::Tasks::StartDate, &start)) + int(date(tag::Tasks::UtcStartDate, &utcStart))
            + int(date(tag::Tasks::DueDate, &due)) + int(date(tag::Tasks::UtcDueDate, &utcDue));
        if (present != 0 && present != 4)
            return 6;
        if (present == 4) {
            if (!start.isValid() || !utcStart.isValid() || !due.isValid() || !utcDue.isValid())
                return 6;
            if (start > due || utcStart > utcDue)
                return 6;
        }
        if (const auto *rs = flag.child(tag::Tasks::ReminderSet)) {
            const QString v = rs->text().trimmed();
            if (v != QLatin1String("0") && v != QLatin1String("1"))
                return 6;
        }
        QDateTime reminder;
        if (date(tag::Tasks::ReminderTime, &reminder) && !reminder.isValid())
            return 6;
    } else if (s == QLatin1String("1")) {
        QDateTime complete, completed;
        if (!date(tag::Email::CompleteTime, &complete) || !date(tag::Tasks::DateCompleted, &completed))
            return 6;
        if (!complete.isValid() || !completed.isValid())
            return 6;
    } else {
        return 6;
    }
    *blob = elementToBlob(flag);
    return 1;
}

std::optional<MessageRow> SyncCommands::findInFolder(const QString &serverId)
{
    const qint64 id = messageIdFromServerId(serverId, m_folder.id);
    if (id == 0)
        return std::nullopt;
    auto m = m_ctx.store.mail().message(m_request.user.id, id, false);
    if (!m || m->folderId != m_folder.id)
        return std::nullopt;
    return m;
}

int SyncCommands::change(const wbxml::Element &item)
{
    auto m = findInFolder(item.childText(tag::AirSync::ServerId).trimmed());
    if (!m)
        return 8;
    const wbxml::Element *data = item.child(tag::AirSync::ApplicationData);
    if (!data)
        return 6;
    if (DraftCommands::accepts(m_request, m_folder) && DraftCommands::isDraftChange(*data))
        return DraftCommands(m_ctx, m_request, m_folder, m_stateId).change(*m, *data);
    std::optional<bool> read;
    std::optional<QByteArray> flagBlob;
    for (const wbxml::Element &c : data->children()) {
        if (c.is(tag::Email::Read)) {
            const QString v = c.text().trimmed();
            if (v != QLatin1String("0") && v != QLatin1String("1"))
                return 6;
            read = v == QLatin1String("1");
        } else if (c.is(tag::Email::Flag)) {
            QByteArray blob;
            if (validateFlag(c, &blob) != 1)
                return 6;
            flagBlob = blob;
        } else if (c.is(tag::Email::Categories)) {
            // accepted and ignored: the reference store keeps no categories
        } else {
            return 6; // e.g. email2:ConversationId or Subject in a Change
        }
    }
    if (read)
        m_ctx.store.mail().setRead(m->id, *read);
    if (flagBlob)
        m_ctx.store.mail().setFlag(m->id, *flagBlob);
    recordOwnChange(m->id, read.has_value(), flagBlob.has_value());
    return 1;
}

// The device already has what it changed itself, and only that: whatever
// another device changed meanwhile (a flag set while this one marked the
// message read) stays as this device was last told, so the next Sync still
// sends it. A message the device was never told about gets no entry: it
// still comes as an Add, in its current state.
void SyncCommands::recordOwnChange(qint64 messageId, bool readSent, bool flagSent)
{
    auto told = m_ctx.store.syncStates().snapshotEntry(m_stateId, messageId);
    const auto now = m_ctx.store.mail().message(m_request.user.id, messageId, false);
    if (!told || !now)
        return;
    if (readSent)
        told->read = now->read;
    if (flagSent)
        told->flagRev = now->flagRev;
    m_ctx.store.syncStates().snapshotPut(m_stateId, messageId, *told);
}

int SyncCommands::remove(const wbxml::Element &item, bool deletesAsMoves)
{
    auto m = findInFolder(item.childText(tag::AirSync::ServerId).trimmed());
    if (!m)
        return 8;
    const auto trash = m_ctx.store.hierarchy().folderByType(m_request.user.id, FolderType::DeletedItems);
    if (deletesAsMoves && trash && trash->id != m_folder.id)
        m_ctx.store.mail().moveMessage(m->id, trash->id);
    else
        m_ctx.store.mail().deleteMessage(m->id);
    m_ctx.store.syncStates().snapshotRemove(m_stateId, m->id);
    return 1;
}

void SyncCommands::run(const wbxml::Element &commands, bool deletesAsMoves, const BodyOptions &body,
                       wbxml::Element &responses)
{
    for (const wbxml::Element &item : commands.children()) {
        const QString serverId = item.childText(tag::AirSync::ServerId);
        if (item.is(tag::AirSync::Change)) {
            const int status = change(item);
            if (status != 1) {
                auto &r = responses.add(tag::AirSync::Change);
                r.add(tag::AirSync::ServerId, serverId);
                r.add(tag::AirSync::Status, qint64(status));
            }
        } else if (item.is(tag::AirSync::Delete)) {
            const int status = remove(item, deletesAsMoves);
            if (status != 1) {
                auto &r = responses.add(tag::AirSync::Delete);
                r.add(tag::AirSync::ServerId, serverId);
                r.add(tag::AirSync::Status, qint64(status));
            }
        } else if (item.is(tag::AirSync::Fetch)) {
            auto &r = responses.add(tag::AirSync::Fetch);
            r.add(tag::AirSync::ServerId, serverId);
            auto m = findInFolder(serverId.trimmed());
            if (!m) {
                r.add(tag::AirSync::Status, "8");
                continue;
            }
            m->attachments = m_ctx.store.mail().attachments(m->id);
            r.add(tag::AirSync::Status, "1");
            appendItemData(r.add(tag::AirSync::ApplicationData), m_ctx.store, m_folder.type, *m, body,
                           serializeOptions(m_ctx, m_request));
        } else if (item.is(tag::AirSync::Add)) {
            // Mail items cannot be created through Sync (SendMail does that),
            // except drafts in Drafts from 16.0 on.
            auto &r = responses.add(tag::AirSync::Add);
            r.add(tag::AirSync::ClientId, item.childText(tag::AirSync::ClientId));
            QString newServerId;
            const int status = DraftCommands::accepts(m_request, m_folder)
                ? DraftCommands(m_ctx, m_request, m_folder, m_stateId).add(item, &newServerId)
                : 6;
            if (status == 1)
                r.add(tag::AirSync::ServerId, newServerId);
            r.add(tag::AirSync::Status, qint64(status));
        }
    }
}

} // namespace skein::server
