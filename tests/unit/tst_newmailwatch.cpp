// NewMailWatch: which new mail deserves a notification. Unread Inbox mail
// that arrived since the last look, one alert per conversation with its
// count; never Junk or other folders, ignored or always-moved conversations,
// the user's own messages, read mail, or old mail moved back in.
#include "ModelTestData.h"
#include "NewMailWatch.h"

#include "ActionTypes.h"

using namespace skein;
using namespace skein::testdata;

class TestNewMailWatch : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    Store m_store;
    int m_serial = 0;
    const QDateTime m_now = at(60);
    const QByteArray shift = QByteArray::fromHex("0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a");
    const QByteArray ignored = QByteArray::fromHex("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b");
    const QByteArray moved = QByteArray::fromHex("0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c");

    Message fresh(const QString &from, const QByteArray &conversation, const QString &subject = {})
    {
        Message m = mail(QStringLiteral("n%1").arg(++m_serial), 50 + m_serial % 5, from, conversation);
        if (!subject.isEmpty())
            m.subject = subject;
        return m;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_store.open(m_dir.filePath(QStringLiteral("s.db"))));
        QVERIFY(m_store.folderStore().applyFolderSync(QStringLiteral("h"), standardFolders(), {}));
        QVERIFY(add(m_store, inbox, {fresh(QStringLiteral("Old <old@x>"), shift)}));
        for (const auto &[id, kind] : {std::pair{ignored, ActionKind::Ignore}, std::pair{moved, ActionKind::AlwaysMove}}) {
            ConversationRule rule;
            rule.conversationId = id;
            rule.kind = kind;
            rule.targetFolderId = QStringLiteral("arch");
            rule.created = at(0);
            rule.state = RuleState::Active;
            QVERIFY(m_store.journalStore().saveConversationRule(rule));
        }
    }

    void whatWasThereAtStartIsNotNews()
    {
        NewMailWatch watch(m_store, QStringLiteral("demo@skein.test"));
        watch.start();
        QVERIFY(watch.collect(m_now).isEmpty());
    }

    void oneAlertPerConversationWithItsCount()
    {
        NewMailWatch watch(m_store, QStringLiteral("demo@skein.test"));
        watch.start();
        QVERIFY(add(m_store, inbox, {fresh(QStringLiteral("Lena Fischer <lena@x>"), shift, QStringLiteral("RE: on-call shift")),
                                     fresh(QStringLiteral("Lena Fischer <lena@x>"), shift, QStringLiteral("RE: on-call shift")),
                                     fresh(QStringLiteral("Lena Fischer <lena@x>"), shift, QStringLiteral("RE: on-call shift")),
                                     fresh(QStringLiteral("Nina <nina@x>"), {}, QStringLiteral("Invoice"))}));
        const QList<NewMailAlert> alerts = watch.collect(m_now);
        QCOMPARE(alerts.size(), 2);
        const auto lena = std::find_if(alerts.begin(), alerts.end(), [&](const NewMailAlert &a) { return a.conversationId == shift; });
        QVERIFY(lena != alerts.end());
        QCOMPARE(lena->count, 3);
        QCOMPARE(lena->subject, QStringLiteral("RE: on-call shift"));
        QVERIFY(lena->from.startsWith(QStringLiteral("Lena Fischer")));
        QVERIFY(lena->newestMessageId > 0);
        // Seen now: the next look finds nothing.
        QVERIFY(watch.collect(m_now).isEmpty());
    }

    void neverForIgnoredMovedOwnReadJunkOrOld()
    {
        NewMailWatch watch(m_store, QStringLiteral("Demo@Skein.test"));
        watch.start();
        Message read = fresh(QStringLiteral("Ann <ann@x>"), {});
        read.read = true;
        Message old = fresh(QStringLiteral("Ann <ann@x>"), {});
        old.dateReceived = m_now.addDays(-3);
        QVERIFY(add(m_store, inbox, {fresh(QStringLiteral("Ann <ann@x>"), ignored), fresh(QStringLiteral("Ann <ann@x>"), moved),
                                     fresh(QStringLiteral("Demo <demo@skein.test>"), shift), read, old}));
        QVERIFY(add(m_store, QStringLiteral("junk"), {fresh(QStringLiteral("Spam <spam@x>"), {})}));
        QVERIFY(add(m_store, projects, {fresh(QStringLiteral("Ann <ann@x>"), {})}));
        QVERIFY(watch.collect(m_now).isEmpty());
    }

    void aFailedRuleDoesNotSilence()
    {
        const QByteArray failed = QByteArray::fromHex("0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d");
        ConversationRule rule;
        rule.conversationId = failed;
        rule.kind = ActionKind::Ignore;
        rule.created = at(0);
        rule.state = RuleState::Failed;
        QVERIFY(m_store.journalStore().saveConversationRule(rule));
        NewMailWatch watch(m_store, QString());
        watch.start();
        QVERIFY(add(m_store, inbox, {fresh(QStringLiteral("Ann <ann@x>"), failed)}));
        QCOMPARE(watch.collect(m_now).size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestNewMailWatch)
#include "tst_newmailwatch.moc"
