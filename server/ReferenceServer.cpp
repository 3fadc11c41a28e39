#include "ReferenceServer.h"

#include "DemoSeed.h"
#include "HttpFrontend.h"
#include "ServerContext.h"
#include "ServerDump.h"
#include "TokenStore.h"

namespace skein::server {

ReferenceServer::ReferenceServer(QObject *parent)
    : QObject(parent), m_ctx(std::make_unique<ServerContext>())
{
}

ReferenceServer::~ReferenceServer()
{
    close();
}

bool ReferenceServer::open(const QString &dataDir, QString *error)
{
    close();
    return m_ctx->store.open(dataDir, error);
}

void ReferenceServer::close()
{
    stop();
    m_ctx->store.close();
}

bool ReferenceServer::isOpen() const
{
    return m_ctx->store.isOpen();
}

bool ReferenceServer::hasUsers() const
{
    return m_ctx->store.isOpen() && m_ctx->store.accounts().hasUsers();
}

bool ReferenceServer::addUser(const QString &name, const QString &password)
{
    if (!isOpen() || name.isEmpty())
        return false;
    return m_ctx->store.accounts().ensureUser(name, password) != 0;
}

int ReferenceServer::seedDemo(const QDateTime &now, const QString &user, const QString &password)
{
    if (!isOpen())
        return 0;
    return demo::seedDemo(m_ctx->store, user, password, now).messages;
}

int ReferenceServer::generate(const QString &user, const QString &folder, int count, quint32 seed,
                              const QDateTime &now)
{
    if (!isOpen())
        return 0;
    ServerStore &s = m_ctx->store;
    auto u = s.accounts().user(user);
    const qint64 userId = u ? u->id : s.accounts().ensureUser(user, user);
    auto f = s.hierarchy().folderByName(userId, folder);
    const qint64 folderId = f ? f->id : s.hierarchy().addFolder(userId, 0, folder, FolderType::UserMail);
    return demo::generateMessages(s, userId, folderId, count, seed, now);
}

quint16 ReferenceServer::start(const QHostAddress &address, quint16 port)
{
    stop();
    if (!isOpen())
        return 0;
    m_frontend = std::make_unique<HttpFrontend>(*m_ctx);
    m_port = m_frontend->listen(address, port);
    if (m_port == 0)
        m_frontend.reset();
    m_address = address;
    return m_port;
}

void ReferenceServer::stop()
{
    if (m_frontend)
        m_frontend->stop();
    m_frontend.reset();
    m_port = 0;
}

QUrl ReferenceServer::url() const
{
    QUrl u;
    u.setScheme(QStringLiteral("http"));
    u.setHost(m_address.toString());
    u.setPort(m_port);
    u.setPath(QStringLiteral("/Microsoft-Server-ActiveSync"));
    return u;
}

QString ReferenceServer::folderId(const QString &user, const QString &folderName) const
{
    const auto u = m_ctx->store.accounts().user(user);
    const auto f = u ? m_ctx->store.hierarchy().folderByName(u->id, folderName) : std::nullopt;
    return f ? QString::number(f->id) : QString();
}

FaultInjector &ReferenceServer::faults() const
{
    return m_ctx->faults;
}

PeerQuirks &ReferenceServer::quirks() const
{
    return m_ctx->quirks;
}

IdentitySettings &ReferenceServer::identity() const
{
    return m_ctx->identity;
}

int ReferenceServer::revokeTokens(const QString &user)
{
    const auto u = isOpen() ? m_ctx->store.accounts().user(user) : std::nullopt;
    if (!u)
        return -1;
    return TokenStore(m_ctx->store).revokeUser(u->id);
}

QUrl ReferenceServer::baseUrl() const
{
    QUrl u = url();
    u.setPath(QString());
    return u;
}

void ReferenceServer::setNow(const QDateTime &now)
{
    m_ctx->fixedNowMs = now.isValid() ? now.toMSecsSinceEpoch() : 0;
}

void ReferenceServer::setMaxRequestBytes(qint64 bytes)
{
    m_ctx->maxRequestBytes = bytes;
}

qint64 ReferenceServer::maxRequestBytes() const
{
    return m_ctx->maxRequestBytes;
}

QJsonObject ReferenceServer::dump() const
{
    return dumpStore(m_ctx->store);
}

ServerStore &ReferenceServer::store() const
{
    return m_ctx->store;
}

} // namespace skein::server
