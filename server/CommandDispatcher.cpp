#include "CommandDispatcher.h"

#include "ComposeHandler.h"
#include "EstimateHandler.h"
#include "FolderSyncHandler.h"
#include "GetAttachmentHandler.h"
#include "ItemOperationsHandler.h"
#include "ProvisionHandler.h"
#include "SearchHandler.h"
#include "SyncHandler.h"

#include <EasTags.h>

#include <QThread>

namespace skein::server {

namespace tag = wbxml::tag;

namespace {

// Root and Status tags for a top-level status answer of each command.
std::optional<std::pair<wbxml::Tag, wbxml::Tag>> statusTags(const QString &command)
{
    if (command == QLatin1String("Sync"))
        return std::pair{tag::AirSync::Sync, tag::AirSync::Status};
    if (command == QLatin1String("FolderSync"))
        return std::pair{tag::FolderHierarchy::FolderSync, tag::FolderHierarchy::Status};
    if (command == QLatin1String("GetItemEstimate"))
        return std::pair{tag::GetItemEstimate::GetItemEstimate, tag::GetItemEstimate::Status};
    if (command == QLatin1String("ItemOperations"))
        return std::pair{tag::ItemOperations::ItemOperations, tag::ItemOperations::Status};
    if (command == QLatin1String("MoveItems"))
        return std::pair{tag::Move::MoveItems, tag::Move::Status};
    if (command == QLatin1String("Settings"))
        return std::pair{tag::Settings::Settings, tag::Settings::Status};
    if (command == QLatin1String("Ping"))
        return std::pair{tag::Ping::Ping, tag::Ping::Status};
    if (command == QLatin1String("Search"))
        return std::pair{tag::Search::Search, tag::Search::Status};
    if (command == QLatin1String("SendMail"))
        return std::pair{tag::ComposeMail::SendMail, tag::ComposeMail::Status};
    if (command == QLatin1String("SmartReply"))
        return std::pair{tag::ComposeMail::SmartReply, tag::ComposeMail::Status};
    if (command == QLatin1String("SmartForward"))
        return std::pair{tag::ComposeMail::SmartForward, tag::ComposeMail::Status};
    return std::nullopt;
}

bool containsTag(const wbxml::Element &e, wbxml::Tag wanted)
{
    if (e.is(wanted))
        return true;
    for (const wbxml::Element &child : e.children())
        if (containsTag(child, wanted))
            return true;
    return false;
}

// PeerQuirks: what SOGo 5.8 answers with a bare HTTP 500 before doing anything.
bool refusedByPeerQuirks(const PeerQuirks &quirks, const EasRequest &request)
{
    if (!request.body)
        return false;
    if (quirks.refuseConversationMove && request.command == QLatin1String("ItemOperations"))
        return request.body->has(tag::ItemOperations::Move);
    if (quirks.refuseConversationSearch && request.command == QLatin1String("Search"))
        return containsTag(*request.body, tag::Search::ConversationId);
    return false;
}

} // namespace

CommandDispatcher::CommandDispatcher(ServerContext &ctx)
    : m_ctx(ctx), m_provision(std::make_unique<ProvisionHandler>(ctx.store)), m_ping(ctx)
{
}

CommandDispatcher::~CommandDispatcher() = default;

bool CommandDispatcher::isComposeCommand(const QString &command)
{
    return command == QLatin1String("SendMail") || command == QLatin1String("SmartReply")
        || command == QLatin1String("SmartForward");
}

std::optional<HttpReply> CommandDispatcher::provisioningGate(const EasRequest &request, const QString &policyKey)
{
    if (request.command == QLatin1String("Provision") || request.command == QLatin1String("Ping")
        || m_provision->isProvisioned(request, policyKey))
        return std::nullopt;
    if (request.version < 140)
        return HttpReply{449, {}, {}};
    // A command without a top-level Status (GetAttachment ...) runs unprovisioned.
    if (const auto tags = statusTags(request.command)) {
        wbxml::Element root(tags->first);
        root.add(tags->second, "142");
        return HttpReply::document(root);
    }
    return std::nullopt;
}

HttpReply CommandDispatcher::dispatch(EasRequest &request)
{
    HandlerResult result = HandlerResult::http(501);
    const QString &cmd = request.command;
    if (refusedByPeerQuirks(m_ctx.quirks, request))
        result = HandlerResult::http(500);
    else if (cmd == QLatin1String("Provision"))
        result = m_provision->handle(request);
    else if (cmd == QLatin1String("Settings"))
        result = ProvisionHandler::settings(request);
    else if (cmd == QLatin1String("FolderSync"))
        result = FolderSyncHandler(m_ctx.store).handle(request);
    else if (cmd == QLatin1String("Sync"))
        result = SyncHandler(m_ctx).handle(request);
    else if (cmd == QLatin1String("GetItemEstimate"))
        result = EstimateHandler(m_ctx).handle(request);
    else if (cmd == QLatin1String("ItemOperations"))
        result = ItemOperationsHandler(m_ctx).handle(request);
    else if (cmd == QLatin1String("MoveItems"))
        result = ItemOperationsHandler(m_ctx).moveItems(request);
    else if (cmd == QLatin1String("Search"))
        result = SearchHandler(m_ctx).handle(request);
    else if (isComposeCommand(cmd))
        result = ComposeHandler(m_ctx).handle(request);
    else if (cmd == QLatin1String("GetAttachment")) {
        const AttachmentDownload download = getAttachment(m_ctx, request);
        return HttpReply{download.httpStatus, {{"Content-Type", download.contentType}}, download.body, std::nullopt};
    }
    else if (cmd == QLatin1String("Ping")) {
        PingHandler::Watch watch;
        result = m_ping.start(request, &watch);
        if (!result.document && watch.userId)
            return HttpReply{200, {}, {}, watch};
    }

    // A fault for client tests: the request is done, its answer comes late
    // (like a slow link or a proxy holding it); the server waits meanwhile.
    if (const std::optional<int> holdMs = m_ctx.faults.takeHold(cmd))
        QThread::msleep(ulong(*holdMs));
    if (!result.document)
        return HttpReply{result.httpStatus, {}, {}, std::nullopt};
    if (!result.parts.isEmpty())
        return HttpReply::multipart(*result.document, result.parts);
    return HttpReply::document(*result.document);
}

} // namespace skein::server
