// Target "server": request bodies through the reference server's POST path
// (EasEndpoint::handlePost: authentication, checks, WBXML decoding, the
// provisioning gate, every command handler) against the small primed store
// of ServerFixture, restored before each input.
//
// Input: requests as ServerRequest (ServerFixture.h) describes.
// The server may refuse anything, but must not crash, hang or leak, must
// answer 200 only with a body it can decode itself, must never build a
// response it cannot encode, and Skein's own parser of that command must
// read every answer without an error or a skipped item: the reference
// server stands for a well-behaved server.
#include "FuzzTargets.h"
#include "ServerFixture.h"

#include <ConversationMovesCommand.h>
#include <EasTags.h>
#include <FolderSyncCommand.h>
#include <GetItemEstimateCommand.h>
#include <MoveItemsCommand.h>
#include <ProvisionCommand.h>
#include <ReplyHeadersFetchCommand.h>
#include <SearchCommand.h>
#include <SyncCommand.h>
#include <WbxmlCodec.h>

#include <QCoreApplication>

#include <memory>

namespace skein::fuzz {

namespace {

QStringList g_unencodable; // "cannot encode a response" warnings of the current input

void collectWarnings(QtMsgType, const QMessageLogContext &, const QString &message)
{
    if (message.contains(QLatin1String("cannot encode a response")))
        g_unencodable.append(message);
}

// What Skein's parser for the command finds wrong with the answer; empty
// when it reads it (or Skein has no parser for the command).
QString clientComplaint(const ServerRequest &request, const wbxml::Element &answer)
{
    const QString &command = request.command;
    if (command == QLatin1String("Sync")) {
        // A Collection the request sent without CollectionId comes back
        // without one, which Skein (never sending such a thing) ignores; every
        // other Collection must be usable.
        wbxml::Element named = answer;
        for (wbxml::Element &e : named.children())
            if (e.is(wbxml::tag::AirSync::Collections))
                std::erase_if(e.children(), [](const wbxml::Element &c) {
                    return c.childText(wbxml::tag::AirSync::CollectionId).isEmpty();
                });
        const auto result = eas::SyncCommand::parse(&named);
        if (!result.error.isEmpty())
            return result.error;
        for (const auto &collection : result.collections)
            for (const auto &skipped : collection.skipped)
                return QStringLiteral("skipped %1: %2").arg(skipped.serverId, skipped.reason);
        return {};
    }
    if (command == QLatin1String("FolderSync")) {
        const auto result = eas::FolderSyncCommand::parse(&answer);
        return result.skipped.isEmpty() ? result.error : result.skipped.join(QLatin1String("; "));
    }
    if (command == QLatin1String("GetItemEstimate"))
        return eas::GetItemEstimateCommand::parse(&answer).error;
    if (command == QLatin1String("MoveItems"))
        return eas::MoveItemsCommand::parse(&answer).error;
    if (command == QLatin1String("Search"))
        return eas::SearchCommand::parse(&answer).error;
    if (command == QLatin1String("Provision"))
        return eas::ProvisionCommand::parse(&answer).error;
    if (command == QLatin1String("ItemOperations")) {
        const auto requestBody = wbxml::decode(request.body);
        if (requestBody.ok() && requestBody.root->has(wbxml::tag::ItemOperations::Move))
            return eas::ConversationMovesCommand::parse(&answer).error;
        return eas::ReplyHeadersFetchCommand::parse(&answer).error;
    }
    return {};
}

ServerFixture &fixture()
{
    // Qt wants an application object for some of its statics (e.g. QTimer);
    // the replay test has its own.
    static int argc = 1;
    static char name[] = "fuzz_server";
    static char *argv[] = {name, nullptr};
    static std::unique_ptr<QCoreApplication> app(QCoreApplication::instance() ? nullptr
                                                                             : new QCoreApplication(argc, argv));
    static ServerFixture instance;
    return instance;
}

} // namespace

int serverRequests(const uint8_t *data, size_t size)
{
    ServerFixture &server = fixture();
    server.restore();
    const QtMessageHandler previous = qInstallMessageHandler(collectWarnings);
    for (const ServerRequest &request : ServerRequest::splitInput(bytes(data, size))) {
        g_unencodable.clear();
        const server::HttpReply reply = server.post(request);
        SKEIN_FUZZ_CHECK(g_unencodable.isEmpty(), g_unencodable.join(QLatin1Char('\n')).toUtf8());
        if (reply.status == 200 && !reply.body.isEmpty()) {
            const wbxml::DecodeResult decoded = wbxml::decode(reply.body);
            SKEIN_FUZZ_CHECK(decoded.ok(), decoded.error.toUtf8());
            const QString complaint = clientComplaint(request, *decoded.root);
            SKEIN_FUZZ_CHECK(complaint.isEmpty(), (request.command + QLatin1String(": ") + complaint + QLatin1Char('\n')
                                                   + wbxml::dump(*decoded.root)).toUtf8());
        }
    }
    qInstallMessageHandler(previous);
    return 0;
}

} // namespace skein::fuzz
