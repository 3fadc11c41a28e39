// ReferenceServer::seedMime: a mailbox from a directory of .eml files and a
// manifest (format: README.md "Seeding from MIME files").
#include "ReferenceServer.h"

#include "EasRequest.h"
#include "ElementBlob.h"
#include "MailDelivery.h"
#include "ServerContext.h"

#include <EasTags.h>

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

namespace skein::server {

namespace tag = wbxml::tag;

namespace {

struct SeedItem {
    QString file;
    QString folder;
    bool read = false;
    bool flagged = false;
    ParsedMail mail;
};

// An active follow-up flag, as the demo seed stores one.
QByteArray activeFlag(qint64 receivedMs)
{
    constexpr qint64 day = 24 * 3600 * 1000;
    wbxml::Element flag(tag::Email::Flag);
    flag.add(tag::Email::FlagStatus, "2");
    flag.add(tag::Email::FlagType, "Flag for follow up");
    flag.add(tag::Tasks::StartDate, easDate(receivedMs));
    flag.add(tag::Tasks::UtcStartDate, easDate(receivedMs));
    flag.add(tag::Tasks::DueDate, easDate(receivedMs + 3 * day));
    flag.add(tag::Tasks::UtcDueDate, easDate(receivedMs + 3 * day));
    return elementToBlob(flag);
}

// The special IMAP names at the top level, and the EAS folder they stand for.
std::optional<FolderRow> specialFolder(ServerStore &store, qint64 userId, const QString &name)
{
    const QString n = name.toLower();
    if (n == QLatin1String("inbox"))
        return store.hierarchy().folderByType(userId, FolderType::Inbox);
    if (n == QLatin1String("sent"))
        return store.hierarchy().folderByType(userId, FolderType::SentItems);
    if (n == QLatin1String("trash"))
        return store.hierarchy().folderByType(userId, FolderType::DeletedItems);
    if (n == QLatin1String("drafts"))
        return store.hierarchy().folderByType(userId, FolderType::Drafts);
    if (n == QLatin1String("junk"))
        return store.hierarchy().folderByName(userId, QStringLiteral("Junk E-mail"));
    return std::nullopt;
}

// The folder for an IMAP path such as "Projects/Offsite", created segment by
// segment (type 12) where missing. 0 on a store failure or an empty path.
qint64 folderForPath(ServerStore &store, qint64 userId, const QString &path)
{
    const QStringList segments = path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    qint64 parent = 0;
    for (int i = 0; i < segments.size(); ++i) {
        const QString name = segments.at(i).trimmed();
        if (i == 0) {
            if (const auto special = specialFolder(store, userId, name)) {
                parent = special->id;
                continue;
            }
        }
        qint64 found = 0;
        for (const FolderRow &f : store.hierarchy().folders(userId)) {
            if (f.parentId == parent && f.name == name) {
                found = f.id;
                break;
            }
        }
        parent = found ? found : store.hierarchy().addFolder(userId, parent, name, FolderType::UserMail);
        if (!parent)
            return 0;
    }
    return parent;
}

bool readManifest(const QString &dir, QList<SeedItem> *items, QString *error)
{
    const QString path = QDir(dir).filePath(QStringLiteral("manifest.json"));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1").arg(path);
        return false;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = QStringLiteral("%1 is not valid JSON: %2").arg(path, parseError.errorString());
        return false;
    }
    const QJsonArray entries = doc.isArray() ? doc.array() : doc.object().value(QLatin1String("messages")).toArray();
    for (const QJsonValue &v : entries) {
        const QJsonObject o = v.toObject();
        SeedItem item;
        item.file = o.value(QLatin1String("file")).toString();
        item.folder = o.value(QLatin1String("folder")).toString();
        item.read = o.value(QLatin1String("read")).toBool();
        item.flagged = o.value(QLatin1String("flagged")).toBool();
        if (item.file.isEmpty() || item.folder.trimmed().isEmpty()) {
            *error = QStringLiteral("%1: every entry needs \"file\" and \"folder\"").arg(path);
            return false;
        }
        QFile eml(QDir(dir).filePath(item.file));
        if (!eml.open(QIODevice::ReadOnly)) {
            *error = QStringLiteral("cannot read %1").arg(eml.fileName());
            return false;
        }
        QString why;
        auto mail = parseMime(eml.readAll(), &why);
        if (!mail) {
            *error = QStringLiteral("%1 is not a mail message: %2").arg(eml.fileName(), why);
            return false;
        }
        item.mail = std::move(*mail);
        items->append(std::move(item));
    }
    // Parents first: oldest Date first, undated last, manifest order otherwise.
    std::stable_sort(items->begin(), items->end(), [](const SeedItem &a, const SeedItem &b) {
        if (a.mail.date.isValid() != b.mail.date.isValid())
            return a.mail.date.isValid();
        return a.mail.date.isValid() && a.mail.date < b.mail.date;
    });
    return true;
}

bool alreadyImported(ServerStore &store, qint64 userId, qint64 folderId, const QString &messageId)
{
    if (messageId.isEmpty())
        return false;
    const auto held = store.mail().messageByInternetId(userId, messageId);
    return held && held->folderId == folderId;
}

} // namespace

int ReferenceServer::seedMime(const QString &dir, const QString &userName, QString *error)
{
    QString why;
    auto fail = [&](const QString &reason) {
        if (error)
            *error = reason;
        return -1;
    };
    if (!isOpen())
        return fail(QStringLiteral("store not open"));
    if (userName.isEmpty())
        return fail(QStringLiteral("--seed-mime needs --user NAME"));
    QList<SeedItem> items;
    if (!readManifest(dir, &items, &why))
        return fail(why);

    ServerStore &store = m_ctx->store;
    const auto existing = store.accounts().user(userName);
    const qint64 userId = existing ? existing->id : store.accounts().ensureUser(userName, userName);
    if (!userId || !store.begin())
        return fail(QStringLiteral("cannot open the mailbox of %1: %2").arg(userName, store.lastError()));
    int imported = 0;
    for (const SeedItem &item : std::as_const(items)) {
        const qint64 folderId = folderForPath(store, userId, item.folder);
        if (!folderId) {
            store.rollback();
            return fail(QStringLiteral("cannot create folder %1: %2").arg(item.folder, store.lastError()));
        }
        if (alreadyImported(store, userId, folderId, item.mail.messageId))
            continue;
        const qint64 when = item.mail.date.isValid() ? item.mail.date.toMSecsSinceEpoch() : m_ctx->nowMs();
        MailDelivery delivery(store, when);
        MessageRow row = delivery.rowFor(item.mail, delivery.placeIncoming(userId, item.mail));
        row.read = item.read;
        if (item.flagged)
            row.flag = activeFlag(row.receivedMs);
        if (!delivery.deliverToFolder(userId, folderId, std::move(row), item.mail)) {
            store.rollback();
            return fail(QStringLiteral("cannot store %1: %2").arg(item.file, store.lastError()));
        }
        ++imported;
    }
    if (!store.commit()) {
        store.rollback();
        return fail(QStringLiteral("cannot store the messages: %1").arg(store.lastError()));
    }
    return imported;
}

} // namespace skein::server
