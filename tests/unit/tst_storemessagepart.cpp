// The message part (Message::messagePart, migration 18) in the store: kept
// as the sync brought it, never dropped by a sync or a fetch that brings
// none, and a whole part never replaced by a truncated one.
#include "ModelTestData.h"

using namespace skein;
using namespace skein::testdata;

class TestStoreMessagePart : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<Store> m_owner;

    static Message reply(const QByteArray &part, bool truncated)
    {
        Message m = mail(QStringLiteral("p1"), 10, QStringLiteral("ann"), "CONV", ConversationIndex::makeHeader(at(10)));
        m.bodyType = BodyType::Html;
        m.body = "<p>Yes.</p><blockquote>Shall we?</blockquote>";
        m.messagePart = part;
        m.messagePartTruncated = truncated;
        return m;
    }

    Message stored() const { return m_owner->messageStore().message(inbox, QStringLiteral("p1")).value_or(Message{}); }

private Q_SLOTS:
    void init()
    {
        m_owner = std::make_unique<Store>();
        QVERIFY(m_owner->open(m_dir.filePath(QLatin1String(QTest::currentTestFunction()) + QStringLiteral(".db"))));
        QVERIFY(m_owner->folderStore().applyFolderSync(QStringLiteral("h1"), standardFolders(), {}));
    }

    void partIsStoredBesideTheBody()
    {
        QVERIFY(add(*m_owner, inbox, {reply("<p>Yes.</p>", false)}));
        QCOMPARE(stored().messagePart, QByteArray("<p>Yes.</p>"));
        QVERIFY(!stored().messagePartTruncated);
        QCOMPARE(stored().body, QByteArray("<p>Yes.</p><blockquote>Shall we?</blockquote>"));
    }

    void aSyncOrFetchWithoutAPartKeepsIt()
    {
        QVERIFY(add(*m_owner, inbox, {reply("<p>Yes.</p>", false)}));
        QVERIFY(add(*m_owner, inbox, {reply({}, false)})); // the same message again, no part
        QCOMPARE(stored().messagePart, QByteArray("<p>Yes.</p>"));
        const qint64 id = stored().id;
        QVERIFY(m_owner->messageStore().setBody(id, BodyType::Html, "<p>Yes.</p><blockquote>Shall we? All of it.</blockquote>", false,
                                60));
        QCOMPARE(stored().messagePart, QByteArray("<p>Yes.</p>"));
    }

    void aWholePartIsNeverReplacedByATruncatedOne()
    {
        QVERIFY(add(*m_owner, inbox, {reply("<p>Yes, and more.</p>", false)}));
        QVERIFY(add(*m_owner, inbox, {reply("<p>Yes, a", true)}));
        QCOMPARE(stored().messagePart, QByteArray("<p>Yes, and more.</p>"));
        QVERIFY(!stored().messagePartTruncated);
    }

    void aTruncatedPartIsCompletedByAWholeOne()
    {
        QVERIFY(add(*m_owner, inbox, {reply("<p>Yes, a", true)}));
        QVERIFY(stored().messagePartTruncated);
        QVERIFY(add(*m_owner, inbox, {reply("<p>Yes, and more.</p>", false)}));
        QCOMPARE(stored().messagePart, QByteArray("<p>Yes, and more.</p>"));
        QVERIFY(!stored().messagePartTruncated);
    }
};

QTEST_GUILESS_MAIN(TestStoreMessagePart)
#include "tst_storemessagepart.moc"
