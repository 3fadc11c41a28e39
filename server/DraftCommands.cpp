#include "DraftCommands.h"

#include "ConversationThreading.h"
#include "SyncCommands.h"

#include <EasTags.h>

#include <QDateTime>

namespace skein::server {

namespace tag = wbxml::tag;

namespace {

// [MS-ASCMD] 2.2.3.27.4: the ClientId is at most 64 characters.
constexpr int kMaxClientId = 64;

} // namespace

bool DraftCommands::accepts(const EasRequest &request, const FolderRow &folder)
{
    return request.version >= 160 && folder.type == FolderType::Drafts;
}

bool DraftCommands::isDraftChange(const wbxml::Element &data)
{
    for (const wbxml::Element &c : data.children())
        if (!c.is(tag::Email::Read) && !c.is(tag::Email::Flag) && !c.is(tag::Email::Categories))
            return true;
    return false;
}

int DraftCommands::readFields(const wbxml::Element &data, MessageRow *row, QString *bcc)
{
    for (const wbxml::Element &c : data.children()) {
        if (c.is(tag::Email::To)) {
            row->to = c.text();
        } else if (c.is(tag::Email::Cc)) {
            row->cc = c.text();
        } else if (c.is(tag::Email2::Bcc)) {
            *bcc = c.text();
        } else if (c.is(tag::Email::Subject)) {
            row->subject = c.text();
        } else if (c.is(tag::Email::Importance)) {
            bool ok = false;
            const int importance = c.text().trimmed().toInt(&ok);
            if (!ok || importance < 0 || importance > 2)
                return 6;
            row->importance = importance;
        } else if (c.is(tag::AirSyncBase::Body)) {
            bool ok = false;
            const int type = c.childText(tag::AirSyncBase::Type).trimmed().toInt(&ok);
            if (!ok || (type != 1 && type != 2))
                return 6; // RTF and MIME drafts are not taken
            row->bodyType = type;
            row->body = c.childText(tag::AirSyncBase::Data);
        } else if (c.is(tag::Email::Read) || c.is(tag::Email::Flag) || c.is(tag::Email::Categories)
                   || c.is(tag::Email2::IsDraft)) {
            // Read/Flag of a draft mean nothing; IsDraft is implied by the folder.
        } else if (c.is(tag::AirSyncBase::Attachments)) {
            // Text only: the draft is kept without the files (docs/protocol.md "Drafts").
        } else {
            return 6;
        }
    }
    row->displayTo = row->to;
    row->threadTopic = threading::topicOf(row->subject);
    row->receivedMs = m_ctx.nowMs();
    return 1;
}

int DraftCommands::add(const wbxml::Element &item, QString *serverId)
{
    const QString clientId = item.childText(tag::AirSync::ClientId).trimmed();
    const wbxml::Element *data = item.child(tag::AirSync::ApplicationData);
    if (clientId.isEmpty() || clientId.size() > kMaxClientId || !data)
        return 6;
    if (const qint64 existing = m_ctx.store.outgoing().draftByClientId(m_request.user.id, clientId)) {
        const auto message = m_ctx.store.mail().message(m_request.user.id, existing, false);
        if (message && message->folderId == m_folder.id) {
            const int status = change(*message, *data);
            if (status == 1)
                *serverId = serverIdFor(m_folder.id, existing);
            return status;
        }
    }
    MessageRow row;
    row.userId = m_request.user.id;
    row.folderId = m_folder.id;
    row.from = m_request.user.email;
    row.read = true;
    QString bcc;
    if (const int status = readFields(*data, &row, &bcc); status != 1)
        return status;
    row.conversationId = threading::newConversationId();
    row.conversationIndex = threading::rootIndex(QDateTime::fromMSecsSinceEpoch(row.receivedMs, Qt::UTC));
    if (!m_ctx.store.mail().insertMessage(row) || !m_ctx.store.outgoing().rememberDraft(row.userId, clientId, row.id, bcc))
        return 5; // server error
    // The device that added it has it: its own next Sync sends no Add.
    m_ctx.store.syncStates().snapshotPut(m_stateId, row.id, SnapshotEntry{row.read, row.flagRev});
    *serverId = serverIdFor(m_folder.id, row.id);
    return 1;
}

int DraftCommands::change(const MessageRow &message, const wbxml::Element &data)
{
    MessageRow row = message;
    QString bcc = m_ctx.store.outgoing().draftBcc(message.id);
    if (const int status = readFields(data, &row, &bcc); status != 1)
        return status;
    if (!m_ctx.store.outgoing().updateDraft(row, bcc))
        return 5;
    retellOtherDevices(row.id);
    return 1;
}

void DraftCommands::retellOtherDevices(qint64 messageId)
{
    m_ctx.store.syncStates().forgetSnapshotsExcept(messageId, m_stateId);
}

} // namespace skein::server
