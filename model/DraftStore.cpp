// Drafts (migration 11; DraftTypes.h): what the composer saves every few
// seconds, and what the engine uploads to the server's Drafts folder at 16.0+.

#include "DraftTypes.h"
#include "JoinedTransaction.h"
#include "StoreRows.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QUuid>

namespace skein {

namespace {

QString toJson(const QStringList &list)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(list)).toJson(QJsonDocument::Compact));
}

QStringList listFromJson(const QString &json)
{
    QStringList out;
    for (const QJsonValue &v : QJsonDocument::fromJson(json.toUtf8()).array())
        out.append(v.toString());
    return out;
}

// `source` is the file the user picked; `path` the copy the draft owns.
struct StoredAttachment {
    DraftAttachment attachment;
    QString source;
};

QString attachmentsToJson(const QList<StoredAttachment> &list)
{
    QJsonArray array;
    for (const StoredAttachment &a : list)
        array.append(QJsonObject{{QStringLiteral("path"), a.attachment.path},
                                 {QStringLiteral("source"), a.source},
                                 {QStringLiteral("name"), a.attachment.name},
                                 {QStringLiteral("contentType"), a.attachment.contentType},
                                 {QStringLiteral("size"), a.attachment.size}});
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

QList<StoredAttachment> attachmentsFromJson(const QString &json)
{
    QList<StoredAttachment> out;
    for (const QJsonValue &v : QJsonDocument::fromJson(json.toUtf8()).array()) {
        const QJsonObject o = v.toObject();
        StoredAttachment a;
        a.attachment.path = o.value(QStringLiteral("path")).toString();
        a.attachment.name = o.value(QStringLiteral("name")).toString();
        a.attachment.contentType = o.value(QStringLiteral("contentType")).toString();
        a.attachment.size = o.value(QStringLiteral("size")).toInteger();
        a.source = o.value(QStringLiteral("source")).toString();
        out.append(a);
    }
    return out;
}

#define SKEIN_DRAFT_SELECT                                                                                 \
    "SELECT id, updated, kind, source_message_id, outbox_id, to_addrs, cc_addrs, bcc_addrs, subject, "   \
    "plain_body, html_body, importance, attachments, server_id, revision, uploaded_revision, "            \
    "upload_error, client_id, upload_attempts FROM drafts "

DraftEntry readDraft(const sql::Statement &q)
{
    DraftEntry e;
    e.id = q.int64(0);
    e.updated = q.time(1);
    e.kind = outboxKindFromName(q.text(2)).value_or(OutboxKind::Send);
    e.sourceMessageId = q.int64(3);
    e.outboxId = q.int64(4);
    e.to = listFromJson(q.text(5));
    e.cc = listFromJson(q.text(6));
    e.bcc = listFromJson(q.text(7));
    e.subject = q.text(8);
    e.plainBody = q.text(9);
    e.htmlBody = q.text(10);
    e.importance = q.integer(11);
    for (const StoredAttachment &a : attachmentsFromJson(q.text(12)))
        e.attachments.append(a.attachment);
    e.serverId = q.text(13);
    e.uploaded = q.int64(15) >= q.int64(14);
    e.uploadError = q.text(16);
    return e;
}

bool isInside(const QString &path, const QString &dir)
{
    return !path.isEmpty() && QFileInfo(path).absoluteFilePath().startsWith(dir + QLatin1Char('/'));
}

} // namespace

QString DraftStore::draftFilesDir() const
{
    return QFileInfo(m_db.path()).absoluteDir().filePath(QStringLiteral("drafts"));
}

// Copies each attachment the draft does not own yet into drafts/<id>/ (0600)
// and removes copies the draft no longer lists. A file already copied from
// the same source with the same size is not copied again: the composer saves
// every few seconds with the paths the user picked.
static bool takeAttachmentFiles(const QString &dir, const QList<StoredAttachment> &before,
                                const QList<DraftAttachment> &wanted, QList<StoredAttachment> *after,
                                QString *error)
{
    QDir().mkpath(dir);
    QFile::setPermissions(QFileInfo(dir).absolutePath(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    QFile::setPermissions(dir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    QSet<QString> kept;
    for (const DraftAttachment &w : wanted) {
        StoredAttachment s;
        s.attachment = w;
        if (s.attachment.name.isEmpty())
            s.attachment.name = QFileInfo(w.path).fileName();
        if (isInside(w.path, dir)) {
            s.source = w.path;
            for (const StoredAttachment &b : before)
                if (b.attachment.path == w.path)
                    s.source = b.source;
        } else {
            const QFileInfo original(w.path);
            const auto same = std::find_if(before.begin(), before.end(), [&](const StoredAttachment &b) {
                return b.source == original.absoluteFilePath() && QFileInfo(b.attachment.path).size() == original.size()
                    && !kept.contains(b.attachment.path);
            });
            if (same != before.end()) {
                s.attachment.path = same->attachment.path;
            } else {
                if (!original.isFile()) {
                    *error = QStringLiteral("The attachment %1 cannot be read: it was moved or deleted.").arg(w.path);
                    return false;
                }
                const QString copy = QDir(dir).filePath(QUuid::createUuid().toString(QUuid::WithoutBraces)
                                                        + QLatin1Char('-') + original.fileName());
                if (!QFile::copy(original.absoluteFilePath(), copy)) {
                    *error = QStringLiteral("The attachment %1 could not be copied into the draft.").arg(w.path);
                    return false;
                }
                QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);
                s.attachment.path = copy;
            }
            s.source = original.absoluteFilePath();
            s.attachment.size = QFileInfo(s.attachment.path).size();
        }
        kept.insert(s.attachment.path);
        after->append(s);
    }
    for (const StoredAttachment &b : before)
        if (!kept.contains(b.attachment.path) && isInside(b.attachment.path, dir))
            QFile::remove(b.attachment.path);
    return true;
}

qint64 DraftStore::saveDraft(const DraftEntry &draft)
{
    auto transaction = m_db.join();
    if (!transaction.isActive()) {
        m_db.fail(QStringLiteral("saving a draft"));
        return 0;
    }
    qint64 id = draft.id;
    QList<StoredAttachment> before;
    if (id == 0) {
        auto q = m_db.prepare("INSERT INTO drafts (updated, client_id) VALUES (:updated, :client) RETURNING id");
        if (!q.isValid())
            return 0;
        q.bindTime(":updated", QDateTime::currentDateTimeUtc());
        // [MS-ASCMD] 2.2.3.27.4: at most 64 characters; a UUID is 36.
        q.bind(":client", QUuid::createUuid().toString(QUuid::WithoutBraces));
        if (q.step() != SQLITE_ROW) {
            m_db.fail(QStringLiteral("saving a new draft"));
            return 0;
        }
        id = q.int64(0);
        q.step();
    } else {
        auto q = m_db.prepare("SELECT attachments FROM drafts WHERE id = :id");
        if (!q.isValid())
            return 0;
        q.bind(":id", id);
        if (q.step() != SQLITE_ROW) {
            m_db.failWith(QStringLiteral("There is no draft %1; it may have been sent or deleted.").arg(id));
            return 0;
        }
        before = attachmentsFromJson(q.text(0));
    }
    QList<StoredAttachment> after;
    QString error;
    const QString dir = QDir(draftFilesDir()).filePath(QString::number(id));
    if (!takeAttachmentFiles(dir, before, draft.attachments, &after, &error)) {
        m_db.failWith(error);
        return 0;
    }
    auto q = m_db.prepare("UPDATE drafts SET updated = :updated, kind = :kind, source_message_id = :source, "
                        "outbox_id = :outbox, to_addrs = :to, cc_addrs = :cc, bcc_addrs = :bcc, subject = :subject, "
                        "plain_body = :plain, html_body = :html, importance = :importance, "
                        "attachments = :attachments, revision = revision + 1 WHERE id = :id");
    if (!q.isValid())
        return 0;
    q.bindTime(":updated", QDateTime::currentDateTimeUtc());
    q.bind(":kind", outboxKindName(draft.kind));
    q.bind(":source", draft.sourceMessageId);
    q.bind(":outbox", draft.outboxId);
    q.bind(":to", toJson(draft.to));
    q.bind(":cc", toJson(draft.cc));
    q.bind(":bcc", toJson(draft.bcc));
    q.bind(":subject", draft.subject);
    q.bind(":plain", draft.plainBody);
    q.bind(":html", draft.htmlBody);
    q.bind(":importance", draft.importance);
    q.bind(":attachments", attachmentsToJson(after));
    q.bind(":id", id);
    if (!m_db.check(q.step(), QStringLiteral("saving draft %1").arg(id)) || !transaction.commit())
        return 0;
    return id;
}

std::optional<DraftEntry> DraftStore::draft(qint64 id) const
{
    auto q = m_db.prepare(SKEIN_DRAFT_SELECT "WHERE id = :id");
    if (!q.isValid())
        return std::nullopt;
    q.bind(":id", id);
    if (q.step() != SQLITE_ROW)
        return std::nullopt;
    return readDraft(q);
}

QList<DraftEntry> DraftStore::drafts() const
{
    QList<DraftEntry> result;
    auto q = m_db.prepare(SKEIN_DRAFT_SELECT "ORDER BY updated DESC, id DESC");
    if (!q.isValid())
        return result;
    int rc;
    while ((rc = q.step()) == SQLITE_ROW)
        result.append(readDraft(q));
    if (rc != SQLITE_DONE)
        m_db.fail(QStringLiteral("reading the drafts"));
    return result;
}

bool DraftStore::deleteDraft(qint64 id)
{
    auto transaction = m_db.join();
    if (!transaction.isActive())
        return m_db.fail(QStringLiteral("deleting draft %1").arg(id));
    auto q = m_db.prepare("DELETE FROM drafts WHERE id = :id RETURNING server_id, client_id, upload_attempts");
    if (!q.isValid())
        return false;
    q.bind(":id", id);
    if (q.step() != SQLITE_ROW)
        return m_db.failWith(QStringLiteral("There is no draft %1.").arg(id));
    const QString serverId = q.text(0);
    const QString clientId = q.text(1);
    const bool mayBeOnServer = !serverId.isEmpty() || q.integer(2) > 0;
    q.step();
    if (!serverId.isEmpty()) {
        // The Drafts folder's copy goes now: the server never tells the
        // device that deleted it.
        const std::optional<Folder> folder = m_store.folderStore().folderOfType(FolderType::Drafts);
        const std::optional<Message> copy = folder ? m_store.messageStore().message(folder->serverId, serverId) : std::nullopt;
        if (copy && !m_store.messageStore().removeMessage(copy->id))
            return false;
    }
    if (mayBeOnServer) {
        auto journal = m_db.prepare("INSERT INTO draft_deletes (server_id, client_id) VALUES (:server, :client)");
        if (!journal.isValid())
            return false;
        journal.bind(":server", serverId);
        journal.bind(":client", clientId);
        if (!m_db.check(journal.step(), QStringLiteral("journaling the server delete of draft %1").arg(id)))
            return false;
    }
    if (!transaction.commit())
        return m_db.fail(QStringLiteral("deleting draft %1").arg(id));
    QDir(QDir(draftFilesDir()).filePath(QString::number(id))).removeRecursively();
    return true;
}

QList<DraftUpload> DraftStore::draftsToUpload() const
{
    QList<DraftUpload> result;
    auto q = m_db.prepare(SKEIN_DRAFT_SELECT "WHERE revision > uploaded_revision ORDER BY id");
    if (!q.isValid())
        return result;
    int rc;
    while ((rc = q.step()) == SQLITE_ROW)
        result.append(DraftUpload{readDraft(q), q.text(17), q.int64(14), q.integer(18)});
    if (rc != SQLITE_DONE)
        m_db.fail(QStringLiteral("reading the drafts to upload"));
    return result;
}

bool DraftStore::noteDraftUploading(qint64 id)
{
    auto q = m_db.prepare("UPDATE drafts SET upload_attempts = upload_attempts + 1 WHERE id = :id");
    if (!q.isValid())
        return false;
    q.bind(":id", id);
    return m_db.check(q.step(), QStringLiteral("noting the upload of draft %1").arg(id));
}

bool DraftStore::setDraftUploaded(qint64 id, qint64 revision, const QString &serverId)
{
    auto q = m_db.prepare("UPDATE drafts SET server_id = :server, upload_error = '', "
                        "uploaded_revision = max(uploaded_revision, :revision) WHERE id = :id");
    if (!q.isValid())
        return false;
    q.bind(":server", serverId);
    q.bind(":revision", revision);
    q.bind(":id", id);
    if (!m_db.check(q.step(), QStringLiteral("storing the server's copy of draft %1").arg(id)))
        return false;
    if (m_db.changes() > 0 || serverId.isEmpty())
        return true;
    // The user deleted the draft while its Add was out: the copy the server
    // just made goes too, or it would stay in Drafts with nobody to delete it.
    auto journal = m_db.prepare("INSERT INTO draft_deletes (server_id) VALUES (:server)");
    if (!journal.isValid())
        return false;
    journal.bind(":server", serverId);
    return m_db.check(journal.step(), QStringLiteral("journaling the server delete of draft %1").arg(serverId));
}

bool DraftStore::setDraftUploadError(qint64 id, const QString &error)
{
    auto q = m_db.prepare("UPDATE drafts SET upload_error = :error WHERE id = :id");
    if (!q.isValid())
        return false;
    q.bind(":error", error);
    q.bind(":id", id);
    return m_db.check(q.step(), QStringLiteral("storing the upload error of draft %1").arg(id));
}

QList<DraftDelete> DraftStore::draftDeletes() const
{
    QList<DraftDelete> result;
    auto q = m_db.prepare("SELECT id, server_id, client_id FROM draft_deletes ORDER BY id");
    if (!q.isValid())
        return result;
    int rc;
    while ((rc = q.step()) == SQLITE_ROW)
        result.append(DraftDelete{q.int64(0), q.text(1), q.text(2)});
    if (rc != SQLITE_DONE)
        m_db.fail(QStringLiteral("reading the draft deletes"));
    return result;
}

bool DraftStore::setDraftDeleteServerId(qint64 deleteId, const QString &serverId)
{
    auto q = m_db.prepare("UPDATE draft_deletes SET server_id = :server WHERE id = :id");
    if (!q.isValid())
        return false;
    q.bind(":server", serverId);
    q.bind(":id", deleteId);
    return m_db.check(q.step(), QStringLiteral("updating draft delete %1").arg(deleteId));
}

bool DraftStore::finishDraftDelete(qint64 deleteId)
{
    auto q = m_db.prepare("DELETE FROM draft_deletes WHERE id = :id");
    if (!q.isValid())
        return false;
    q.bind(":id", deleteId);
    return m_db.check(q.step(), QStringLiteral("finishing draft delete %1").arg(deleteId));
}

} // namespace skein
