#include "EstimateHandler.h"

#include "ChangeTracker.h"

#include <EasTags.h>

namespace skein::server {

namespace tag = wbxml::tag;

namespace {

bool asksConversationMode(const wbxml::Element &collection)
{
    const wbxml::Element *mode = collection.child(tag::AirSync::ConversationMode);
    const QString value = mode ? mode->text().trimmed() : QString();
    return mode && (value.isEmpty() || value == QLatin1String("1"));
}

// The later MS-ASCON (3.2.5.2) makes ConversationMode on a folder that holds
// no mail a protocol error of the whole request, as Sync does (top-level 4;
// docs/protocol.md says why not MS-ASCMD's 103 or the seed's 2).
bool conversationModeOnNonMail(ServerStore &store, qint64 userId, const wbxml::Element &collections)
{
    for (const wbxml::Element *c : collections.all(tag::GetItemEstimate::Collection)) {
        if (!asksConversationMode(*c))
            continue;
        const auto folder = store.hierarchy().folder(userId, c->childText(tag::GetItemEstimate::CollectionId).trimmed().toLongLong());
        if (folder && !FolderType::isMail(folder->type))
            return true;
    }
    return false;
}

// The state's own filter is tracked; an estimate for another filter (the
// request may name one) diffs the folder against what the device holds.
int estimate(ServerStore &store, const FolderRow &folder, const SyncState &state, const ResultSetOptions &options)
{
    if (options.filterType == state.filterType && options.conversationMode == state.conversationMode) {
        ChangeTracker tracker(store, folder, state.id, options);
        tracker.catchUp();
        return tracker.count();
    }
    return int(pendingChanges(store.mail().folderStates(folder.id, needsConversations(options)), store.syncStates().snapshot(state.id),
                              options).size());
}

} // namespace

HandlerResult EstimateHandler::handle(const EasRequest &request)
{
    wbxml::Element root(tag::GetItemEstimate::GetItemEstimate);
    const wbxml::Element *collections =
        request.body && request.body->is(tag::GetItemEstimate::GetItemEstimate)
        ? request.body->child(tag::GetItemEstimate::Collections) : nullptr;
    // Without a Collection there is nothing to answer per collection, and an
    // answer without any Status would leave the client guessing.
    if (!collections || !collections->has(tag::GetItemEstimate::Collection)) {
        root.add(tag::GetItemEstimate::Status, "2");
        return HandlerResult::doc(root);
    }
    if (conversationModeOnNonMail(m_ctx.store, request.user.id, *collections)) {
        root.add(tag::GetItemEstimate::Status, "4");
        return HandlerResult::doc(root);
    }
    for (const wbxml::Element *c : collections->all(tag::GetItemEstimate::Collection)) {
        auto &response = root.add(tag::GetItemEstimate::Response);
        const QString collectionId = c->childText(tag::GetItemEstimate::CollectionId).trimmed();
        const QString key = c->childText(tag::AirSync::SyncKey).trimmed();
        auto fail = [&](int status) {
            response.add(tag::GetItemEstimate::Status, qint64(status));
            response.add(tag::GetItemEstimate::Collection)
                .add(tag::GetItemEstimate::CollectionId, collectionId);
        };
        const auto folder = m_ctx.store.hierarchy().folder(request.user.id, collectionId.toLongLong());
        if (!folder) {
            fail(2);
            continue;
        }
        const wbxml::Element *mode = c->child(tag::AirSync::ConversationMode);
        const bool conversationMode = asksConversationMode(*c);
        const auto state = m_ctx.store.syncStates().syncState(request.user.id, request.deviceId, folder->id);
        if (!state || key.isEmpty() || key == QLatin1String("0")) {
            fail(3);
            continue;
        }
        if (key != state->syncKey) {
            fail(4);
            continue;
        }
        int filterType = state->filterType;
        if (const auto *options = c->child(tag::AirSync::Options); options && options->has(tag::AirSync::FilterType))
            filterType = options->childText(tag::AirSync::FilterType).trimmed().toInt();
        else if (c->has(tag::AirSync::FilterType))
            filterType = c->childText(tag::AirSync::FilterType).trimmed().toInt();
        const bool convMode = mode ? conversationMode && request.hasConversations() : state->conversationMode;
        const ResultSetOptions options{filterType, convMode, m_ctx.nowMs()};
        response.add(tag::GetItemEstimate::Status, "1");
        auto &out = response.add(tag::GetItemEstimate::Collection);
        out.add(tag::GetItemEstimate::CollectionId, collectionId);
        out.add(tag::GetItemEstimate::Estimate, qint64(estimate(m_ctx.store, *folder, *state, options)));
    }
    return HandlerResult::doc(root);
}

} // namespace skein::server
