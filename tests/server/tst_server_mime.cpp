// BodyPreference Type 4 (MIME, [MS-ASAIRS] Body Type 4, [MS-ASCMD]
// MIMESupport) in ItemOperations Fetch and Sync, at 14.1 and 12.1; the
// SOGo-like peer quirks (refused conversation Move / Search answer a bare
// HTTP 500 and change nothing; no ConversationIndex); seeding a mailbox from
// .eml files (tests/data/mime-fixture).
#include "ServerTestSupport.h"

#include <MimeParser.h>

#include <QHash>

using namespace skein::test;
using skein::server::parseMime;

namespace {

Element fetchRequest(const QString &collectionId, const QString &serverId, int type, int mimeSupport,
                     qint64 truncation = -1)
{
    Element root(tag::ItemOperations::ItemOperations);
    auto &fetch = root.add(tag::ItemOperations::Fetch);
    fetch.add(tag::ItemOperations::Store, "Mailbox");
    fetch.add(tag::AirSync::CollectionId, collectionId);
    fetch.add(tag::AirSync::ServerId, serverId);
    auto &options = fetch.add(tag::ItemOperations::Options);
    if (mimeSupport >= 0)
        options.add(tag::AirSync::MIMESupport, qint64(mimeSupport));
    auto &pref = options.add(tag::AirSyncBase::BodyPreference);
    pref.add(tag::AirSyncBase::Type, qint64(type));
    if (truncation >= 0)
        pref.add(tag::AirSyncBase::TruncationSize, truncation);
    return root;
}

// Properties of the first Fetch; keep `r` alive.
const Element *fetchedProperties(const EasResponse &r)
{
    const Element *fetch = r.doc ? r.doc->find({tag::ItemOperations::Response, tag::ItemOperations::Fetch}) : nullptr;
    return fetch ? fetch->child(tag::ItemOperations::Properties) : nullptr;
}

Element syncWithMime(const QString &key, const QString &collectionId)
{
    Element req(tag::AirSync::Sync);
    auto &c = req.add(tag::AirSync::Collections).add(tag::AirSync::Collection);
    c.add(tag::AirSync::SyncKey, key);
    c.add(tag::AirSync::CollectionId, collectionId);
    c.add(tag::AirSync::WindowSize, "512");
    auto &options = c.add(tag::AirSync::Options);
    options.add(tag::AirSync::MIMESupport, "2");
    options.add(tag::AirSyncBase::BodyPreference).add(tag::AirSyncBase::Type, "4");
    return req;
}

} // namespace

class TestServerMime : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(f.setUp());
        m_demo = f.client(QStringLiteral("demo"), QStringLiteral("MIME1"));
        QVERIFY(m_demo);
        // A third-level message of the demo seed and its ancestors, oldest first.
        QHash<qint64, QJsonObject> byId;
        for (const QJsonObject &m : f.messages(QStringLiteral("demo")))
            byId.insert(m.value(QStringLiteral("id")).toVariant().toLongLong(), m);
        for (const QJsonObject &m : std::as_const(byId)) {
            if (m.value(QStringLiteral("depth")).toInt() != 2)
                continue;
            QStringList ancestors;
            for (qint64 p = m.value(QStringLiteral("parentId")).toVariant().toLongLong(); p;
                 p = byId.value(p).value(QStringLiteral("parentId")).toVariant().toLongLong())
                ancestors.prepend(text(byId.value(p), "messageId"));
            if (ancestors.size() == 2) {
                m_deep = m;
                m_ancestors = ancestors;
                break;
            }
        }
        QVERIFY2(!m_deep.isEmpty(), "the demo seed has a 3-level thread");
    }

    void fetchType4GivesThreadedRfc5322()
    {
        const EasResponse r = m_demo->post(QStringLiteral("ItemOperations"),
                                           fetchRequest(folderOf(m_deep), text(m_deep, "serverId"), 4, 2));
        const Element *props = fetchedProperties(r);
        QVERIFY(props);
        const Element *body = props->child(tag::AirSyncBase::Body);
        QVERIFY(body);
        QCOMPARE(body->childText(tag::AirSyncBase::Type), QStringLiteral("4"));
        QCOMPARE(body->childText(tag::AirSyncBase::Truncated), QStringLiteral("0"));
        const QByteArray mime = body->childText(tag::AirSyncBase::Data).toUtf8();
        QCOMPARE(body->childText(tag::AirSyncBase::EstimatedDataSize).toLongLong(), qint64(mime.size()));
        QVERIFY(mime.contains("MIME-Version: 1.0\r\n"));
        QVERIFY(mime.contains("Content-Type: text/"));
        QVERIFY(mime.startsWith("Date: ") || mime.contains("\r\nDate: "));
        QVERIFY(mime.contains("\r\nThread-Topic: "));
        const auto parsed = parseMime(mime);
        QVERIFY(parsed);
        QCOMPARE(parsed->messageId, text(m_deep, "messageId"));
        QCOMPARE(parsed->inReplyTo, QStringList{m_ancestors.last()});
        QCOMPARE(parsed->references, m_ancestors);
        QCOMPARE(parsed->subject, text(m_deep, "subject"));
        QVERIFY(!parsed->threadTopic.isEmpty());
        QVERIFY(!parsed->from.isEmpty());
        QVERIFY(!parsed->to.isEmpty());
        QCOMPARE(parsed->date, QDateTime::fromString(text(m_deep, "received"), Qt::ISODateWithMs)
                                   .toUTC().addMSecs(-QDateTime::fromString(text(m_deep, "received"), Qt::ISODateWithMs).time().msec()));
        QVERIFY(!parsed->body.trimmed().isEmpty());
    }

    void threadStarterHasNoInReplyTo()
    {
        const QJsonObject root = f.messages(QStringLiteral("demo"), [&](const QJsonObject &m) {
            return text(m, "messageId") == m_ancestors.first();
        }).value(0);
        const EasResponse r = m_demo->post(QStringLiteral("ItemOperations"),
                                           fetchRequest(folderOf(root), text(root, "serverId"), 4, 2));
        const QByteArray mime = fetchedProperties(r)->find({tag::AirSyncBase::Body, tag::AirSyncBase::Data})->text().toUtf8();
        QVERIFY(!mime.contains("In-Reply-To:"));
        QVERIFY(!mime.contains("References:"));
    }

    void truncationAppliesToMimeBytes()
    {
        const EasResponse full = m_demo->post(QStringLiteral("ItemOperations"),
                                              fetchRequest(folderOf(m_deep), text(m_deep, "serverId"), 4, 2));
        const qint64 fullSize = fetchedProperties(full)->find({tag::AirSyncBase::Body, tag::AirSyncBase::Data})->text().toUtf8().size();
        const EasResponse r = m_demo->post(QStringLiteral("ItemOperations"),
                                           fetchRequest(folderOf(m_deep), text(m_deep, "serverId"), 4, 2, 100));
        const Element *body = fetchedProperties(r)->child(tag::AirSyncBase::Body);
        QCOMPARE(body->childText(tag::AirSyncBase::Type), QStringLiteral("4"));
        QCOMPARE(body->childText(tag::AirSyncBase::Truncated), QStringLiteral("1"));
        QCOMPARE(body->childText(tag::AirSyncBase::EstimatedDataSize).toLongLong(), fullSize);
        QCOMPARE(body->childText(tag::AirSyncBase::Data).toUtf8().size(), 100);
    }

    void mimeSupportZeroOrAbsentGivesNoMime_data()
    {
        QTest::addColumn<int>("mimeSupport");
        QTest::newRow("0") << 0;
        QTest::newRow("1 (S/MIME only)") << 1;
        QTest::newRow("absent") << -1;
    }
    void mimeSupportZeroOrAbsentGivesNoMime()
    {
        QFETCH(int, mimeSupport);
        const EasResponse r = m_demo->post(QStringLiteral("ItemOperations"),
                                           fetchRequest(folderOf(m_deep), text(m_deep, "serverId"), 4, mimeSupport));
        const Element *body = fetchedProperties(r)->child(tag::AirSyncBase::Body);
        QVERIFY(body);
        QVERIFY(body->childText(tag::AirSyncBase::Type) != QLatin1String("4"));
        QVERIFY(!body->childText(tag::AirSyncBase::Data).contains(QLatin1String("MIME-Version")));
    }

    void syncType4At121WithThreadTopic()
    {
        auto c = f.client(QStringLiteral("demo"), QStringLiteral("MIME121"), "12.1");
        QVERIFY(c);
        const QString folder = folderOf(m_deep);
        const EasResponse primed = c->post(QStringLiteral("Sync"), syncWithMime(QStringLiteral("0"), folder));
        const QString key = EasTestClient::collection(primed)->childText(tag::AirSync::SyncKey);
        const EasResponse r = c->post(QStringLiteral("Sync"), syncWithMime(key, folder));
        const Element *item = nullptr;
        for (const Element *add : syncItems(r, tag::AirSync::Add))
            if (add->childText(tag::AirSync::ServerId) == text(m_deep, "serverId"))
                item = add->child(tag::AirSync::ApplicationData);
        QVERIFY(item);
        QVERIFY(!item->childText(tag::Email::ThreadTopic).isEmpty());
        QVERIFY(!item->has(tag::Email2::ConversationId));
        QVERIFY(!item->has(tag::Email2::ConversationIndex));
        const Element *body = item->child(tag::AirSyncBase::Body);
        QCOMPARE(body->childText(tag::AirSyncBase::Type), QStringLiteral("4"));
        const auto parsed = parseMime(body->childText(tag::AirSyncBase::Data).toUtf8());
        QVERIFY(parsed);
        QCOMPARE(parsed->references, m_ancestors);
    }

    void refusedConversationMoveIsBare500()
    {
        f.server.quirks().setRefusals(true, true);
        const QJsonObject before = f.server.dump();
        const QByteArray id = QByteArray::fromHex(text(m_deep, "conversationId").toLatin1());
        for (int i = 0; i < 2; ++i) { // every time, not once
            const EasResponse r = m_demo->post(QStringLiteral("ItemOperations"),
                                               moveRequest({MoveSpec{id, f.folderId(QStringLiteral("demo"), QStringLiteral("Projects"))}}));
            QCOMPARE(r.http, 500);
            QVERIFY(r.body.isEmpty());
        }
        QCOMPARE(f.server.dump(), before);
        QVERIFY(f.server.conversationRules(QStringLiteral("demo")).isEmpty());
        // A plain Fetch is still served.
        const EasResponse fetch = m_demo->post(QStringLiteral("ItemOperations"),
                                               fetchRequest(folderOf(m_deep), text(m_deep, "serverId"), 1, -1));
        QCOMPARE(fetch.http, 200);
        QVERIFY(fetchedProperties(fetch));
        f.server.quirks().setRefusals(false, false);
    }

    void refusedConversationSearchIsBare500()
    {
        QVERIFY(f.server.quirks().applyRefusalSpec(QStringLiteral("conversation-search")));
        const QJsonObject before = f.server.dump();
        const QByteArray id = QByteArray::fromHex(text(m_deep, "conversationId").toLatin1());
        for (bool inAnd : {true, false}) {
            Element search(tag::Search::Search);
            auto &store = search.add(tag::Search::Store);
            store.add(tag::Search::Name, "Mailbox");
            auto &query = store.add(tag::Search::Query);
            (inAnd ? query.add(tag::Search::And) : query).addOpaque(tag::Search::ConversationId, id);
            const EasResponse r = m_demo->post(QStringLiteral("Search"), search);
            QCOMPARE(r.http, 500);
            QVERIFY(r.body.isEmpty());
        }
        QCOMPARE(f.server.dump(), before);
        Element freeText(tag::Search::Search);
        auto &store = freeText.add(tag::Search::Store);
        store.add(tag::Search::Name, "Mailbox");
        store.add(tag::Search::Query).add(tag::Search::And).add(tag::Search::FreeText, "the");
        QCOMPARE(m_demo->post(QStringLiteral("Search"), freeText).top(tag::Search::Status), QStringLiteral("1"));
        QString error;
        QVERIFY(!f.server.quirks().applyRefusalSpec(QStringLiteral("conversation-teleport"), &error));
        QVERIFY(error.contains(QLatin1String("conversation-teleport")));
        f.server.quirks().setRefusals(false, false);
    }

    void noConversationIndexKeepsConversationId()
    {
        f.server.quirks().setConversationIndexEnabled(false);
        const EasResponse r = m_demo->post(QStringLiteral("ItemOperations"),
                                           fetchRequest(folderOf(m_deep), text(m_deep, "serverId"), 1, -1));
        const Element *props = fetchedProperties(r);
        QVERIFY(props);
        QCOMPARE(props->childData(tag::Email2::ConversationId).toHex(), text(m_deep, "conversationId").toLatin1());
        QVERIFY(!props->has(tag::Email2::ConversationIndex));
        f.server.quirks().setConversationIndexEnabled(true);
        const EasResponse again = m_demo->post(QStringLiteral("ItemOperations"),
                                               fetchRequest(folderOf(m_deep), text(m_deep, "serverId"), 1, -1));
        QVERIFY(fetchedProperties(again)->has(tag::Email2::ConversationIndex));
    }

    void seedMimeImportsFoldersAndThreads()
    {
        QTemporaryDir dir;
        ReferenceServer server;
        QVERIFY(server.open(dir.path()));
        QString error;
        QCOMPARE(server.seedMime(QStringLiteral(SKEIN_TEST_DATA "/mime-fixture"), QStringLiteral("carol"), &error), 4);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const QJsonObject user = server.dump().value(QStringLiteral("users")).toArray().first().toObject();
        QCOMPARE(text(user, "name"), QStringLiteral("carol"));
        QHash<QString, QJsonObject> byMessageId;
        for (const QJsonValue &v : user.value(QStringLiteral("messages")).toArray())
            byMessageId.insert(text(v.toObject(), "messageId"), v.toObject());
        QCOMPARE(byMessageId.size(), 4);
        const QJsonObject root = byMessageId.value(QStringLiteral("<root.offsite@example.test>"));
        const QJsonObject reply = byMessageId.value(QStringLiteral("<reply1.offsite@skein.test>"));
        const QJsonObject deep = byMessageId.value(QStringLiteral("<reply2.offsite@example.test>"));
        const QJsonObject lunch = byMessageId.value(QStringLiteral("<lunch@example.test>"));
        QCOMPARE(text(root, "folder"), QStringLiteral("Inbox"));
        QCOMPARE(text(reply, "folder"), QStringLiteral("Sent Items"));
        QCOMPARE(text(deep, "folder"), QStringLiteral("Offsite"));
        QCOMPARE(text(lunch, "folder"), QStringLiteral("Inbox"));
        // Threads: one conversation of three levels, the lunch mail alone.
        QCOMPARE(text(reply, "conversationId"), text(root, "conversationId"));
        QCOMPARE(text(deep, "conversationId"), text(root, "conversationId"));
        QVERIFY(text(lunch, "conversationId") != text(root, "conversationId"));
        QCOMPARE(reply.value(QStringLiteral("parentId")), root.value(QStringLiteral("id")));
        QCOMPARE(deep.value(QStringLiteral("parentId")), reply.value(QStringLiteral("id")));
        QVERIFY(isChildIndex(text(reply, "conversationIndex"), text(root, "conversationIndex")));
        QVERIFY(isChildIndex(text(deep, "conversationIndex"), text(reply, "conversationIndex")));
        QCOMPARE(deep.value(QStringLiteral("depth")).toInt(), 2);
        // Flags from the manifest, Date as the received time.
        QCOMPARE(root.value(QStringLiteral("read")).toBool(), true);
        QCOMPARE(lunch.value(QStringLiteral("read")).toBool(), false);
        QCOMPARE(deep.value(QStringLiteral("flagStatus")).toInt(), 2);
        QCOMPARE(root.value(QStringLiteral("flagStatus")).toInt(), 0);
        QCOMPARE(QDateTime::fromString(text(root, "received"), Qt::ISODateWithMs),
                 QDateTime(QDate(2026, 6, 1), QTime(9, 0), Qt::UTC));
        // Folders: Offsite (type 12) inside Projects (type 12, top level).
        QHash<QString, QJsonObject> folders;
        for (const QJsonValue &v : user.value(QStringLiteral("folders")).toArray())
            folders.insert(text(v.toObject(), "name"), v.toObject());
        QCOMPARE(folders.value(QStringLiteral("Projects")).value(QStringLiteral("type")).toInt(), 12);
        QCOMPARE(folders.value(QStringLiteral("Offsite")).value(QStringLiteral("type")).toInt(), 12);
        QCOMPARE(folders.value(QStringLiteral("Offsite")).value(QStringLiteral("parentId")),
                 folders.value(QStringLiteral("Projects")).value(QStringLiteral("id")));
        QCOMPARE(folders.value(QStringLiteral("Projects")).value(QStringLiteral("parentId")).toVariant().toString(),
                 QStringLiteral("0"));
        // Running it again adds nothing.
        QCOMPARE(server.seedMime(QStringLiteral(SKEIN_TEST_DATA "/mime-fixture"), QStringLiteral("carol")), 0);
    }

    void seedMimeReportsMissingFiles()
    {
        QTemporaryDir data, seed;
        ReferenceServer server;
        QVERIFY(server.open(data.path()));
        QString error;
        QCOMPARE(server.seedMime(seed.path(), QStringLiteral("carol"), &error), -1);
        QVERIFY(error.contains(QLatin1String("manifest.json")));
        QFile manifest(seed.filePath(QStringLiteral("manifest.json")));
        QVERIFY(manifest.open(QIODevice::WriteOnly));
        manifest.write(R"({"messages":[{"file":"gone.eml","folder":"INBOX"}]})");
        manifest.close();
        QCOMPARE(server.seedMime(seed.path(), QStringLiteral("carol"), &error), -1);
        QVERIFY(error.contains(QLatin1String("gone.eml")));
    }

private:
    QString folderOf(const QJsonObject &m) const { return m.value(QStringLiteral("folderId")).toVariant().toString(); }

    MailServerFixture f;
    std::unique_ptr<EasTestClient> m_demo;
    QJsonObject m_deep;
    QStringList m_ancestors; // Message-IDs, oldest first
};

QTEST_GUILESS_MAIN(TestServerMime)
#include "tst_server_mime.moc"
