// GetItemEstimate, ItemOperations Fetch and MoveItems of the reference server.
#include "EasTestClient.h"

#include <ReferenceServer.h>

#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace skein::test;
using skein::server::ReferenceServer;

namespace {
const QDateTime kNow = QDateTime(QDate(2026, 6, 15), QTime(12, 0), Qt::UTC);
}

class TestServerEstimate : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(m_server.open(m_dir.path()));
        QVERIFY(m_server.seedDemo(kNow) > 0);
        m_server.setNow(kNow);
        QVERIFY(m_server.start() != 0);
        m_inbox = m_server.folderId(QStringLiteral("demo"), QStringLiteral("Inbox"));
        m_calendar = m_server.folderId(QStringLiteral("demo"), QStringLiteral("Calendar"));
    }

    void estimateCountsWholeConversations()
    {
        auto c = client(QStringLiteral("EST1"));
        EasTestClient::SyncOptions o;
        o.filterType = 3;
        const EasResponse primed = c->sync(QStringLiteral("0"), m_inbox, o);
        const QString key = EasTestClient::collection(primed)->childText(tag::AirSync::SyncKey);

        const int plain = estimate(*c, key, m_inbox, 3, false);
        const int conversations = estimate(*c, key, m_inbox, 3, true);
        const int all = estimate(*c, key, m_inbox, 0, false);
        QVERIFY(plain > 0);
        QVERIFY2(conversations > plain, qPrintable(QStringLiteral("%1 vs %2").arg(conversations).arg(plain)));
        QVERIFY(all > conversations);
        QCOMPARE(all, inboxCount());

        // The estimate matches what Sync then delivers.
        o.conversationMode = 1;
        o.windowSize = 512;
        const EasResponse r = c->sync(key, m_inbox, o);
        QCOMPARE(int(EasTestClient::collection(r)->child(tag::AirSync::Commands)->all(tag::AirSync::Add).size()), conversations);
    }

    void estimateStatuses()
    {
        auto c = client(QStringLiteral("EST2"));
        // Never primed with key 0.
        QCOMPARE(estimateStatus(*c, QStringLiteral("0"), m_inbox, false), QStringLiteral("3"));
        const EasResponse calPrimed = c->sync(QStringLiteral("0"), m_calendar);
        const QString calKey = EasTestClient::collection(calPrimed)->childText(tag::AirSync::SyncKey);
        QCOMPARE(estimateStatus(*c, calKey, m_calendar, false), QStringLiteral("1"));
        // Unknown collection.
        QCOMPARE(estimateStatus(*c, calKey, QStringLiteral("9999"), false), QStringLiteral("2"));
        // Stale key.
        const EasResponse primed = c->sync(QStringLiteral("0"), m_inbox);
        const QString key = EasTestClient::collection(primed)->childText(tag::AirSync::SyncKey);
        QCOMPARE(estimateStatus(*c, key + QLatin1Char('7'), m_inbox, false), QStringLiteral("4"));
    }

    // The later MS-ASCON 3.2.5.2: ConversationMode on a folder that holds no
    // mail is a protocol error of the whole request (top-level Status 4, no
    // Response), even beside a mail folder that could be estimated.
    void conversationModeOnCalendarIsTopLevelStatus4()
    {
        auto c = client(QStringLiteral("EST3"));
        const QString calKey = EasTestClient::collection(c->sync(QStringLiteral("0"), m_calendar))->childText(tag::AirSync::SyncKey);
        const QString inboxKey = EasTestClient::collection(c->sync(QStringLiteral("0"), m_inbox))->childText(tag::AirSync::SyncKey);
        Element req = estimateRequest(inboxKey, m_inbox, -1, true);
        Element calendar = estimateRequest(calKey, m_calendar, -1, true);
        req.children().front().children().push_back(calendar.children().front().children().front());
        const EasResponse r = c->post(QStringLiteral("GetItemEstimate"), req);
        QVERIFY(r.doc);
        QCOMPARE(r.top(tag::GetItemEstimate::Status), QStringLiteral("4"));
        QVERIFY(!r.doc->has(tag::GetItemEstimate::Response));
        // Without ConversationMode the calendar is estimated as any folder.
        QCOMPARE(estimateStatus(*c, calKey, m_calendar, false), QStringLiteral("1"));
    }

    void fetchTruncatedBodyWhole()
    {
        const QJsonObject report = find(QStringLiteral("Annual infrastructure report"));
        const QString serverId = report.value(QStringLiteral("serverId")).toString();
        auto c = client(QStringLiteral("FETCH"));
        Element req(tag::ItemOperations::ItemOperations);
        auto &fetch = req.add(tag::ItemOperations::Fetch);
        fetch.add(tag::ItemOperations::Store, "Mailbox");
        fetch.add(tag::AirSync::CollectionId, m_inbox);
        fetch.add(tag::AirSync::ServerId, serverId);
        fetch.add(tag::ItemOperations::Options).add(tag::AirSyncBase::BodyPreference).add(tag::AirSyncBase::Type, "1");
        const EasResponse r = c->post(QStringLiteral("ItemOperations"), req);
        QCOMPARE(r.top(tag::ItemOperations::Status), QStringLiteral("1"));
        const Element *f = r.doc->find({tag::ItemOperations::Response, tag::ItemOperations::Fetch});
        QVERIFY(f);
        QCOMPARE(f->childText(tag::ItemOperations::Status), QStringLiteral("1"));
        QCOMPARE(f->childText(tag::AirSync::ServerId), serverId);
        const Element *body = f->find({tag::ItemOperations::Properties, tag::AirSyncBase::Body});
        QVERIFY(body);
        QCOMPARE(body->childText(tag::AirSyncBase::Truncated), QStringLiteral("0"));
        QCOMPARE(body->child(tag::AirSyncBase::Data)->data().size(), report.value(QStringLiteral("bodySize")).toInt());
        QVERIFY(body->child(tag::AirSyncBase::Data)->data().size() > 60 * 1024);

        // Unknown item.
        Element missing(tag::ItemOperations::ItemOperations);
        auto &mf = missing.add(tag::ItemOperations::Fetch);
        mf.add(tag::ItemOperations::Store, "Mailbox");
        mf.add(tag::AirSync::CollectionId, m_inbox);
        mf.add(tag::AirSync::ServerId, m_inbox + QStringLiteral(":999999"));
        const EasResponse r2 = c->post(QStringLiteral("ItemOperations"), missing);
        QCOMPARE(r2.doc->find({tag::ItemOperations::Response, tag::ItemOperations::Fetch})->childText(tag::ItemOperations::Status),
                 QStringLiteral("6"));
    }

    void fetchAttachmentAndHtml()
    {
        auto c = client(QStringLiteral("ATT"));
        EasTestClient::SyncOptions o;
        o.bodyType = 2;
        o.windowSize = 512;
        const EasResponse primed = c->sync(QStringLiteral("0"), m_inbox, o);
        const EasResponse r = c->sync(EasTestClient::collection(primed)->childText(tag::AirSync::SyncKey), m_inbox, o);
        QString fileReference;
        bool sawHtml = false;
        for (const Element *add : EasTestClient::collection(r)->child(tag::AirSync::Commands)->all(tag::AirSync::Add)) {
            const Element *data = add->child(tag::AirSync::ApplicationData);
            const Element *att = data->find({tag::AirSyncBase::Attachments, tag::AirSyncBase::Attachment});
            if (att && att->childText(tag::AirSyncBase::IsInline) != QLatin1String("1")) { // not the newsletter's badge
                QCOMPARE(att->childText(tag::AirSyncBase::DisplayName), QStringLiteral("contract.pdf"));
                fileReference = att->childText(tag::AirSyncBase::FileReference);
            }
            if (data->childText(tag::Email::Subject).contains(QLatin1String("Northwind Weekly"))) {
                sawHtml = true;
                QCOMPARE(data->childText(tag::AirSyncBase::NativeBodyType), QStringLiteral("2"));
                const QString html = data->find({tag::AirSyncBase::Body, tag::AirSyncBase::Data})->text();
                QVERIFY(html.contains(QLatin1String("<img src=\"https://")));
                QVERIFY(html.contains(QLatin1String("<a href=")));
            }
        }
        QVERIFY(sawHtml);
        QVERIFY(!fileReference.isEmpty());
        Element req(tag::ItemOperations::ItemOperations);
        auto &fetch = req.add(tag::ItemOperations::Fetch);
        fetch.add(tag::ItemOperations::Store, "Mailbox");
        fetch.add(tag::AirSyncBase::FileReference, fileReference);
        const EasResponse fr = c->post(QStringLiteral("ItemOperations"), req);
        const Element *f = fr.doc->find({tag::ItemOperations::Response, tag::ItemOperations::Fetch});
        QCOMPARE(f->childText(tag::ItemOperations::Status), QStringLiteral("1"));
        const QByteArray pdf = QByteArray::fromBase64(f->find({tag::ItemOperations::Properties, tag::ItemOperations::Data})->data());
        QVERIFY(pdf.startsWith("%PDF"));
    }

    void moveItems()
    {
        const QString serverId = find(QStringLiteral("Welcome to Northwind")).value(QStringLiteral("serverId")).toString();
        const QString projects = m_server.folderId(QStringLiteral("demo"), QStringLiteral("Projects"));
        auto c = client(QStringLiteral("MOVE"));
        Element req(tag::Move::MoveItems);
        auto &mv = req.add(tag::Move::Move);
        mv.add(tag::Move::SrcMsgId, serverId);
        mv.add(tag::Move::SrcFldId, m_inbox);
        mv.add(tag::Move::DstFldId, projects);
        const EasResponse r = c->post(QStringLiteral("MoveItems"), req);
        const Element *resp = r.doc->child(tag::Move::Response);
        QCOMPARE(resp->childText(tag::Move::Status), QStringLiteral("3"));
        const QString dst = resp->childText(tag::Move::DstMsgId);
        QVERIFY(dst.startsWith(projects + QLatin1Char(':')));
        QCOMPARE(find(QStringLiteral("Welcome to Northwind")).value(QStringLiteral("serverId")).toString(), dst);
    }

private:
    std::unique_ptr<EasTestClient> client(const QString &device)
    {
        auto c = std::make_unique<EasTestClient>(m_server.url(), QStringLiteral("demo"), QStringLiteral("demo"), device);
        if (!c->provision())
            qFatal("provisioning failed");
        return c;
    }

    static Element estimateRequest(const QString &key, const QString &collection, int filter, bool conversationMode)
    {
        Element req(tag::GetItemEstimate::GetItemEstimate);
        auto &c = req.add(tag::GetItemEstimate::Collections).add(tag::GetItemEstimate::Collection);
        c.add(tag::AirSync::SyncKey, key);
        c.add(tag::GetItemEstimate::CollectionId, collection);
        if (conversationMode)
            c.add(tag::AirSync::ConversationMode, "1");
        if (filter >= 0)
            c.add(tag::AirSync::Options).add(tag::AirSync::FilterType, qint64(filter));
        return req;
    }

    int estimate(EasTestClient &c, const QString &key, const QString &collection, int filter, bool conversationMode)
    {
        const EasResponse r = c.post(QStringLiteral("GetItemEstimate"), estimateRequest(key, collection, filter, conversationMode));
        const Element *resp = r.doc ? r.doc->child(tag::GetItemEstimate::Response) : nullptr;
        if (!resp || resp->childText(tag::GetItemEstimate::Status) != QLatin1String("1"))
            return -1;
        return resp->find({tag::GetItemEstimate::Collection, tag::GetItemEstimate::Estimate})->text().toInt();
    }

    QString estimateStatus(EasTestClient &c, const QString &key, const QString &collection, bool conversationMode)
    {
        const EasResponse r = c.post(QStringLiteral("GetItemEstimate"), estimateRequest(key, collection, -1, conversationMode));
        return r.doc ? r.doc->find({tag::GetItemEstimate::Response, tag::GetItemEstimate::Status})->text() : QString();
    }

    QJsonArray messages() const
    {
        return m_server.dump().value(QStringLiteral("users")).toArray().first().toObject().value(QStringLiteral("messages")).toArray();
    }

    QJsonObject find(const QString &subject) const
    {
        for (const QJsonValue &v : messages())
            if (v.toObject().value(QStringLiteral("subject")).toString() == subject)
                return v.toObject();
        return {};
    }

    int inboxCount() const
    {
        int n = 0;
        for (const QJsonValue &v : messages())
            n += v.toObject().value(QStringLiteral("folder")).toString() == QLatin1String("Inbox");
        return n;
    }

    QTemporaryDir m_dir;
    ReferenceServer m_server;
    QString m_inbox;
    QString m_calendar;
};

QTEST_GUILESS_MAIN(TestServerEstimate)
#include "tst_server_estimate.moc"
