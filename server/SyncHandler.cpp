#include "SyncHandler.h"

#include "CalendarItem.h"
#include "ElementBlob.h"
#include "EmailSerializer.h"
#include "ChangeTracker.h"
#include "SyncCommands.h"

#include <EasTags.h>

#include <QCryptographicHash>

namespace skein::server {

namespace tag = wbxml::tag;

namespace {

constexpr int kDefaultWindow = 100;
constexpr int kMaxWindow = 512;

wbxml::Element topStatus(int code)
{
    wbxml::Element root(tag::AirSync::Sync);
    root.add(tag::AirSync::Status, qint64(code));
    return root;
}

wbxml::Element collectionStatus(const QString &key, const QString &collectionId, int status)
{
    wbxml::Element c(tag::AirSync::Collection);
    c.add(tag::AirSync::SyncKey, key);
    c.add(tag::AirSync::CollectionId, collectionId);
    c.add(tag::AirSync::Status, qint64(status));
    return c;
}

// Empty element = 1 for booleans such as ConversationMode and GetChanges.
bool flagValue(const wbxml::Element &e)
{
    const QString t = e.text().trimmed();
    return t.isEmpty() || t == QLatin1String("1");
}

int windowSize(const wbxml::Element *e, int fallback)
{
    if (!e)
        return fallback;
    bool ok = false;
    const int n = e->text().trimmed().toInt(&ok);
    if (!ok)
        return fallback;
    return n <= 0 || n > kMaxWindow ? kMaxWindow : n;
}

bool hasCommands(const wbxml::Element *commands)
{
    return commands && !commands->children().empty();
}

// Identifies a request's Commands (or their absence) for telling a retry
// from a new request; the blob is canonical for a decoded tree.
QByteArray commandsDigest(const wbxml::Element *commands)
{
    return QCryptographicHash::hash(hasCommands(commands) ? elementToBlob(*commands) : QByteArray(),
                                    QCryptographicHash::Sha256);
}

// A request with the previous key is the retry of a lost response when it
// carries the same Commands as the one that got the cached answer, or none
// (the client resends what it still remembers of a lost exchange). With
// other Commands it is a new request on a stale key: replaying the cached
// answer would report Status 1 and drop them, so it is refused with Status
// 3 instead. A state from before digests were kept (empty) matches none.
bool isRetryOf(const SyncState &state, const wbxml::Element &collection)
{
    const wbxml::Element *commands = collection.child(tag::AirSync::Commands);
    return !hasCommands(commands) || (!state.prevCommands.isEmpty() && commandsDigest(commands) == state.prevCommands);
}

} // namespace

HandlerResult SyncHandler::handle(const EasRequest &request)
{
    if (!request.body)
        return HandlerResult::doc(topStatus(13)); // no cached request to reuse
    const wbxml::Element &root = *request.body;
    if (!root.is(tag::AirSync::Sync))
        return HandlerResult::doc(topStatus(4));
    const wbxml::Element *collections = root.child(tag::AirSync::Collections);
    if (!collections)
        return HandlerResult::doc(topStatus(root.children().empty() ? 13 : 4));
    if (root.has(tag::AirSync::Wait) && root.has(tag::AirSync::HeartbeatInterval))
        return HandlerResult::doc(topStatus(4));

    // ConversationMode on a folder that holds no mail: protocol error for the whole request.
    for (const wbxml::Element *c : collections->all(tag::AirSync::Collection)) {
        const wbxml::Element *mode = c->child(tag::AirSync::ConversationMode);
        if (!mode || !flagValue(*mode))
            continue;
        if (!request.hasConversations())
            return HandlerResult::doc(topStatus(4));
        const auto folder = m_ctx.store.hierarchy().folder(request.user.id, c->childText(tag::AirSync::CollectionId).toLongLong());
        if (folder && !FolderType::isMail(folder->type))
            return HandlerResult::doc(topStatus(4));
    }

    const int globalWindow = windowSize(root.child(tag::AirSync::WindowSize), kDefaultWindow);
    wbxml::Element response(tag::AirSync::Sync);
    auto &outCollections = response.add(tag::AirSync::Collections);
    for (const wbxml::Element *c : collections->all(tag::AirSync::Collection))
        outCollections.children().push_back(collection(request, *c, globalWindow));
    return HandlerResult::doc(response);
}

wbxml::Element SyncHandler::collection(const EasRequest &request, const wbxml::Element &in, int globalWindow)
{
    ServerStore &store = m_ctx.store;
    const QString key = in.childText(tag::AirSync::SyncKey).trimmed();
    const QString collectionId = in.childText(tag::AirSync::CollectionId).trimmed();
    const auto folder = store.hierarchy().folder(request.user.id, collectionId.toLongLong());
    if (key.isEmpty() || collectionId.isEmpty())
        return collectionStatus(key, collectionId, 4);
    if (!folder)
        return collectionStatus(key, collectionId, 12); // unknown folder: FolderSync needed
    if (m_ctx.faults.takeForcedStatus3(*folder)) {
        store.syncStates().resetSyncState(request.user.id, request.deviceId, folder->id, QStringLiteral("invalid"));
        return collectionStatus(QStringLiteral("0"), collectionId, 3);
    }

    const bool isMail = FolderType::isMail(folder->type);
    std::optional<SyncState> state;
    if (key == QLatin1String("0")) {
        store.begin();
        state = store.syncStates().resetSyncState(request.user.id, request.deviceId, folder->id, store.syncStates().nextSyncKey());
    } else {
        state = store.syncStates().syncState(request.user.id, request.deviceId, folder->id);
        if (state && key == state->prevKey && !state->prevResponse.isEmpty()) {
            if (!isRetryOf(*state, in))
                return collectionStatus(QStringLiteral("0"), collectionId, 3); // nothing applied
            if (auto replay = elementFromBlob(state->prevResponse))
                return *replay; // lost response: the same answer again
        }
        if (!state || key != state->syncKey)
            return collectionStatus(QStringLiteral("0"), collectionId, 3);
        store.begin();
    }

    // Options and ConversationMode are remembered between requests.
    if (const wbxml::Element *options = in.child(tag::AirSync::Options)) {
        state->options = elementToBlob(*options);
        bool ok = true;
        state->filterType = options->has(tag::AirSync::FilterType)
            ? options->childText(tag::AirSync::FilterType).trimmed().toInt(&ok) : 0;
        if (!ok || state->filterType < 0 || state->filterType > (isMail ? 5 : 8)) {
            store.rollback();
            return collectionStatus(key, collectionId, 4);
        }
    } else if (in.has(tag::AirSync::FilterType)) { // 12.1 placement
        state->filterType = in.childText(tag::AirSync::FilterType).trimmed().toInt();
    }
    if (const wbxml::Element *mode = in.child(tag::AirSync::ConversationMode))
        state->conversationMode = isMail && request.hasConversations() && flagValue(*mode);
    const auto optionsElement = elementFromBlob(state->options);
    const BodyOptions body = parseBodyOptions(optionsElement ? &*optionsElement : nullptr, request.version);
    if (!body.valid || body.partTypeUnsupported) {
        store.rollback();
        return collectionStatus(key, collectionId, body.valid ? kBodyPartTypeNotSupported : 4);
    }

    wbxml::Element out(tag::AirSync::Collection);
    const QString newKey = key == QLatin1String("0") ? state->syncKey : store.syncStates().nextSyncKey();
    out.add(tag::AirSync::SyncKey, newKey);
    out.add(tag::AirSync::CollectionId, collectionId);
    out.add(tag::AirSync::Status, "1");

    if (key != QLatin1String("0")) {
        wbxml::Element responses(tag::AirSync::Responses);
        if (const wbxml::Element *commands = in.child(tag::AirSync::Commands)) {
            const wbxml::Element *dam = in.child(tag::AirSync::DeletesAsMoves);
            SyncCommands(m_ctx, request, *folder, state->id)
                .run(*commands, !dam || flagValue(*dam), body, responses);
        }
        const wbxml::Element *getChanges = in.child(tag::AirSync::GetChanges);
        bool more = false;
        if (!getChanges || flagValue(*getChanges)) {
            const int window = windowSize(in.child(tag::AirSync::WindowSize), globalWindow);
            const ResultSetOptions options{state->filterType, state->conversationMode, m_ctx.nowMs()};
            ChangeTracker tracker(store, *folder, state->id, options);
            tracker.catchUp();
            const QList<PendingChange> pending = tracker.next(window, &more);
            wbxml::Element commandsOut(tag::AirSync::Commands);
            for (const PendingChange &c : pending) {
                tracker.settle(c.messageId);
                const QString serverId = serverIdFor(folder->id, c.messageId);
                switch (c.kind) {
                case ChangeKind::Delete:
                case ChangeKind::SoftDelete:
                    commandsOut.add(c.kind == ChangeKind::Delete ? tag::AirSync::Delete : tag::AirSync::SoftDelete)
                        .add(tag::AirSync::ServerId, serverId);
                    store.syncStates().snapshotRemove(state->id, c.messageId);
                    break;
                case ChangeKind::Change:
                case ChangeKind::Add: {
                    auto m = store.mail().message(request.user.id, c.messageId, c.kind == ChangeKind::Add);
                    if (!m)
                        break;
                    auto &item = commandsOut.add(c.kind == ChangeKind::Add ? tag::AirSync::Add : tag::AirSync::Change);
                    item.add(tag::AirSync::ServerId, serverId);
                    // 12.1 names the class of items that are not mail in each Add.
                    if (c.kind == ChangeKind::Add && request.version < 140 && !isMail)
                        item.add(tag::AirSync::Class, itemClass(folder->type));
                    auto &data = item.add(tag::AirSync::ApplicationData);
                    if (c.kind == ChangeKind::Add) {
                        appendItemData(data, store, folder->type, *m, body, serializeOptions(m_ctx, request, c.inWindow));
                    } else {
                        if (c.readChanged)
                            data.add(tag::Email::Read, m->read ? "1" : "0");
                        if (c.flagChanged)
                            appendFlag(data, *m);
                    }
                    store.syncStates().snapshotPut(state->id, c.messageId, SnapshotEntry{m->read, m->flagRev});
                    break;
                }
                }
            }
            if (!commandsOut.children().empty())
                out.children().push_back(std::move(commandsOut));
        }
        if (!responses.children().empty())
            out.children().push_back(std::move(responses));
        if (more)
            out.add(tag::AirSync::MoreAvailable);
        state->prevKey = key;
        state->prevResponse = elementToBlob(out);
        state->prevCommands = commandsDigest(in.child(tag::AirSync::Commands));
        state->syncKey = newKey;
    }
    store.syncStates().saveSyncState(*state);
    store.commit();
    return out;
}

} // namespace skein::server
