// What the server turned out to support, per account (Capabilities.h,
// migration 4): kept in the store across restarts.
#include "Store.h"

#include <QTemporaryDir>
#include <QTest>

using namespace skein;

class TestCapabilities : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

private Q_SLOTS:
    void capabilitiesPersistAcrossReopening()
    {
        const QString path = m_dir.filePath(QStringLiteral("capabilities.sqlite"));
        {
            Store store;
            QVERIFY2(store.open(path), qPrintable(store.lastError()));
            QCOMPARE(store.accountStore().capability(Capability::ConversationMove), CapabilityState::Unknown);
            QVERIFY(store.accountStore().capabilities().isEmpty());
            QVERIFY(store.accountStore().setCapability(Capability::ConversationMove, CapabilityState::Refused));
            QVERIFY(store.accountStore().setCapability(Capability::SearchByConversation, CapabilityState::Supported));
            QVERIFY(store.accountStore().setCapability(Capability::ConversationIndex, CapabilityState::Seen));
            QVERIFY(store.accountStore().setCapability(Capability::ConversationIndex, CapabilityState::NeverSeen));
        }
        Store reopened;
        QVERIFY2(reopened.open(path), qPrintable(reopened.lastError()));
        QCOMPARE(reopened.accountStore().capability(Capability::ConversationMove), CapabilityState::Refused);
        QCOMPARE(reopened.accountStore().capability(Capability::SearchByConversation), CapabilityState::Supported);
        QCOMPARE(reopened.accountStore().capability(Capability::ConversationIndex), CapabilityState::NeverSeen);
        QCOMPARE(reopened.accountStore().capabilities().size(), 3);
        QVERIFY(reopened.accountStore().setCapability(Capability::SearchByConversation, CapabilityState::Unknown));
        QCOMPARE(reopened.accountStore().capability(Capability::SearchByConversation), CapabilityState::Unknown);
        QCOMPARE(capabilityName(Capability::ConversationMove), QStringLiteral("conversation-move"));
        QCOMPARE(capabilityFromName(QStringLiteral("search-by-conversation")), Capability::SearchByConversation);
        QCOMPARE(capabilityStateFromName(QStringLiteral("never-seen")), CapabilityState::NeverSeen);
    }

};

QTEST_GUILESS_MAIN(TestCapabilities)
#include "tst_capabilities.moc"
