// The reference server's per-device change tracking (ChangeTracker): what a
// Sync costs does not grow with the folder, and what the change log and the
// date filter feed it is still told right.
#include "EasTestClient.h"

#include <ReferenceServer.h>
#include <ServerStore.h>

#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <functional>
#include <memory>

#include <sqlite3.h>

using namespace skein::test;
using skein::server::MessageRow;
using skein::server::ReferenceServer;

namespace {

const QDateTime kNow = QDateTime(QDate(2026, 6, 15), QTime(12, 0), Qt::UTC);
constexpr int kBulk = 2000;
constexpr qint64 kHour = 3600 * 1000;
constexpr qint64 kDay = 24 * kHour;

QList<const Element *> items(const EasResponse &r, skein::wbxml::Tag kind)
{
    const Element *collection = EasTestClient::collection(r);
    const Element *commands = collection ? collection->child(tag::AirSync::Commands) : nullptr;
    return commands ? commands->all(kind) : QList<const Element *>();
}

int countStep(void *steps)
{
    ++*static_cast<qint64 *>(steps);
    return 0;
}

} // namespace

class TestServerChangeTracker : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(m_server.open(m_dir.path()));
        QCOMPARE(m_server.generate(QStringLiteral("demo"), QStringLiteral("Bulk"), kBulk, 7, kNow), kBulk);
        m_server.setNow(kNow);
        QVERIFY(m_server.start() != 0);
        m_bulk = m_server.folderId(QStringLiteral("demo"), QStringLiteral("Bulk"));
        m_userId = m_server.store().accounts().user(QStringLiteral("demo"))->id;
    }

    // The baseline each bound below is measured against: reading the
    // folder's sync columns once, as every request did before.
    void readingTheFolderOnce()
    {
        m_folderRead = steps([&] {
            sqlite3_stmt *q = nullptr;
            sqlite3_prepare_v2(db(), "SELECT id, received, read, flag_rev FROM messages WHERE folder_id=?", -1, &q, nullptr);
            sqlite3_bind_int64(q, 1, m_bulk.toLongLong());
            int rows = 0;
            while (sqlite3_step(q) == SQLITE_ROW)
                ++rows;
            sqlite3_finalize(q);
            QCOMPARE(rows, kBulk);
        });
        QVERIFY(m_folderRead > kBulk);
    }

    void aPageCostsItsWindowNotTheFolder()
    {
        auto c = client(QStringLiteral("PAGES"));
        EasTestClient::SyncOptions o;
        o.windowSize = 100;
        QString key = EasTestClient::collection(c->sync(QStringLiteral("0"), m_bulk, o))->childText(tag::AirSync::SyncKey);
        QSet<QString> seen;
        QList<qint64> pageSteps;
        for (int page = 0; page < kBulk / 100; ++page) {
            EasResponse r;
            pageSteps << steps([&] { r = c->sync(key, m_bulk, o); });
            for (const Element *add : items(r, tag::AirSync::Add))
                seen.insert(add->childText(tag::AirSync::ServerId));
            key = EasTestClient::collection(r)->childText(tag::AirSync::SyncKey);
        }
        QCOMPARE(seen.size(), kBulk);
        // The first page lists the folder once; every later one costs its
        // 100 messages: the last page no more than the second (before, each
        // page read the whole folder and everything told so far).
        const auto later = pageSteps.mid(1);
        const qint64 least = *std::min_element(later.cbegin(), later.cend());
        const qint64 most = *std::max_element(later.cbegin(), later.cend());
        QVERIFY2(most < least * 115 / 100, qPrintable(QStringLiteral("pages cost %1 to %2 steps").arg(least).arg(most)));
        QVERIFY2(pageSteps.first() > most, qPrintable(QString::number(pageSteps.first())));
    }

    void aSyncWithNothingNewReadsNoFolder()
    {
        auto c = client(QStringLiteral("IDLE"));
        EasTestClient::SyncOptions o;
        o.windowSize = 512;
        QString key = primeAndDrain(*c, m_bulk, o);
        EasResponse idle;
        const qint64 idleSteps = steps([&] { idle = c->sync(key, m_bulk, o); });
        QVERIFY(items(idle, tag::AirSync::Add).isEmpty() && items(idle, tag::AirSync::Change).isEmpty());
        QVERIFY2(idleSteps < m_folderRead / 10, qPrintable(QString::number(idleSteps)));
        key = EasTestClient::collection(idle)->childText(tag::AirSync::SyncKey);

        QVERIFY(m_server.store().mail().setRead(anyBulkMessage(), true));
        EasResponse one;
        const qint64 oneSteps = steps([&] { one = c->sync(key, m_bulk, o); });
        QCOMPARE(items(one, tag::AirSync::Change).size(), 1);
        QVERIFY2(oneSteps < m_folderRead / 10, qPrintable(QString::number(oneSteps)));
    }

    // With a one-day filter and conversation mode, an old message is in the
    // set only while a message of its conversation is inside the window.
    void agingOutOfTheFilterSoftDeletesTheConversation()
    {
        const qint64 folder = m_server.store().hierarchy().addFolder(m_userId, 0, QStringLiteral("Aging"), 12);
        const QByteArray trip = QByteArray(16, 'a');
        insert(folder, QStringLiteral("Trip, today"), kNow.toMSecsSinceEpoch() - 2 * kHour, trip);
        insert(folder, QStringLiteral("Trip, last week"), kNow.toMSecsSinceEpoch() - 5 * kDay, trip);
        insert(folder, QStringLiteral("Alone, today"), kNow.toMSecsSinceEpoch() - 3 * kHour, {});
        auto c = client(QStringLiteral("AGING"));
        EasTestClient::SyncOptions o;
        o.filterType = 1;
        o.conversationMode = 1;
        const QString collection = QString::number(folder);
        QString key = EasTestClient::collection(c->sync(QStringLiteral("0"), collection, o))->childText(tag::AirSync::SyncKey);
        const EasResponse first = c->sync(key, collection, o);
        QCOMPARE(items(first, tag::AirSync::Add).size(), 3);
        key = EasTestClient::collection(first)->childText(tag::AirSync::SyncKey);

        m_server.setNow(kNow.addDays(1));
        const EasResponse aged = c->sync(key, collection, o);
        m_server.setNow(kNow);
        QCOMPARE(items(aged, tag::AirSync::SoftDelete).size(), 3);
        QVERIFY(items(aged, tag::AirSync::Delete).isEmpty());
    }

    // A new message in the window brings in the older messages of its
    // conversation, without their bodies.
    void aNewMessageBringsInItsConversation()
    {
        const qint64 folder = m_server.store().hierarchy().addFolder(m_userId, 0, QStringLiteral("Late"), 12);
        const QByteArray thread = QByteArray(16, 'b');
        insert(folder, QStringLiteral("Budget, ten days ago"), kNow.toMSecsSinceEpoch() - 10 * kDay, thread);
        auto c = client(QStringLiteral("LATE"));
        EasTestClient::SyncOptions o;
        o.filterType = 3;
        o.conversationMode = 1;
        const QString collection = QString::number(folder);
        const QString key = primeAndDrain(*c, collection, o);
        insert(folder, QStringLiteral("Re: Budget"), kNow.toMSecsSinceEpoch() - kHour, thread);
        const EasResponse r = c->sync(key, collection, o);
        const QList<const Element *> adds = items(r, tag::AirSync::Add);
        QCOMPARE(adds.size(), 2);
        QCOMPARE(adds.at(0)->find({tag::AirSync::ApplicationData, tag::Email::Subject})->text(), QStringLiteral("Re: Budget"));
        QVERIFY(adds.at(0)->find({tag::AirSync::ApplicationData, tag::AirSyncBase::Body}));
        QCOMPARE(adds.at(1)->find({tag::AirSync::ApplicationData, tag::Email::Subject})->text(),
                 QStringLiteral("Budget, ten days ago"));
        QVERIFY(!adds.at(1)->find({tag::AirSync::ApplicationData, tag::AirSyncBase::Body, tag::AirSyncBase::Data}));
    }

    void aMessageMovedAwayIsDeletedAndBackIsAdded()
    {
        const qint64 from = m_server.store().hierarchy().addFolder(m_userId, 0, QStringLiteral("Moves"), 12);
        const qint64 to = m_server.store().hierarchy().addFolder(m_userId, 0, QStringLiteral("Elsewhere"), 12);
        const qint64 id = insert(from, QStringLiteral("Wanderer"), kNow.toMSecsSinceEpoch() - kHour, {});
        auto c = client(QStringLiteral("MOVES"));
        EasTestClient::SyncOptions o;
        const QString collection = QString::number(from);
        QString key = primeAndDrain(*c, collection, o);
        QVERIFY(m_server.store().mail().moveMessage(id, to));
        EasResponse r = c->sync(key, collection, o);
        QCOMPARE(items(r, tag::AirSync::Delete).size(), 1);
        key = EasTestClient::collection(r)->childText(tag::AirSync::SyncKey);
        QVERIFY(m_server.store().mail().moveMessage(id, from));
        r = c->sync(key, collection, o);
        QCOMPARE(items(r, tag::AirSync::Add).size(), 1);
    }

private:
    sqlite3 *db() const { return m_server.store().handle(); }

    qint64 steps(const std::function<void()> &run)
    {
        qint64 counted = 0;
        sqlite3_progress_handler(db(), 1, countStep, &counted);
        run();
        sqlite3_progress_handler(db(), 0, nullptr, nullptr);
        return counted;
    }

    qint64 insert(qint64 folder, const QString &subject, qint64 receivedMs, const QByteArray &conversationId)
    {
        MessageRow row;
        row.userId = m_userId;
        row.folderId = folder;
        row.subject = subject;
        row.from = QStringLiteral("Ann <ann@skein.test>");
        row.to = QStringLiteral("demo@skein.test");
        row.receivedMs = receivedMs;
        row.body = QStringLiteral("Text of ") + subject;
        row.conversationId = conversationId;
        if (!conversationId.isEmpty())
            row.conversationIndex = QByteArray(5, '\1');
        return m_server.store().mail().insertMessage(row);
    }

    qint64 anyBulkMessage()
    {
        sqlite3_stmt *q = nullptr;
        sqlite3_prepare_v2(db(), "SELECT id FROM messages WHERE folder_id=? AND read=0 LIMIT 1", -1, &q, nullptr);
        sqlite3_bind_int64(q, 1, m_bulk.toLongLong());
        const qint64 id = sqlite3_step(q) == SQLITE_ROW ? sqlite3_column_int64(q, 0) : 0;
        sqlite3_finalize(q);
        return id;
    }

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

    QTemporaryDir m_dir;
    ReferenceServer m_server;
    QString m_bulk;
    qint64 m_userId = 0;
    qint64 m_folderRead = 0;
};

QTEST_GUILESS_MAIN(TestServerChangeTracker)
#include "tst_server_changetracker.moc"
