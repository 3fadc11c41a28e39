// ConversationIndex decoding and encoding against the numbers of
// docs/conversation-index.md (§2.3 evidence, §4 worked example).
#include "ConversationIndex.h"

#include <QTest>

using skein::ConversationIndex;
using Form = ConversationIndex::Form;

namespace {

QByteArray hex(const char *text)
{
    return QByteArray::fromHex(QByteArray(text));
}

QDateTime utc(int y, int mo, int d, int h, int mi, int s, int ms = 0)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi, s, ms), Qt::UTC);
}

// §4 worked example.
const char *const kRoot = "01DA76BB59";
const char *const kA = "01DA76BB59000197064B";
const char *const kB = "01DA76BB59000197064B0092245871";
const char *const kC = "01DA76BB59003787EE2E";
const char *const kGuid = "3F2504E04F8911D39A0C0305E82C3301";

QByteArray mapi(const char *timeBytes, const char *blocks = "")
{
    return hex(timeBytes) + hex(kGuid) + hex(blocks);
}

// Unit of the stored delta: what a round trip may lose, plus display rounding.
qint64 resolutionMs(bool dc1)
{
    return dc1 ? 839 + 1 : 27 + 1;
}

} // namespace

class TestConversationIndex : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void decode_data();
    void decode();
    void replyTimes_data();
    void replyTimes();
    void parentKey_data();
    void parentKey();
    void guid();
    void makeHeader_data();
    void makeHeader();
    void appendReply_data();
    void appendReply();
    void roundTrip_data();
    void roundTrip();
};

void TestConversationIndex::decode_data()
{
    QTest::addColumn<QByteArray>("raw");
    QTest::addColumn<int>("form");
    QTest::addColumn<bool>("damaged");
    QTest::addColumn<bool>("modern");
    QTest::addColumn<int>("depth");
    QTest::addColumn<QByteArray>("key");
    QTest::addColumn<QDateTime>("header");
    QTest::addColumn<QDateTime>("time");

    const QDateTime root = utc(2024, 3, 15, 9, 29, 58, 499); // 58.4985 s
    const auto eas = int(Form::Eas);
    const auto none = int(Form::None);
    QTest::newRow("worked root") << hex(kRoot) << eas << false << true << 0 << hex(kRoot)
                                 << root << root;
    QTest::newRow("worked A") << hex(kA) << eas << false << true << 1 << hex(kA) << root
                              << utc(2024, 3, 15, 10, 15, 29, 987);
    QTest::newRow("worked B") << hex(kB) << eas << false << true << 2 << hex(kB) << root
                              << utc(2024, 3, 18, 7, 59, 59, 975);
    QTest::newRow("worked C") << hex(kC) << eas << false << true << 1 << hex(kC) << root
                              << utc(2024, 3, 16, 11, 59, 59, 988);
    QTest::newRow("DC=1 block, 730 days")
        << hex("01DA76BB59847B45E300") << eas << false << true << 1
        << hex("01DA76BB59847B45E300") << root << utc(2026, 3, 15, 9, 29, 58, 410);
    const QByteArray capture = QByteArray::fromBase64("Ac+A3zE=");
    QTest::newRow("Exchange capture") << capture << eas << false << true << 0 << capture
                                      << utc(2014, 6, 5, 16, 57, 10, 518)
                                      << utc(2014, 6, 5, 16, 57, 10, 518);
    QTest::newRow("classic protocol example")
        << hex("CA2CFA8A23") << eas << false << false << 0 << hex("CA2CFA8A23")
        << utc(2009, 9, 4, 0, 56, 30, 448) << utc(2009, 9, 4, 0, 56, 30, 448);
    QTest::newRow("classic worked header")
        << hex("DA76BB59E5") << eas << false << false << 0 << hex("DA76BB59E5")
        << utc(2024, 3, 15, 9, 29, 59, 999) << utc(2024, 3, 15, 9, 29, 59, 999);

    const auto form = int(Form::Mapi);
    QTest::newRow("MAPI classic 22 bytes")
        << mapi("01DA76BB59E5") << form << false << false << 0 << hex("DA76BB59E5")
        << utc(2024, 3, 15, 9, 29, 59, 999) << utc(2024, 3, 15, 9, 29, 59, 999);
    QTest::newRow("MAPI modern 22 bytes") << mapi("0101DA76BB59") << form << false << true
                                          << 0 << hex(kRoot) << root << root;
    QTest::newRow("MAPI modern + A block")
        << mapi("0101DA76BB59", "000197064B") << form << false << true << 1 << hex(kA)
        << root << utc(2024, 3, 15, 10, 15, 29, 987);

    QTest::newRow("A + 2 stray bytes") << hex("01DA76BB59000197064B0092") << eas << true
                                       << true << 1 << hex(kA) << root
                                       << utc(2024, 3, 15, 10, 15, 29, 987);
    QTest::newRow("header + 4 stray bytes") << hex("01DA76BB5900019706") << eas << true << true
                                            << 0 << hex(kRoot) << root << root;
    // §6 detection rule: 22 bytes starting with 0x01 read as MAPI even if it
    // was an EAS index with a torn block; pinned so a change is deliberate.
    QTest::newRow("22 bytes with 0x01 read as MAPI")
        << hex("01DA76BB59000197064B0092245871003787EE2E0000") << form << false << false << 0
        << hex("DA76BB5900") << root << root;
    QTest::newRow("4 bytes") << hex("01DA76BB") << none << true << false << 0 << QByteArray()
                             << QDateTime() << QDateTime();
    QTest::newRow("empty") << QByteArray() << none << false << false << 0 << QByteArray()
                           << QDateTime() << QDateTime();
}

void TestConversationIndex::decode()
{
    QFETCH(QByteArray, raw);
    QFETCH(int, form);
    QFETCH(bool, damaged);
    QFETCH(bool, modern);
    QFETCH(int, depth);
    QFETCH(QByteArray, key);
    QFETCH(QDateTime, header);
    QFETCH(QDateTime, time);

    const ConversationIndex index(raw);
    QCOMPARE(int(index.form()), form);
    QCOMPARE(index.isValid(), form != int(Form::None));
    QCOMPARE(index.isDamaged(), damaged);
    QCOMPARE(index.isModernHeader(), modern);
    QCOMPARE(index.depth(), depth);
    QCOMPARE(index.raw(), raw);
    QCOMPARE(index.key().toHex(), key.toHex());
    QCOMPARE(index.headerTime(), header);
    QCOMPARE(index.time(), time);
    if (time.isValid())
        QCOMPARE(index.time().timeSpec(), Qt::UTC);
}

void TestConversationIndex::replyTimes_data()
{
    QTest::addColumn<QByteArray>("raw");
    QTest::addColumn<QList<QDateTime>>("times");

    QTest::newRow("root") << hex(kRoot) << QList<QDateTime>{};
    QTest::newRow("A") << hex(kA) << QList<QDateTime>{utc(2024, 3, 15, 10, 15, 29, 987)};
    // Cumulative: the relative-to-header reading would give 07:14:28.49.
    QTest::newRow("B cumulative") << hex(kB)
                                  << QList<QDateTime>{utc(2024, 3, 15, 10, 15, 29, 987),
                                                      utc(2024, 3, 18, 7, 59, 59, 975)};
    QTest::newRow("C") << hex(kC) << QList<QDateTime>{utc(2024, 3, 16, 11, 59, 59, 988)};
    QTest::newRow("MAPI + A") << mapi("0101DA76BB59", "000197064B")
                              << QList<QDateTime>{utc(2024, 3, 15, 10, 15, 29, 987)};
    QTest::newRow("invalid") << hex("01") << QList<QDateTime>{};
}

void TestConversationIndex::replyTimes()
{
    QFETCH(QByteArray, raw);
    QFETCH(QList<QDateTime>, times);
    QCOMPARE(ConversationIndex(raw).replyTimes(), times);
}

void TestConversationIndex::parentKey_data()
{
    QTest::addColumn<QByteArray>("raw");
    QTest::addColumn<QByteArray>("parent");

    QTest::newRow("root") << hex(kRoot) << QByteArray();
    QTest::newRow("A") << hex(kA) << hex(kRoot);
    QTest::newRow("B") << hex(kB) << hex(kA);
    QTest::newRow("B damaged") << hex(kB) + hex("AB") << hex(kA);
    QTest::newRow("MAPI + A, normalised") << mapi("0101DA76BB59", "000197064B") << hex(kRoot);
    QTest::newRow("invalid") << hex("0102") << QByteArray();
}

void TestConversationIndex::parentKey()
{
    QFETCH(QByteArray, raw);
    QFETCH(QByteArray, parent);
    QCOMPARE(ConversationIndex(raw).parentKey().toHex(), parent.toHex());
}

void TestConversationIndex::guid()
{
    QCOMPARE(ConversationIndex(mapi("01DA76BB59E5")).guid().toHex().toUpper(), QByteArray(kGuid));
    QVERIFY(ConversationIndex(hex(kA)).guid().isEmpty());
}

void TestConversationIndex::makeHeader_data()
{
    QTest::addColumn<QDateTime>("sent");
    QTest::addColumn<QByteArray>("header");

    QTest::newRow("worked root") << utc(2024, 3, 15, 9, 30, 0) << hex(kRoot);
    QTest::newRow("Exchange capture DateReceived")
        << utc(2014, 6, 5, 16, 57, 11, 641) << QByteArray::fromBase64("Ac+A3zE=");
}

void TestConversationIndex::makeHeader()
{
    QFETCH(QDateTime, sent);
    QFETCH(QByteArray, header);
    const QByteArray made = ConversationIndex::makeHeader(sent);
    QCOMPARE(made.toHex(), header.toHex());
    // Modern headers truncate to 2^24 ticks (1.6777216 s).
    const qint64 lostMs = ConversationIndex(made).headerTime().msecsTo(sent);
    QVERIFY2(lostMs >= 0 && lostMs <= 1678, qPrintable(QString::number(lostMs)));
}

void TestConversationIndex::appendReply_data()
{
    QTest::addColumn<QByteArray>("parent");
    QTest::addColumn<QDateTime>("reply");
    QTest::addColumn<int>("random");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("A") << hex(kRoot) << utc(2024, 3, 15, 10, 15, 30) << 0x4B << hex(kA);
    QTest::newRow("B from A") << hex(kA) << utc(2024, 3, 18, 8, 0, 0) << 0x71 << hex(kB);
    QTest::newRow("C") << hex(kRoot) << utc(2024, 3, 16, 12, 0, 0) << 0x2E << hex(kC);
    // Decoded root + 730 days: 630720000004912 ticks >= 2^49, so DC=1.
    QTest::newRow("DC=1") << hex(kRoot) << utc(2026, 3, 15, 9, 29, 58, 499) << 0x00
                          << hex("01DA76BB59847B45E300");
    QTest::newRow("damaged parent keeps whole blocks")
        << hex(kA) + hex("0092") << utc(2024, 3, 18, 8, 0, 0) << 0x71 << hex(kB);
    QTest::newRow("MAPI parent keeps MAPI layout")
        << mapi("0101DA76BB59") << utc(2024, 3, 15, 10, 15, 30) << 0x4B
        << mapi("0101DA76BB59", "000197064B");
    QTest::newRow("reply before parent clamps to 0")
        << hex(kA) << utc(2024, 3, 15, 9, 0, 0) << 0x11 << hex(kA) + hex("0000000011");
    QTest::newRow("invalid parent") << hex("01DA") << utc(2024, 3, 15, 10, 0, 0) << 0
                                    << QByteArray();
}

void TestConversationIndex::appendReply()
{
    QFETCH(QByteArray, parent);
    QFETCH(QDateTime, reply);
    QFETCH(int, random);
    QFETCH(QByteArray, expected);
    QCOMPARE(ConversationIndex::appendReply(parent, reply, quint8(random)).toHex(),
             expected.toHex());
}

void TestConversationIndex::roundTrip_data()
{
    QTest::addColumn<QDateTime>("start");
    QTest::addColumn<QList<qint64>>("offsetsMs"); // each reply after the previous one
    QTest::addColumn<bool>("dc1");

    const QDateTime t2024 = utc(2024, 3, 15, 9, 30, 0);
    const qint64 day = 24LL * 3600 * 1000;
    QTest::newRow("immediate") << t2024 << QList<qint64>{0} << false;
    QTest::newRow("one second") << t2024 << QList<qint64>{1000} << false;
    QTest::newRow("chain of five") << t2024 << QList<qint64>{60000, 3600000, 7, day, 123456}
                                   << false;
    QTest::newRow("just under DC=0 limit") << t2024 << QList<qint64>{650 * day} << false;
    QTest::newRow("two years, DC=1") << t2024 << QList<qint64>{730 * day} << true;
    QTest::newRow("fifty years, DC=1") << utc(2001, 1, 1, 0, 0, 0)
                                       << QList<qint64>{50 * 365 * day} << true;
    QTest::newRow("2038 and beyond") << utc(2037, 12, 31, 23, 59, 59)
                                     << QList<qint64>{1000, day} << false;
}

void TestConversationIndex::roundTrip()
{
    QFETCH(QDateTime, start);
    QFETCH(QList<qint64>, offsetsMs);
    QFETCH(bool, dc1);

    QByteArray index = ConversationIndex::makeHeader(start);
    QDateTime reply = start;
    for (const qint64 offset : offsetsMs) {
        reply = reply.addMSecs(offset);
        index = ConversationIndex::appendReply(index, reply, 0x5A);
        const ConversationIndex decoded(index);
        QVERIFY(decoded.isValid() && !decoded.isDamaged());
        QCOMPARE(decoded.depth(), int((index.size() - 5) / 5));
        QCOMPARE(decoded.replyTimes().constLast(), decoded.time());
        // The encoder truncates, so the decoded time is never later.
        const qint64 lostMs = decoded.time().msecsTo(reply);
        QVERIFY2(lostMs >= -1 && lostMs <= resolutionMs(dc1),
                 qPrintable(QStringLiteral("lost %1 ms").arg(lostMs)));
    }
    QCOMPARE(bool(quint8(index.at(index.size() - 5)) & 0x80), dc1);
}

QTEST_GUILESS_MAIN(TestConversationIndex)
#include "tst_conversationindex.moc"
