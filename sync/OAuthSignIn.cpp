#include "OAuthSignIn.h"

#include "DeviceCodeFlow.h"
#include "LoopbackRedirectListener.h"
#include "NetworkTransport.h"
#include "Pkce.h"

#include <QCoreApplication>
#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcOAuth)

namespace skein::eas {

// One browser sign-in on the worker thread: its PKCE pair, its state, the
// listener the browser comes back to.
struct OAuthSignIn::BrowserFlow {
    OAuthConfig config;
    Pkce pkce = Pkce::generate();
    QByteArray state = randomUrlSafeToken();
    LoopbackRedirectListener listener;
};

OAuthSignIn::OAuthSignIn(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<skein::eas::OAuthTokens>();
    qRegisterMetaType<skein::eas::OAuthConfig>();
    m_thread.setObjectName(QStringLiteral("skein-signin"));
    m_context = new QObject;
    m_context->moveToThread(&m_thread);
    m_thread.start();
}

OAuthSignIn::~OAuthSignIn()
{
    if (m_deviceCancelled)
        *m_deviceCancelled = true;
    QMetaObject::invokeMethod(m_context, [this] {
        delete m_browserFlow;
        m_browserFlow = nullptr;
        delete m_context;
    }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

void OAuthSignIn::deliver(int generation, std::function<void()> emitter)
{
    QMetaObject::invokeMethod(this, [this, generation, emitter = std::move(emitter)] {
        if (generation == m_generation)
            emitter();
    }, Qt::QueuedConnection);
}

void OAuthSignIn::startBrowserFlow(const OAuthConfig &config, const QString &loginHint)
{
    cancel();
    const int generation = m_generation;
    if (config.clientId.isEmpty()) {
        deliver(generation, [this] { Q_EMIT failed(missingClientIdText()); });
        return;
    }
    const TransportFactory factory = m_transportFactory;
    QMetaObject::invokeMethod(m_context, [this, config, loginHint, generation, factory] {
        auto *flow = new BrowserFlow;
        flow->config = config;
        QString error;
        if (!flow->listener.listen(&error)) {
            delete flow;
            deliver(generation, [this, error] { Q_EMIT failed(error); });
            return;
        }
        flow->listener.setExpectedState(flow->state);
        const QUrl redirectUri = flow->listener.redirectUri();
        QObject::connect(&flow->listener, &LoopbackRedirectListener::codeReceived, m_context,
                         [this, flow, generation, factory, redirectUri](const QString &code) {
            // Redeemed here, on the worker thread: the token request blocks
            // this thread only.
            std::unique_ptr<Transport> transport = factory ? factory() : std::make_unique<NetworkTransport>();
            OAuthClient client(*transport, flow->config);
            const TokenAnswer answer = client.redeemCode(code, flow->pkce.verifier, redirectUri);
            if (answer.ok()) {
                const OAuthTokens tokens = answer.tokens;
                deliver(generation, [this, tokens] { Q_EMIT signedIn(tokens); });
            } else {
                const QString message = errorKindFor(answer) == ErrorKind::SignInRequired
                    ? QCoreApplication::translate("skein::eas::OAuthSignIn", "The sign-in server refused the sign-in's code. Try signing in again.")
                    : signInFailureText(answer, QString());
                deliver(generation, [this, message] { Q_EMIT failed(message); });
            }
        });
        QObject::connect(&flow->listener, &LoopbackRedirectListener::signInRefused, m_context,
                         [this, generation](const QString &, const QString &message) {
            deliver(generation, [this, message] { Q_EMIT failed(message); });
        });
        delete m_browserFlow;
        m_browserFlow = flow;
        const QUrl url = OAuthClient::authorizationUrl(flow->config, redirectUri, flow->state, flow->pkce.challenge,
                                                       loginHint);
        deliver(generation, [this, url] { Q_EMIT openBrowser(url); });
    }, Qt::QueuedConnection);
}

void OAuthSignIn::startDeviceFlow(const OAuthConfig &config)
{
    cancel();
    const int generation = m_generation;
    auto cancelled = std::make_shared<std::atomic<bool>>(false);
    m_deviceCancelled = cancelled;
    const TransportFactory factory = m_transportFactory;
    const std::function<void(int)> sleeper = m_deviceSleeper;
    QMetaObject::invokeMethod(m_context, [this, config, generation, factory, sleeper, cancelled] {
        std::unique_ptr<Transport> transport = factory ? factory() : std::make_unique<NetworkTransport>();
        OAuthClient client(*transport, config);
        DeviceCodeFlow flow(client);
        flow.setCancelCheck([cancelled] { return cancelled->load(); });
        flow.setSleeper(sleeper ? sleeper : std::function<void(int)>([cancelled](int seconds) {
            // In slices, so that cancel() does not wait out a whole interval.
            for (int slice = 0; slice < seconds * 10 && !*cancelled; ++slice)
                QThread::msleep(100);
        }));
        flow.setPrompt([this, generation](const DeviceCodeGrant &grant) {
            const QString text = grant.instructions();
            const QUrl uri = grant.verificationUri;
            const QString code = grant.userCode;
            deliver(generation, [this, text, uri, code] { Q_EMIT deviceCodeReady(text, uri, code); });
        });
        const DeviceCodeFlow::Outcome outcome = flow.run(QString());
        if (outcome.ok()) {
            const OAuthTokens tokens = outcome.answer.tokens;
            deliver(generation, [this, tokens] { Q_EMIT signedIn(tokens); });
        } else {
            const QString message = outcome.message;
            deliver(generation, [this, message] { Q_EMIT failed(message); });
        }
    }, Qt::QueuedConnection);
}

void OAuthSignIn::cancel()
{
    ++m_generation;
    if (m_deviceCancelled)
        *m_deviceCancelled = true;
    m_deviceCancelled.reset();
    QMetaObject::invokeMethod(m_context, [this] {
        delete m_browserFlow;
        m_browserFlow = nullptr;
    }, Qt::QueuedConnection);
}

} // namespace skein::eas
