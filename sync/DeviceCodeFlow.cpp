#include "DeviceCodeFlow.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QThread>

Q_DECLARE_LOGGING_CATEGORY(lcOAuth)

namespace skein::eas {

namespace {

// RFC 8628 3.5: slow_down adds 5 seconds to the interval, for this and
// every later poll.
constexpr int kSlowDownStepSeconds = 5;

DeviceCodeFlow::Outcome failure(ErrorKind kind, const QString &message, TokenAnswer answer = {})
{
    DeviceCodeFlow::Outcome outcome;
    outcome.answer = std::move(answer);
    outcome.error = kind;
    outcome.message = message;
    return outcome;
}

} // namespace

DeviceCodeFlow::DeviceCodeFlow(OAuthClient &client)
    : m_client(client)
    , m_sleep([](int seconds) { QThread::sleep(seconds); })
{
}

DeviceCodeFlow::Outcome DeviceCodeFlow::run(const QString &accountName)
{
    if (m_client.config().clientId.isEmpty())
        return failure(ErrorKind::Auth, missingClientIdText());
    const DeviceCodeGrant grant = m_client.requestDeviceCode();
    if (!grant.ok()) {
        qCDebug(lcOAuth) << "Device code request failed:" << grant.error << grant.description;
        if (grant.httpStatus == 0)
            return failure(ErrorKind::Network, QCoreApplication::translate("skein::eas::DeviceCodeFlow", "Could not reach the sign-in server: %1").arg(grant.networkError));
        return failure(ErrorKind::Auth,
                       QCoreApplication::translate("skein::eas::DeviceCodeFlow", "The sign-in server refused to start a device sign-in (%1).").arg(grant.error));
    }
    if (m_prompt)
        m_prompt(grant);

    int interval = grant.intervalSeconds;
    int waited = 0;
    while (!m_cancelled()) {
        if (waited >= grant.expiresInSeconds)
            break;
        m_sleep(interval);
        waited += interval;
        if (m_cancelled())
            break;
        const TokenAnswer answer = m_client.pollDeviceCode(grant.deviceCode);
        if (answer.ok()) {
            Outcome done;
            done.answer = answer;
            return done;
        }
        if (answer.error == QLatin1String("authorization_pending"))
            continue;
        if (answer.error == QLatin1String("slow_down")) {
            interval += kSlowDownStepSeconds;
            continue;
        }
        if (answer.error == QLatin1String("expired_token"))
            break;
        if (answer.error == QLatin1String("access_denied"))
            return failure(ErrorKind::Auth, QCoreApplication::translate("skein::eas::DeviceCodeFlow", "The sign-in was declined."), answer);
        if (answer.unanswered())
            continue; // the network hiccuped; the code is still good until it expires
        return failure(errorKindFor(answer), signInFailureText(answer, accountName), answer);
    }
    if (m_cancelled())
        return failure(ErrorKind::Auth, QCoreApplication::translate("skein::eas::DeviceCodeFlow", "The sign-in was cancelled."));
    return failure(ErrorKind::SignInRequired,
                   QCoreApplication::translate("skein::eas::DeviceCodeFlow", "The sign-in code expired before it was entered. Start the sign-in again."));
}

} // namespace skein::eas
