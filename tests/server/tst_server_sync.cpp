// FolderSync and Sync against the in-process reference server: sync keys,
// paging, replay, status 3, FilterType + ConversationMode, client changes.
#include "EasTestClient.h"

#include <ReferenceServer.h>
#include <ServerStore.h>

#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

#include <sqlite3.h>

using namespace skein::test;
using skein::server::ReferenceServer;

namespace {

const QDateTime kNow = QDateTime(QDate(2026, 6, 15), QTime(12, 0), Qt::UTC);

QList<const Element *> items(const Element *collection, skein::wbxml::Tag kind)
{
    const Element *commands = collection ? collection->child(tag::AirSync::Commands) : nullptr;
    return commands ? commands->all(kind) : QList<const Element *>();
}

QStringList serverIds(const QList<const Element *> &list)
{
    QStringList out;
    for (const Element *e : list)
        out << e->childText(tag::AirSync::ServerId);
    return out;
}

} // namespace

class TestServerSync : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(m_server.open(m_dir.path()));
        QVERIFY(m_server.seedDemo(kNow) > 100);
        QCOMPARE(m_server.generate(QStringLiteral("demo"), QStringLiteral("Bulk"), 250, 7, kNow), 250);
        m_server.setNow(kNow);
        QVERIFY(m_server.start() != 0);
        m_inbox = m_server.folderId(QStringLiteral("demo"), QStringLiteral("Inbox"));
        m_bulk = m_server.folderId(QStringLiteral("demo"), QStringLiteral("Bulk"));
        QVERIFY(!m_inbox.isEmpty() && !m_bulk.isEmpty());
    }

    void folderSyncHierarchy()
    {
        auto c = client(QStringLiteral("FS1"));
        const EasResponse r = c->folderSync(QStringLiteral("0"));
        QCOMPARE(r.top(tag::FolderHierarchy::Status), QStringLiteral("1"));
        const QString key = r.top(tag::FolderHierarchy::SyncKey);
        QVERIFY(!key.isEmpty() && key != QLatin1String("0"));
        const Element *changes = r.doc->child(tag::FolderHierarchy::Changes);
        QVERIFY(changes);
        const auto adds = changes->all(tag::FolderHierarchy::Add);
        QCOMPARE(changes->childText(tag::FolderHierarchy::Count).toInt(), adds.size());
        QHash<QString, int> types;
        for (const Element *a : adds)
            types.insert(a->childText(tag::FolderHierarchy::DisplayName), a->childText(tag::FolderHierarchy::Type).toInt());
        QCOMPARE(types.value(QStringLiteral("Inbox")), 2);
        QCOMPARE(types.value(QStringLiteral("Sent Items")), 5);
        QCOMPARE(types.value(QStringLiteral("Deleted Items")), 4);
        QCOMPARE(types.value(QStringLiteral("Calendar")), 8);
        QCOMPARE(types.value(QStringLiteral("Projects")), 12);
        QCOMPARE(types.value(QStringLiteral("Receipts")), 12);
        QVERIFY(types.contains(QStringLiteral("Drafts")) && types.contains(QStringLiteral("Outbox"))
                && types.contains(QStringLiteral("Junk E-mail")));

        const EasResponse again = c->folderSync(key);
        QCOMPARE(again.top(tag::FolderHierarchy::Status), QStringLiteral("1"));
        QCOMPARE(again.doc->find({tag::FolderHierarchy::Changes, tag::FolderHierarchy::Count})->text(), QStringLiteral("0"));
        QCOMPARE(c->folderSync(QStringLiteral("bogus")).top(tag::FolderHierarchy::Status), QStringLiteral("9"));
    }

    void keyZeroGivesNewKeyAndNoItems()
    {
        auto c = client(QStringLiteral("S0"));
        const EasResponse r = c->sync(QStringLiteral("0"), m_inbox);
        const Element *col = EasTestClient::collection(r);
        QVERIFY(col);
        QCOMPARE(col->childText(tag::AirSync::Status), QStringLiteral("1"));
        QVERIFY(!col->childText(tag::AirSync::SyncKey).isEmpty());
        QVERIFY(col->childText(tag::AirSync::SyncKey) != QLatin1String("0"));
        QVERIFY(!col->has(tag::AirSync::Commands));
    }

    void pagesWithMoreAvailable()
    {
        auto c = client(QStringLiteral("PAGE"));
        QString key = EasTestClient::collection(c->sync(QStringLiteral("0"), m_bulk))->childText(tag::AirSync::SyncKey);
        EasTestClient::SyncOptions o;
        o.windowSize = 100;
        QSet<QString> seen;
        QList<int> pages;
        for (int i = 0; i < 4; ++i) {
            const EasResponse r = c->sync(key, m_bulk, o);
            const Element *col = EasTestClient::collection(r);
            QVERIFY(col);
            QCOMPARE(col->childText(tag::AirSync::Status), QStringLiteral("1"));
            const auto adds = items(col, tag::AirSync::Add);
            for (const QString &id : serverIds(adds))
                seen.insert(id);
            pages << int(adds.size());
            QCOMPARE(col->has(tag::AirSync::MoreAvailable), i < 2);
            key = col->childText(tag::AirSync::SyncKey);
        }
        QCOMPARE(pages, (QList<int>{100, 100, 50, 0}));
        QCOMPARE(seen.size(), 250);
    }

    void resentKeyReplaysLastResponse()
    {
        auto c = client(QStringLiteral("REPLAY"));
        const QString k1 = EasTestClient::collection(c->sync(QStringLiteral("0"), m_bulk))->childText(tag::AirSync::SyncKey);
        EasTestClient::SyncOptions o;
        o.windowSize = 30;
        const EasResponse first = c->sync(k1, m_bulk, o);
        const EasResponse again = c->sync(k1, m_bulk, o);
        QCOMPARE(again.http, 200);
        QCOMPARE(again.body, first.body);
        const QString k2 = EasTestClient::collection(first)->childText(tag::AirSync::SyncKey);
        const EasResponse next = c->sync(k2, m_bulk, o);
        const auto nextIds = serverIds(items(EasTestClient::collection(next), tag::AirSync::Add));
        QCOMPARE(nextIds.size(), 30);
        for (const QString &id : nextIds)
            QVERIFY(!serverIds(items(EasTestClient::collection(first), tag::AirSync::Add)).contains(id));
    }

    void unknownKeyGivesStatus3()
    {
        auto c = client(QStringLiteral("BADKEY"));
        c->sync(QStringLiteral("0"), m_inbox);
        const EasResponse r = c->sync(QStringLiteral("987654321"), m_inbox);
        QCOMPARE(EasTestClient::collection(r)->childText(tag::AirSync::Status), QStringLiteral("3"));
    }

    void forcedStatus3()
    {
        auto c = client(QStringLiteral("FORCE3"));
        const QString key = EasTestClient::collection(c->sync(QStringLiteral("0"), m_inbox))->childText(tag::AirSync::SyncKey);
        m_server.faults().forceSyncStatus3(QStringLiteral("Inbox"));
        QCOMPARE(EasTestClient::collection(c->sync(key, m_inbox))->childText(tag::AirSync::Status), QStringLiteral("3"));
        // The old key stays invalid; a fresh start works.
        QCOMPARE(EasTestClient::collection(c->sync(key, m_inbox))->childText(tag::AirSync::Status), QStringLiteral("3"));
        const QString fresh = EasTestClient::collection(c->sync(QStringLiteral("0"), m_inbox))->childText(tag::AirSync::SyncKey);
        QCOMPARE(EasTestClient::collection(c->sync(fresh, m_inbox))->childText(tag::AirSync::Status), QStringLiteral("1"));
    }

    void filterTypeWithAndWithoutConversationMode()
    {
        const QString lisbonRoot = messageServerId(QStringLiteral("Summer trip to Lisbon"), QStringLiteral("Inbox"));
        QVERIFY(!lisbonRoot.isEmpty());
        EasTestClient::SyncOptions o;
        o.filterType = 3; // one week
        o.windowSize = 512;

        auto plain = client(QStringLiteral("FILTER0"));
        QString key = EasTestClient::collection(plain->sync(QStringLiteral("0"), m_inbox, o))->childText(tag::AirSync::SyncKey);
        const QStringList plainIds = serverIds(items(EasTestClient::collection(plain->sync(key, m_inbox, o)), tag::AirSync::Add));
        QVERIFY(!plainIds.isEmpty());
        QVERIFY(!plainIds.contains(lisbonRoot));

        auto conv = client(QStringLiteral("FILTER1"));
        o.conversationMode = 1;
        key = EasTestClient::collection(conv->sync(QStringLiteral("0"), m_inbox, o))->childText(tag::AirSync::SyncKey);
        const EasResponse r = conv->sync(key, m_inbox, o);
        const auto adds = items(EasTestClient::collection(r), tag::AirSync::Add);
        const QStringList convIds = serverIds(adds);
        QVERIFY(convIds.contains(lisbonRoot));
        QVERIFY(convIds.size() > plainIds.size());
        for (const QString &id : plainIds)
            QVERIFY(convIds.contains(id));
        // The out-of-window member comes without body data but with its conversation identity.
        for (const Element *add : adds) {
            if (add->childText(tag::AirSync::ServerId) != lisbonRoot)
                continue;
            const Element *data = add->child(tag::AirSync::ApplicationData);
            QCOMPARE(data->child(tag::Email2::ConversationId)->data().size(), 16);
            QCOMPARE(data->child(tag::Email2::ConversationIndex)->data().size(), 5);
            QVERIFY(!data->find({tag::AirSyncBase::Body, tag::AirSyncBase::Data}));
        }
    }

    void narrowingTheFilterSoftDeletes()
    {
        auto c = client(QStringLiteral("SOFT"));
        EasTestClient::SyncOptions all;
        all.windowSize = 512;
        all.filterType = 0;
        QString key = EasTestClient::collection(c->sync(QStringLiteral("0"), m_inbox, all))->childText(tag::AirSync::SyncKey);
        const EasResponse firstAll = c->sync(key, m_inbox, all);
        const Element *col = EasTestClient::collection(firstAll);
        QVERIFY2(col, qPrintable(QString::number(firstAll.http) + QString::fromLatin1(firstAll.body.left(300).toHex())));
        const int total = int(items(col, tag::AirSync::Add).size());
        key = col->childText(tag::AirSync::SyncKey);
        EasTestClient::SyncOptions week = all;
        week.filterType = 3;
        const EasResponse r = c->sync(key, m_inbox, week);
        const auto soft = items(EasTestClient::collection(r), tag::AirSync::SoftDelete);
        QVERIFY2(soft.size() > 0, qPrintable(skein::wbxml::dump(*r.doc)));
        QVERIFY(soft.size() < total);
        QVERIFY(items(EasTestClient::collection(r), tag::AirSync::Delete).isEmpty());
    }

    void email2OnlyFrom140AndTruncation()
    {
        const QString report = messageServerId(QStringLiteral("Annual infrastructure report"), QStringLiteral("Inbox"));
        for (const QByteArray &version : {QByteArray("12.1"), QByteArray("14.1"), QByteArray("16.0")}) {
            auto c = std::make_unique<EasTestClient>(m_server.url(), QStringLiteral("demo"), QStringLiteral("demo"),
                                                     QStringLiteral("V") + QString::fromLatin1(version).remove(QLatin1Char('.')), version);
            QVERIFY(c->provision());
            EasTestClient::SyncOptions o;
            o.windowSize = 512;
            o.truncation = 1000;
            if (version != "12.1")
                o.preview = 100;
            const QString key = EasTestClient::collection(c->sync(QStringLiteral("0"), m_inbox, o))->childText(tag::AirSync::SyncKey);
            const EasResponse synced = c->sync(key, m_inbox, o);
            const auto adds = items(EasTestClient::collection(synced), tag::AirSync::Add);
            QVERIFY(!adds.isEmpty());
            bool sawReport = false;
            for (const Element *add : adds) {
                const Element *data = add->child(tag::AirSync::ApplicationData);
                QCOMPARE(data->has(tag::Email2::ConversationId), version != "12.1");
                QCOMPARE(data->has(tag::Email2::ConversationIndex), version != "12.1");
                QCOMPARE(data->childText(tag::Email::MessageClass), QStringLiteral("IPM.Note"));
                QVERIFY(data->has(tag::Email::DateReceived));
                QVERIFY(data->has(tag::AirSyncBase::NativeBodyType));
                if (add->childText(tag::AirSync::ServerId) == report) {
                    sawReport = true;
                    const Element *body = data->child(tag::AirSyncBase::Body);
                    QCOMPARE(body->childText(tag::AirSyncBase::Truncated), QStringLiteral("1"));
                    QVERIFY(body->childText(tag::AirSyncBase::EstimatedDataSize).toInt() > 60000);
                    QVERIFY(body->child(tag::AirSyncBase::Data)->data().size() <= 1000);
                    QCOMPARE(body->has(tag::AirSyncBase::Preview), version != "12.1");
                }
            }
            QVERIFY(sawReport);
        }
    }

    void conversationModeOnCalendarIsProtocolError()
    {
        auto c = client(QStringLiteral("CAL"));
        EasTestClient::SyncOptions o;
        o.conversationMode = 1;
        const QString calendar = m_server.folderId(QStringLiteral("demo"), QStringLiteral("Calendar"));
        const EasResponse r = c->sync(QStringLiteral("0"), calendar, o);
        QCOMPARE(r.top(tag::AirSync::Status), QStringLiteral("4"));
    }

    // A lost answer: the same key with the same Commands gets the cached
    // answer, and the changes are applied once.
    void repeatedKeyWithTheSameChangesReplaysAndAppliesOnce()
    {
        auto c = client(QStringLiteral("RETRYSAME"));
        EasTestClient::SyncOptions o;
        o.windowSize = 512;
        const QString key = primeAndDrain(*c, m_bulk, o);
        const QStringList ids = serverIdsIn(QStringLiteral("Bulk"));
        QVERIFY(ids.size() > 20);
        const QString flagged = ids.at(10), deleted = ids.at(11);
        const int flagRevBefore = flagRev(flagged);

        EasTestClient::SyncOptions with = o;
        with.commands = flagAndDelete(flagged, deleted);
        const EasResponse first = c->sync(key, m_bulk, with);
        QCOMPARE(EasTestClient::collection(first)->childText(tag::AirSync::Status), QStringLiteral("1"));
        const EasResponse again = c->sync(key, m_bulk, with);
        QCOMPARE(again.http, 200);
        QCOMPARE(again.body, first.body);
        QCOMPARE(flagRev(flagged), flagRevBefore + 1);
        QVERIFY(message(deleted).isEmpty());
        QVERIFY(!message(deletedItemsServerId(deleted)).isEmpty());
        // Without its Commands it is still the retry of the lost answer.
        QCOMPARE(c->sync(key, m_bulk, o).body, first.body);
        QCOMPARE(flagRev(flagged), flagRevBefore + 1);

        const QString next = EasTestClient::collection(first)->childText(tag::AirSync::SyncKey);
        QCOMPARE(EasTestClient::collection(c->sync(next, m_bulk, o))->childText(tag::AirSync::Status), QStringLiteral("1"));
    }

    // The same key with other Commands is no retry: answering it from the
    // cache would report success and drop them. Status 3, nothing applied.
    void repeatedKeyWithDifferentChangesIsRefused()
    {
        auto c = client(QStringLiteral("RETRYDIFF"));
        EasTestClient::SyncOptions o;
        o.windowSize = 512;
        const QString key = primeAndDrain(*c, m_bulk, o);
        const QStringList ids = serverIdsIn(QStringLiteral("Bulk"));
        const QString target = ids.at(20), other = ids.at(21);

        EasTestClient::SyncOptions markRead = o;
        markRead.commands = readChange(target, true);
        const EasResponse first = c->sync(key, m_bulk, markRead);
        QCOMPARE(EasTestClient::collection(first)->childText(tag::AirSync::Status), QStringLiteral("1"));
        QCOMPARE(message(target).value(QStringLiteral("read")).toBool(), true);

        EasTestClient::SyncOptions markUnread = o;
        markUnread.commands = readChange(target, false);
        const EasResponse refused = c->sync(key, m_bulk, markUnread);
        QCOMPARE(refused.http, 200);
        QCOMPARE(EasTestClient::collection(refused)->childText(tag::AirSync::Status), QStringLiteral("3"));
        QCOMPARE(message(target).value(QStringLiteral("read")).toBool(), true);

        EasTestClient::SyncOptions flagAndDeleteOther = o;
        flagAndDeleteOther.commands = flagAndDelete(target, other);
        const int flagRevBefore = flagRev(target);
        const EasResponse refused2 = c->sync(key, m_bulk, flagAndDeleteOther);
        QCOMPARE(EasTestClient::collection(refused2)->childText(tag::AirSync::Status), QStringLiteral("3"));
        QCOMPARE(flagRev(target), flagRevBefore);
        QVERIFY(!message(other).isEmpty());

        // The true retry still gets the cached answer.
        QCOMPARE(c->sync(key, m_bulk, markRead).body, first.body);
    }

    // An original without Commands, repeated with some: not the same request.
    void repeatedKeyWithChangesAfterOneWithoutIsRefused()
    {
        auto c = client(QStringLiteral("RETRYADD"));
        EasTestClient::SyncOptions o;
        o.windowSize = 512;
        const QString key = primeAndDrain(*c, m_bulk, o);
        const QString target = serverIdsIn(QStringLiteral("Bulk")).at(30);
        const bool readBefore = message(target).value(QStringLiteral("read")).toBool();
        const EasResponse first = c->sync(key, m_bulk, o);
        EasTestClient::SyncOptions with = o;
        with.commands = readChange(target, !readBefore);
        const EasResponse refused = c->sync(key, m_bulk, with);
        QCOMPARE(EasTestClient::collection(refused)->childText(tag::AirSync::Status), QStringLiteral("3"));
        QCOMPARE(message(target).value(QStringLiteral("read")).toBool(), readBefore);
        QCOMPARE(c->sync(key, m_bulk, o).body, first.body);
    }

    // A data directory from before the Commands were remembered: the column
    // is added on open; such a state's retry is replayed only without
    // Commands (what the original carried is unknown).
    void storeWithoutRememberedCommandsIsUpgraded()
    {
        QTemporaryDir dir;
        ReferenceServer server;
        QVERIFY(server.open(dir.path()));
        QCOMPARE(server.generate(QStringLiteral("old"), QStringLiteral("Inbox"), 5, 3, kNow), 5);
        server.setNow(kNow);
        QVERIFY(server.start() != 0);
        const QString inbox = server.folderId(QStringLiteral("old"), QStringLiteral("Inbox"));
        QString key;
        QString target;
        QByteArray firstBody;
        {
            EasTestClient c(server.url(), QStringLiteral("old"), QStringLiteral("old"), QStringLiteral("OLDDEV"));
            QVERIFY(c.provision());
            EasTestClient::SyncOptions o;
            key = primeAndDrain(c, inbox, o);
            target = syncServerIdsOf(server, QStringLiteral("old")).value(0);
            QVERIFY(!target.isEmpty());
            EasTestClient::SyncOptions with = o;
            with.commands = readChange(target, true);
            firstBody = c.sync(key, inbox, with).body;
        }
        QCOMPARE(execSql(server, "ALTER TABLE sync_states DROP COLUMN prev_commands"), SQLITE_OK);
        server.close();

        QVERIFY(server.open(dir.path()));
        QVERIFY(server.start() != 0);
        QCOMPARE(execSql(server, "SELECT prev_commands FROM sync_states"), SQLITE_OK);
        EasTestClient c(server.url(), QStringLiteral("old"), QStringLiteral("old"), QStringLiteral("OLDDEV"));
        QVERIFY(c.provision());
        EasTestClient::SyncOptions o;
        QCOMPARE(c.sync(key, inbox, o).body, firstBody);
        EasTestClient::SyncOptions with = o;
        with.commands = readChange(target, true);
        QCOMPARE(EasTestClient::collection(c.sync(key, inbox, with))->childText(tag::AirSync::Status), QStringLiteral("3"));
    }

private:
    std::unique_ptr<EasTestClient> client(const QString &device)
    {
        auto c = std::make_unique<EasTestClient>(m_server.url(), QStringLiteral("demo"), QStringLiteral("demo"), device);
        if (!c->provision())
            qFatal("provisioning failed");
        return c;
    }

    // Key 0, then sync until nothing is left; returns the current key.
    QString primeAndDrain(EasTestClient &c, const QString &collection, const EasTestClient::SyncOptions &o)
    {
        QString key = EasTestClient::collection(c.sync(QStringLiteral("0"), collection, o))->childText(tag::AirSync::SyncKey);
        for (int i = 0; i < 20; ++i) {
            const EasResponse r = c.sync(key, collection, o);
            const Element *col = EasTestClient::collection(r);
            key = col->childText(tag::AirSync::SyncKey);
            if (!col->has(tag::AirSync::MoreAvailable))
                break;
        }
        return key;
    }

    QJsonArray messages() const
    {
        return m_server.dump().value(QStringLiteral("users")).toArray().first().toObject().value(QStringLiteral("messages")).toArray();
    }

    QJsonObject message(const QString &serverId) const
    {
        for (const QJsonValue &v : messages())
            if (v.toObject().value(QStringLiteral("serverId")).toString() == serverId)
                return v.toObject();
        return {};
    }

    // First (or, with last, latest) message whose subject contains `subject` in `folder`.
    QString messageServerId(const QString &subject, const QString &folder, bool last = false) const
    {
        QString found;
        for (const QJsonValue &v : messages()) {
            const QJsonObject o = v.toObject();
            if (o.value(QStringLiteral("folder")).toString() == folder
                && o.value(QStringLiteral("subject")).toString().contains(subject)) {
                found = o.value(QStringLiteral("serverId")).toString();
                if (!last)
                    return found;
            }
        }
        return found;
    }

    // ServerIds of demo's messages in `folder`, in id order.
    QStringList serverIdsIn(const QString &folder) const
    {
        QStringList out;
        for (const QJsonValue &v : messages())
            if (v.toObject().value(QStringLiteral("folder")).toString() == folder)
                out << v.toObject().value(QStringLiteral("serverId")).toString();
        return out;
    }

    static QStringList syncServerIdsOf(const ReferenceServer &server, const QString &user)
    {
        QStringList out;
        for (const QJsonValue &u : server.dump().value(QStringLiteral("users")).toArray())
            if (u.toObject().value(QStringLiteral("name")).toString() == user)
                for (const QJsonValue &m : u.toObject().value(QStringLiteral("messages")).toArray())
                    out << m.toObject().value(QStringLiteral("serverId")).toString();
        return out;
    }

    static int execSql(const ReferenceServer &server, const char *sql)
    {
        return sqlite3_exec(server.store().handle(), sql, nullptr, nullptr, nullptr);
    }

    QString deletedItemsServerId(const QString &serverId) const
    {
        return m_server.folderId(QStringLiteral("demo"), QStringLiteral("Deleted Items")) + QLatin1Char(':')
            + serverId.section(QLatin1Char(':'), 1);
    }

    int flagRev(const QString &serverId) const
    {
        const auto m = m_server.store().mail().message(m_server.store().accounts().user(QStringLiteral("demo"))->id,
                                                serverId.section(QLatin1Char(':'), 1).toLongLong(), false);
        return m ? m->flagRev : -1;
    }

    static Element readChange(const QString &serverId, bool read)
    {
        Element commands(tag::AirSync::Commands);
        auto &change = commands.add(tag::AirSync::Change);
        change.add(tag::AirSync::ServerId, serverId);
        change.add(tag::AirSync::ApplicationData).add(tag::Email::Read, read ? "1" : "0");
        return commands;
    }

    static Element flagAndDelete(const QString &flagged, const QString &deleted)
    {
        Element commands(tag::AirSync::Commands);
        auto &change = commands.add(tag::AirSync::Change);
        change.add(tag::AirSync::ServerId, flagged);
        auto &flag = change.add(tag::AirSync::ApplicationData).add(tag::Email::Flag);
        flag.add(tag::Email::FlagStatus, "2");
        flag.add(tag::Email::FlagType, "Flag for follow up");
        commands.add(tag::AirSync::Delete).add(tag::AirSync::ServerId, deleted);
        return commands;
    }

    QTemporaryDir m_dir;
    ReferenceServer m_server;
    QString m_inbox;
    QString m_bulk;
};

QTEST_GUILESS_MAIN(TestServerSync)
#include "tst_server_sync.moc"
