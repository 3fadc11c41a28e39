// Drafts of other devices (issue 11): messages synced into the Drafts
// folder that no local draft is, and turning one into a local draft so the
// composer can continue it.

#include "DraftTypes.h"
#include "JoinedTransaction.h"
#include "StoreRows.h"

#include <QRegularExpression>
#include <QSet>

namespace skein {

QList<Message> DraftStore::serverOnlyDrafts() const
{
    const std::optional<Folder> folder = m_store.folderStore().folderOfType(FolderType::Drafts);
    if (!folder)
        return {};
    QSet<QString> local;
    for (const DraftEntry &e : drafts())
        if (!e.serverId.isEmpty())
            local.insert(e.serverId);
    QList<Message> result;
    for (const Message &m : m_store.messageStore().messagesInFolder(folder->serverId))
        if (!local.contains(m.serverId))
            result.append(m);
    return result;
}

std::optional<DraftEntry> DraftStore::importServerDraft(qint64 messageId)
{
    const std::optional<Message> m = m_store.messageStore().messageById(messageId);
    const std::optional<Folder> folder = m_store.folderStore().folderOfType(FolderType::Drafts);
    if (!m || !folder || m->folderId != folder->serverId) {
        m_db.failWith(QStringLiteral("Message %1 is not a draft in the Drafts folder.").arg(messageId));
        return std::nullopt;
    }
    for (const DraftEntry &e : drafts())
        if (e.serverId == m->serverId)
            return e;
    DraftEntry e;
    const auto split = [](const QString &list) {
        QStringList out;
        for (const QString &a : list.split(QLatin1Char(','), Qt::SkipEmptyParts))
            out.append(a.trimmed());
        return out;
    };
    e.to = split(m->to);
    e.cc = split(m->cc);
    e.subject = m->subject;
    e.importance = m->importance;
    const QString body = QString::fromUtf8(m->body);
    if (m->bodyType == BodyType::Html) {
        e.htmlBody = body;
        e.plainBody = QString(body).remove(QRegularExpression(QStringLiteral("<[^>]*>"))).trimmed();
    } else {
        e.plainBody = m->bodyType == BodyType::PlainText ? body : m->preview;
    }
    auto transaction = m_db.join();
    const qint64 id = saveDraft(e);
    if (id == 0)
        return std::nullopt;
    // What came from the server is on the server: nothing to upload until
    // the user changes it.
    auto q = m_db.prepare("UPDATE drafts SET server_id = :server, uploaded_revision = revision WHERE id = :id");
    if (!q.isValid())
        return std::nullopt;
    q.bind(":server", m->serverId);
    q.bind(":id", id);
    if (!m_db.check(q.step(), QStringLiteral("importing draft %1").arg(m->serverId)) || !transaction.commit())
        return std::nullopt;
    return draft(id);
}

} // namespace skein
