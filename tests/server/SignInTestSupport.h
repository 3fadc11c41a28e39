// Test helpers for signing in (docs/signin.md): plain HTTP calls that never
// follow redirects, form bodies, PKCE pairs, the code flow in one call, and
// raw HTTP for headers QNetworkAccessManager would merge.
#pragma once

#include <QCryptographicHash>
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRandomGenerator>
#include <QTcpSocket>
#include <QTimer>
#include <QUrl>
#include <QUrlQuery>

#include <utility>

namespace skein::test {

using FormFields = QList<std::pair<QString, QString>>;

struct WebResponse {
    int status = 0;
    QByteArray body;
    QList<QNetworkReply::RawHeaderPair> headers;

    QByteArray header(const QByteArray &name) const
    {
        for (const auto &h : headers)
            if (h.first.compare(name, Qt::CaseInsensitive) == 0)
                return h.second;
        return {};
    }
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    QString jsonText(const char *key) const { return json().value(QLatin1String(key)).toString(); }
    QUrl location() const { return QUrl::fromEncoded(header("Location")); }
    // A query value of the Location header, decoded.
    QString locationQuery(const QString &key) const
    {
        return QUrlQuery(location()).queryItemValue(key, QUrl::FullyDecoded);
    }
};

inline QByteArray formBody(const FormFields &fields)
{
    QByteArray out;
    for (const auto &[key, value] : fields) {
        if (!out.isEmpty())
            out += '&';
        out += QUrl::toPercentEncoding(key) + '=' + QUrl::toPercentEncoding(value);
    }
    return out;
}

class WebTestClient
{
public:
    WebResponse get(const QUrl &url) { return run("GET", url, {}, {}); }
    WebResponse postForm(const QUrl &url, const FormFields &fields)
    {
        return run("POST", url, formBody(fields), "application/x-www-form-urlencoded");
    }
    WebResponse post(const QUrl &url, const QByteArray &body, const QByteArray &contentType)
    {
        return run("POST", url, body, contentType);
    }

private:
    WebResponse run(const QByteArray &verb, const QUrl &url, const QByteArray &body, const QByteArray &contentType)
    {
        QNetworkRequest request(url);
        // Qt 6 follows redirects by default; the tests read the 302 itself.
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
        if (!contentType.isEmpty())
            request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
        QNetworkReply *reply = m_nam.sendCustomRequest(request, verb, body);
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(30000, &loop, &QEventLoop::quit);
        loop.exec();
        WebResponse r;
        r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        r.body = reply->readAll();
        r.headers = reply->rawHeaderPairs();
        reply->deleteLater();
        return r;
    }

    QNetworkAccessManager m_nam;
};

struct Pkce {
    QString verifier;
    QString challenge;
};

inline Pkce makePkce()
{
    QByteArray random;
    for (int i = 0; i < 8; ++i) {
        const quint32 word = QRandomGenerator::global()->generate();
        random.append(reinterpret_cast<const char *>(&word), sizeof word);
    }
    const auto base64url = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;
    const QByteArray verifier = random.toBase64(base64url);
    return Pkce{QString::fromLatin1(verifier),
                QString::fromLatin1(QCryptographicHash::hash(verifier, QCryptographicHash::Sha256).toBase64(base64url))};
}

inline const QString kClientId = QStringLiteral("9e5f94bc-e8a4-4e73-b8be-63364c29d753");
inline const QString kRedirectUri = QStringLiteral("http://127.0.0.1:53682/callback");
inline const QString kScope = QStringLiteral("https://outlook.office.com/EAS.AccessAsUser.All offline_access");

// The authorize request's parameters (what the form carries on).
inline FormFields authorizeFields(const Pkce &pkce, const QString &redirectUri = kRedirectUri,
                                  const QString &method = QStringLiteral("S256"))
{
    return {{QStringLiteral("response_type"), QStringLiteral("code")},
            {QStringLiteral("client_id"), kClientId},
            {QStringLiteral("redirect_uri"), redirectUri},
            {QStringLiteral("scope"), kScope},
            {QStringLiteral("state"), QStringLiteral("st&te 42")},
            {QStringLiteral("code_challenge"), pkce.challenge},
            {QStringLiteral("code_challenge_method"), method}};
}

inline QUrl endpoint(const QUrl &base, const QString &path, const FormFields &query = {})
{
    QUrl url = base;
    url.setPath(path);
    if (!query.isEmpty())
        url.setQuery(QString::fromLatin1(formBody(query)));
    return url;
}

inline QUrl authorizeUrl(const QUrl &base) { return endpoint(base, QStringLiteral("/common/oauth2/v2.0/authorize")); }
inline QUrl tokenUrl(const QUrl &base) { return endpoint(base, QStringLiteral("/common/oauth2/v2.0/token")); }

// Submits the sign-in form; the 302 (or the form again) is returned.
inline WebResponse submitLogin(WebTestClient &web, const QUrl &base, const Pkce &pkce, const QString &user,
                               const QString &password, const QString &button = QStringLiteral("signin"))
{
    FormFields fields = authorizeFields(pkce);
    fields.append({QStringLiteral("username"), user});
    fields.append({QStringLiteral("password"), password});
    fields.append({button, QStringLiteral("1")});
    return web.postForm(authorizeUrl(base), fields);
}

inline WebResponse redeemCode(WebTestClient &web, const QUrl &base, const QString &code, const QString &verifier,
                              const QString &redirectUri = kRedirectUri)
{
    return web.postForm(tokenUrl(base), {{QStringLiteral("grant_type"), QStringLiteral("authorization_code")},
                                         {QStringLiteral("client_id"), kClientId},
                                         {QStringLiteral("code"), code},
                                         {QStringLiteral("redirect_uri"), redirectUri},
                                         {QStringLiteral("code_verifier"), verifier}});
}

inline WebResponse refresh(WebTestClient &web, const QUrl &base, const QString &refreshToken)
{
    return web.postForm(tokenUrl(base), {{QStringLiteral("grant_type"), QStringLiteral("refresh_token")},
                                         {QStringLiteral("client_id"), kClientId},
                                         {QStringLiteral("refresh_token"), refreshToken},
                                         {QStringLiteral("scope"), kScope}});
}

// The whole code flow; the token response (empty object on any failure).
inline QJsonObject signIn(WebTestClient &web, const QUrl &base, const QString &user, const QString &password)
{
    const Pkce pkce = makePkce();
    const WebResponse login = submitLogin(web, base, pkce, user, password);
    if (login.status != 302)
        return {};
    const WebResponse tokens = redeemCode(web, base, login.locationQuery(QStringLiteral("code")), pkce.verifier);
    return tokens.status == 200 ? tokens.json() : QJsonObject();
}

// Values of every header line with that name, in order.
inline QList<QByteArray> headerLines(const QByteArray &answer, const QByteArray &name)
{
    QList<QByteArray> out;
    const QByteArray head = answer.left(answer.indexOf("\r\n\r\n"));
    for (const QByteArray &line : head.split('\n')) {
        const int colon = line.indexOf(':');
        if (colon > 0 && line.left(colon).trimmed().compare(name, Qt::CaseInsensitive) == 0)
            out.append(line.mid(colon + 1).trimmed());
    }
    return out;
}

// One raw HTTP/1.1 request; the answer's head and body as received (headers
// unmerged). Event-driven, so an in-process server in this thread answers.
inline QByteArray rawHttp(quint16 port, const QByteArray &request)
{
    QTcpSocket socket;
    QByteArray answer;
    QEventLoop loop;
    auto complete = [&answer] {
        const int end = answer.indexOf("\r\n\r\n");
        if (end < 0)
            return false;
        const QList<QByteArray> lengths = headerLines(answer, "Content-Length");
        return answer.size() >= end + 4 + (lengths.isEmpty() ? 0 : lengths.first().toInt());
    };
    QObject::connect(&socket, &QTcpSocket::connected, &loop, [&] { socket.write(request); });
    QObject::connect(&socket, &QTcpSocket::readyRead, &loop, [&] {
        answer += socket.readAll();
        if (complete())
            loop.quit();
    });
    QObject::connect(&socket, &QTcpSocket::disconnected, &loop, &QEventLoop::quit);
    QTimer::singleShot(10000, &loop, &QEventLoop::quit);
    socket.connectToHost(QStringLiteral("127.0.0.1"), port);
    loop.exec();
    return answer;
}

} // namespace skein::test
