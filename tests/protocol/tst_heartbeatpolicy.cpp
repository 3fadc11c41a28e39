// HeartbeatPolicy: starts near 8 minutes, obeys the server's bounds, learns
// the network's idle cut-off and never climbs back above it.
#include "HeartbeatPolicy.h"

#include <QTest>

using skein::eas::HeartbeatPolicy;

class TestHeartbeatPolicy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void startsNearEightMinutes()
    {
        HeartbeatPolicy p;
        QCOMPARE(p.seconds(), 480);
        QCOMPARE(p.requestTimeoutMs(), 510000);
        p.expired();
        QCOMPARE(p.seconds(), 480); // no reason to ask for more
    }

    void serverBoundsWin()
    {
        HeartbeatPolicy low;
        low.outOfRange(900); // above what we asked: the server's minimum
        QCOMPARE(low.seconds(), 900);
        QCOMPARE(low.minimum(), 900);
        low.expired();
        QCOMPARE(low.seconds(), 900);

        HeartbeatPolicy high;
        high.outOfRange(300); // below: the server's maximum
        QCOMPARE(high.seconds(), 300);
        QCOMPARE(high.maximum(), 300);
        high.expired();
        QCOMPARE(high.seconds(), 300);

        HeartbeatPolicy unchanged;
        unchanged.outOfRange(0);
        QCOMPARE(unchanged.seconds(), 480);
    }

    void aDroppedConnectionLowersTheHeartbeat()
    {
        HeartbeatPolicy p;
        p.dropped(240); // the network cut an idle link after 4 minutes
        QCOMPARE(p.seconds(), 210);
        p.expired();
        QCOMPARE(p.seconds(), 210); // stays under the learnt cut-off for now
        p.dropped(150);
        QCOMPARE(p.seconds(), 120);
        p.expired();
        QCOMPARE(p.seconds(), 120);
    }

    void slowAnswersTeachNothing()
    {
        HeartbeatPolicy p;
        p.dropped(480);
        QCOMPARE(p.seconds(), 480);
        p.dropped(0);
        QCOMPARE(p.seconds(), 480);
    }

    void neverBelowTheMinimum()
    {
        HeartbeatPolicy p;
        p.dropped(40);
        QCOMPARE(p.seconds(), p.minimum());
    }

    void quietPingsClimbBackOneStepAtATime()
    {
        HeartbeatPolicy p;
        p.dropped(240);
        QCOMPARE(p.seconds(), 210);
        for (int i = 0; i < HeartbeatPolicy::kQuietPingsBeforeClimbing - 1; ++i)
            p.expired();
        QCOMPARE(p.seconds(), 210);
        p.expired();
        QCOMPARE(p.seconds(), 270);
        for (int i = 0; i < 10 * HeartbeatPolicy::kQuietPingsBeforeClimbing; ++i)
            p.expired();
        QCOMPARE(p.seconds(), 480); // back to the start, never beyond
    }
};

QTEST_GUILESS_MAIN(TestHeartbeatPolicy)
#include "tst_heartbeatpolicy.moc"
