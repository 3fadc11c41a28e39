#include "ServerFixture.h"

#include <DemoSeed.h>
#include <EasTags.h>
#include <FolderSyncCommand.h>
#include <SyncCommand.h>
#include <WbxmlCodec.h>

#include <QDateTime>
#include <QUrlQuery>

#include <sqlite3.h>

namespace skein::fuzz {

namespace tag = wbxml::tag;
using server::EasEndpoint;
using server::HttpReply;

namespace {

const QDateTime kNow(QDate(2026, 6, 15), QTime(12, 0), Qt::UTC);

// Copies the whole main database of `from` into `to`.
bool copyDatabase(sqlite3 *from, sqlite3 *to)
{
    sqlite3_backup *backup = sqlite3_backup_init(to, "main", from, "main");
    if (!backup)
        return false;
    const int step = sqlite3_backup_step(backup, -1);
    return sqlite3_backup_finish(backup) == SQLITE_OK && step == SQLITE_DONE;
}

void collectText(const wbxml::Element &e, wbxml::Tag wanted, QStringList &out)
{
    if (e.is(wanted))
        out.append(e.text());
    for (const wbxml::Element &child : e.children())
        collectText(child, wanted, out);
}

const wbxml::Element *findFirst(const wbxml::Element &e, wbxml::Tag wanted)
{
    if (e.is(wanted))
        return &e;
    for (const wbxml::Element &child : e.children())
        if (const wbxml::Element *found = findFirst(child, wanted))
            return found;
    return nullptr;
}

} // namespace

const QList<QString> &ServerRequest::commands()
{
    static const QList<QString> all{
        QStringLiteral("Sync"),     QStringLiteral("FolderSync"), QStringLiteral("GetItemEstimate"),
        QStringLiteral("ItemOperations"), QStringLiteral("MoveItems"), QStringLiteral("Search"),
        QStringLiteral("Ping"),     QStringLiteral("Provision"),  QStringLiteral("Settings"),
        QStringLiteral("SendMail"), QStringLiteral("SmartReply"), QStringLiteral("SmartForward"),
        QStringLiteral("Bogus")};
    return all;
}

const QList<QByteArray> &ServerRequest::versions()
{
    static const QList<QByteArray> all{"12.1", "14.0", "14.1", "16.0", "16.1"};
    return all;
}

QList<ServerRequest> ServerRequest::splitInput(const QByteArray &input)
{
    QList<ServerRequest> requests;
    qsizetype from = 0;
    while (from < input.size()) {
        qsizetype next = input.indexOf(kNextRequest, from);
        if (next < 0)
            next = input.size();
        const QByteArray raw = input.mid(from, next - from);
        from = next + kNextRequest.size();
        if (raw.size() < 2)
            continue;
        const auto flags = quint8(raw.at(1));
        ServerRequest r;
        r.command = commands().at(quint8(raw.at(0)) % commands().size());
        r.version = versions().at((flags & 7) % versions().size());
        r.provisioned = !(flags & 0x08);
        r.rawMime = flags & 0x10;
        r.composeQuery = flags & 0x20;
        r.peerQuirks = flags & 0x40;
        r.wrongPassword = flags & 0x80;
        r.body = raw.mid(2);
        requests.append(r);
    }
    return requests;
}

QByteArray ServerRequest::joinInput(const QList<ServerRequest> &requests)
{
    QByteArray out;
    for (const ServerRequest &r : requests) {
        if (!out.isEmpty())
            out += kNextRequest;
        const quint8 flags = quint8(versions().indexOf(r.version)) | (r.provisioned ? 0 : 0x08)
            | (r.rawMime ? 0x10 : 0) | (r.composeQuery ? 0x20 : 0) | (r.peerQuirks ? 0x40 : 0)
            | (r.wrongPassword ? 0x80 : 0);
        out += char(commands().indexOf(r.command));
        out += char(flags);
        out += r.body;
    }
    return out;
}

ServerFixture::ServerFixture()
{
    QString error;
    if (!m_dir.isValid() || !m_ctx.store.open(m_dir.path(), &error))
        qFatal("fuzz server: cannot create the store: %s", qPrintable(error));
    m_ctx.fixedNowMs = kNow.toMSecsSinceEpoch();
    seedMailbox();

    // The device as a client leaves it after its first sync: provisioned,
    // hierarchy and both mail folders synced.
    const auto folders = prime({QStringLiteral("FolderSync"), "14.1", true, false, false, false, false,
                                wbxml::encode(eas::FolderSyncCommand(QStringLiteral("0")).request()).bytes},
                               "FolderSync");
    const wbxml::Element hierarchy = *wbxml::decode(folders.body).root;
    folderSyncKey = eas::FolderSyncCommand::parse(&hierarchy).syncKey;
    auto syncFolder = [&](const QString &folderId, QString *key, QStringList *serverIds) {
        for (const char *step : {"Sync 0", "Sync"}) {
            eas::SyncCollectionRequest collection;
            collection.folderId = folderId;
            collection.syncKey = key->isEmpty() ? QStringLiteral("0") : *key;
            const HttpReply reply =
                prime({QStringLiteral("Sync"), "14.1", true, false, false, false, false,
                       wbxml::encode(eas::SyncCommand({collection}, QStringLiteral("14.1")).request()).bytes},
                      step);
            const wbxml::Element root = *wbxml::decode(reply.body).root;
            *key = eas::SyncCommand::parse(&root).collections.value(0).syncKey;
            collectText(root, tag::AirSync::ServerId, *serverIds);
            if (const wbxml::Element *id = findFirst(root, tag::Email2::ConversationId); id && conversationId.isEmpty())
                conversationId = id->data();
            QStringList references;
            collectText(root, tag::AirSyncBase::FileReference, references);
            if (!references.isEmpty())
                attachmentFileReference = references.first();
        }
    };
    syncFolder(inboxId, &inboxSyncKey, &inboxServerIds);
    syncFolder(projectsId, &projectsSyncKey, &projectsServerIds);
    if (inboxServerIds.isEmpty() || conversationId.isEmpty() || attachmentFileReference.isEmpty())
        qFatal("fuzz server: priming did not bring the seeded mail");

    if (sqlite3_open(":memory:", &m_template) != SQLITE_OK || !copyDatabase(m_ctx.store.handle(), m_template))
        qFatal("fuzz server: cannot copy the primed store: %s", sqlite3_errmsg(m_template));
}

ServerFixture::~ServerFixture()
{
    m_endpoint.reset();
    sqlite3_close(m_template);
}

void ServerFixture::seedMailbox()
{
    server::ServerStore &store = m_ctx.store;
    const qint64 userId = store.accounts().ensureUser(QString::fromLatin1(user), QString::fromLatin1(user));
    store.accounts().ensureUser(QStringLiteral("other"), QStringLiteral("other")); // a local recipient
    const qint64 inbox = store.hierarchy().folderByType(userId, server::FolderType::Inbox)->id;
    const qint64 projects = store.hierarchy().addFolder(userId, 0, QStringLiteral("Projects"), server::FolderType::UserMail);
    server::demo::generateMessages(store, userId, inbox, 6, 1, kNow);
    server::demo::generateMessages(store, userId, projects, 3, 2, kNow);

    server::MessageRow html;
    html.userId = userId;
    html.folderId = inbox;
    html.subject = QStringLiteral("Contract");
    html.from = QStringLiteral("\"Ada\" <ada@example.test>");
    html.to = QStringLiteral("fuzz@skein.test");
    html.receivedMs = kNow.addDays(-1).toMSecsSinceEpoch();
    html.bodyType = 2;
    html.body = QStringLiteral("<p>The <b>contract</b>, signed.</p>");
    html.flag = {};
    html.conversationId = QByteArray(16, '\x42');
    html.internetMessageId = QStringLiteral("<contract@example.test>");
    html.attachments.append(server::AttachmentRow{0, 0, QStringLiteral("contract.pdf"),
                                                  QStringLiteral("application/pdf"), QByteArray("%PDF-1.4 fuzz")});
    store.mail().insertMessage(html);

    inboxId = QString::number(inbox);
    projectsId = QString::number(projects);
    store.accounts().setDeviceKeys(userId, QString::fromLatin1(deviceId),
                        {QString::fromLatin1(temporaryPolicyKey), QString::fromLatin1(policyKey)});
}

HttpReply ServerFixture::prime(const ServerRequest &request, const char *what)
{
    HttpReply reply = post(request);
    if (reply.status != 200 || !wbxml::decode(reply.body).ok())
        qFatal("fuzz server: priming %s answered HTTP %d", what, reply.status);
    return reply;
}

void ServerFixture::restore()
{
    m_endpoint.reset();
    if (!copyDatabase(m_template, m_ctx.store.handle()))
        qFatal("fuzz server: cannot restore the store: %s", sqlite3_errmsg(m_ctx.store.handle()));
}

HttpReply ServerFixture::post(const ServerRequest &request)
{
    if (!m_endpoint)
        m_endpoint = std::make_unique<EasEndpoint>(m_ctx);
    m_ctx.faults = {};
    m_ctx.quirks = {};
    if (request.peerQuirks)
        m_ctx.quirks.applyRefusalSpec(QStringLiteral("conversation-move,conversation-search,conversation-index"));

    server::EasPost post;
    const QByteArray password = request.wrongPassword ? "wrong" : user;
    post.authorization = "Basic " + (QByteArray(user) + ':' + password).toBase64();
    post.query.addQueryItem(QStringLiteral("Cmd"), request.command);
    post.query.addQueryItem(QStringLiteral("User"), QString::fromLatin1(user));
    post.query.addQueryItem(QStringLiteral("DeviceId"), QString::fromLatin1(deviceId));
    post.query.addQueryItem(QStringLiteral("DeviceType"), QStringLiteral("SkeinFuzz"));
    if (request.composeQuery) {
        post.query.addQueryItem(QStringLiteral("ItemId"), inboxServerIds.value(0));
        post.query.addQueryItem(QStringLiteral("CollectionId"), inboxId);
        post.query.addQueryItem(QStringLiteral("SaveInSent"), QStringLiteral("T"));
    }
    post.protocolVersion = request.version;
    post.contentType = request.rawMime ? "message/rfc822" : "application/vnd.ms-sync.wbxml";
    post.policyKey = request.provisioned ? QByteArray(policyKey) : QByteArray("0");
    post.body = request.body;
    return m_endpoint->handlePost(post);
}

} // namespace skein::fuzz
