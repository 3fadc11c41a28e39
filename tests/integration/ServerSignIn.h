#pragma once

// Signing in to the in-process reference server as a user would: a browser
// (QNetworkAccessManager that never follows a redirect by itself) on the
// server's pages, and the device code flow of OAuthSignIn. Everything runs
// on the test's thread, which is also the server's: every wait spins the
// event loop so the server can answer.

#include "OAuthSignIn.h"
#include "ReferenceServer.h"
#include "Store.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QThread>
#include <QUrlQuery>

namespace serversignin {

struct Page {
    int status = 0;
    QUrl location; // a 3xx's Location, resolved against the request's URL
    QByteArray body;
};

// One request, no redirect followed: the test decides where to go next.
inline Page exchange(const QByteArray &method, const QUrl &url, const QList<std::pair<QString, QString>> &form = {})
{
    QNetworkAccessManager browser;
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    QNetworkReply *reply = nullptr;
    if (method == "POST") {
        QByteArray body; // application/x-www-form-urlencoded, every reserved character escaped
        for (const auto &[name, value] : form)
            body += (body.isEmpty() ? "" : "&") + QUrl::toPercentEncoding(name) + '=' + QUrl::toPercentEncoding(value);
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/x-www-form-urlencoded"));
        reply = browser.post(request, body);
    } else {
        reply = browser.get(request);
    }
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!reply->isFinished())
        finished.wait(10000);
    Page page;
    page.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray location = reply->rawHeader("Location");
    if (!location.isEmpty())
        page.location = url.resolved(QUrl::fromEncoded(location));
    page.body = reply->readAll();
    delete reply;
    return page;
}

inline QString unescapeHtml(QString s)
{
    return s.replace(QLatin1String("&quot;"), QLatin1String("\"")).replace(QLatin1String("&lt;"), QLatin1String("<"))
        .replace(QLatin1String("&gt;"), QLatin1String(">")).replace(QLatin1String("&#39;"), QLatin1String("'"))
        .replace(QLatin1String("&amp;"), QLatin1String("&"));
}

// The hidden inputs of a login form, in order, as a browser would post them.
inline QList<std::pair<QString, QString>> hiddenFields(const QByteArray &html)
{
    QList<std::pair<QString, QString>> fields;
    static const QRegularExpression hidden(QStringLiteral("<input type=\"hidden\" name=\"([^\"]*)\" value=\"([^\"]*)\">"));
    auto it = hidden.globalMatch(QString::fromUtf8(html));
    while (it.hasNext()) {
        const auto m = it.next();
        fields.append({unescapeHtml(m.captured(1)), unescapeHtml(m.captured(2))});
    }
    return fields;
}

// The form's action attribute, resolved against the page's URL.
inline QUrl formAction(const QUrl &pageUrl, const QByteArray &html)
{
    static const QRegularExpression action(QStringLiteral("<form id=\"login\" method=\"post\" action=\"([^\"]*)\""));
    const auto m = action.match(QString::fromUtf8(html));
    return m.hasMatch() ? pageUrl.resolved(QUrl(unescapeHtml(m.captured(1)))) : QUrl();
}

inline skein::eas::OAuthConfig serverConfig(const skein::server::ReferenceServer &server)
{
    skein::eas::OAuthConfig config;
    config.authority = server.baseUrl().toString();
    config.tenant = QStringLiteral("common");
    config.clientId = QStringLiteral("test-client");
    return config;
}

// An OAuth account for demo on this server, as `account add --email --oauth` saves it.
inline skein::AccountSettings oauthAccount(const skein::server::ReferenceServer &server, const QString &deviceId)
{
    skein::AccountSettings account;
    account.url = server.baseUrl().toString();
    account.user = QStringLiteral("demo@skein.test");
    account.email = account.user;
    account.deviceId = deviceId;
    account.authMethod = skein::AccountSettings::AuthMethod::OAuth;
    const skein::eas::OAuthConfig config = serverConfig(server);
    account.oauthAuthority = config.authority;
    account.oauthTenant = config.tenant;
    account.oauthClientId = config.clientId;
    return account;
}

// The device code flow with the user typing the code into /devicelogin.
// The server's interval should be 0 (setDeviceCodeInterval) so that the
// short sleeps between polls are never answered slow_down.
inline skein::eas::OAuthTokens signInWithDeviceCode(const skein::server::ReferenceServer &server)
{
    skein::eas::OAuthSignIn signIn;
    signIn.setDeviceSleeper([](int) { QThread::msleep(20); });
    QSignalSpy ready(&signIn, &skein::eas::OAuthSignIn::deviceCodeReady);
    QSignalSpy signedIn(&signIn, &skein::eas::OAuthSignIn::signedIn);
    signIn.startDeviceFlow(serverConfig(server));
    if (ready.isEmpty() && !ready.wait(10000))
        return {};
    exchange("POST", QUrl(server.baseUrl().toString() + QStringLiteral("/devicelogin")),
             {{QStringLiteral("user_code"), ready.first().at(2).toString()},
              {QStringLiteral("username"), QStringLiteral("demo")},
              {QStringLiteral("password"), QStringLiteral("demo")}});
    if (signedIn.isEmpty() && !signedIn.wait(10000))
        return {};
    return signedIn.first().first().value<skein::eas::OAuthTokens>();
}

} // namespace serversignin
