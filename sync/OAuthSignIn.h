#pragma once

#include "OAuthClient.h"

#include <QObject>
#include <QThread>
#include <QUrl>

#include <atomic>
#include <functional>
#include <memory>

namespace skein::eas {

// Interactive OAuth sign-in for the desktop app. Call from the GUI thread;
// the loopback listener and the token requests live on a worker thread of
// this object's own, and every answer comes back as a signal on the
// caller's thread.
//
// Browser flow: startBrowserFlow() emits openBrowser(url) (the app opens it
// with QDesktopServices::openUrl), then signedIn(tokens) once the browser
// came back to http://127.0.0.1:PORT/ with a code, or failed(message). The
// app saves tokens.refreshToken in the keychain at once and gives the access
// token to nobody else. Device flow: startDeviceFlow() emits
// deviceCodeReady(instructions, ...), then signedIn or failed. cancel() ends
// a flow silently. One flow at a time: starting one cancels the last.
class OAuthSignIn : public QObject
{
    Q_OBJECT
public:
    using TransportFactory = std::function<std::unique_ptr<Transport>()>;

    explicit OAuthSignIn(QObject *parent = nullptr);
    ~OAuthSignIn() override;

    // Made on the worker thread; NetworkTransport when not set.
    void setTransportFactory(TransportFactory factory) { m_transportFactory = std::move(factory); }
    // The wait between device-code polls (tests shorten it).
    void setDeviceSleeper(std::function<void(int seconds)> sleeper) { m_deviceSleeper = std::move(sleeper); }

public Q_SLOTS:
    void startBrowserFlow(const skein::eas::OAuthConfig &config, const QString &loginHint = {});
    void startDeviceFlow(const skein::eas::OAuthConfig &config);
    void cancel();

Q_SIGNALS:
    void openBrowser(const QUrl &authorizeUrl);
    void deviceCodeReady(const QString &instructions, const QUrl &verificationUri, const QString &userCode);
    void signedIn(const skein::eas::OAuthTokens &tokens);
    void failed(const QString &message);

private:
    struct BrowserFlow;
    // Emits (on this object's thread) only while generation is still the
    // current flow's: a cancelled or superseded flow says nothing more.
    void deliver(int generation, std::function<void()> emitter);

    TransportFactory m_transportFactory;
    std::function<void(int)> m_deviceSleeper;
    QThread m_thread;
    QObject *m_context = nullptr;         // lives on m_thread
    BrowserFlow *m_browserFlow = nullptr; // touched on m_thread only
    std::shared_ptr<std::atomic<bool>> m_deviceCancelled;
    int m_generation = 0;
};

} // namespace skein::eas

Q_DECLARE_METATYPE(skein::eas::OAuthTokens)
Q_DECLARE_METATYPE(skein::eas::OAuthConfig)
