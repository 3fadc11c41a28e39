// Test helper: a minimal synchronous EAS client over QNetworkAccessManager,
// for driving an in-process skein::server::ReferenceServer.
#pragma once

#include <EasTags.h>
#include <WbxmlCodec.h>

#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>
#include <QUrlQuery>

#include <optional>

namespace skein::test {

namespace tag = skein::wbxml::tag;
using skein::wbxml::Element;

struct EasResponse {
    int http = 0;
    QByteArray body;
    std::optional<Element> doc;
    QList<QNetworkReply::RawHeaderPair> headers;

    QByteArray header(const QByteArray &name) const
    {
        for (const auto &h : headers)
            if (h.first.compare(name, Qt::CaseInsensitive) == 0)
                return h.second;
        return {};
    }
    // Text of a top-level child of the document (e.g. a command's Status).
    QString top(skein::wbxml::Tag t) const { return doc ? doc->childText(t) : QString(); }
};

class EasTestClient
{
public:
    EasTestClient(QUrl url, QString user, QString password, QString deviceId = QStringLiteral("TESTDEVICE1"),
                  QByteArray version = "14.1")
        : m_url(std::move(url)), m_user(std::move(user)), m_password(std::move(password)),
          m_deviceId(std::move(deviceId)), m_version(std::move(version))
    {
    }

    QString policyKey;
    QList<std::pair<QByteArray, QByteArray>> extraHeaders; // sent with every POST
    QByteArray version() const { return m_version; }
    void setVersion(const QByteArray &v) { m_version = v; }
    void setPassword(const QString &p) { m_password = p; }
    // Non-empty: Authorization: Bearer TOKEN instead of Basic.
    void setBearerToken(const QByteArray &token) { m_bearer = token; }

    EasResponse options() { return run("OPTIONS", QUrl(m_url), {}, false); }

    EasResponse postRaw(const QString &cmd, const QByteArray &body, bool withVersion = true)
    {
        QUrl u = m_url;
        QUrlQuery q;
        q.addQueryItem(QStringLiteral("Cmd"), cmd);
        q.addQueryItem(QStringLiteral("User"), m_user);
        q.addQueryItem(QStringLiteral("DeviceId"), m_deviceId);
        q.addQueryItem(QStringLiteral("DeviceType"), QStringLiteral("SkeinTest"));
        u.setQuery(q);
        return run("POST", u, body, withVersion);
    }

    // 12.x SendMail/SmartReply/SmartForward: the MIME itself, parameters in the query.
    EasResponse postMime(const QString &cmd, const QByteArray &mime, const QList<std::pair<QString, QString>> &params = {})
    {
        QUrl u = m_url;
        QUrlQuery q;
        q.addQueryItem(QStringLiteral("Cmd"), cmd);
        q.addQueryItem(QStringLiteral("User"), m_user);
        q.addQueryItem(QStringLiteral("DeviceId"), m_deviceId);
        q.addQueryItem(QStringLiteral("DeviceType"), QStringLiteral("SkeinTest"));
        for (const auto &[key, value] : params)
            q.addQueryItem(key, value);
        u.setQuery(q);
        return run("POST", u, mime, true, "message/rfc822");
    }

    EasResponse post(const QString &cmd, const Element &doc)
    {
        const auto encoded = skein::wbxml::encode(doc);
        return postRaw(cmd, encoded.bytes);
    }

    // Both provisioning phases; true when a final key was obtained.
    bool provision()
    {
        policyKey.clear();
        Element req(tag::Provision::Provision);
        if (m_version >= "14.1") {
            auto &set = req.add(tag::Settings::DeviceInformation).add(tag::Settings::Set);
            set.add(tag::Settings::Model, "Test");
            set.add(tag::Settings::UserAgent, "SkeinTest/1.0");
        }
        req.add(tag::Provision::Policies).add(tag::Provision::Policy)
            .add(tag::Provision::PolicyType, "MS-EAS-Provisioning-WBXML");
        const EasResponse first = post(QStringLiteral("Provision"), req);
        const Element *p1 = first.doc ? first.doc->find({tag::Provision::Policies, tag::Provision::Policy}) : nullptr;
        if (!p1)
            return false;
        policyKey = p1->childText(tag::Provision::PolicyKey);
        Element ack(tag::Provision::Provision);
        auto &policy = ack.add(tag::Provision::Policies).add(tag::Provision::Policy);
        policy.add(tag::Provision::PolicyType, "MS-EAS-Provisioning-WBXML");
        policy.add(tag::Provision::PolicyKey, policyKey);
        policy.add(tag::Provision::Status, "1");
        const EasResponse second = post(QStringLiteral("Provision"), ack);
        const Element *p2 = second.doc ? second.doc->find({tag::Provision::Policies, tag::Provision::Policy}) : nullptr;
        if (!p2 || p2->childText(tag::Provision::Status) != QLatin1String("1"))
            return false;
        policyKey = p2->childText(tag::Provision::PolicyKey);
        return !policyKey.isEmpty();
    }

    EasResponse folderSync(const QString &key)
    {
        Element req(tag::FolderHierarchy::FolderSync);
        req.add(tag::FolderHierarchy::SyncKey, key);
        return post(QStringLiteral("FolderSync"), req);
    }

    struct SyncOptions {
        int windowSize = -1;
        int filterType = -1;
        int conversationMode = -1;
        int getChanges = -1;
        int deletesAsMoves = -1;
        int bodyType = 1;       // -1: no BodyPreference
        qint64 truncation = -1;
        int preview = -1;
        int bodyPartType = -1; // >0: a BodyPartPreference (14.1+ message part) with this Type
        qint64 bodyPartTruncation = -1;
        int bodyPartPreview = -1;
        bool withOptions = true;
        std::optional<Element> commands;
    };

    static Element syncRequest(const QString &key, const QString &collectionId, const SyncOptions &o)
    {
        Element req(tag::AirSync::Sync);
        auto &c = req.add(tag::AirSync::Collections).add(tag::AirSync::Collection);
        c.add(tag::AirSync::SyncKey, key);
        c.add(tag::AirSync::CollectionId, collectionId);
        if (o.deletesAsMoves >= 0)
            c.add(tag::AirSync::DeletesAsMoves, qint64(o.deletesAsMoves));
        if (o.getChanges >= 0)
            c.add(tag::AirSync::GetChanges, qint64(o.getChanges));
        if (o.windowSize >= 0)
            c.add(tag::AirSync::WindowSize, qint64(o.windowSize));
        if (o.conversationMode >= 0)
            c.add(tag::AirSync::ConversationMode, qint64(o.conversationMode));
        if (o.withOptions) {
            auto &opt = c.add(tag::AirSync::Options);
            if (o.filterType >= 0)
                opt.add(tag::AirSync::FilterType, qint64(o.filterType));
            if (o.bodyType > 0) {
                auto &bp = opt.add(tag::AirSyncBase::BodyPreference);
                bp.add(tag::AirSyncBase::Type, qint64(o.bodyType));
                if (o.truncation >= 0)
                    bp.add(tag::AirSyncBase::TruncationSize, o.truncation);
                if (o.preview >= 0)
                    bp.add(tag::AirSyncBase::Preview, qint64(o.preview));
            }
            if (o.bodyPartType > 0) {
                auto &bpp = opt.add(tag::AirSyncBase::BodyPartPreference);
                bpp.add(tag::AirSyncBase::Type, qint64(o.bodyPartType));
                if (o.bodyPartTruncation >= 0)
                    bpp.add(tag::AirSyncBase::TruncationSize, o.bodyPartTruncation);
                if (o.bodyPartPreview >= 0)
                    bpp.add(tag::AirSyncBase::Preview, qint64(o.bodyPartPreview));
            }
        }
        if (o.commands)
            c.children().push_back(*o.commands);
        return req;
    }

    EasResponse sync(const QString &key, const QString &collectionId)
    {
        return sync(key, collectionId, SyncOptions());
    }
    EasResponse sync(const QString &key, const QString &collectionId, const SyncOptions &o)
    {
        return post(QStringLiteral("Sync"), syncRequest(key, collectionId, o));
    }

    // The pointer points into `r`: keep the response alive while using it.
    static const Element *collection(const EasResponse &r)
    {
        return r.doc ? r.doc->find({tag::AirSync::Collections, tag::AirSync::Collection}) : nullptr;
    }

private:
    EasResponse run(const QByteArray &verb, const QUrl &url, const QByteArray &body, bool withVersion,
                    const QByteArray &contentType = "application/vnd.ms-sync.wbxml")
    {
        QNetworkRequest request(url);
        request.setRawHeader("Authorization", m_bearer.isEmpty()
                                                  ? "Basic " + (m_user + QLatin1Char(':') + m_password).toUtf8().toBase64()
                                                  : "Bearer " + m_bearer);
        if (verb == "POST") {
            request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
            if (withVersion)
                request.setRawHeader("MS-ASProtocolVersion", m_version);
            if (!policyKey.isEmpty())
                request.setRawHeader("X-MS-PolicyKey", policyKey.toLatin1());
            for (const auto &[name, value] : extraHeaders)
                request.setRawHeader(name, value);
        }
        QNetworkReply *reply = m_nam.sendCustomRequest(request, verb, body);
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(30000, &loop, &QEventLoop::quit);
        loop.exec();
        EasResponse r;
        r.http = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        r.body = reply->readAll();
        r.headers = reply->rawHeaderPairs();
        if (!r.body.isEmpty() && r.header("Content-Type").startsWith("application/vnd.ms-sync.wbxml")) {
            auto decoded = skein::wbxml::decode(r.body);
            if (decoded.ok())
                r.doc = std::move(decoded.root);
        }
        reply->deleteLater();
        return r;
    }

    QNetworkAccessManager m_nam;
    QUrl m_url;
    QString m_user;
    QString m_password;
    QByteArray m_bearer;
    QString m_deviceId;
    QByteArray m_version;
};

} // namespace skein::test
