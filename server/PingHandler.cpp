#include "PingHandler.h"

#include "ChangeTracker.h"

#include <EasTags.h>

namespace skein::server {

namespace tag = wbxml::tag;

wbxml::Element PingHandler::answer(int status, const QStringList &folders)
{
    wbxml::Element root(tag::Ping::Ping);
    root.add(tag::Ping::Status, qint64(status));
    if (!folders.isEmpty()) {
        auto &list = root.add(tag::Ping::Folders);
        for (const QString &f : folders)
            list.add(tag::Ping::Folder, f);
    }
    return root;
}

HandlerResult PingHandler::start(const EasRequest &request, Watch *watch)
{
    const QString cacheKey = QString::number(request.user.id) + QLatin1Char('/') + request.deviceId;
    Watch w = m_cache.value(cacheKey);
    w.userId = request.user.id;
    w.deviceId = request.deviceId;
    if (request.body) {
        if (!request.body->is(tag::Ping::Ping))
            return HandlerResult::doc(answer(4));
        if (const wbxml::Element *hb = request.body->child(tag::Ping::HeartbeatInterval)) {
            bool ok = false;
            const int seconds = hb->text().trimmed().toInt(&ok);
            if (!ok)
                return HandlerResult::doc(answer(4));
            if (seconds < kMinHeartbeat || seconds > kMaxHeartbeat) {
                wbxml::Element root = answer(5);
                root.add(tag::Ping::HeartbeatInterval, qint64(seconds < kMinHeartbeat ? kMinHeartbeat : kMaxHeartbeat));
                return HandlerResult::doc(root);
            }
            w.heartbeatSeconds = seconds;
        }
        if (const wbxml::Element *folders = request.body->child(tag::Ping::Folders)) {
            const auto list = folders->all(tag::Ping::Folder);
            if (list.size() > kMaxFolders) {
                wbxml::Element root = answer(6);
                root.add(tag::Ping::MaxFolders, qint64(kMaxFolders));
                return HandlerResult::doc(root);
            }
            w.folders.clear();
            for (const wbxml::Element *f : list)
                w.folders.append(f->childText(tag::Ping::Id).trimmed().toLongLong());
        }
    }
    if (w.heartbeatSeconds == 0 || w.folders.isEmpty())
        return HandlerResult::doc(answer(3)); // parameters missing and nothing cached
    for (qint64 id : std::as_const(w.folders))
        if (!m_ctx.store.hierarchy().folder(w.userId, id))
            return HandlerResult::doc(answer(7)); // FolderSync first
    m_cache.insert(cacheKey, w);
    const QStringList changed = changedFolders(w);
    if (!changed.isEmpty())
        return HandlerResult::doc(answer(2, changed));
    *watch = w;
    return HandlerResult::empty();
}

QStringList PingHandler::changedFolders(const Watch &watch)
{
    QStringList out;
    for (qint64 id : watch.folders) {
        const auto state = m_ctx.store.syncStates().syncState(watch.userId, watch.deviceId, id);
        const auto folder = m_ctx.store.hierarchy().folder(watch.userId, id);
        if (!state || !folder)
            continue;
        ChangeTracker tracker(m_ctx.store, *folder, state->id,
                              ResultSetOptions{state->filterType, state->conversationMode, m_ctx.nowMs()});
        tracker.catchUp();
        if (tracker.hasChanges())
            out << QString::number(id);
    }
    return out;
}

} // namespace skein::server
