// fuzz_seeds OUTDIR: seed inputs for every target, written to OUTDIR/<target>/.
// The requests are what Skein's own commands (sync/) send, plus the few the
// client never sends (Ping, Settings, compose); each goes through the primed
// ServerFixture, and the server's answers become seeds of the decoder and
// response-parser targets. scripts/fuzz runs this before fuzzing, so the
// seeds always match the current code and nothing generated is committed.
#include "ServerFixture.h"

#include <ConversationMovesCommand.h>
#include <EasTags.h>
#include <FolderSyncCommand.h>
#include <GetItemEstimateCommand.h>
#include <ItemOperationsFetchCommand.h>
#include <ItemOperationsMoveCommand.h>
#include <MoveItemsCommand.h>
#include <ProvisionCommand.h>
#include <ReplyHeadersFetchCommand.h>
#include <SearchCommand.h>
#include <SyncCommand.h>
#include <WbxmlCodec.h>

#include <QCoreApplication>
#include <QDir>
#include <QFile>

#include <cstdio>

using namespace skein;
using fuzz::ServerRequest;
namespace tag = wbxml::tag;
using wbxml::Element;

namespace {

class SeedWriter
{
public:
    explicit SeedWriter(const QString &out) : m_out(out) {}

    void write(const char *target, const QString &name, const QByteArray &bytes)
    {
        const QString dir = QDir(m_out).filePath(QLatin1String(target));
        QDir().mkpath(dir);
        QFile file(QDir(dir).filePath(name));
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
            qFatal("fuzz_seeds: cannot write %s", qPrintable(file.fileName()));
        ++m_count;
    }
    int count() const { return m_count; }

private:
    QString m_out;
    int m_count = 0;
};

ServerRequest request(const char *command, const Element &body, const QByteArray &version = "14.1")
{
    ServerRequest r;
    r.command = QLatin1String(command);
    r.version = version;
    r.body = wbxml::encode(body).bytes;
    return r;
}

QByteArray mimeTo(const QString &to, const QString &subject)
{
    return QStringLiteral("From: fuzz@skein.test\r\nTo: %1\r\nSubject: %2\r\n"
                          "Message-ID: <seed-%3@skein.test>\r\nIn-Reply-To: <contract@example.test>\r\n"
                          "References: <root@example.test> <contract@example.test>\r\n"
                          "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nHello.\r\n")
        .arg(to, subject, QString::number(qHash(subject)))
        .toUtf8();
}

Element compose(wbxml::Tag root, const QString &clientId, const QByteArray &mime, const QString &folderId = {},
                const QString &itemId = {})
{
    Element e(root);
    e.add(tag::ComposeMail::ClientId, clientId);
    if (!itemId.isEmpty()) {
        Element &source = e.add(tag::ComposeMail::Source);
        source.add(tag::ComposeMail::FolderId, folderId);
        source.add(tag::ComposeMail::ItemId, itemId);
    }
    e.add(tag::ComposeMail::SaveInSentItems);
    e.addOpaque(tag::ComposeMail::Mime, mime);
    return e;
}

QList<std::pair<QString, QList<ServerRequest>>> serverSeeds(const fuzz::ServerFixture &f)
{
    using eas::SyncCollectionRequest;
    const QString inboxItem = f.inboxServerIds.value(0);
    const QString projectsItem = f.projectsServerIds.value(0);

    SyncCollectionRequest inbox;
    inbox.folderId = f.inboxId;
    inbox.syncKey = f.inboxSyncKey;
    SyncCollectionRequest changes = inbox;
    FlagState flag;
    flag.status = FlagStatus::Active;
    flag.flagType = QStringLiteral("Flag for follow up");
    flag.start = flag.due = QDateTime(QDate(2026, 6, 16), QTime(9, 0), Qt::UTC);
    changes.changes = {{inboxItem, true, flag}, {f.inboxServerIds.value(1), false, FlagState{}}};
    changes.deletes = {f.inboxServerIds.value(2)};
    SyncCollectionRequest projects = inbox;
    projects.folderId = f.projectsId;
    projects.syncKey = f.projectsSyncKey;
    SyncCollectionRequest prime = inbox;
    prime.syncKey = QStringLiteral("0");
    const auto sync = [](QList<SyncCollectionRequest> c, const QString &version = QStringLiteral("14.1")) {
        return request("Sync", eas::SyncCommand(std::move(c), version).request(), version.toLatin1());
    };

    Element ping(tag::Ping::Ping);
    ping.add(tag::Ping::HeartbeatInterval, qint64(60));
    Element &pingFolder = ping.add(tag::Ping::Folders).add(tag::Ping::Folder);
    pingFolder.add(tag::Ping::Id, f.inboxId);
    pingFolder.add(tag::Ping::Class, "Email");

    Element settings(tag::Settings::Settings);
    Element &info = settings.add(tag::Settings::DeviceInformation).add(tag::Settings::Set);
    info.add(tag::Settings::Model, "Skein");
    info.add(tag::Settings::OS, "Debian 12");

    Element freeText(tag::Search::Search);
    Element &store = freeText.add(tag::Search::Store);
    store.add(tag::Search::Name, "Mailbox");
    Element &conditions = store.add(tag::Search::Query).add(tag::Search::And);
    conditions.add(tag::AirSync::Class, "Email");
    conditions.add(tag::AirSync::CollectionId, f.inboxId);
    conditions.add(tag::Search::FreeText, "budget");
    Element &options = store.add(tag::Search::Options);
    options.add(tag::Search::Range, "0-9");
    options.add(tag::Search::DeepTraversal);
    options.add(tag::AirSyncBase::BodyPreference).add(tag::AirSyncBase::Type, qint64(1));

    Element attachment(tag::ItemOperations::ItemOperations);
    attachment.add(tag::ItemOperations::Fetch).add(tag::ItemOperations::Store, "Mailbox");
    attachment.children().back().add(tag::AirSyncBase::FileReference, f.attachmentFileReference);

    const eas::DeviceInfo device{QStringLiteral("Skein"), QStringLiteral("fuzz"), QStringLiteral("Debian 12"),
                                 QStringLiteral("Skein/0.1")};
    const QByteArray reply = mimeTo(QStringLiteral("ada@example.test"), QStringLiteral("RE: Contract"));

    ServerRequest raw12;
    raw12.command = QStringLiteral("SendMail");
    raw12.version = "12.1";
    raw12.rawMime = true;
    raw12.body = mimeTo(QStringLiteral("other@skein.test"), QStringLiteral("Raw"));
    ServerRequest rawReply12 = raw12;
    rawReply12.command = QStringLiteral("SmartReply");
    rawReply12.composeQuery = true;
    rawReply12.body = reply;
    ServerRequest unprovisioned = request("FolderSync", eas::FolderSyncCommand(f.folderSyncKey).request());
    unprovisioned.provisioned = false;
    ServerRequest quirkyMove = request("ItemOperations",
                                       eas::ItemOperationsMoveCommand(f.conversationId, f.projectsId).request());
    quirkyMove.peerQuirks = true;

    return {
        {"foldersync-initial", {request("FolderSync", eas::FolderSyncCommand(QStringLiteral("0")).request())}},
        {"foldersync-again", {request("FolderSync", eas::FolderSyncCommand(f.folderSyncKey).request())}},
        {"foldersync-unprovisioned", {unprovisioned}},
        {"sync-inbox", {sync({inbox})}},
        {"sync-inbox-121", {sync({inbox}, QStringLiteral("12.1"))}},
        {"sync-inbox-161", {sync({inbox}, QStringLiteral("16.1"))}},
        {"sync-prime", {sync({prime})}},
        {"sync-changes-then-sync", {sync({changes}), sync({inbox})}},
        {"sync-two-folders", {sync({inbox, projects})}},
        {"getitemestimate",
         {request("GetItemEstimate",
                  eas::GetItemEstimateCommand(f.inboxId, f.inboxSyncKey, 3, true, QStringLiteral("14.1")).request())}},
        {"getitemestimate-121",
         {request("GetItemEstimate",
                  eas::GetItemEstimateCommand(f.inboxId, f.inboxSyncKey, 0, false, QStringLiteral("12.1")).request(),
                  "12.1")}},
        {"fetch-html",
         {request("ItemOperations", eas::ItemOperationsFetchCommand(f.inboxId, inboxItem, BodyType::Html).request())}},
        {"fetch-mime",
         {request("ItemOperations", eas::ItemOperationsFetchCommand(f.inboxId, inboxItem, BodyType::Mime).request())}},
        {"fetch-attachment", {request("ItemOperations", attachment)}},
        {"fetch-reply-headers",
         {request("ItemOperations",
                  eas::ReplyHeadersFetchCommand({{f.inboxId, inboxItem}, {f.projectsId, projectsItem}}).request())}},
        {"conversation-move",
         {request("ItemOperations", eas::ItemOperationsMoveCommand(f.conversationId, f.projectsId).request()),
          sync({inbox})}},
        {"conversation-move-sogo", {quirkyMove}},
        {"conversation-moves",
         {request("ItemOperations",
                  eas::ConversationMovesCommand({{f.conversationId, f.projectsId}, {QByteArray(16, 'x'), f.inboxId}})
                      .request())}},
        {"moveitems-then-sync",
         {request("MoveItems", eas::MoveItemsCommand({{inboxItem, f.inboxId, f.projectsId}}).request()),
          sync({inbox, projects})}},
        {"search-conversation", {request("Search", eas::SearchCommand(f.conversationId).request())}},
        {"search-freetext", {request("Search", freeText)}},
        {"ping", {request("Ping", ping)}},
        {"ping-empty", {ServerRequest{QStringLiteral("Ping"), "14.1", true, false, false, false, false, {}}}},
        {"settings", {request("Settings", settings, "12.1")}},
        {"provision-initial", {request("Provision", eas::ProvisionCommand::initial(QStringLiteral("16.1"), device).request(), "16.1")}},
        {"provision-acknowledge",
         {request("Provision",
                  eas::ProvisionCommand::acknowledge(QLatin1String(fuzz::ServerFixture::temporaryPolicyKey),
                                                     QStringLiteral("14.1"))
                      .request())}},
        {"provision-wipe", {request("Provision", eas::ProvisionCommand::acknowledgeWipe(1, QStringLiteral("14.1")).request())}},
        {"sendmail",
         {request("SendMail", compose(tag::ComposeMail::SendMail, QStringLiteral("c1"),
                                      mimeTo(QStringLiteral("other@skein.test"), QStringLiteral("Hello"))))}},
        {"smartreply",
         {request("SmartReply", compose(tag::ComposeMail::SmartReply, QStringLiteral("c2"), reply, f.inboxId, inboxItem)),
          sync({inbox})}},
        {"smartforward-161",
         {request("SmartForward",
                  compose(tag::ComposeMail::SmartForward, QStringLiteral("c3"), reply, f.inboxId, inboxItem), "16.1")}},
        {"sendmail-121-raw", {raw12}},
        {"smartreply-121-raw", {rawReply12}},
    };
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc != 2) {
        std::fprintf(stderr, "usage: fuzz_seeds OUTDIR\n");
        return 64;
    }
    qInstallMessageHandler([](QtMsgType type, const QMessageLogContext &, const QString &message) {
        if (type == QtFatalMsg || type == QtCriticalMsg)
            std::fprintf(stderr, "%s\n", qPrintable(message));
    });
    SeedWriter out(QString::fromLocal8Bit(argv[1]));
    fuzz::ServerFixture server;
    for (const auto &[name, requests] : serverSeeds(server)) {
        out.write("server", name, ServerRequest::joinInput(requests));
        server.restore();
        int step = 0;
        for (const ServerRequest &r : requests) {
            const QString stepName = requests.size() > 1 ? QStringLiteral("%1-%2").arg(name).arg(++step) : name;
            if (!r.rawMime && !r.body.isEmpty())
                out.write("wbxml", stepName + QStringLiteral(".request"), r.body);
            const auto reply = server.post(r);
            if (reply.status != 200 || reply.body.isEmpty())
                continue;
            out.write("wbxml", stepName + QStringLiteral(".response"), reply.body);
            out.write("responses", stepName, reply.body);
            // The MIME of a Type 4 fetch: what the reply-header parser meets.
            const wbxml::DecodeResult decoded = wbxml::decode(reply.body);
            if (const Element *data = decoded.ok() ? decoded.root->find({tag::ItemOperations::Response,
                                                                           tag::ItemOperations::Fetch,
                                                                           tag::ItemOperations::Properties,
                                                                           tag::AirSyncBase::Body,
                                                                           tag::AirSyncBase::Data})
                                                   : nullptr)
                out.write("replyheaders", stepName, data->data());
        }
    }
    std::printf("fuzz_seeds: %d seeds in %s\n", out.count(), argv[1]);
    return 0;
}
