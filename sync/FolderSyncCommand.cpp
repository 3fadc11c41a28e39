#include "FolderSyncCommand.h"

#include "EasTags.h"

namespace skein::eas {

namespace tag = wbxml::tag;
using wbxml::Element;

namespace {

FolderType folderTypeFrom(int value)
{
    // Values outside the table (a newer server) are "unknown", never guessed.
    return value >= 1 && value <= 19 ? FolderType(value) : FolderType::Unknown;
}

void parseChanges(const Element &changes, FolderSyncCommand::Result &result)
{
    for (const Element &e : changes.children()) {
        const bool addOrUpdate = e.is(tag::FolderHierarchy::Add) || e.is(tag::FolderHierarchy::Update);
        if (!addOrUpdate && !e.is(tag::FolderHierarchy::Delete))
            continue; // Count and unknown elements
        const QString serverId = e.childText(tag::FolderHierarchy::ServerId);
        if (serverId.isEmpty()) {
            result.skipped.append(QStringLiteral("folder entry without ServerId"));
            continue;
        }
        if (!addOrUpdate) {
            result.deletes.append(serverId);
            continue;
        }
        Folder folder;
        folder.serverId = serverId;
        folder.parentId = e.childText(tag::FolderHierarchy::ParentId, QStringLiteral("0"));
        folder.name = e.childText(tag::FolderHierarchy::DisplayName);
        folder.type = folderTypeFrom(e.childInt(tag::FolderHierarchy::Type, 18));
        result.addsOrUpdates.append(folder);
    }
}

} // namespace

FolderSyncCommand::FolderSyncCommand(QString syncKey) : m_syncKey(std::move(syncKey)) {}

Element FolderSyncCommand::request() const
{
    Element root(tag::FolderHierarchy::FolderSync);
    root.add(tag::FolderHierarchy::SyncKey, m_syncKey.isEmpty() ? QStringLiteral("0") : m_syncKey);
    return root;
}

FolderSyncCommand::Result FolderSyncCommand::parse(const Element *root)
{
    Result result;
    if (!root || !root->is(tag::FolderHierarchy::FolderSync)) {
        result.status = 0;
        result.error = root ? QStringLiteral("response root is not FolderSync")
                            : QStringLiteral("empty FolderSync response");
        return result;
    }
    result.status = root->childInt(tag::FolderHierarchy::Status, 1);
    if (result.status != 1)
        return result;
    result.syncKey = root->childText(tag::FolderHierarchy::SyncKey);
    if (result.syncKey.isEmpty()) {
        // Without a new key the changes cannot be stored consistently.
        result.error = QStringLiteral("FolderSync response without SyncKey");
        return result;
    }
    if (const Element *changes = root->child(tag::FolderHierarchy::Changes))
        parseChanges(*changes, result);
    return result;
}

} // namespace skein::eas
