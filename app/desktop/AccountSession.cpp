#include "AccountSession.h"

#include "OwnAddress.h"
#include "SyncEngine.h"

#include <QUrl>

namespace skein::desktop {

AccountSession::AccountSession(const QString &profileDirectory, const QString &name, QObject *parent)
    : QObject(parent)
    , m_profile(profileDirectory, name)
{
}

AccountSession::~AccountSession()
{
    syncTimer.stop();
    delete windowLink.data();
    m_engine.reset();
}

bool AccountSession::open(QString *error)
{
    if (!m_profile.ensurePrivate(error))
        return false;
    if (!m_store.open(m_profile.databasePath())) {
        *error = tr("Cannot open %1: %2").arg(m_profile.databasePath(), m_store.lastError());
        return false;
    }
    return true;
}

QString AccountSession::address() const
{
    const AccountSettings account = m_store.accountStore().account().value_or(AccountSettings{});
    return account.email.isEmpty() ? account.user : account.email;
}

QString AccountSession::label() const
{
    const AccountSettings account = m_store.accountStore().account().value_or(AccountSettings{});
    if (account.url.isEmpty())
        return tr("New account");
    return QStringLiteral("%1 — %2").arg(address(), QUrl(account.url).host());
}

QString AccountSession::ownAddress()
{
    if (!m_ownAddress.isEmpty())
        return m_ownAddress;
    const AccountSettings account = m_store.accountStore().account().value_or(AccountSettings{});
    const QString address = eas::ownAddress(m_store, account);
    // user@host is a guess made while Sent Items is empty: ask again next time.
    if (address != account.user + QLatin1Char('@') + QUrl(account.url).host())
        m_ownAddress = address;
    return address;
}

eas::SyncEngine *AccountSession::startEngine(const EngineCredentials &credentials, int filterType)
{
    delete windowLink.data();
    m_engine.reset(); // waits for a running job; queued reports still arrive
    syncing = false;
    pushListening = false;
    m_credentials = credentials;
    m_ownAddress.clear(); // the account may have changed with the credentials
    eas::SyncEngine::Config config;
    config.databasePath = m_profile.databasePath();
    config.password = credentials.password;
    config.tokenStore = credentials.tokenStore;
    config.initialTokens = credentials.initialTokens;
    config.options.filterType = filterType;
    m_engine = std::make_unique<eas::SyncEngine>(config);
    return m_engine.get();
}

void AccountSession::stopEngine()
{
    syncTimer.stop();
    delete windowLink.data();
    m_engine.reset();
    syncing = false;
    pushListening = false;
}

} // namespace skein::desktop
