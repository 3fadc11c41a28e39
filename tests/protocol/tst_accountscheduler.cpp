// The queue of one account's engine: lanes in order of urgency, order
// within a lane, duplicates of waiting work run once, and a clean end.
#include "AccountScheduler.h"

#include <QTest>

#include <future>

using namespace skein::eas;

class TestAccountScheduler : public QObject
{
    Q_OBJECT

    // Runs the next job and returns what it recorded.
    static QString runNext(AccountScheduler &scheduler, QStringList &ran)
    {
        const qsizetype before = ran.size();
        if (std::optional<AccountScheduler::Job> job = scheduler.next())
            (*job)();
        return ran.size() > before ? ran.last() : QString();
    }

    static AccountScheduler::Job record(QStringList &ran, const QString &name)
    {
        return [&ran, name] { ran.append(name); };
    }

private Q_SLOTS:
    void userWorkGoesFirstThenSyncThenBackground()
    {
        AccountScheduler s;
        QStringList ran;
        s.post(Lane::Background, {}, record(ran, QStringLiteral("headers")));
        s.post(Lane::Sync, {}, record(ran, QStringLiteral("sync")));
        s.post(Lane::User, {}, record(ran, QStringLiteral("body")));
        s.post(Lane::Sync, {}, record(ran, QStringLiteral("sync2")));
        s.post(Lane::User, {}, record(ran, QStringLiteral("replay")));
        for (int i = 0; i < 5; ++i)
            runNext(s, ran);
        QCOMPARE(ran, (QStringList{"body", "replay", "sync", "sync2", "headers"}));
    }

    void theSameWorkWaitingRunsOnce()
    {
        AccountScheduler s;
        QStringList ran;
        QVERIFY(s.post(Lane::Sync, QStringLiteral("sync"), record(ran, QStringLiteral("first"))));
        QVERIFY(!s.post(Lane::Sync, QStringLiteral("sync"), record(ran, QStringLiteral("second"))));
        QVERIFY(s.post(Lane::User, QStringLiteral("body:1"), record(ran, QStringLiteral("body 1"))));
        QVERIFY(s.post(Lane::User, QStringLiteral("body:2"), record(ran, QStringLiteral("body 2"))));
        QCOMPARE(s.waitingCount(), 3);
        for (int i = 0; i < 3; ++i)
            runNext(s, ran);
        QCOMPARE(ran, (QStringList{"body 1", "body 2", "first"}));
    }

    // A replay asked for while one runs must run again: the running one may
    // have listed the journal before the new action was added.
    void workAskedForWhileItRunsRunsAgain()
    {
        AccountScheduler s;
        QStringList ran;
        s.post(Lane::User, QStringLiteral("replay"), [&] {
            ran.append(QStringLiteral("replay 1"));
            QVERIFY(s.post(Lane::User, QStringLiteral("replay"), record(ran, QStringLiteral("replay 2"))));
        });
        runNext(s, ran);
        runNext(s, ran);
        QCOMPARE(ran, (QStringList{"replay 1", "replay 2"}));
    }

    void takeHandsOutOnlyUrgentEnoughWork()
    {
        AccountScheduler s;
        QStringList ran;
        s.post(Lane::Sync, {}, record(ran, QStringLiteral("sync")));
        QVERIFY(!s.take(Lane::User));
        QVERIFY(!s.hasWaiting(Lane::User));
        QVERIFY(s.hasWaiting(Lane::Sync));
        s.post(Lane::User, {}, record(ran, QStringLiteral("find")));
        std::optional<AccountScheduler::Job> job = s.take(Lane::User);
        QVERIFY(job);
        (*job)();
        QCOMPARE(ran, QStringList{"find"});
        QVERIFY(!s.take(Lane::User));
        QCOMPARE(s.waitingCount(), 1);
    }

    void nextWaitsUntilWorkIsPosted()
    {
        AccountScheduler s;
        std::future<bool> got = std::async(std::launch::async, [&s] { return s.next().has_value(); });
        QCOMPARE(got.wait_for(std::chrono::milliseconds(50)), std::future_status::timeout);
        s.post(Lane::Sync, {}, [] {});
        QVERIFY(got.get());
    }

    // The engine's end: what the user or a sync asked for still runs (a
    // running sync's follow-ups too); background work waits for the next start.
    void finishRunsWaitingUserAndSyncWorkAndDropsBackground()
    {
        AccountScheduler s;
        QStringList ran;
        s.post(Lane::Background, {}, record(ran, QStringLiteral("headers")));
        s.post(Lane::Sync, {}, record(ran, QStringLiteral("sync")));
        s.post(Lane::User, {}, record(ran, QStringLiteral("replay")));
        s.finish();
        QVERIFY(!s.post(Lane::User, {}, record(ran, QStringLiteral("late"))));
        while (std::optional<AccountScheduler::Job> job = s.next())
            (*job)();
        QCOMPARE(ran, (QStringList{"replay", "sync"}));
    }

    void finishWakesAnIdleEngine()
    {
        AccountScheduler s;
        std::future<bool> got = std::async(std::launch::async, [&s] { return s.next().has_value(); });
        s.finish();
        QVERIFY(!got.get());
    }
};

QTEST_GUILESS_MAIN(TestAccountScheduler)
#include "tst_accountscheduler.moc"
