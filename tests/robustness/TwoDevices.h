#pragma once

// Two profiles of one user against the in-process reference server: what
// tst_convergence and tst_twodevices share.

#include "ReferenceServer.h"
#include "SyncEngine.h"

#include <QJsonArray>
#include <QMap>
#include <QSignalSpy>

#include <functional>
#include <memory>

namespace robustness {

using namespace skein;
using namespace skein::eas;

struct MessageState {
    bool read = false;
    int flagStatus = 0;

    friend bool operator==(const MessageState &, const MessageState &) = default;
};

inline QString describe(const MessageState &s)
{
    return QStringLiteral("read=%1 flag=%2").arg(s.read ? 1 : 0).arg(s.flagStatus);
}

// "Folder/ServerId" -> state: a ServerId is unique only within its folder,
// and a move gives the message a new one, so the key also says where it is.
using MailboxState = QMap<QString, MessageState>;

inline QJsonObject serverUser(const server::ReferenceServer &server, const QString &name = QStringLiteral("demo"))
{
    for (const QJsonValue &u : server.dump().value(QStringLiteral("users")).toArray())
        if (u[QStringLiteral("name")].toString() == name)
            return u.toObject();
    return {};
}

// The server's messages in the named folders.
inline MailboxState serverState(const server::ReferenceServer &server, const QSet<QString> &folders)
{
    MailboxState state;
    for (const QJsonValue &m : serverUser(server)[QStringLiteral("messages")].toArray()) {
        const QString folder = m[QStringLiteral("folder")].toString();
        if (folders.contains(folder))
            state.insert(folder + QLatin1Char('/') + m[QStringLiteral("serverId")].toString(),
                         {m[QStringLiteral("read")].toBool(), m[QStringLiteral("flagStatus")].toInt()});
    }
    return state;
}

// The folders a device syncs (Drafts only from 16.0, never calendars...).
inline QList<Folder> syncedFolders(const Store &store)
{
    QList<Folder> folders;
    const QString version = store.accountStore().account().value_or(AccountSettings{}).protocolVersion;
    for (const Folder &f : store.folderStore().folders())
        if (SyncRunner::shouldSync(f, version))
            folders.append(f);
    return folders;
}

inline QSet<QString> syncedFolderNames(const Store &store)
{
    QSet<QString> names;
    for (const Folder &f : syncedFolders(store))
        names.insert(f.name);
    return names;
}

inline MailboxState deviceState(const Store &store)
{
    MailboxState state;
    for (const Folder &f : syncedFolders(store))
        for (const Message &m : store.messageStore().messagesInFolder(f.serverId))
            state.insert(f.name + QLatin1Char('/') + m.serverId, {m.read, int(m.flag.status)});
    return state;
}

// Where the device differs from the server, one line per message.
inline QStringList differences(const server::ReferenceServer &server, const Store &store)
{
    const MailboxState onServer = serverState(server, syncedFolderNames(store));
    const MailboxState onDevice = deviceState(store);
    QStringList out;
    for (auto it = onServer.cbegin(); it != onServer.cend(); ++it) {
        if (!onDevice.contains(it.key()))
            out.append(QStringLiteral("%1: only on the server").arg(it.key()));
        else if (onDevice.value(it.key()) != it.value())
            out.append(QStringLiteral("%1: server %2, device %3")
                           .arg(it.key(), describe(it.value()), describe(onDevice.value(it.key()))));
    }
    for (auto it = onDevice.cbegin(); it != onDevice.cend(); ++it)
        if (!onServer.contains(it.key()))
            out.append(QStringLiteral("%1: only on the device").arg(it.key()));
    return out;
}

// One profile: its own database and DeviceId, its engine (on its own
// thread) and the test thread's own connection, on which the user acts.
struct Device {
    QString name;
    QString db;
    std::unique_ptr<SyncEngine> engine;
    std::unique_ptr<Store> store;

    // Runs one engine job (posted by post) and waits for its answer.
    bool run(void (SyncEngine::*signal)(const SyncReport &), const std::function<void()> &post,
             SyncReport *report = nullptr)
    {
        QSignalSpy finished(engine.get(), signal);
        post();
        // The engine emits on its own thread, possibly before wait() starts.
        while (finished.isEmpty())
            if (!finished.wait(120000))
                return false;
        if (report)
            *report = finished.first().first().value<SyncReport>();
        return true;
    }
    bool syncAll(SyncReport *report = nullptr)
    {
        return run(&SyncEngine::syncFinished, [this] { engine->syncAll(); }, report);
    }
    bool syncFolder(const QString &folderId)
    {
        return run(&SyncEngine::syncFinished, [&] { engine->syncFolder(folderId); });
    }
    bool replay(SyncReport *report = nullptr)
    {
        return run(&SyncEngine::replayFinished, [this] { engine->replayNow(); }, report);
    }

    // A new profile of user demo on server, its engine started, not synced yet.
    bool open(const server::ReferenceServer &server, const QString &dir, const QString &deviceName)
    {
        name = deviceName;
        db = dir + QLatin1Char('/') + deviceName + QStringLiteral(".db");
        store = std::make_unique<Store>();
        if (!store->open(db))
            return false;
        AccountSettings account;
        QUrl base = server.url();
        base.setPath({});
        account.url = base.toString();
        account.user = QStringLiteral("demo");
        account.deviceId = QStringLiteral("TWODEVICES") + deviceName;
        if (!store->accountStore().saveAccount(account))
            return false;
        SyncEngine::Config config;
        config.databasePath = db;
        config.password = QStringLiteral("demo");
        config.maxRetryAfterMs = 20;
        engine = std::make_unique<SyncEngine>(config);
        return true;
    }

    void close()
    {
        engine.reset();
        store.reset();
    }

    QString folderId(const QString &name) const { return store->folderStore().folderByName(name).value_or(Folder{}).serverId; }
};

} // namespace robustness
