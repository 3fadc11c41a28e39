// Client-side changes in Sync: Read, Flag (with status 6 for bad input),
// Delete (DeletesAsMoves) against the in-process reference server.
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

class TestServerChanges : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(m_server.open(m_dir.path()));
        QVERIFY(m_server.seedDemo(kNow) > 100);
        m_server.setNow(kNow);
        QVERIFY(m_server.start() != 0);
        m_inbox = m_server.folderId(QStringLiteral("demo"), QStringLiteral("Inbox"));
        QVERIFY(!m_inbox.isEmpty());
    }

    void changeReadAndFlag()
    {
        const QString target = messageServerId(QStringLiteral("Summer trip to Lisbon"), QStringLiteral("Inbox"), true);
        QVERIFY(!target.isEmpty());
        auto c = client(QStringLiteral("CHANGE"));
        auto watcher = client(QStringLiteral("WATCH"));
        EasTestClient::SyncOptions o;
        o.windowSize = 512;
        const QString key = primeAndDrain(*c, m_inbox, o);
        const QString watchKey = primeAndDrain(*watcher, m_inbox, o);

        Element commands(tag::AirSync::Commands);
        auto &ch = commands.add(tag::AirSync::Change);
        ch.add(tag::AirSync::ServerId, target);
        auto &data = ch.add(tag::AirSync::ApplicationData);
        data.add(tag::Email::Read, "1");
        auto &flag = data.add(tag::Email::Flag);
        flag.add(tag::Email::FlagStatus, "2");
        flag.add(tag::Email::FlagType, "Flag for follow up");
        flag.add(tag::Tasks::StartDate, "2026-06-15T00:00:00.000Z");
        flag.add(tag::Tasks::UtcStartDate, "2026-06-15T00:00:00.000Z");
        flag.add(tag::Tasks::DueDate, "2026-06-18T00:00:00.000Z");
        flag.add(tag::Tasks::UtcDueDate, "2026-06-18T00:00:00.000Z");
        // Bad flags on other messages: status 2 without FlagType; StartDate after DueDate; Read=2.
        const QString other = messageServerId(QStringLiteral("on-call"), QStringLiteral("Inbox"));
        auto &bad1 = commands.add(tag::AirSync::Change);
        bad1.add(tag::AirSync::ServerId, other);
        bad1.add(tag::AirSync::ApplicationData).add(tag::Email::Flag).add(tag::Email::FlagStatus, "2");
        auto &bad2 = commands.add(tag::AirSync::Change);
        bad2.add(tag::AirSync::ServerId, other);
        auto &f2 = bad2.add(tag::AirSync::ApplicationData).add(tag::Email::Flag);
        f2.add(tag::Email::FlagStatus, "2");
        f2.add(tag::Email::FlagType, "Flag for follow up");
        f2.add(tag::Tasks::StartDate, "2026-06-20T00:00:00.000Z");
        f2.add(tag::Tasks::UtcStartDate, "2026-06-20T00:00:00.000Z");
        f2.add(tag::Tasks::DueDate, "2026-06-18T00:00:00.000Z");
        f2.add(tag::Tasks::UtcDueDate, "2026-06-18T00:00:00.000Z");
        auto &bad3 = commands.add(tag::AirSync::Change);
        bad3.add(tag::AirSync::ServerId, other);
        bad3.add(tag::AirSync::ApplicationData).add(tag::Email::Read, "2");
        auto &bad4 = commands.add(tag::AirSync::Change);
        bad4.add(tag::AirSync::ServerId, other);
        bad4.add(tag::AirSync::ApplicationData).addOpaque(tag::Email2::ConversationId, QByteArray(16, 'x'));
        o.commands = commands;
        const EasResponse r = c->sync(key, m_inbox, o);
        const Element *col = EasTestClient::collection(r);
        QVERIFY2(col, r.doc ? qPrintable(skein::wbxml::dump(*r.doc)) : "no doc");
        QVERIFY2(col->childText(tag::AirSync::Status) == QLatin1String("1"), qPrintable(skein::wbxml::dump(*r.doc)));
        const Element *responses = col->child(tag::AirSync::Responses);
        QVERIFY(responses);
        const auto failed = responses->all(tag::AirSync::Change);
        QCOMPARE(failed.size(), 4);
        for (const Element *f : failed) {
            QCOMPARE(f->childText(tag::AirSync::ServerId), other);
            QCOMPARE(f->childText(tag::AirSync::Status), QStringLiteral("6"));
        }
        // The own change is not echoed back.
        QVERIFY(!serverIds(items(col, tag::AirSync::Change)).contains(target));

        const QJsonObject m = message(target);
        QCOMPARE(m.value(QStringLiteral("read")).toBool(), true);
        QCOMPARE(m.value(QStringLiteral("flagStatus")).toInt(), 2);

        // Another device gets the change (Read and Flag only).
        o.commands.reset();
        const EasResponse watched = watcher->sync(watchKey, m_inbox, o);
        const auto changes = items(EasTestClient::collection(watched), tag::AirSync::Change);
        QCOMPARE(serverIds(changes), QStringList{target});
        const Element *data2 = changes.first()->child(tag::AirSync::ApplicationData);
        QCOMPARE(data2->childText(tag::Email::Read), QStringLiteral("1"));
        QCOMPARE(data2->find({tag::Email::Flag, tag::Email::FlagStatus})->text(), QStringLiteral("2"));
        QVERIFY(!data2->has(tag::Email::Subject));
    }

    // What another device changed meanwhile reaches a device that changed the
    // same message: its snapshot records only its own part of the change.
    void anotherDevicesFlagReachesADeviceThatChangedRead()
    {
        const QString target = messageServerId(QStringLiteral("Dinner on Saturday"), QStringLiteral("Inbox"));
        QVERIFY(!target.isEmpty());
        auto a = client(QStringLiteral("TWOA"));
        auto b = client(QStringLiteral("TWOB"));
        EasTestClient::SyncOptions o;
        o.windowSize = 512;
        QString keyA = primeAndDrain(*a, m_inbox, o);
        QString keyB = primeAndDrain(*b, m_inbox, o);

        auto changeOn = [&](EasTestClient &c, QString &key, const Element &data) {
            return syncChange(c, key, target, data, o);
        };
        Element unread(tag::AirSync::ApplicationData);
        unread.add(tag::Email::Read, "0");
        QVERIFY(applied(changeOn(*a, keyA, unread)));

        keyB = EasTestClient::collection(b->sync(keyB, m_inbox, o))->childText(tag::AirSync::SyncKey);
        QVERIFY(applied(changeOn(*b, keyB, flagData())));
        QCOMPARE(message(target).value(QStringLiteral("flagStatus")).toInt(), 2);

        Element read(tag::AirSync::ApplicationData);
        read.add(tag::Email::Read, "1");
        QList<EasResponse> seenByA{changeOn(*a, keyA, read)};
        QVERIFY(applied(seenByA.first()));
        for (int i = 0; i < 2; ++i) {
            seenByA << a->sync(keyA, m_inbox, o);
            keyA = EasTestClient::collection(seenByA.last())->childText(tag::AirSync::SyncKey);
        }
        int flagsToA = 0;
        for (const EasResponse &r : seenByA) {
            for (const Element *change : items(EasTestClient::collection(r), tag::AirSync::Change)) {
                if (change->childText(tag::AirSync::ServerId) != target)
                    continue;
                const Element *data = change->child(tag::AirSync::ApplicationData);
                QVERIFY(data);
                QVERIFY2(!data->has(tag::Email::Read), "A's own Read is not echoed back");
                const Element *status = data->find({tag::Email::Flag, tag::Email::FlagStatus});
                QVERIFY(status);
                QCOMPARE(status->text(), QStringLiteral("2"));
                ++flagsToA;
            }
        }
        QCOMPARE(flagsToA, 1);
        const QJsonObject m = message(target);
        QCOMPARE(m.value(QStringLiteral("read")).toBool(), true);
        QCOMPARE(m.value(QStringLiteral("flagStatus")).toInt(), 2);
    }

    // The other way round: a device that flags still gets the Read another
    // device set meanwhile.
    void anotherDevicesReadReachesADeviceThatFlagged()
    {
        const QString target = messageServerId(QStringLiteral("Book club"), QStringLiteral("Inbox"));
        QVERIFY(!target.isEmpty());
        auto a = client(QStringLiteral("TWOC"));
        auto b = client(QStringLiteral("TWOD"));
        EasTestClient::SyncOptions o;
        o.windowSize = 512;
        QString keyA = primeAndDrain(*a, m_inbox, o);
        QString keyB = primeAndDrain(*b, m_inbox, o);
        Element unread(tag::AirSync::ApplicationData);
        unread.add(tag::Email::Read, "0");
        QVERIFY(applied(syncChange(*a, keyA, target, unread, o)));
        keyB = EasTestClient::collection(b->sync(keyB, m_inbox, o))->childText(tag::AirSync::SyncKey);
        Element read(tag::AirSync::ApplicationData);
        read.add(tag::Email::Read, "1");
        QVERIFY(applied(syncChange(*b, keyB, target, read, o)));

        const EasResponse r = syncChange(*a, keyA, target, flagData(), o);
        QVERIFY(applied(r));
        const auto changes = items(EasTestClient::collection(r), tag::AirSync::Change);
        QCOMPARE(serverIds(changes), QStringList{target});
        const Element *data = changes.first()->child(tag::AirSync::ApplicationData);
        QCOMPARE(data->childText(tag::Email::Read), QStringLiteral("1"));
        QVERIFY2(!data->has(tag::Email::Flag), "A's own Flag is not echoed back");
    }

    void deleteMovesToDeletedItems()
    {
        const QString target = messageServerId(QStringLiteral("Running shoes"), QStringLiteral("Inbox"));
        QVERIFY(!target.isEmpty());
        auto c = client(QStringLiteral("DELETE"));
        EasTestClient::SyncOptions o;
        o.windowSize = 512;
        const QString key = primeAndDrain(*c, m_inbox, o);
        Element commands(tag::AirSync::Commands);
        commands.add(tag::AirSync::Delete).add(tag::AirSync::ServerId, target);
        o.commands = commands;
        const EasResponse deleted1 = c->sync(key, m_inbox, o);
        const Element *col = EasTestClient::collection(deleted1);
        QCOMPARE(col->childText(tag::AirSync::Status), QStringLiteral("1"));
        QVERIFY(!col->has(tag::AirSync::Responses));
        const QString id = target.section(QLatin1Char(':'), 1);
        const QString deleted = m_server.folderId(QStringLiteral("demo"), QStringLiteral("Deleted Items"));
        QCOMPARE(message(deleted + QLatin1Char(':') + id).value(QStringLiteral("folder")).toString(), QStringLiteral("Deleted Items"));
        // Deleting it again from the Inbox: object not found.
        Element again(tag::AirSync::Commands);
        again.add(tag::AirSync::Delete).add(tag::AirSync::ServerId, target);
        o.commands = again;
        const EasResponse deleted2 = c->sync(col->childText(tag::AirSync::SyncKey), m_inbox, o);
        const Element *col2 = EasTestClient::collection(deleted2);
        QCOMPARE(col2->find({tag::AirSync::Responses, tag::AirSync::Delete})->childText(tag::AirSync::Status), QStringLiteral("8"));
    }

private:
    std::unique_ptr<EasTestClient> client(const QString &device)
    {
        auto c = std::make_unique<EasTestClient>(m_server.url(), QStringLiteral("demo"), QStringLiteral("demo"), device);
        if (!c->provision())
            qFatal("provisioning failed");
        return c;
    }

    // One Change of `serverId` with `data` (ApplicationData); moves `key` on.
    EasResponse syncChange(EasTestClient &c, QString &key, const QString &serverId, const Element &data,
                           EasTestClient::SyncOptions o)
    {
        Element commands(tag::AirSync::Commands);
        auto &ch = commands.add(tag::AirSync::Change);
        ch.add(tag::AirSync::ServerId, serverId);
        ch.children().push_back(data);
        o.commands = commands;
        const EasResponse r = c.sync(key, m_inbox, o);
        if (const Element *col = EasTestClient::collection(r))
            key = col->childText(tag::AirSync::SyncKey);
        return r;
    }

    // Applied: collection Status 1 and no per-item failure.
    static bool applied(const EasResponse &r)
    {
        const Element *col = EasTestClient::collection(r);
        return col && col->childText(tag::AirSync::Status) == QLatin1String("1") && !col->has(tag::AirSync::Responses);
    }

    static Element flagData()
    {
        Element data(tag::AirSync::ApplicationData);
        auto &flag = data.add(tag::Email::Flag);
        flag.add(tag::Email::FlagStatus, "2");
        flag.add(tag::Email::FlagType, "Flag for follow up");
        return data;
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

    QTemporaryDir m_dir;
    ReferenceServer m_server;
    QString m_inbox;
};

QTEST_GUILESS_MAIN(TestServerChanges)
#include "tst_server_changes.moc"
