// GetItemEstimate: request shapes per version, SOGo answers, and the status
// cases the specs disagree on (MS-ASCON top-level 4 vs MS-ASCMD Response 103).
#include "EasTags.h"
#include "GetItemEstimateCommand.h"
#include "StatusText.h"
#include "WbxmlCodec.h"

#include <QFile>
#include <QTest>

using namespace skein::eas;
namespace tag = skein::wbxml::tag;
using skein::wbxml::Element;

namespace {

QByteArray readData(const char *name)
{
    QFile f(QStringLiteral(SKEIN_TEST_DATA "/sogo/") + QLatin1String(name));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

GetItemEstimateCommand::Result parseFile(const char *name)
{
    const skein::wbxml::DecodeResult decoded = skein::wbxml::decode(readData(name));
    if (!decoded.ok())
        return {0, -1, {}, decoded.error};
    return GetItemEstimateCommand::parse(&*decoded.root);
}

const QString inboxId = QStringLiteral("mail%2F008d5f3a7316056b0b16000083ecc375");

// <GetItemEstimate>[<Status>top</Status>]<Response><Status>inner</Status>...
Element response(int topLevel, int inner, int estimate = -1)
{
    Element root(tag::GetItemEstimate::GetItemEstimate);
    if (topLevel)
        root.add(tag::GetItemEstimate::Status, qint64(topLevel));
    if (inner) {
        Element &r = root.add(tag::GetItemEstimate::Response);
        r.add(tag::GetItemEstimate::Status, qint64(inner));
        if (estimate >= 0) {
            Element &c = r.add(tag::GetItemEstimate::Collection);
            c.add(tag::GetItemEstimate::CollectionId, "5");
            c.add(tag::GetItemEstimate::Estimate, qint64(estimate));
        }
    }
    return root;
}

} // namespace

class TestGetItemEstimate : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void requestMatchesSogoTranscript()
    {
        const GetItemEstimateCommand command(inboxId, QStringLiteral("97-139"), 0, true,
                                             QStringLiteral("14.1"));
        const skein::wbxml::EncodeResult encoded = skein::wbxml::encode(command.request());
        QVERIFY2(encoded.ok(), qPrintable(encoded.error));
        QCOMPARE(encoded.bytes.toHex(' '),
                 readData("10-getitemestimate-conversationmode.request.wbxml").toHex(' '));
    }

    void requestGolden()
    {
        const GetItemEstimateCommand command(QStringLiteral("5"), QStringLiteral("k"), 3, false,
                                             QStringLiteral("16.0"));
        const QByteArray expected = QByteArray::fromHex(
            "03016a00" "0006" "45" "47" "48"    // GetItemEstimate Collections Collection
            "0000" "4b" "036b0001"              // airsync:SyncKey "k"
            "0006" "4a" "03350001"              // CollectionId "5"
            "0000" "57" "58" "03330001" "01"    // airsync:Options FilterType "3"
            "010101");
        const skein::wbxml::EncodeResult encoded = skein::wbxml::encode(command.request());
        QCOMPARE(encoded.bytes.toHex(' '), expected.toHex(' '));
    }

    void request121Shape()
    {
        const Element request = GetItemEstimateCommand(QStringLiteral("5"), QStringLiteral("k"), 2,
                                                       true, QStringLiteral("12.1"))
                                    .request();
        const Element *c = request.find({tag::GetItemEstimate::Collections,
                                         tag::GetItemEstimate::Collection});
        QVERIFY(c);
        QCOMPARE(c->childText(tag::GetItemEstimate::Class), QStringLiteral("Email"));
        QCOMPARE(c->childText(tag::AirSync::FilterType), QStringLiteral("2"));
        QVERIFY(!c->has(tag::AirSync::ConversationMode)); // 14.0+ only
        QVERIFY(!c->has(tag::AirSync::Options));
    }

    void parsesSogo()
    {
        GetItemEstimateCommand::Result r = parseFile("10-getitemestimate-conversationmode.response.wbxml");
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        QCOMPARE(r.status, 1);
        QCOMPARE(r.estimate, 1);
        QCOMPARE(r.folderId, inboxId);
        r = parseFile("37-cm0-getitemestimate-before-first-sync.response.wbxml");
        QCOMPARE(r.estimate, 113);
    }

    void statuses_data()
    {
        QTest::addColumn<int>("topLevel");
        QTest::addColumn<int>("inner");
        QTest::addColumn<int>("expected");
        QTest::newRow("1 ok") << 0 << 1 << 1;
        QTest::newRow("2 invalid collection (Response)") << 0 << 2 << 2;
        QTest::newRow("3 not primed") << 0 << 3 << 3;
        QTest::newRow("4 invalid key (Response)") << 0 << 4 << 4;
        QTest::newRow("4 top-level (MS-ASCON calendar)") << 4 << 0 << 4;
        QTest::newRow("2 top-level") << 2 << 0 << 2;
        QTest::newRow("103 in Response (MS-ASCMD contacts)") << 0 << 103 << 103;
        QTest::newRow("103 top-level") << 103 << 0 << 103;
        QTest::newRow("top-level 1 + Response 4") << 1 << 4 << 4;
        QTest::newRow("top-level 4 wins over Response 1") << 4 << 1 << 4;
    }

    void statuses()
    {
        QFETCH(int, topLevel);
        QFETCH(int, inner);
        QFETCH(int, expected);
        const Element root = response(topLevel, inner, expected == 1 ? 7 : -1);
        const GetItemEstimateCommand::Result r = GetItemEstimateCommand::parse(&root);
        QCOMPARE(r.status, expected);
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        QCOMPARE(r.estimate, expected == 1 ? 7 : -1);
        QVERIFY(!statusText("GetItemEstimate", expected).contains(QStringLiteral("no explanation for")));
    }

    void emptyAndMalformed()
    {
        // An empty body cannot be an estimate.
        GetItemEstimateCommand::Result r = GetItemEstimateCommand::parse(nullptr);
        QVERIFY(!r.error.isEmpty());
        QCOMPARE(r.estimate, -1);
        const Element noEstimate = response(0, 1);
        r = GetItemEstimateCommand::parse(&noEstimate);
        QVERIFY(!r.error.isEmpty());
        const Element bare(tag::GetItemEstimate::GetItemEstimate);
        QVERIFY(!GetItemEstimateCommand::parse(&bare).error.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestGetItemEstimate)
#include "tst_getitemestimate.moc"
