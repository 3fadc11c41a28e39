#include "AccountFlow.h"

#include "SyncSummary.h"

#include <QRandomGenerator>
#include <QTimer>

namespace skein::desktop {

QString newDeviceId()
{
    QByteArray bytes(16, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(bytes.data()), 4);
    return QString::fromLatin1(bytes.toHex().toUpper());
}

bool saveAccountSettings(Store &store, const QString &url, const QString &path, const QString &user)
{
    AccountSettings account = store.account().value_or(AccountSettings{});
    const bool sameServer = account.url == url && account.user == user && account.endpointPath == path;
    account.url = url;
    account.endpointPath = path;
    account.user = user;
    if (account.deviceId.isEmpty())
        account.deviceId = newDeviceId();
    if (!sameServer) {
        account.protocolVersion.clear();
        account.policyKey.clear();
        account.folderSyncKey = QStringLiteral("0");
    }
    return store.saveAccount(account);
}

AccountFlow::AccountFlow(const cli::Profile &profile, Store &store, Connector connector, QObject *parent)
    : QObject(parent)
    , m_profile(profile)
    , m_store(store)
    , m_connector(std::move(connector))
{
}

AccountFlow::~AccountFlow()
{
    delete m_dialog; // a top-level window without a parent
}

void AccountFlow::start(std::optional<ui::AccountDialog::DialogError> failure, const QString &message)
{
    if (!m_dialog) {
        m_dialog = new ui::AccountDialog;
        connect(m_dialog, &ui::AccountDialog::connectRequested, this, &AccountFlow::onConnectRequested);
        connect(m_dialog, &QDialog::rejected, this, &AccountFlow::cancelled);
    }
    if (const std::optional<AccountSettings> account = m_store.account())
        m_dialog->setAccount(account->url, account->endpointPath, account->user);
    if (failure)
        m_dialog->showFailed(*failure, message);
    m_dialog->show();
    m_dialog->raise();
    m_dialog->activateWindow();
}

void AccountFlow::onConnectRequested(const QString &url, const QString &path, const QString &user,
                                     const QString &password)
{
    if (!saveAccountSettings(m_store, url, path, user)) {
        m_dialog->showFailed(ui::AccountDialog::DialogError::Other, m_store.lastError());
        return;
    }
    m_dialog->showConnecting();
    const int attempt = ++m_attempt;
    m_connector(password, [this, attempt, password](const eas::SyncReport &report) {
        if (attempt == m_attempt)
            onConnected(report, password);
    });
}

void AccountFlow::onConnected(const eas::SyncReport &report, const QString &password)
{
    if (!m_dialog)
        return;
    if (!report.ok()) {
        m_dialog->showFailed(dialogErrorFor(report.error), report.message);
        return;
    }
    const AccountSettings account = m_store.account().value_or(AccountSettings{});
    QString error;
    m_keychainWarning.clear();
    // The keychain is the only place the password is kept; a failure here is
    // not fatal (the app works this session) but the user must hear of it.
    if (!cli::savePassword(m_profile, account.url, account.user, password, &error))
        m_keychainWarning = error;
    m_password = password;
    m_dialog->showConnected(account.protocolVersion, int(m_store.folders().size()));
    QTimer::singleShot(kConnectedPauseMs, this, &AccountFlow::finish);
}

// The window opens before the dialog closes: closing the only visible window
// would otherwise end the application.
void AccountFlow::finish()
{
    Q_EMIT accountReady();
    if (m_dialog)
        m_dialog->accept();
}

} // namespace skein::desktop
