// Sync requests: element order, protocol-version shapes, client changes.
#include "EasTags.h"
#include "SyncCommand.h"
#include "WbxmlCodec.h"

#include <QFile>
#include <QTest>

using namespace skein;
using namespace skein::eas;
namespace tag = skein::wbxml::tag;
using wbxml::Element;

namespace {

QByteArray readData(const char *name)
{
    QFile f(QStringLiteral(SKEIN_TEST_DATA "/sogo/") + QLatin1String(name));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// Inline string: STR_I, the UTF-8 bytes, terminator, then END of the element.
QByteArray str(const char *text)
{
    return QByteArray("\x03", 1) + QByteArray(text) + QByteArray("\x00\x01", 2);
}

QByteArray hex(const char *h) { return QByteArray::fromHex(h); }

QByteArray encode(const SyncCommand &command)
{
    const wbxml::EncodeResult r = wbxml::encode(command.request());
    if (!r.ok())
        qWarning("encode: %s", qPrintable(r.error));
    return r.bytes;
}

const QString inboxId = QStringLiteral("mail%2F008d5f3a7316056b0b16000083ecc375");

QList<wbxml::Tag> childTags(const Element &e)
{
    QList<wbxml::Tag> tags;
    for (const Element &c : e.children())
        tags << c.tag();
    return tags;
}

const Element &firstCollection(const Element &request)
{
    return *request.find({tag::AirSync::Collections, tag::AirSync::Collection});
}

QDateTime utc(const char *iso) { return QDateTime::fromString(QLatin1String(iso), Qt::ISODate); }

} // namespace

class TestSync : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initialKeySendsOnlyKeyAndCollection()
    {
        SyncCollectionRequest r;
        r.folderId = inboxId;
        r.syncKey = QStringLiteral("0");
        r.changes.append({QStringLiteral("1"), true, std::nullopt}); // must not be sent with key 0
        const QByteArray bytes = encode(SyncCommand({r}, QStringLiteral("14.1")));
        // Byte-identical to the request SOGo accepted (transcript 07).
        QCOMPARE(bytes.toHex(' '), readData("07-sync-inbox-initial-synckey0.request.wbxml").toHex(' '));
    }

    void fullRequestMatchesSogoTranscript()
    {
        SyncCollectionRequest r;
        r.folderId = inboxId;
        r.syncKey = QStringLiteral("-1");
        r.truncationSize = 512;
        r.previewChars = 0;
        r.messagePart = false; // the transcript predates it
        const QByteArray bytes = encode(SyncCommand({r}, QStringLiteral("14.1")));
        QCOMPARE(bytes.toHex(' '), readData("08-sync-inbox-conversationmode.request.wbxml").toHex(' '));
    }

    void defaultRequestGolden()
    {
        SyncCollectionRequest r;
        r.folderId = QStringLiteral("5");
        r.syncKey = QStringLiteral("k1");
        r.filterType = 3;
        const QByteArray expected = hex("03016a00" "455c4f") + hex("4b") + str("k1")
            + hex("52") + str("5")
            + hex("5e") + str("1")        // DeletesAsMoves
            + hex("53") + str("1")        // GetChanges
            + hex("55") + str("100")      // WindowSize
            + hex("67") + str("1")        // ConversationMode (0x27)
            + hex("57") + hex("58") + str("3") // Options, FilterType
            + hex("0011" "45")            // airsyncbase:BodyPreference
            + hex("46") + str("2")        // Type HTML
            + hex("47") + str("51200")    // TruncationSize
            + hex("58") + str("255")      // Preview
            + hex("01")                   // BodyPreference
            + hex("59")                   // airsyncbase:BodyPartPreference (0x19)
            + hex("46") + str("2")        // Type HTML
            + hex("47") + str("51200")    // TruncationSize
            + hex("01" "01" "01" "01" "01"); // BodyPartPreference Options Collection Collections Sync
        QCOMPARE(encode(SyncCommand({r}, QStringLiteral("16.0"))).toHex(' '), expected.toHex(' '));
    }

    void elementOrder()
    {
        SyncCollectionRequest r;
        r.folderId = QStringLiteral("5");
        r.syncKey = QStringLiteral("k1");
        r.deletes = {QStringLiteral("5:9")};
        const Element request = SyncCommand({r}, QStringLiteral("14.1")).request();
        const QList<wbxml::Tag> expected{tag::AirSync::SyncKey,        tag::AirSync::CollectionId,
                                         tag::AirSync::DeletesAsMoves, tag::AirSync::GetChanges,
                                         tag::AirSync::WindowSize,     tag::AirSync::ConversationMode,
                                         tag::AirSync::Options,        tag::AirSync::Commands};
        QVERIFY(childTags(firstCollection(request)) == expected);
        const Element *pref = firstCollection(request).find({tag::AirSync::Options,
                                                             tag::AirSyncBase::BodyPreference});
        QVERIFY(pref);
        QVERIFY((childTags(*pref) == QList<wbxml::Tag>{tag::AirSyncBase::Type,
                                                       tag::AirSyncBase::TruncationSize,
                                                       tag::AirSyncBase::Preview}));
    }

    // The message part (MS-ASCON 3.1.4.10): HTML, after BodyPreference,
    // from 14.1 on and only in ConversationMode.
    void messagePartFrom141InConversationMode()
    {
        SyncCollectionRequest r;
        r.folderId = QStringLiteral("5");
        r.syncKey = QStringLiteral("k1");
        for (const char *version : {"14.1", "16.0", "16.1"}) {
            const Element request = SyncCommand({r}, QLatin1String(version)).request();
            const Element *options = firstCollection(request).child(tag::AirSync::Options);
            QVERIFY(options);
            QVERIFY((childTags(*options) == QList<wbxml::Tag>{tag::AirSync::FilterType, tag::AirSyncBase::BodyPreference,
                                                             tag::AirSyncBase::BodyPartPreference}));
            const Element *part = options->child(tag::AirSyncBase::BodyPartPreference);
            QCOMPARE(part->childText(tag::AirSyncBase::Type), QStringLiteral("2"));
            QCOMPARE(part->childText(tag::AirSyncBase::TruncationSize), QStringLiteral("51200"));
        }
        for (const char *version : {"12.1", "14.0"}) {
            const Element request = SyncCommand({r}, QLatin1String(version)).request();
            QVERIFY(!firstCollection(request).find({tag::AirSync::Options, tag::AirSyncBase::BodyPartPreference}));
        }
        r.conversationMode = false;
        const Element flat = SyncCommand({r}, QStringLiteral("16.1")).request();
        QVERIFY(!firstCollection(flat).find({tag::AirSync::Options, tag::AirSyncBase::BodyPartPreference}));
    }

    void protocol121HasNoConversationElements()
    {
        SyncCollectionRequest r;
        r.folderId = QStringLiteral("5");
        r.syncKey = QStringLiteral("k1");
        const Element request = SyncCommand({r}, QStringLiteral("12.1")).request();
        const Element &c = firstCollection(request);
        QVERIFY(!c.has(tag::AirSync::ConversationMode));
        QVERIFY(!c.has(tag::AirSync::Class)); // optional in 12.1; never sent
        const Element *pref = c.find({tag::AirSync::Options, tag::AirSyncBase::BodyPreference});
        QVERIFY(pref);
        QVERIFY(!pref->has(tag::AirSyncBase::Preview));
        QCOMPARE(pref->childText(tag::AirSyncBase::TruncationSize), QStringLiteral("51200"));
        // 14.0 is the first version with conversations.
        const Element v140 = SyncCommand({r}, QStringLiteral("14.0")).request();
        QVERIFY(firstCollection(v140).has(tag::AirSync::ConversationMode));
    }

    void readAndFlagChangeGolden()
    {
        SyncCollectionRequest r;
        r.folderId = QStringLiteral("5");
        r.syncKey = QStringLiteral("k1");
        r.getChanges = false;
        FlagState flag;
        flag.status = FlagStatus::Active;
        flag.start = utc("2024-03-15T09:30:00Z");
        flag.due = utc("2024-03-16T09:30:00Z");
        r.changes.append({QStringLiteral("5:1"), true, flag});
        const QByteArray expected = hex("03016a00" "455c4f") + hex("4b") + str("k1")
            + hex("52") + str("5")
            + hex("5e") + str("1") + hex("53") + str("0")     // DeletesAsMoves, GetChanges 0
            + hex("56" "48") + hex("4d") + str("5:1")         // Commands, Change, ServerId
            + hex("5d")                                        // ApplicationData
            + hex("0002" "55") + str("1")                      // email:Read
            + hex("7a")                                        // email:Flag
            + hex("7b") + str("2")                             // Flag Status (0x3B)
            + hex("7d") + str("Flag for follow up")            // FlagType
            + hex("0009" "5e") + str("2024-03-15T09:30:00.000Z") // tasks:StartDate
            + hex("5f") + str("2024-03-15T09:30:00.000Z")      // UtcStartDate
            + hex("4c") + str("2024-03-16T09:30:00.000Z")      // DueDate
            + hex("4d") + str("2024-03-16T09:30:00.000Z")      // UtcDueDate
            + hex("01" "01" "01" "01" "01" "01" "01");
        QCOMPARE(encode(SyncCommand({r}, QStringLiteral("14.1"))).toHex(' '), expected.toHex(' '));
    }

    void flagWithoutDatesSendsNoDates()
    {
        // "All four dates or none": SOGo's probe (15) sent Status + FlagType only.
        FlagState flag;
        flag.status = FlagStatus::Active;
        flag.flagType = QStringLiteral("Follow up");
        SyncCollectionRequest r{QStringLiteral("5"), QStringLiteral("k1")};
        r.changes.append({QStringLiteral("5:1"), std::nullopt, flag});
        const Element request = SyncCommand({r}, QStringLiteral("14.1")).request();
        const Element *f = firstCollection(request).find({tag::AirSync::Commands, tag::AirSync::Change,
                                                          tag::AirSync::ApplicationData, tag::Email::Flag});
        QVERIFY(f);
        QVERIFY((childTags(*f) == QList<wbxml::Tag>{tag::Email::FlagStatus, tag::Email::FlagType}));
        QCOMPARE(f->childText(tag::Email::FlagType), QStringLiteral("Follow up"));
    }

    void flagDatesAreConsistent()
    {
        // Only a due date, and a start after the due date: never StartDate > DueDate.
        FlagState flag;
        flag.status = FlagStatus::Active;
        flag.due = utc("2024-03-16T09:30:00Z");
        SyncCollectionRequest r{QStringLiteral("5"), QStringLiteral("k1")};
        r.changes.append({QStringLiteral("a"), std::nullopt, flag});
        flag.start = utc("2024-03-20T00:00:00Z");
        r.changes.append({QStringLiteral("b"), std::nullopt, flag});
        const Element request = SyncCommand({r}, QStringLiteral("14.1")).request();
        const auto changes = firstCollection(request).child(tag::AirSync::Commands)->all(tag::AirSync::Change);
        QCOMPARE(changes.size(), 2);
        for (const Element *c : changes) {
            const Element *f = c->find({tag::AirSync::ApplicationData, tag::Email::Flag});
            QCOMPARE(f->childText(tag::Tasks::StartDate), QStringLiteral("2024-03-16T09:30:00.000Z"));
            QCOMPARE(f->childText(tag::Tasks::UtcStartDate), QStringLiteral("2024-03-16T09:30:00.000Z"));
            QCOMPARE(f->childText(tag::Tasks::UtcDueDate), QStringLiteral("2024-03-16T09:30:00.000Z"));
        }
    }

    void flagCompleteAndClear()
    {
        FlagState done;
        done.status = FlagStatus::Complete;
        done.completed = utc("2024-04-01T12:00:00Z");
        SyncCollectionRequest r{QStringLiteral("5"), QStringLiteral("k1")};
        r.changes.append({QStringLiteral("5:1"), std::nullopt, done});
        r.changes.append({QStringLiteral("5:2"), false, FlagState{}});
        const QByteArray bytes = encode(SyncCommand({r}, QStringLiteral("14.1")));
        const QByteArray complete = hex("7a") + hex("7b") + str("1")
            + hex("7e") + str("2024-04-01T12:00:00.000Z")          // email:CompleteTime
            + hex("0009" "4b") + str("2024-04-01T12:00:00.000Z")   // tasks:DateCompleted
            + hex("01");
        QVERIFY2(bytes.contains(complete), bytes.toHex(' ').constData());
        // Unread + clear: Read 0 and an empty <Flag/> (token without content bit).
        const QByteArray clear = hex("0002" "55") + str("0") + hex("3a" "01");
        QVERIFY2(bytes.contains(clear), bytes.toHex(' ').constData());
    }

    void neverSendsConversationIdOrIndex()
    {
        FlagState flag;
        flag.status = FlagStatus::Active;
        SyncCollectionRequest r{QStringLiteral("5"), QStringLiteral("k1")};
        r.changes.append({QStringLiteral("5:1"), true, flag});
        r.deletes = {QStringLiteral("5:3")};
        const QByteArray bytes = encode(SyncCommand({r}, QStringLiteral("16.0")));
        QVERIFY(!bytes.isEmpty());
        // Email2 is page 22 (0x16): the request never switches to it.
        QVERIFY(!bytes.contains(hex("0016")));
    }

    void deletesAndDeletesAsMoves()
    {
        SyncCollectionRequest r{QStringLiteral("5"), QStringLiteral("k1")};
        r.getChanges = false;
        r.deletesAsMoves = false;
        r.deletes = {QStringLiteral("5:3"), QStringLiteral("5:4")};
        const Element request = SyncCommand({r}, QStringLiteral("14.1")).request();
        const Element &c = firstCollection(request);
        QCOMPARE(c.childText(tag::AirSync::DeletesAsMoves), QStringLiteral("0")); // permanent
        QVERIFY(!c.has(tag::AirSync::Options)); // no server changes asked for
        const auto deletes = c.child(tag::AirSync::Commands)->all(tag::AirSync::Delete);
        QCOMPARE(deletes.size(), 2);
        QCOMPARE(deletes.at(1)->childText(tag::AirSync::ServerId), QStringLiteral("5:4"));
    }

    void severalCollectionsAndClamping()
    {
        SyncCollectionRequest a{QStringLiteral("5"), QStringLiteral("k1")};
        a.windowSize = 4000;
        a.filterType = 7; // calendar-only value, email accepts 0-5
        SyncCollectionRequest b{QStringLiteral("6"), QStringLiteral("0")};
        const Element request = SyncCommand({a, b}, QStringLiteral("14.1")).request();
        const auto collections = request.child(tag::AirSync::Collections)->all(tag::AirSync::Collection);
        QCOMPARE(collections.size(), 2);
        QCOMPARE(collections.at(0)->childText(tag::AirSync::WindowSize), QStringLiteral("512"));
        QCOMPARE(collections.at(0)->find({tag::AirSync::Options, tag::AirSync::FilterType})->text(),
                 QStringLiteral("5"));
        QCOMPARE(collections.at(1)->children().size(), size_t(2));
    }
};

QTEST_GUILESS_MAIN(TestSync)
#include "tst_sync.moc"
