// The reference server of the "server" target: a small mailbox in a
// temporary SQLite store, one device provisioned and synced, restored to
// exactly that state before every input, so that an input replays the same
// way in any process.
#pragma once

#include <EasEndpoint.h>
#include <ServerContext.h>

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

struct sqlite3;

namespace skein::fuzz {

// One POST of the "server" target. Its input holds one or more requests,
// separated by kNextRequest, each
//   byte 0  the command: commands()[byte % size]
//   byte 1  bits 0-2 the protocol version (versions()[bits % 5]); bit 3 no
//           policy key; bit 4 Content-Type message/rfc822; bit 5 the 12.x
//           compose query (ItemId, CollectionId, SaveInSent=T); bit 6
//           SOGo's peer quirks; bit 7 a wrong password
//   rest    the body (WBXML, or MIME for 12.x compose)
struct ServerRequest {
    QString command;
    QByteArray version = "14.1";
    bool provisioned = true;   // send the device's policy key
    bool rawMime = false;      // Content-Type message/rfc822
    bool composeQuery = false; // ItemId, CollectionId, SaveInSent=T in the query (12.x)
    bool peerQuirks = false;   // behave like SOGo (PeerQuirks, all three)
    bool wrongPassword = false;
    QByteArray body;

    static inline const QByteArray kNextRequest = "<SKEIN-NEXT>";
    static const QList<QString> &commands();  // the last one is no EAS command
    static const QList<QByteArray> &versions();

    static QList<ServerRequest> splitInput(const QByteArray &input); // requests shorter than 2 bytes are dropped
    static QByteArray joinInput(const QList<ServerRequest> &requests);
};

class ServerFixture
{
public:
    static constexpr const char *user = "fuzz";
    static constexpr const char *deviceId = "FUZZDEVICE";
    static constexpr const char *temporaryPolicyKey = "1111111111";
    static constexpr const char *policyKey = "2222222222";

    // Fails (qFatal) when the store cannot be created: no input could run.
    ServerFixture();
    ~ServerFixture();
    ServerFixture(const ServerFixture &) = delete;
    ServerFixture &operator=(const ServerFixture &) = delete;

    // Back to the state right after the constructor.
    void restore();
    // A fresh EasEndpoint (no state from earlier inputs), same code path as HTTP.
    server::HttpReply post(const ServerRequest &request);

    // What the primed state holds, for seeds.
    QString inboxId;
    QString projectsId;
    QString folderSyncKey;          // the device's hierarchy key
    QString inboxSyncKey;           // the device's Inbox key (items sent)
    QString projectsSyncKey;
    QStringList inboxServerIds;
    QStringList projectsServerIds;
    QByteArray conversationId;      // of the first Inbox message
    QString attachmentFileReference;

private:
    server::HttpReply prime(const ServerRequest &request, const char *what);
    void seedMailbox();

    QTemporaryDir m_dir;
    server::ServerContext m_ctx;
    std::unique_ptr<server::EasEndpoint> m_endpoint;
    sqlite3 *m_template = nullptr; // in memory: the primed store
};

} // namespace skein::fuzz
