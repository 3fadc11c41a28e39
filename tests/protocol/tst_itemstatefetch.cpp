// ItemStateFetchCommand: what the replay asks before it sends again a change
// a crash interrupted. One Fetch per message named by CollectionId and
// ServerId, a tiny plain-text body, and an answer read for Status, Read and
// Flag only (an absent Read is "unknown", never "unread").
#include "EasTags.h"
#include "ItemStateFetchCommand.h"
#include "WbxmlCodec.h"

#include <QTest>

using namespace skein;
using namespace skein::eas;
namespace tag = skein::wbxml::tag;
using wbxml::Element;

class TestItemStateFetch : public QObject
{
    Q_OBJECT

    static Element answer(int status = 1)
    {
        Element root(tag::ItemOperations::ItemOperations);
        root.add(tag::ItemOperations::Status, qint64(status));
        return root;
    }

    static Element &fetch(Element &response, const QString &serverId, int status)
    {
        Element &f = response.add(tag::ItemOperations::Fetch);
        f.add(tag::ItemOperations::Status, qint64(status));
        f.add(tag::AirSync::CollectionId, "5");
        f.add(tag::AirSync::ServerId, serverId);
        return f;
    }

private Q_SLOTS:
    void requestNamesEachMessageInItsFetch()
    {
        const ItemStateFetchCommand command({{"5", "5:1"}, {"7", "7:2"}});
        const Element request = command.request();
        QVERIFY(request.is(tag::ItemOperations::ItemOperations));
        QCOMPARE(int(request.children().size()), 2);
        const Element &second = request.children().back();
        QVERIFY(second.is(tag::ItemOperations::Fetch));
        QCOMPARE(second.childText(tag::ItemOperations::Store), QStringLiteral("Mailbox"));
        QCOMPARE(second.childText(tag::AirSync::CollectionId), QStringLiteral("7"));
        QCOMPARE(second.childText(tag::AirSync::ServerId), QStringLiteral("7:2"));
        const Element *preference = second.find({tag::ItemOperations::Options, tag::AirSyncBase::BodyPreference});
        QVERIFY(preference);
        QCOMPARE(preference->childInt(tag::AirSyncBase::Type, 0), 1);
        QCOMPARE(preference->childInt(tag::AirSyncBase::TruncationSize, 0), ItemStateFetchCommand::kTruncationSize);
        QVERIFY(wbxml::encode(request).ok());
        QVERIFY(ItemStateFetchCommand({}).isEmpty());
    }

    void readsReadAndFlagOfEachMessage()
    {
        Element root = answer();
        Element &response = root.add(tag::ItemOperations::Response);
        Element &read = fetch(response, "5:1", 1).add(tag::ItemOperations::Properties);
        read.add(tag::Email::Read, "1");
        read.add(tag::Email::Flag); // empty: no flag
        Element &flagged = fetch(response, "5:2", 1).add(tag::ItemOperations::Properties);
        flagged.add(tag::Email::Read, "0");
        Element &flag = flagged.add(tag::Email::Flag);
        flag.add(tag::Email::FlagStatus, "2");
        flag.add(tag::Email::FlagType, "Follow up");
        fetch(response, "5:3", 6); // gone
        fetch(response, "5:4", 1).add(tag::ItemOperations::Properties).add(tag::Email::Subject, "no state");

        const ItemStateFetchCommand::Result result = ItemStateFetchCommand::parse(&root);
        QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
        QCOMPARE(result.fetched.size(), 4);
        const auto *first = result.find("5", "5:1");
        QVERIFY(first && first->status == 1);
        QCOMPARE(first->read, std::optional<bool>(true));
        QVERIFY(first->flag && first->flag->status == FlagStatus::None);
        const auto *second = result.find("5", "5:2");
        QCOMPARE(second->read, std::optional<bool>(false));
        QVERIFY(second->flag && second->flag->status == FlagStatus::Active);
        QCOMPARE(result.find("5", "5:3")->status, 6);
        const auto *unknown = result.find("5", "5:4");
        QVERIFY(!unknown->read);
        QVERIFY(!unknown->flag);
        QVERIFY(!result.find("6", "5:1")); // same ServerId, other folder
    }

    void aRefusedRequestSaysSo()
    {
        const Element refused = answer(2);
        const ItemStateFetchCommand::Result result = ItemStateFetchCommand::parse(&refused);
        QCOMPARE(result.status, 2);
        QVERIFY(result.fetched.isEmpty());
        QVERIFY(!ItemStateFetchCommand::parse(nullptr).error.isEmpty());
        const Element noResponse = answer();
        QVERIFY(!ItemStateFetchCommand::parse(&noResponse).error.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestItemStateFetch)
#include "tst_itemstatefetch.moc"
