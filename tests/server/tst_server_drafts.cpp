// Drafts through Sync at 16.x ([MS-ASCMD] 16.0 drafts): Add with ClientId
// answers ServerId and Status 1 and stores the draft in the user's Drafts
// folder (other devices sync it, the dump shows it), Change replaces its
// fields and reaches other devices, Delete removes it, a repeated ClientId
// makes no second draft, and below 16.0 an Add is refused with status 6.
#include "ServerTestSupport.h"

#include <EasTags.h>

using namespace skein::test;
namespace tag = skein::wbxml::tag;
using skein::wbxml::Element;

namespace {

Element draftData(const QString &subject, const QString &body, int bodyType = 1)
{
    Element data(tag::AirSync::ApplicationData);
    data.add(tag::Email::To, "\"Bob\" <bob@skein.test>");
    data.add(tag::Email::Cc, "carol@skein.test");
    data.add(tag::Email2::Bcc, "dave@skein.test");
    data.add(tag::Email::Subject, subject);
    auto &b = data.add(tag::AirSyncBase::Body);
    b.add(tag::AirSyncBase::Type, qint64(bodyType));
    b.add(tag::AirSyncBase::Data, body);
    data.add(tag::Email::Importance, "2");
    return data;
}

Element addCommand(const QString &clientId, const Element &data)
{
    Element commands(tag::AirSync::Commands);
    auto &add = commands.add(tag::AirSync::Add);
    add.add(tag::AirSync::ClientId, clientId);
    add.children().push_back(data);
    return commands;
}

Element changeCommand(const QString &serverId, const Element &data)
{
    Element commands(tag::AirSync::Commands);
    auto &change = commands.add(tag::AirSync::Change);
    change.add(tag::AirSync::ServerId, serverId);
    change.children().push_back(data);
    return commands;
}

EasTestClient::SyncOptions withCommands(const Element &commands)
{
    EasTestClient::SyncOptions o;
    o.getChanges = 0;
    o.deletesAsMoves = 0;
    o.commands = commands;
    return o;
}

// The first Responses child of the answer's collection.
const Element *response(const EasResponse &r, skein::wbxml::Tag kind)
{
    const Element *c = EasTestClient::collection(r);
    const Element *responses = c ? c->child(tag::AirSync::Responses) : nullptr;
    return responses ? responses->child(kind) : nullptr;
}

} // namespace

class TestServerDrafts : public QObject
{
    Q_OBJECT

    MailServerFixture m_fx;

    QList<QJsonObject> drafts(const QString &user)
    {
        return m_fx.messages(user, [](const QJsonObject &m) { return text(m, "folder") == QLatin1String("Drafts"); });
    }

    // Primes Drafts, adds one draft; returns its ServerId and the new key.
    std::pair<QString, QString> addDraft(EasTestClient &c, const QString &clientId, const QString &subject)
    {
        const QString folder = m_fx.folderId(QStringLiteral("alice"), QStringLiteral("Drafts"));
        const QString key = primeFolder(c, folder);
        const EasResponse r = c.sync(key, folder, withCommands(addCommand(clientId, draftData(subject, QStringLiteral("text")))));
        const Element *add = response(r, tag::AirSync::Add);
        if (!add || add->childInt(tag::AirSync::Status) != 1)
            return {};
        return {add->childText(tag::AirSync::ServerId), EasTestClient::collection(r)->childText(tag::AirSync::SyncKey)};
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_fx.setUp()); }

    void addStoresTheDraftInDrafts()
    {
        auto c = m_fx.client(QStringLiteral("alice"), QStringLiteral("draftsA"), "16.1");
        QVERIFY(c);
        const QString folder = m_fx.folderId(QStringLiteral("alice"), QStringLiteral("Drafts"));
        const QString key = primeFolder(*c, folder);
        const EasResponse r = c->sync(key, folder, withCommands(addCommand(QStringLiteral("c-1"),
                                                                           draftData(QStringLiteral("Plans"), QStringLiteral("Hello Bob")))));
        const Element *add = response(r, tag::AirSync::Add);
        QVERIFY(add);
        QCOMPARE(add->childText(tag::AirSync::ClientId), QStringLiteral("c-1"));
        QCOMPARE(add->childInt(tag::AirSync::Status), 1);
        const QString serverId = add->childText(tag::AirSync::ServerId);
        QVERIFY(serverId.startsWith(folder + QLatin1Char(':')));
        const QList<QJsonObject> stored = drafts(QStringLiteral("alice"));
        QCOMPARE(stored.size(), 1);
        QCOMPARE(text(stored[0], "serverId"), serverId);
        QCOMPARE(text(stored[0], "subject"), QStringLiteral("Plans"));
        QCOMPARE(text(stored[0], "to"), QStringLiteral("\"Bob\" <bob@skein.test>"));
        QCOMPARE(text(stored[0], "cc"), QStringLiteral("carol@skein.test"));
        QCOMPARE(stored[0].value(QStringLiteral("importance")).toInt(), 2);
        QCOMPARE(stored[0].value(QStringLiteral("bodySize")).toInt(), 9);

        // The device that added it is not sent it back.
        const EasResponse next = c->sync(EasTestClient::collection(r)->childText(tag::AirSync::SyncKey), folder);
        QVERIFY(syncServerIds(next, tag::AirSync::Add).isEmpty());
    }

    void anotherDeviceSyncsItAndSeesChanges()
    {
        auto a = m_fx.client(QStringLiteral("alice"), QStringLiteral("draftsB1"), "16.1");
        auto b = m_fx.client(QStringLiteral("alice"), QStringLiteral("draftsB2"), "16.1");
        QVERIFY(a && b);
        const QString folder = m_fx.folderId(QStringLiteral("alice"), QStringLiteral("Drafts"));
        const QString keyB = primeFolder(*b, folder);
        const auto [serverId, keyA] = addDraft(*a, QStringLiteral("c-2"), QStringLiteral("Shared"));
        QVERIFY(!serverId.isEmpty());
        EasResponse r = b->sync(keyB, folder);
        QVERIFY(syncServerIds(r, tag::AirSync::Add).contains(serverId));
        const QString keyB2 = EasTestClient::collection(r)->childText(tag::AirSync::SyncKey);

        const EasResponse changed = a->sync(keyA, folder, withCommands(changeCommand(
            serverId, draftData(QStringLiteral("Shared, revised"), QStringLiteral("<p>new</p>"), 2))));
        QVERIFY(!response(changed, tag::AirSync::Change)); // no Responses entry: success
        QCOMPARE(EasTestClient::collection(changed)->childText(tag::AirSync::Status), QStringLiteral("1"));
        const QJsonObject stored = m_fx.messages(QStringLiteral("alice"), [&](const QJsonObject &m) {
            return text(m, "serverId") == serverId;
        }).value(0);
        QCOMPARE(text(stored, "subject"), QStringLiteral("Shared, revised"));
        QCOMPARE(stored.value(QStringLiteral("bodyType")).toInt(), 2);

        r = b->sync(keyB2, folder);
        const QList<const Element *> adds = syncItems(r, tag::AirSync::Add);
        QCOMPARE(adds.size(), 1);
        QCOMPARE(adds[0]->childText(tag::AirSync::ServerId), serverId);
        QCOMPARE(adds[0]->find({tag::AirSync::ApplicationData, tag::Email::Subject})->text(),
                 QStringLiteral("Shared, revised"));
    }

    void deleteRemovesIt()
    {
        auto c = m_fx.client(QStringLiteral("alice"), QStringLiteral("draftsC"), "16.0");
        QVERIFY(c);
        const QString folder = m_fx.folderId(QStringLiteral("alice"), QStringLiteral("Drafts"));
        const auto [serverId, key] = addDraft(*c, QStringLiteral("c-3"), QStringLiteral("Doomed"));
        QVERIFY(!serverId.isEmpty());
        Element commands(tag::AirSync::Commands);
        commands.add(tag::AirSync::Delete).add(tag::AirSync::ServerId, serverId);
        const EasResponse r = c->sync(key, folder, withCommands(commands));
        QVERIFY(!response(r, tag::AirSync::Delete));
        QVERIFY(m_fx.messages(QStringLiteral("alice"), [&](const QJsonObject &m) {
            return text(m, "subject") == QLatin1String("Doomed");
        }).isEmpty());
    }

    void aRepeatedClientIdMakesNoSecondDraft()
    {
        auto c = m_fx.client(QStringLiteral("alice"), QStringLiteral("draftsD"), "16.1");
        QVERIFY(c);
        const QString folder = m_fx.folderId(QStringLiteral("alice"), QStringLiteral("Drafts"));
        const auto [first, key] = addDraft(*c, QStringLiteral("c-4"), QStringLiteral("Once"));
        QVERIFY(!first.isEmpty());
        // The client lost that answer and sends the Add again, with newer text.
        const EasResponse r = c->sync(key, folder, withCommands(addCommand(QStringLiteral("c-4"),
                                                                           draftData(QStringLiteral("Once, newer"), QStringLiteral("x")))));
        const Element *add = response(r, tag::AirSync::Add);
        QVERIFY(add);
        QCOMPARE(add->childInt(tag::AirSync::Status), 1);
        QCOMPARE(add->childText(tag::AirSync::ServerId), first);
        const QList<QJsonObject> copies = m_fx.messages(QStringLiteral("alice"), [](const QJsonObject &m) {
            return text(m, "subject").startsWith(QLatin1String("Once"));
        });
        QCOMPARE(copies.size(), 1);
        QCOMPARE(text(copies[0], "subject"), QStringLiteral("Once, newer"));
    }

    void badFieldsAreRefused()
    {
        auto c = m_fx.client(QStringLiteral("alice"), QStringLiteral("draftsE"), "16.1");
        QVERIFY(c);
        const QString folder = m_fx.folderId(QStringLiteral("alice"), QStringLiteral("Drafts"));
        const QString key = primeFolder(*c, folder);
        const int before = drafts(QStringLiteral("alice")).size();
        const EasResponse r = c->sync(key, folder, withCommands(addCommand(QStringLiteral("c-5"),
                                                                           draftData(QStringLiteral("RTF"), QStringLiteral("x"), 3))));
        QCOMPARE(response(r, tag::AirSync::Add)->childInt(tag::AirSync::Status), 6);
        QCOMPARE(drafts(QStringLiteral("alice")).size(), before);
    }

    void below16AddIsRefused()
    {
        auto c = m_fx.client(QStringLiteral("bob"), QStringLiteral("draftsF"), "14.1");
        QVERIFY(c);
        const QString folder = m_fx.folderId(QStringLiteral("bob"), QStringLiteral("Drafts"));
        const QString key = primeFolder(*c, folder);
        const EasResponse r = c->sync(key, folder, withCommands(addCommand(QStringLiteral("c-6"),
                                                                           draftData(QStringLiteral("Old"), QStringLiteral("x")))));
        const Element *add = response(r, tag::AirSync::Add);
        QVERIFY(add);
        QCOMPARE(add->childInt(tag::AirSync::Status), 6);
        QVERIFY(!add->has(tag::AirSync::ServerId));
        QVERIFY(drafts(QStringLiteral("bob")).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestServerDrafts)
#include "tst_server_drafts.moc"
