#include "ChangeThrottle.h"

#include <QElapsedTimer>
#include <QTest>

using skein::ChangeThrottle;

class TestChangeThrottle : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void firstChangeGoesAtOnce()
    {
        QStringList delivered;
        ChangeThrottle throttle(100, [&](const QString &key) { delivered.append(key); });
        throttle.add(QStringLiteral("inbox"));
        QCOMPARE(delivered, QStringList{QStringLiteral("inbox")});
    }

    // A burst (a sync's replies) is delivered at most once per interval, each folder once.
    void aBurstIsCoalescedPerInterval()
    {
        QStringList delivered;
        ChangeThrottle throttle(100, [&](const QString &key) { delivered.append(key); });
        for (int i = 1; i <= 1000; ++i)
            throttle.add(i % 3 ? QStringLiteral("inbox") : QStringLiteral("sent"));
        QCOMPARE(delivered, QStringList{QStringLiteral("inbox")});
        // The Inbox changed again after it was delivered: once more, with Sent Items.
        QCOMPARE(throttle.pending(), (QStringList{QStringLiteral("inbox"), QStringLiteral("sent")}));
        QTRY_COMPARE(delivered.size(), 3);
        QCOMPARE(delivered, (QStringList{QStringLiteral("inbox"), QStringLiteral("inbox"), QStringLiteral("sent")}));
        QVERIFY(throttle.pending().isEmpty());
    }

    // After a quiet interval the next change is immediate again.
    void quietMakesTheNextChangeImmediate()
    {
        QStringList delivered;
        ChangeThrottle throttle(50, [&](const QString &key) { delivered.append(key); });
        throttle.add(QStringLiteral("a"));
        QTest::qWait(150);
        throttle.add(QStringLiteral("b"));
        QCOMPARE(delivered, (QStringList{QStringLiteral("a"), QStringLiteral("b")}));
    }
};

QTEST_GUILESS_MAIN(TestChangeThrottle)
#include "tst_changethrottle.moc"
