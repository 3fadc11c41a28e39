#pragma once

#include "FaultInjector.h"
#include "IdentitySettings.h"
#include "PeerQuirks.h"

#include <QDateTime>
#include <QHostAddress>
#include <QJsonObject>
#include <QObject>
#include <QStringList>
#include <QUrl>

#include <memory>

namespace skein::server {

class HttpFrontend;
class ServerStore;
struct ServerContext;

// Mail arriving from outside for one local user (`skein-server deliver`).
// Exactly one of: `mime` (a whole RFC 5322 message, threaded by Thread-Index,
// else In-Reply-To/References, else new); `replyToServerId` (a reply from
// `from` to that message of the user: its conversation, its index + one
// block); neither (a new conversation from `from`).
struct IncomingMail {
    QString to; // user name
    QByteArray mime;
    QString replyToServerId;
    QString from; // "Name <addr>" or addr
    QString subject;
    QString body; // plain text
};

// Where a delivered message landed, after the user's conversation rules.
struct DeliveryResult {
    bool ok = false;
    QString error;
    QString serverId; // FOLDERID:MESSAGEID
    QString folderId;
    QString folder; // display name
    QByteArray conversationId;
    QByteArray conversationIndex;
    QString messageId; // RFC 5322 Message-ID, with <>
};

// A persistent always-move / ignore rule, as dump --json lists it.
struct ConversationRuleInfo {
    QByteArray conversationId;
    QString folderId;
    QString folder;
    QDateTime created;
};

// The reference Exchange ActiveSync server, usable in-process (tests) and
// from skein-server. Everything runs in the thread that owns the object.
//
//   ReferenceServer server;
//   server.open(dir);                       // SQLite store in dir
//   server.seedDemo();                      // user demo/demo + demo mailbox
//   quint16 port = server.start(QHostAddress::LocalHost, 0);
//   QUrl url = server.url();                // http://127.0.0.1:PORT/Microsoft-Server-ActiveSync
class ReferenceServer : public QObject
{
    Q_OBJECT
public:
    explicit ReferenceServer(QObject *parent = nullptr);
    ~ReferenceServer() override;

    // Opens (creating if needed) the store in dataDir. False + *error when
    // the directory is not writable or the database cannot be opened.
    bool open(const QString &dataDir, QString *error = nullptr);
    void close(); // stops listening and closes the store
    bool isOpen() const;
    bool hasUsers() const;

    // Creates the user with the standard folders, or resets the password.
    bool addUser(const QString &name, const QString &password);
    // User `user` (default demo/demo) with the deterministic demo mailbox,
    // dates relative to `now`. Returns the number of messages inserted.
    int seedDemo(const QDateTime &now = QDateTime::currentDateTimeUtc(),
                 const QString &user = QStringLiteral("demo"), const QString &password = QStringLiteral("demo"));
    // `count` synthetic messages in threads of 1-10 into `folder` (a display
    // name; created as a mail folder if missing); creates the user (password =
    // name) if needed. One transaction. Returns the number inserted.
    int generate(const QString &user, const QString &folder, int count, quint32 seed = 1,
                 const QDateTime &now = QDateTime::currentDateTimeUtc());

    // Listens; returns the actual port, 0 if the address/port is unavailable.
    quint16 start(const QHostAddress &address = QHostAddress::LocalHost, quint16 port = 0);
    void stop();
    quint16 port() const { return m_port; }
    QUrl url() const; // http://HOST:PORT/Microsoft-Server-ActiveSync

    // Collection id (as sent in FolderSync) of a user's folder by display name; empty if none.
    QString folderId(const QString &user, const QString &folderName) const;

    // Fault knobs for client robustness tests: HTTP error bursts, forced
    // statuses, held answers (FaultInjector.h, `--fault`).
    FaultInjector &faults() const;
    // Behave like a server without MS-ASCON features, for the life of this
    // object (PeerQuirks.h, `--refuse`, `--no-conversation-index`).
    PeerQuirks &quirks() const;
    // How users sign in (IdentitySettings.h, docs/signin.md): the schemes
    // the ActiveSync endpoint accepts, token and device-code lifetimes, and
    // the identity provider's clock, which tests move forward.
    IdentitySettings &identity() const;

    // Imports dir/manifest.json and the .eml files it names into `user`'s
    // mailbox (created, password = name, if missing): folders by IMAP path,
    // Date order, threaded like deliver --mime. One transaction. Returns the
    // number imported, -1 (and *error naming the file) on any failure.
    // Format: server/README.md "Seeding from MIME files".
    int seedMime(const QString &dir, const QString &user, QString *error = nullptr);

    // Revokes every token of the user (`skein-server revoke`); the number of
    // tokens revoked, -1 for an unknown user.
    int revokeTokens(const QString &user);
    // http://HOST:PORT, the BASE of docs/signin.md.
    QUrl baseUrl() const;

    // Pins "now" for FilterType windows (invalid QDateTime: the real clock).
    void setNow(const QDateTime &now);

    // Request bodies over `bytes` get HTTP 413 before they are read whole
    // (default kDefaultMaxRequestBytes, 64 MiB; RequestSizeGuard.h). Applies
    // to the next request, also while serving.
    void setMaxRequestBytes(qint64 bytes);
    qint64 maxRequestBytes() const;

    // Delivers internet mail into the user's Inbox, or where the user's
    // conversation rule sends it (ReferenceServerDelivery.cpp).
    DeliveryResult deliver(const IncomingMail &mail);
    // The user's always-move / ignore rules, oldest first.
    QList<ConversationRuleInfo> conversationRules(const QString &user) const;

    // Same JSON as `skein-server --data DIR dump --json`.
    QJsonObject dump() const;

    ServerStore &store() const;

private:
    std::unique_ptr<ServerContext> m_ctx;
    std::unique_ptr<HttpFrontend> m_frontend;
    QHostAddress m_address;
    quint16 m_port = 0;
};

} // namespace skein::server
