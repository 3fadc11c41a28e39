// Test helpers for conversation actions, Search and sending: a reference
// server with demo (seeded), alice and bob; provisioned clients; dump
// look-ups; Sync priming; request builders for Move and ComposeMail.
#pragma once

#include "EasTestClient.h"

#include <ReferenceServer.h>
#include <ServerStore.h>

#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <functional>
#include <memory>

namespace skein::test {

using skein::server::ReferenceServer;

inline const QDateTime kNow = QDateTime(QDate(2026, 6, 15), QTime(12, 0), Qt::UTC);

// demo (demo mailbox), alice and bob (empty), listening, clock pinned.
struct MailServerFixture {
    QTemporaryDir dir;
    ReferenceServer server;

    bool setUp()
    {
        if (!dir.isValid() || !server.open(dir.path()) || server.seedDemo(kNow) <= 100)
            return false;
        if (!server.addUser(QStringLiteral("alice"), QStringLiteral("alice")) || !server.addUser(QStringLiteral("bob"), QStringLiteral("bob")))
            return false;
        server.setNow(kNow); // deliveries and rules get this date
        return server.start() != 0;
    }

    std::unique_ptr<EasTestClient> client(const QString &user, const QString &device, const QByteArray &version = "14.1")
    {
        auto c = std::make_unique<EasTestClient>(server.url(), user, user, device, version);
        if (!c->provision())
            return nullptr;
        return c;
    }

    QString folderId(const QString &user, const QString &name) const { return server.folderId(user, name); }

    QJsonObject user(const QString &name) const
    {
        for (const QJsonValue &u : server.dump().value(QStringLiteral("users")).toArray())
            if (u.toObject().value(QStringLiteral("name")).toString() == name)
                return u.toObject();
        return {};
    }

    QList<QJsonObject> messages(const QString &userName, const std::function<bool(const QJsonObject &)> &keep = {}) const
    {
        QList<QJsonObject> out;
        for (const QJsonValue &m : user(userName).value(QStringLiteral("messages")).toArray())
            if (!keep || keep(m.toObject()))
                out.append(m.toObject());
        return out;
    }

    QList<QJsonObject> conversation(const QString &userName, const QString &conversationHex) const
    {
        return messages(userName, [&](const QJsonObject &m) {
            return m.value(QStringLiteral("conversationId")).toString() == conversationHex;
        });
    }

    // The hex ConversationId of the demo thread with this subject (exact thread starter subject).
    QString conversationOf(const QString &userName, const QString &subject) const
    {
        for (const QJsonObject &m : messages(userName))
            if (m.value(QStringLiteral("subject")).toString() == subject)
                return m.value(QStringLiteral("conversationId")).toString();
        return {};
    }

    QJsonObject messageByServerId(const QString &userName, const QString &serverId) const
    {
        for (const QJsonObject &m : messages(userName))
            if (m.value(QStringLiteral("serverId")).toString() == serverId)
                return m;
        return {};
    }
};

inline QString text(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

inline QStringList folderNames(const QList<QJsonObject> &messages)
{
    QStringList out;
    for (const QJsonObject &m : messages)
        out << text(m, "folder");
    out.sort();
    return out;
}

inline QList<const Element *> syncItems(const EasResponse &r, skein::wbxml::Tag kind)
{
    const Element *c = EasTestClient::collection(r);
    const Element *commands = c ? c->child(tag::AirSync::Commands) : nullptr;
    return commands ? commands->all(kind) : QList<const Element *>();
}

inline QStringList syncServerIds(const EasResponse &r, skein::wbxml::Tag kind)
{
    QStringList out;
    for (const Element *e : syncItems(r, kind))
        out << e->childText(tag::AirSync::ServerId);
    return out;
}

// Key 0, then pages until nothing more: the device is up to date.
inline QString primeFolder(EasTestClient &c, const QString &folderId)
{
    QString key = EasTestClient::collection(c.sync(QStringLiteral("0"), folderId))->childText(tag::AirSync::SyncKey);
    for (int i = 0; i < 20; ++i) {
        const EasResponse r = c.sync(key, folderId);
        const Element *col = EasTestClient::collection(r);
        if (!col)
            return {};
        key = col->childText(tag::AirSync::SyncKey);
        if (!col->has(tag::AirSync::MoreAvailable))
            break;
    }
    return key;
}

struct MoveSpec {
    QByteArray conversationId;
    QString destination;
    bool moveAlways = true;
    bool asString = false; // ConversationId as an inline string (hex) instead of OPAQUE
};

inline Element moveRequest(const QList<MoveSpec> &moves)
{
    Element root(tag::ItemOperations::ItemOperations);
    for (const MoveSpec &m : moves) {
        auto &move = root.add(tag::ItemOperations::Move);
        if (m.asString)
            move.add(tag::ItemOperations::ConversationId, m.conversationId.toHex());
        else if (!m.conversationId.isNull())
            move.addOpaque(tag::ItemOperations::ConversationId, m.conversationId);
        if (!m.destination.isNull())
            move.add(tag::ItemOperations::DstFldId, m.destination);
        if (m.moveAlways)
            move.add(tag::ItemOperations::Options).add(tag::ItemOperations::MoveAlways);
    }
    return root;
}

// (Status, echoed ConversationId) of each Response/Move, in order.
inline QList<std::pair<int, QByteArray>> moveResults(const EasResponse &r)
{
    QList<std::pair<int, QByteArray>> out;
    const Element *response = r.doc ? r.doc->child(tag::ItemOperations::Response) : nullptr;
    if (!response)
        return out;
    for (const Element *m : response->all(tag::ItemOperations::Move))
        out.append({m->childInt(tag::ItemOperations::Status, -1), m->childData(tag::ItemOperations::ConversationId)});
    return out;
}

inline QByteArray mimeMessage(const QString &from, const QString &to, const QString &subject, const QString &body,
                              const QByteArray &extraHeaders = {})
{
    QByteArray m = "From: " + from.toUtf8() + "\r\nTo: " + to.toUtf8() + "\r\nSubject: " + subject.toUtf8()
        + "\r\nDate: Mon, 15 Jun 2026 12:00:00 +0000\r\nMIME-Version: 1.0\r\n" + extraHeaders
        + "Content-Type: text/plain; charset=utf-8\r\n\r\n" + body.toUtf8() + "\r\n";
    return m;
}

struct ComposeSpec {
    QString clientId;
    QByteArray mime;
    QString itemId;   // SmartReply / SmartForward source
    QString folderId; // optional Source/FolderId
    QString longId;
    bool saveInSent = true;
    bool replaceMime = false;
};

inline Element composeRequest(skein::wbxml::Tag root, const ComposeSpec &s)
{
    Element req(root);
    req.add(tag::ComposeMail::ClientId, s.clientId);
    if (!s.itemId.isEmpty() || !s.longId.isEmpty()) {
        auto &source = req.add(tag::ComposeMail::Source);
        if (!s.folderId.isEmpty())
            source.add(tag::ComposeMail::FolderId, s.folderId);
        if (!s.itemId.isEmpty())
            source.add(tag::ComposeMail::ItemId, s.itemId);
        if (!s.longId.isEmpty())
            source.add(tag::ComposeMail::LongId, s.longId);
    }
    if (s.saveInSent)
        req.add(tag::ComposeMail::SaveInSentItems);
    if (s.replaceMime)
        req.add(tag::ComposeMail::ReplaceMime);
    req.addOpaque(tag::ComposeMail::Mime, s.mime);
    return req;
}

// A reply index is its parent's plus exactly one 5-byte block.
inline bool isChildIndex(const QString &childHex, const QString &parentHex)
{
    return childHex.size() == parentHex.size() + 10 && childHex.startsWith(parentHex);
}

} // namespace skein::test
