// WBXML codec: golden encodings (fixed byte strings in MS-ASWBXML's code
// pages; docs/protocol.md "WBXML"),
// real SOGo responses (tests/data/sogo, copied from the peer transcripts) and
// malformed input that must give an error, never a crash.
#include "EasTags.h"
#include "WbxmlCodec.h"

#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTest>

using namespace skein::wbxml;
namespace T = skein::wbxml::tag;

namespace {

QByteArray hex(const char *text)
{
    return QByteArray::fromHex(QByteArray(text));
}

QByteArray sogo(const char *name)
{
    QFile f(QStringLiteral(SKEIN_TEST_DATA "/sogo/%1.response.wbxml").arg(QLatin1String(name)));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing test data %s", name);
    return f.readAll();
}

Element decodeOk(const QByteArray &body)
{
    DecodeResult r = decode(body);
    if (!r.ok())
        qWarning("%s", qPrintable(r.error));
    return r.ok() ? *r.root : Element();
}

// libwbxml's name for a tag, read back through dump() ("<Name/>\n").
QString libwbxmlName(Tag t)
{
    return dump(Element(t)).mid(1).section(QLatin1Char('/'), 0, 0);
}

const QByteArray kConversationId = hex("FF6802205800485996BE150103D99320");

Element goldenSyncRequest()
{
    Element sync(T::AirSync::Sync);
    Element &coll = sync.add(T::AirSync::Collections).add(T::AirSync::Collection);
    coll.add(T::AirSync::SyncKey, "0");
    coll.add(T::AirSync::CollectionId, "5");
    coll.add(T::AirSync::ConversationMode, "1");
    Element &change = coll.add(T::AirSync::Commands).add(T::AirSync::Change);
    change.add(T::AirSync::ServerId, "5:1");
    Element &data = change.add(T::AirSync::ApplicationData);
    data.add(T::Email::Read, "1");
    data.addOpaque(T::Email2::ConversationId, kConversationId);
    return sync;
}

} // namespace

class TestWbxmlCodec : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void encodesGoldenSyncRequest()
    {
        const QByteArray expected = hex("03016A00455C4F4B033000015203350001670331000156484D03353A3100015D"
                                        "000255033100010016"
                                        "49C310FF6802205800485996BE150103D9932001"
                                        "010101010101");
        QCOMPARE(expected.size(), 67);
        const EncodeResult r = encode(goldenSyncRequest());
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.bytes.toHex(' '), expected.toHex(' '));
        QCOMPARE(decodeOk(r.bytes), goldenSyncRequest());
    }

    void roundTripsConversationBytesWithZeros()
    {
        const QByteArray index = hex("01DA76BB5900013F2504E04F8911D39A0C0305E82C3301");
        Element root(T::AirSync::Sync);
        root.addOpaque(T::Email2::ConversationId, kConversationId);
        root.addOpaque(T::Email2::ConversationIndex, index);
        root.addOpaque(T::ItemOperations::ConversationId, hex("00"));
        root.addOpaque(T::Search::ConversationId, hex("0000010000"));
        const EncodeResult r = encode(root);
        QVERIFY2(r.ok(), qPrintable(r.error));
        QVERIFY(r.bytes.contains(hex("4AC317") + index + hex("01")));
        const Element back = decodeOk(r.bytes);
        QCOMPARE(back, root);
        QCOMPARE(back.childData(T::Email2::ConversationIndex), index);
        QVERIFY(back.child(T::Email2::ConversationId)->isOpaque());
    }

    void encodesFolderSyncRequest()
    {
        Element fs(T::FolderHierarchy::FolderSync);
        fs.add(T::FolderHierarchy::SyncKey, "0");
        const EncodeResult r = encode(fs);
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.bytes, hex("03016A00000756520330000101"));
    }

    void encodesEmptyElementWithoutContentBit()
    {
        Element sync(T::AirSync::Sync);
        sync.add(T::AirSync::Collections).add(T::AirSync::Collection).add(T::AirSync::ConversationMode);
        QCOMPARE(encode(sync).bytes, hex("03016A00455C4F27010101"));
    }

    void keepsWhitespace()
    {
        Element text(T::Search::FreeText);
        text.setText("  two  words  ");
        const EncodeResult r = encode(text);
        QCOMPARE(r.bytes, hex("03016A00000F5503202074776F2020776F72647320200001"));
        QCOMPARE(decodeOk(r.bytes).data(), QByteArray("  two  words  "));
    }

    void refusesWhatLibwbxmlWouldAlter()
    {
        Element opaque(T::AirSync::Sync);
        opaque.addOpaque(T::AirSync::ServerId, "1");
        QVERIFY(encode(opaque).error.contains(QLatin1String("OPAQUE")));

        Element zero(T::AirSync::Sync);
        zero.add(T::AirSync::ServerId, QByteArray("hi\0x", 4));
        QVERIFY(encode(zero).error.contains(QLatin1String("0x00")));

        Element unknown(T::AirSync::Sync);
        unknown.add(Tag{14, 0x3B}, "1"); // Provision AccountOnlyRemoteWipe (16.1)
        QVERIFY(encode(unknown).error.contains(QLatin1String("not in libwbxml")));
    }

    void decodesSogoFolderSync()
    {
        const Element root = decodeOk(sogo("05-foldersync-initial"));
        namespace F = T::FolderHierarchy;
        QVERIFY(root.is(F::FolderSync));
        QCOMPARE(root.childInt(F::Status), 1);
        QCOMPARE(root.childText(F::SyncKey), QStringLiteral("vm_15af_30b54df7_10"));
        const Element *changes = root.child(F::Changes);
        QVERIFY(changes);
        QCOMPARE(changes->childInt(F::Count), 12);
        QStringList names;
        for (const Element *add : changes->all(F::Add))
            names << add->childText(F::DisplayName);
        QCOMPARE(names.size(), 12);
        QCOMPARE(names.first(), QStringLiteral("INBOX"));
        QVERIFY(names.contains(QStringLiteral("Personal Address Book")));
        const Element *offsite = changes->all(F::Add).at(8);
        QCOMPARE(offsite->childText(F::DisplayName), QStringLiteral("Offsite"));
        QCOMPARE(offsite->childText(F::ParentId), QStringLiteral("mail%2Fb81b3a1ffa16056bfe27000083ecc375"));
    }

    void decodesSogoSyncWithItems()
    {
        const Element root = decodeOk(sogo("08-sync-inbox-conversationmode"));
        const Element *coll = root.find({T::AirSync::Collections, T::AirSync::Collection});
        QVERIFY(coll);
        QCOMPARE(coll->childText(T::AirSync::SyncKey), QStringLiteral("97-139"));
        const auto adds = coll->child(T::AirSync::Commands)->all(T::AirSync::Add);
        QCOMPARE(adds.size(), 15);
        const Element *second = adds.at(1);
        QCOMPARE(second->childText(T::AirSync::ServerId), QStringLiteral("98"));
        const Element *data = second->child(T::AirSync::ApplicationData);
        QCOMPARE(data->childText(T::Email::Subject), QStringLiteral("Q3 report draft"));
        const Element *convId = data->child(T::Email2::ConversationId);
        QVERIFY(convId && convId->isOpaque());
        QCOMPARE(convId->data(), QByteArray("<t1-1.q3report@example.test>"));
        QVERIFY(data->find({T::AirSyncBase::Body, T::AirSyncBase::Data})->text().startsWith(QLatin1String("Hi Alice,")));
        QVERIFY(data->find({T::AirSyncBase::Body, T::AirSyncBase::Preview})->data().isEmpty());
        QCOMPARE(adds.at(3)->child(T::AirSync::ApplicationData)->childInt(T::Email::Read, -1), 0);
    }

    void decodesSogoSmallResponses()
    {
        const Element est = decodeOk(sogo("10-getitemestimate-conversationmode"));
        namespace G = T::GetItemEstimate;
        QCOMPARE(est.find({G::Response, G::Collection})->childInt(G::Estimate, -1), 1);
        QCOMPARE(est.find({G::Response, G::Collection})->childText(G::Class), QStringLiteral("Email"));

        const Element prov = decodeOk(sogo("03-provision-request"));
        namespace P = T::Provision;
        QCOMPARE(prov.childInt(P::Status), 1);
        const Element *policy = prov.find({P::Policies, P::Policy});
        QCOMPARE(policy->childText(P::PolicyType), QStringLiteral("MS-EAS-Provisioning-WBXML"));
        QCOMPARE(policy->childInt(P::Status), 2);

        const Element move = decodeOk(sogo("17-moveitems-inbox-to-projects"));
        QCOMPARE(move.child(T::Move::Response)->childText(T::Move::DstMsgId), QStringLiteral("3"));

        const Element ping = decodeOk(sogo("26-ping-inbox-after-new-mail"));
        QCOMPARE(ping.childInt(T::Ping::Status), 2);
        QCOMPARE(ping.find({T::Ping::Folders, T::Ping::Folder})->text(),
                 QStringLiteral("mail%2F008d5f3a7316056b0b16000083ecc375"));
    }

    void decodesSogoSearch()
    {
        namespace S = T::Search;
        const Element root = decodeOk(sogo("19-search-freetext-control"));
        const Element *store = root.find({S::Response, S::Store});
        QVERIFY(store);
        QCOMPARE(store->childInt(S::Total), 3);
        QCOMPARE(store->childText(S::Range), QStringLiteral("0-2"));
        const auto results = store->all(S::Result);
        QCOMPARE(results.size(), 3);
        QCOMPARE(results.first()->childText(S::LongId), QStringLiteral("mail%2F008d5f3a7316056b0b16000083ecc375+100"));
        QCOMPARE(results.first()->child(S::Properties)->childData(T::Email2::ConversationId),
                 QByteArray("<t1-1.q3report@example.test>"));

        const Element other = decodeOk(sogo("22-search-conversationid-plus-freetext"));
        QCOMPARE(other.find({S::Response, S::Store})->childInt(S::Total), 4);
    }

    void decodesSogoItemOperations()
    {
        namespace I = T::ItemOperations;
        const Element mail = decodeOk(sogo("24-itemoperations-fetch-email"));
        const Element *props = mail.find({I::Response, I::Fetch, I::Properties});
        QVERIFY(props);
        QCOMPARE(props->childText(T::Email::Subject), QStringLiteral("Invoice 2024-117"));
        QCOMPARE(props->find({T::AirSyncBase::Attachments, T::AirSyncBase::Attachment})
                     ->childText(T::AirSyncBase::FileReference),
                 QStringLiteral("mail/INBOX/109/2"));
        QCOMPARE(props->childData(T::Email2::ConversationId), QByteArray("<invoice-2024-117@acme.example>"));

        const Element att = decodeOk(sogo("25-itemoperations-fetch-attachment"));
        const Element *attProps = att.find({I::Response, I::Fetch, I::Properties});
        QCOMPARE(attProps->childText(T::AirSyncBase::ContentType), QStringLiteral("application/pdf"));
        QVERIFY(attProps->childData(I::Data).startsWith("JVBERi0x")); // base64 "%PDF-1"
    }

    void reencodesSogoResponsesIdentically_data()
    {
        QTest::addColumn<QString>("path");
        const QStringList files = QDir(QStringLiteral(SKEIN_TEST_DATA "/sogo")).entryList(QStringList{QStringLiteral("*.wbxml")});
        QVERIFY(files.size() >= 10);
        for (const QString &f : files)
            QTest::newRow(qPrintable(f)) << QStringLiteral(SKEIN_TEST_DATA "/sogo/") + f;
    }

    void reencodesSogoResponsesIdentically()
    {
        QFETCH(QString, path);
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray body = f.readAll();
        const DecodeResult d = decode(body);
        QVERIFY2(d.ok(), qPrintable(d.error));
        const EncodeResult e = encode(*d.root);
        QVERIFY2(e.ok(), qPrintable(e.error));
        QCOMPARE(e.bytes.toHex(' '), body.toHex(' '));
    }

    void rejectsMalformed_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("expected");
        QTest::newRow("empty") << QByteArray() << QStringLiteral("empty body (not WBXML) at offset 0");
        QTest::newRow("entity abort body") << hex("03016A00450288808080" "0001") << QStringLiteral("ENTITY) at offset 5");
        QTest::newRow("version 1.1") << hex("01016A00450331000101") << QStringLiteral("version 0x01");
        QTest::newRow("header only") << hex("03016A00") << QStringLiteral("no root element at offset 4");
        QTest::newRow("truncated header") << hex("0301") << QStringLiteral("truncated charset at offset 2");
        QTest::newRow("public id in strtbl") << hex("0300006A0000") << QStringLiteral("public id refers");
        QTest::newRow("latin1") << hex("030104004501") << QStringLiteral("charset MIBenum 4");
        QTest::newRow("string table") << hex("03016A036162004503310001") << QStringLiteral("non-empty string table (3 bytes) at offset 3");
        QTest::newRow("extra END") << hex("03016A00450101") << QStringLiteral("trailing data 0x01");
        QTest::newRow("END first") << hex("03016A0001") << QStringLiteral("END without an open element at offset 4");
        QTest::newRow("missing END") << hex("03016A00455C01") << QStringLiteral("truncated: 1 element(s) not closed at offset 7");
        QTest::newRow("opaque past end") << hex("03016A0045C30A010203") << QStringLiteral("OPAQUE length 10 runs past the end");
        QTest::newRow("opaque len overflow") << hex("03016A0045C3908080800001") << QStringLiteral("overflows 32 bits at offset 6");
        QTest::newRow("opaque len 6 bytes") << hex("03016A0045C3808080808000") << QStringLiteral("longer than 5 bytes at offset 6");
        QTest::newRow("attribute bit") << hex("03016A00C50101") << QStringLiteral("attribute bit set at offset 4");
        QTest::newRow("attribute bit empty") << hex("03016A008501") << QStringLiteral("attribute bit set at offset 4");
        QTest::newRow("STR_T") << hex("03016A0045830001") << QStringLiteral("STR_T) at offset 5");
        QTest::newRow("LITERAL") << hex("03016A00040001") << QStringLiteral("LITERAL) at offset 4");
        QTest::newRow("PI") << hex("03016A0045430101") << QStringLiteral("PI) at offset 5");
        QTest::newRow("EXT_I_0") << hex("03016A004540610001") << QStringLiteral("EXT_I_0) at offset 5");
        QTest::newRow("unterminated STR_I") << hex("03016A0045036162") << QStringLiteral("unterminated STR_I at offset 5");
        QTest::newRow("text outside root") << hex("03016A000361004501") << QStringLiteral("STR_I outside the root element at offset 4");
        QTest::newRow("two roots") << hex("03016A000505") << QStringLiteral("trailing data 0x05 after the root element at offset 5");
        QTest::newRow("double SWITCH_PAGE") << hex("03016A000000001445460331000101")
                                            << QStringLiteral("SWITCH_PAGE not followed by a tag (0x00) at offset 6");
        QTest::newRow("SWITCH_PAGE before END") << hex("03016A0045000201")
                                                << QStringLiteral("SWITCH_PAGE not followed by a tag (0x01) at offset 7");
        QTest::newRow("SWITCH_PAGE at end") << hex("03016A004500") << QStringLiteral("truncated SWITCH_PAGE at offset 6");
        QTest::newRow("too deep") << hex("03016A00") + QByteArray(200, '\x45') + QByteArray(200, '\x01')
                                  << QStringLiteral("nested deeper than 100");
    }

    void rejectsMalformed()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, expected);
        const DecodeResult r = decode(body);
        QVERIFY(!r.ok());
        QVERIFY2(r.error.contains(expected), qPrintable(r.error));
    }

    void rejectsEveryTruncation()
    {
        for (const char *name : {"08-sync-inbox-conversationmode", "24-itemoperations-fetch-email"}) {
            const QByteArray body = sogo(name);
            for (qsizetype n = 0; n < body.size(); ++n) {
                const DecodeResult r = decode(body.left(n));
                QVERIFY2(!r.ok() && r.error.contains(QLatin1String("offset")),
                         qPrintable(QStringLiteral("%1 prefix %2: %3").arg(QLatin1String(name)).arg(n).arg(r.error)));
            }
            QVERIFY(decode(body).ok());
        }
    }

    // encode() writes the bytes itself; libwbxml's encoder is the reference,
    // here for page switches, empty elements and OPAQUE lengths of one to
    // three mb_u_int32 bytes.
    void matchesLibwbxmlEncoder()
    {
        Element sync(T::AirSync::Sync);
        Element &collection = sync.add(T::AirSync::Collections).add(T::AirSync::Collection);
        collection.add(T::AirSync::SyncKey, "1");
        Element &commands = collection.add(T::AirSync::Commands);
        for (const int size : {0, 1, 127, 128, 300, 16383, 16384, 70000}) {
            Element &add = commands.add(T::AirSync::Add);
            add.add(T::AirSync::ServerId, QByteArray::number(size));
            Element &data = add.add(T::AirSync::ApplicationData);
            data.add(T::Email::Subject, QByteArray(size, 'x'));
            data.add(T::Email::Read, "1");
            data.add(T::AirSyncBase::Body).add(T::AirSyncBase::Data, QByteArray(size % 500, 'y'));
            data.addOpaque(T::Email2::ConversationId, QByteArray(size, '\0'));
            data.add(T::Email::Flag);
        }
        collection.add(T::AirSync::MoreAvailable);
        const EncodeResult e = encode(sync);
        QVERIFY2(e.ok(), qPrintable(e.error));
        QCOMPARE(e.bytes, detail::encodeWithLibwbxml(sync).bytes);
    }

    // None of these may crash or abort; whatever decodes must re-encode or say why not.
    void survivesRandomMutations()
    {
        const QByteArray original = sogo("24-itemoperations-fetch-email");
        static const quint8 interesting[] = {0x00, 0x01, 0x02, 0x03, 0x04, 0x43, 0x83, 0xC3, 0xC4, 0x80, 0xFF};
        QRandomGenerator rng(20240611);
        int decoded = 0;
        for (int i = 0; i < 4000; ++i) {
            QByteArray body = original;
            for (int edits = 1 + rng.bounded(3); edits > 0; --edits) {
                const qsizetype at = rng.bounded(int(body.size()));
                const char value = rng.bounded(2) ? char(rng.bounded(256)) : char(interesting[rng.bounded(11)]);
                switch (rng.bounded(4)) {
                case 0: body[at] = value; break;
                case 1: body.insert(at, value); break;
                case 2: body.remove(at, 1 + rng.bounded(4)); break;
                default: body.truncate(at); break;
                }
                if (body.isEmpty())
                    break;
            }
            const DecodeResult r = decode(body);
            QVERIFY(r.ok() != !r.error.isEmpty());
            if (r.ok()) {
                ++decoded;
                const EncodeResult e = encode(*r.root);
                QVERIFY(e.ok() || !e.error.isEmpty());
                // The own writer and libwbxml agree on bytes and on refusals.
                const EncodeResult reference = detail::encodeWithLibwbxml(*r.root);
                QCOMPARE(e.bytes.toHex(' '), reference.bytes.toHex(' '));
                QCOMPARE(e.error, reference.error);
            }
        }
        QVERIFY(decoded > 0); // some mutations only change text, so some must decode
    }

    void keepsUnknownTokens()
    {
        // <Sync> SWITCH_PAGE 25 (Find, 16.1) <0x06>1</> SWITCH_PAGE 0 <Status>1</> </Sync>
        const Element root = decodeOk(hex("03016A0045001946033100010000" "4E0331000101"));
        QVERIFY(root.isKnown());
        QCOMPARE(root.children().size(), size_t(2));
        const Element &find = root.children().at(0);
        QVERIFY(!find.isKnown());
        QCOMPARE(find.tag(), (Tag{25, 0x06}));
        QCOMPARE(find.data(), QByteArray("1"));
        QVERIFY(root.child(T::AirSync::Status)->isKnown());
        QCOMPARE(root.childInt(T::AirSync::Status), 1);

        // Provision AccountOnlyRemoteWipe 0x3B (16.1), empty, between known siblings.
        const Element prov = decodeOk(hex("03016A00000E454B033100013B4B0332000101"));
        QCOMPARE(prov.children().size(), size_t(3));
        QVERIFY(!prov.children().at(1).isKnown());
        QCOMPARE(prov.children().at(1).tag(), (Tag{14, 0x3B}));
        QCOMPARE(prov.all(T::Provision::Status).size(), 2);
    }

    // Cases libwbxml 0.11.8's own parser gets wrong or slow (see WbxmlCodec.cpp).
    void decodesWhatLibwbxmlParsesBadly()
    {
        // <Add><ApplicationData><AirSyncBase:Data>"a""b"</><ServerId>1</></></>
        const Element add = decodeOk(hex("03016A00475D00114B0361000362000100004D033100010101"));
        const Element *appData = add.child(T::AirSync::ApplicationData);
        QVERIFY(appData);
        QCOMPARE(appData->childData(T::AirSyncBase::Data), QByteArray("ab"));
        QCOMPARE(appData->childText(T::AirSync::ServerId), QStringLiteral("1"));

        // STR_I and OPAQUE pieces of one element are concatenated; OPAQUE wins.
        const Element mixed = decodeOk(hex("03016A0045036100C3020062036300" "01"));
        QCOMPARE(mixed.data(), QByteArray("a\0bc", 4));
        QVERIFY(mixed.isOpaque());

        const int count = 200000; // libwbxml's tree needs minutes for this
        const Element flat = decodeOk(hex("03016A0045") + QByteArray(count, '\x0E') + hex("01"));
        QCOMPARE(flat.children().size(), size_t(count));
        QVERIFY(flat.children().back().is(T::AirSync::Status));
    }

    void tasksTokensMatchLibwbxml()
    {
        namespace K = T::Tasks;
        const std::pair<Tag, const char *> expected[] = {
            {K::DateCompleted, "DateCompleted"}, {K::DueDate, "DueDate"},   {K::UtcDueDate, "UtcDueDate"},
            {K::ReminderSet, "ReminderSet"},     {K::ReminderTime, "ReminderTime"}, {K::StartDate, "StartDate"},
            {K::UtcStartDate, "UtcStartDate"},
        };
        // libwbxml spells the Utc ones "UTCDueDate"/"UTCStartDate"; same tokens.
        for (const auto &[t, name] : expected)
            QCOMPARE(libwbxmlName(t).toLower(), QString::fromLatin1(name).toLower());
    }

    // Every constant of EasTags.h on pages 0..22 must be encodable, and libwbxml
    // must call it by the same name, apart from its known spellings.
    void easTagsExistInLibwbxml()
    {
        QFile header(QStringLiteral(SKEIN_TEST_DATA "/../../eas/EasTags.h"));
        QVERIFY(header.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(header.readAll());
        static const QRegularExpression constant(QStringLiteral(R"(inline constexpr Tag (\w+)\{(\d+), 0x([0-9A-Fa-f]{2})\})"));
        // libwbxml's own spellings; compared case-insensitively (UTCDueDate, MIME, DTStamp, AttOId).
        const QHash<QString, QString> knownSpellings = {
            {QStringLiteral("ReplyTo"), QStringLiteral("Reply-To")},
            {QStringLiteral("RightsManagementInformation"), QStringLiteral("ihsManagementInformation")},
            {QStringLiteral("OrganizerEmail"), QStringLiteral("Organizer_Email")},
            {QStringLiteral("OrganizerName"), QStringLiteral("Organizer_Name")},
        };
        const auto expectedName = [&](const QString &constant, Tag t) {
            const bool recurrence = t.page == T::Email::Page && t.token >= 0x29 && t.token <= 0x30;
            return recurrence ? QStringLiteral("Recurrence_") + constant.mid(constant == QLatin1String("RecurrenceType") ? 10 : 0)
                              : knownSpellings.value(constant, constant);
        };
        int checked = 0;
        QStringList problems;
        for (const QRegularExpressionMatch &m : constant.globalMatch(text)) {
            const Tag t{quint8(m.captured(2).toUInt()), quint8(m.captured(3).toUInt(nullptr, 16))};
            if (t.page > 22)
                continue;
            ++checked;
            const EncodeResult r = encode(Element(t));
            const QString name = libwbxmlName(t);
            if (!r.ok())
                problems << QStringLiteral("%1 {%2, 0x%3}: %4").arg(m.captured(1), m.captured(2), m.captured(3), r.error);
            else if (name.compare(expectedName(m.captured(1), t), Qt::CaseInsensitive) != 0)
                problems << QStringLiteral("%1 {%2, 0x%3} is %4 in libwbxml").arg(m.captured(1), m.captured(2), m.captured(3), name);
        }
        QVERIFY(checked > 300);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    }

    void dumpsReadably()
    {
        const QString text = dump(goldenSyncRequest());
        QVERIFY2(text.contains(QLatin1String("    <SyncKey>0</SyncKey>\n")), qPrintable(text));
        QVERIFY2(text.contains(QLatin1String("<ConversationId>[opaque 16 bytes: ff 68 02 20")), qPrintable(text));
    }
};

QTEST_GUILESS_MAIN(TestWbxmlCodec)
#include "tst_wbxmlcodec.moc"
