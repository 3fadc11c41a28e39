// The email ApplicationData parser: 12.1 and 14.0+ forms, flags, dates,
// server Change partitioning ([MS-ASEMAIL] 3.2.5.4.1).
#include "EasFormat.h"
#include "EasTags.h"
#include "EmailParser.h"

#include <QTest>

using namespace skein;
using namespace skein::eas;
namespace tag = skein::wbxml::tag;
using wbxml::Element;

namespace {

QDateTime utc(int y, int mo, int d, int h, int mi, int s = 0, int ms = 0)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi, s, ms), Qt::UTC);
}

} // namespace

class TestEmailParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void easDates()
    {
        QCOMPARE(parseEasDate(u"2009-03-21T07:04:26.948Z"), utc(2009, 3, 21, 7, 4, 26, 948));
        QCOMPARE(parseEasDate(u"2009-03-21T07:04:26Z"), utc(2009, 3, 21, 7, 4, 26));
        QCOMPARE(parseEasDate(u"20090321T070426Z"), utc(2009, 3, 21, 7, 4, 26));
        QCOMPARE(parseEasDate(u"2009-03-21T08:04:26+01:00"), utc(2009, 3, 21, 7, 4, 26));
        QVERIFY(!parseEasDate(u"").isValid());
        QVERIFY(!parseEasDate(u"21/03/2009").isValid());
        QCOMPARE(formatEasDate(utc(2024, 3, 15, 9, 30)), QStringLiteral("2024-03-15T09:30:00.000Z"));
        QCOMPARE(protocolTenths(QStringLiteral("14.1")), 141);
        QCOMPARE(protocolTenths(QStringLiteral("16.0")), 160);
        QCOMPARE(protocolTenths(QStringLiteral("12.1")), 121);
        QCOMPARE(protocolTenths(QStringLiteral("x")), 0);
    }

    void fullMessage14()
    {
        Element d(tag::AirSync::ApplicationData);
        d.add(tag::Email::To, "a@example.test");
        d.add(tag::Email::Cc, "c@example.test");
        d.add(tag::Email::From, "b@example.test");
        d.add(tag::Email::ReplyTo, "r@example.test");
        d.add(tag::Email::Subject, "Hello");
        d.add(tag::Email::DateReceived, "2024-03-15T09:30:00.000Z");
        d.add(tag::Email::ThreadTopic, "Hello");
        d.add(tag::Email::Importance, "2");
        d.add(tag::Email::Read, "0");
        d.add(tag::Email::MessageClass, "IPM.Note");
        Element &body = d.add(tag::AirSyncBase::Body);
        body.add(tag::AirSyncBase::Type, "2");
        body.add(tag::AirSyncBase::EstimatedDataSize, "70000");
        body.add(tag::AirSyncBase::Truncated, "1");
        body.add(tag::AirSyncBase::Data, "<p>Hi</p>");
        body.add(tag::AirSyncBase::Preview, "Hi");
        d.add(tag::AirSyncBase::Attachments).add(tag::AirSyncBase::Attachment)
            .add(tag::AirSyncBase::DisplayName, "a.pdf");
        d.addOpaque(tag::Email2::ConversationId, QByteArray("\x00\x01\xff", 3));
        d.addOpaque(tag::Email2::ConversationIndex, QByteArray("\xca\x00\x00\x00\x00", 5));

        const Message m = parseEmail(d, QStringLiteral("5:1"), QStringLiteral("5"));
        QCOMPARE(m.serverId, QStringLiteral("5:1"));
        QCOMPARE(m.folderId, QStringLiteral("5"));
        QCOMPARE(m.to, QStringLiteral("a@example.test"));
        QCOMPARE(m.cc, QStringLiteral("c@example.test"));
        QCOMPARE(m.from, QStringLiteral("b@example.test"));
        QCOMPARE(m.replyTo, QStringLiteral("r@example.test"));
        QCOMPARE(m.subject, QStringLiteral("Hello"));
        QCOMPARE(m.dateReceived, utc(2024, 3, 15, 9, 30));
        QCOMPARE(m.importance, 2);
        QVERIFY(!m.read);
        QCOMPARE(m.bodyType, BodyType::Html);
        QCOMPARE(m.body, QByteArray("<p>Hi</p>"));
        QVERIFY(m.bodyTruncated);
        QCOMPARE(m.bodyEstimatedSize, 70000);
        QCOMPARE(m.preview, QStringLiteral("Hi"));
        QVERIFY(m.hasAttachments);
        QCOMPARE(m.conversationId, QByteArray("\x00\x01\xff", 3));
        QCOMPARE(m.conversationIndex, QByteArray("\xca\x00\x00\x00\x00", 5));
    }

    void messagePart()
    {
        Element d(tag::AirSync::ApplicationData);
        d.add(tag::Email::Subject, "RE: Plan");
        Element &body = d.add(tag::AirSyncBase::Body);
        body.add(tag::AirSyncBase::Type, "2");
        body.add(tag::AirSyncBase::Data, "<p>Yes.</p><blockquote>Plan?</blockquote>");
        Element &part = d.add(tag::AirSyncBase::BodyPart);
        part.add(tag::AirSyncBase::Status, "1");
        part.add(tag::AirSyncBase::Type, "2");
        part.add(tag::AirSyncBase::EstimatedDataSize, "11");
        part.add(tag::AirSyncBase::Truncated, "1");
        part.add(tag::AirSyncBase::Data, "<p>Yes.</p>");
        const Message m = parseEmail(d, QStringLiteral("5:1"), QStringLiteral("5"));
        QCOMPARE(m.messagePart, QByteArray("<p>Yes.</p>"));
        QVERIFY(m.messagePartTruncated);
        QCOMPARE(m.body, QByteArray("<p>Yes.</p><blockquote>Plan?</blockquote>"));

        // 176: the conversation was too large to cut; the client cuts it itself.
        Element tooLarge(tag::AirSync::ApplicationData);
        tooLarge.add(tag::AirSyncBase::BodyPart).add(tag::AirSyncBase::Status, "176");
        QVERIFY(parseEmail(tooLarge, QStringLiteral("5:2"), QStringLiteral("5")).messagePart.isEmpty());
        QVERIFY(parseEmail(Element(tag::AirSync::ApplicationData), QStringLiteral("5:3"), QStringLiteral("5"))
                    .messagePart.isEmpty());
    }

    void protocol121Forms()
    {
        // 12.x-era body and attachments live on the Email page.
        Element d(tag::AirSync::ApplicationData);
        d.add(tag::Email::Subject, "Old style");
        d.add(tag::Email::Body, "plain body");
        d.add(tag::Email::BodyTruncated, "1");
        d.add(tag::Email::BodySize, "9000");
        d.add(tag::Email::Attachments).add(tag::Email::Attachment).add(tag::Email::AttName, "x.txt");
        const Message m = parseEmail(d, QStringLiteral("1"), QStringLiteral("f"));
        QCOMPARE(m.bodyType, BodyType::PlainText);
        QCOMPARE(m.body, QByteArray("plain body"));
        QVERIFY(m.bodyTruncated);
        QCOMPARE(m.bodyEstimatedSize, 9000);
        QVERIFY(m.hasAttachments);
        QVERIFY(m.conversationId.isEmpty());
    }

    void defaultsAndOddValues()
    {
        Element d(tag::AirSync::ApplicationData);
        d.add(tag::Email::Importance, "7");
        d.add(tag::AirSyncBase::Attachments); // empty container: no attachment
        const EmailParseResult r = parseEmailChecked(d, QStringLiteral("1"), QStringLiteral("f"));
        QVERIFY(r.problem.isEmpty()); // nothing required is missing
        QCOMPARE(r.message.importance, 1);
        QVERIFY(!r.message.hasAttachments);
        QVERIFY(!r.message.dateReceived.isValid());
        QCOMPARE(r.message.bodyType, BodyType::None);
    }

    void badDateIsAProblem()
    {
        Element d(tag::AirSync::ApplicationData);
        d.add(tag::Email::DateReceived, "not a date");
        const EmailParseResult r = parseEmailChecked(d, QStringLiteral("1"), QStringLiteral("f"));
        QVERIFY(r.problem.contains(QStringLiteral("DateReceived")));
    }

    void flags()
    {
        Element active(tag::Email::Flag);
        active.add(tag::Email::FlagStatus, "2");
        active.add(tag::Email::FlagType, "Flag for follow up");
        active.add(tag::Tasks::StartDate, "2024-03-15T10:30:00.000Z"); // local, differs
        active.add(tag::Tasks::UtcStartDate, "2024-03-15T09:30:00.000Z");
        active.add(tag::Tasks::DueDate, "2024-03-16T09:30:00.000Z");
        FlagState f = parseFlag(active);
        QCOMPARE(f.status, FlagStatus::Active);
        QCOMPARE(f.flagType, QStringLiteral("Flag for follow up"));
        QCOMPARE(f.start, utc(2024, 3, 15, 9, 30)); // the Utc form wins
        QCOMPARE(f.due, utc(2024, 3, 16, 9, 30));   // falls back to DueDate

        Element complete(tag::Email::Flag);
        complete.add(tag::Email::FlagStatus, "1");
        complete.add(tag::Tasks::DateCompleted, "2024-04-01T12:00:00.000Z");
        f = parseFlag(complete);
        QCOMPARE(f.status, FlagStatus::Complete);
        QCOMPARE(f.completed, utc(2024, 4, 1, 12, 0));

        QCOMPARE(parseFlag(Element(tag::Email::Flag)), FlagState{});
        Element odd(tag::Email::Flag);
        odd.add(tag::Email::FlagStatus, "9");
        QCOMPARE(parseFlag(odd).status, FlagStatus::None);
    }

    void changePartitioning()
    {
        Element readAndFlag(tag::AirSync::ApplicationData);
        readAndFlag.add(tag::Email::Read, "0");
        readAndFlag.add(tag::Email::Flag);
        readAndFlag.add(tag::Email::Categories); // not modelled: no full update
        EmailChangeParseResult r = parseEmailChange(readAndFlag, QStringLiteral("1"), QStringLiteral("f"));
        QCOMPARE(r.change.serverId, QStringLiteral("1"));
        QCOMPARE(r.change.read, std::optional<bool>(false));
        QCOMPARE(r.change.flag->status, FlagStatus::None); // cleared
        QVERIFY(!r.change.full);

        Element full(tag::AirSync::ApplicationData);
        full.add(tag::Email::Subject, "New subject");
        full.add(tag::Email::Read, "1");
        full.add(tag::Email::DateReceived, "garbage");
        r = parseEmailChange(full, QStringLiteral("2"), QStringLiteral("f"));
        QVERIFY(r.change.full);
        QCOMPARE(r.change.full->subject, QStringLiteral("New subject"));
        QCOMPARE(r.change.read, std::optional<bool>(true));
        QVERIFY(!r.problem.isEmpty());

        Element unknownOnly(tag::AirSync::ApplicationData);
        unknownOnly.add(tag::Email::Subject, "ignored").setKnown(false);
        r = parseEmailChange(unknownOnly, QStringLiteral("3"), QStringLiteral("f"));
        QVERIFY(!r.change.full && !r.change.read && !r.change.flag);
    }
};

QTEST_GUILESS_MAIN(TestEmailParser)
#include "tst_emailparser.moc"
