#include "FolderSyncHandler.h"

#include "ElementBlob.h"

#include <EasTags.h>

#include <algorithm>

namespace skein::server {

namespace tag = wbxml::tag;

namespace {

wbxml::Element status(int code)
{
    wbxml::Element root(tag::FolderHierarchy::FolderSync);
    root.add(tag::FolderHierarchy::Status, qint64(code));
    return root;
}

} // namespace

HandlerResult FolderSyncHandler::handle(const EasRequest &request)
{
    if (!request.body || !request.body->is(tag::FolderHierarchy::FolderSync)
        || !request.body->has(tag::FolderHierarchy::SyncKey)) {
        return HandlerResult::doc(status(10));
    }
    const QString key = request.body->childText(tag::FolderHierarchy::SyncKey).trimmed();
    const qint64 userId = request.user.id;
    std::optional<FolderSyncState> state = m_store.syncStates().folderSyncState(userId, request.deviceId);

    QHash<qint64, FolderSnapshotEntry> known;
    if (key == QLatin1String("0")) {
        // full hierarchy: diff against an empty snapshot
    } else if (state && key == state->syncKey) {
        known = m_store.syncStates().folderSnapshot(userId, request.deviceId);
    } else if (state && key == state->prevKey && !state->prevResponse.isEmpty()) {
        if (auto replay = elementFromBlob(state->prevResponse))
            return HandlerResult::doc(*replay);
        return HandlerResult::doc(status(9));
    } else {
        return HandlerResult::doc(status(9));
    }

    const QList<FolderRow> folders = m_store.hierarchy().folders(userId);
    QHash<qint64, FolderSnapshotEntry> current;
    wbxml::Element changes(tag::FolderHierarchy::Changes);
    int count = 0;
    for (const FolderRow &f : folders) {
        current.insert(f.id, FolderSnapshotEntry{f.name, f.parentId});
        const auto it = known.constFind(f.id);
        if (it != known.cend() && it->name == f.name && it->parentId == f.parentId)
            continue;
        auto &item = changes.add(it == known.cend() ? tag::FolderHierarchy::Add : tag::FolderHierarchy::Update);
        item.add(tag::FolderHierarchy::ServerId, QString::number(f.id));
        item.add(tag::FolderHierarchy::ParentId, QString::number(f.parentId));
        item.add(tag::FolderHierarchy::DisplayName, f.name);
        item.add(tag::FolderHierarchy::Type, qint64(f.type));
        ++count;
    }
    QList<qint64> gone;
    for (auto it = known.cbegin(); it != known.cend(); ++it)
        if (!current.contains(it.key()))
            gone.append(it.key());
    std::sort(gone.begin(), gone.end());
    for (qint64 id : gone) {
        changes.add(tag::FolderHierarchy::Delete).add(tag::FolderHierarchy::ServerId, QString::number(id));
        ++count;
    }

    // An unchanged hierarchy keeps its key, as Exchange does.
    if (state && key == state->syncKey && count == 0) {
        wbxml::Element root = status(1);
        root.add(tag::FolderHierarchy::SyncKey, key);
        root.add(tag::FolderHierarchy::Changes).add(tag::FolderHierarchy::Count, "0");
        return HandlerResult::doc(root);
    }

    wbxml::Element root = status(1);
    const QString newKey = m_store.syncStates().nextSyncKey();
    root.add(tag::FolderHierarchy::SyncKey, newKey);
    auto &outChanges = root.add(tag::FolderHierarchy::Changes);
    outChanges.add(tag::FolderHierarchy::Count, qint64(count));
    for (auto &c : changes.children())
        outChanges.children().push_back(std::move(c));

    m_store.begin();
    m_store.syncStates().replaceFolderSnapshot(userId, request.deviceId, current);
    m_store.syncStates().saveFolderSyncState(userId, request.deviceId,
                                FolderSyncState{newKey, key == QLatin1String("0") ? QString() : key,
                                                key == QLatin1String("0") ? QByteArray() : elementToBlob(root)});
    m_store.commit();
    return HandlerResult::doc(root);
}

} // namespace skein::server
