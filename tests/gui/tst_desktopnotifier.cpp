// DesktopNotifier against a fake org.freedesktop.Notifications on the
// private session bus: what it sends, one notification per conversation
// (replaced, not stacked), a click reported with its conversation, closing.
#include "DesktopNotifier.h"
#include "FakeNotificationService.h"

#include <QSignalSpy>
#include <QTest>

using namespace skein;
using namespace skein::desktop;

class TestDesktopNotifier : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::FakeNotificationService> m_fake;

private Q_SLOTS:
    void initTestCase()
    {
        if (!QDBusConnection::sessionBus().isConnected())
            QSKIP("no D-Bus session bus (run under dbus-run-session)");
        m_fake = std::make_unique<test::FakeNotificationService>();
        QVERIFY2(m_fake->ok(), "could not own org.freedesktop.Notifications on the session bus");
    }

    void sendsSummaryBodyAndAnOpenAction()
    {
        DesktopNotifier notifier;
        QVERIFY(notifier.notify(QStringLiteral("c1"), QStringLiteral("Lena Fischer — RE: on-call shift (3 new)"),
                                QStringLiteral("Can you take Friday?")));
        const auto received = m_fake->service().received();
        QCOMPARE(received.size(), 1);
        QCOMPARE(received.first().appName, QStringLiteral("Skein"));
        QCOMPARE(received.first().summary, QStringLiteral("Lena Fischer — RE: on-call shift (3 new)"));
        QCOMPARE(received.first().body, QStringLiteral("Can you take Friday?"));
        QVERIFY(received.first().actions.contains(QStringLiteral("default")));
        QCOMPARE(received.first().hints.value(QStringLiteral("category")).toString(), QStringLiteral("email.arrived"));
    }

    void aConversationReplacesItsNotification()
    {
        DesktopNotifier notifier;
        const int before = m_fake->service().received().size();
        QVERIFY(notifier.notify(QStringLiteral("c2"), QStringLiteral("Ann — Lunch"), {}));
        QVERIFY(notifier.notify(QStringLiteral("c2"), QStringLiteral("Ann — Lunch (2 new)"), {}));
        QVERIFY(notifier.notify(QStringLiteral("c3"), QStringLiteral("Bob — Other"), {}));
        const auto received = m_fake->service().received().mid(before);
        QCOMPARE(received.size(), 3);
        QCOMPARE(received.at(0).replacesId, 0u);
        QCOMPARE(received.at(1).replacesId, received.at(0).id);
        QCOMPARE(received.at(2).replacesId, 0u);
    }

    void aClickNamesTheConversation()
    {
        DesktopNotifier notifier;
        QVERIFY(notifier.notify(QStringLiteral("c4"), QStringLiteral("Ann — Click me"), {}));
        const uint id = m_fake->service().received().last().id;
        QSignalSpy activated(&notifier, &DesktopNotifier::activated);
        m_fake->service().click(id);
        QVERIFY(activated.wait(5000));
        QCOMPARE(activated.first().first().toString(), QStringLiteral("c4"));
    }

    void closeAllClosesWhatItRaised()
    {
        DesktopNotifier notifier;
        QVERIFY(notifier.notify(QStringLiteral("c5"), QStringLiteral("Ann — One"), {}));
        const uint id = m_fake->service().received().last().id;
        notifier.closeAll();
        QTRY_VERIFY(m_fake->service().closed().contains(id));
    }

    void withoutAServiceNothingBreaks()
    {
        DesktopNotifier notifier(QDBusConnection(QStringLiteral("not-connected")));
        QVERIFY(!notifier.notify(QStringLiteral("c6"), QStringLiteral("x"), {}));
    }
};

QTEST_MAIN(TestDesktopNotifier)
#include "tst_desktopnotifier.moc"
