// Attachment lists in Sync ApplicationData (airsyncbase: of 12.0+, email:
// of 2.5), the ItemOperations FileReference fetch, and AttachmentDownloader
// over a scripted transport: the request per version, the file only
// complete, cancel and failures leaving nothing behind.
#include "AttachmentDownloader.h"
#include "AttachmentFetchCommand.h"
#include "EasTags.h"
#include "EmailParser.h"
#include "FakeTransport.h"
#include "MultiPartReader.h"
#include "WbxmlCodec.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>
#include <QtEndian>

using namespace skein;
using namespace skein::eas;
namespace tag = skein::wbxml::tag;
using skein::wbxml::Element;

namespace {

// Through the codec both ways, as a server's bytes would arrive.
Element overTheWire(const Element &e)
{
    const auto encoded = wbxml::encode(e);
    return *wbxml::decode(encoded.bytes).root;
}

AccountSettings account(const QString &version)
{
    AccountSettings a;
    a.url = QStringLiteral("https://mail.example.com");
    a.user = QStringLiteral("u");
    a.deviceId = QStringLiteral("DEV1");
    a.protocolVersion = version;
    a.policyKey = QStringLiteral("1");
    return a;
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

Element fetchAnswer(int status, const QByteArray &data, const QString &type)
{
    Element root(tag::ItemOperations::ItemOperations);
    root.add(tag::ItemOperations::Status, "1");
    auto &fetch = root.add(tag::ItemOperations::Response).add(tag::ItemOperations::Fetch);
    fetch.add(tag::ItemOperations::Status, qint64(status));
    fetch.add(tag::AirSyncBase::FileReference, "att:7");
    if (status == 1) {
        auto &props = fetch.add(tag::ItemOperations::Properties);
        props.add(tag::AirSyncBase::ContentType, type);
        props.add(tag::ItemOperations::Data, data.toBase64());
    }
    return root;
}

} // namespace

class TestAttachmentParsing : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void airSyncBaseForm()
    {
        Element d(tag::AirSync::ApplicationData);
        d.add(tag::Email::Subject, "With files");
        auto &atts = d.add(tag::AirSyncBase::Attachments);
        auto &pdf = atts.add(tag::AirSyncBase::Attachment);
        pdf.add(tag::AirSyncBase::DisplayName, "contract.pdf");
        pdf.add(tag::AirSyncBase::FileReference, "att:12");
        pdf.add(tag::AirSyncBase::Method, "1");
        pdf.add(tag::AirSyncBase::EstimatedDataSize, "2048");
        auto &img = atts.add(tag::AirSyncBase::Attachment);
        img.add(tag::AirSyncBase::DisplayName, "badge.png");
        img.add(tag::AirSyncBase::FileReference, "att:13");
        img.add(tag::AirSyncBase::Method, "1");
        img.add(tag::AirSyncBase::EstimatedDataSize, "120");
        img.add(tag::AirSyncBase::ContentId, "<badge@x>");
        img.add(tag::AirSyncBase::IsInline, "1");
        auto &broken = atts.add(tag::AirSyncBase::Attachment); // no FileReference: listed, not fetchable
        broken.add(tag::AirSyncBase::DisplayName, "ghost.txt");
        const Message m = parseEmail(overTheWire(d), QStringLiteral("1"), QStringLiteral("f"));
        QCOMPARE(m.attachments.size(), 3);
        QCOMPARE(m.attachments.at(2).name, QStringLiteral("ghost.txt"));
        QVERIFY(m.attachments.at(2).fileReference.isEmpty());
        QCOMPARE(m.attachments.at(0), (Attachment{QStringLiteral("contract.pdf"), QStringLiteral("att:12"), 2048, {}, {}, false}));
        QCOMPARE(m.attachments.at(1), (Attachment{QStringLiteral("badge.png"), QStringLiteral("att:13"), 120, {},
                                                  QStringLiteral("badge@x"), true}));
        QVERIFY(m.hasAttachments);
    }

    void inlineOnlyEarnsNoPaperclip()
    {
        Element d(tag::AirSync::ApplicationData);
        auto &img = d.add(tag::AirSyncBase::Attachments).add(tag::AirSyncBase::Attachment);
        img.add(tag::AirSyncBase::DisplayName, "logo.png");
        img.add(tag::AirSyncBase::FileReference, "r1");
        img.add(tag::AirSyncBase::ContentId, "logo");
        img.add(tag::AirSyncBase::IsInline, "1");
        const Message m = parseEmail(overTheWire(d), QStringLiteral("1"), QStringLiteral("f"));
        QCOMPARE(m.attachments.size(), 1);
        QVERIFY(!m.hasAttachments);
    }

    void emailForm()
    {
        Element d(tag::AirSync::ApplicationData);
        auto &atts = d.add(tag::Email::Attachments);
        auto &a = atts.add(tag::Email::Attachment);
        a.add(tag::Email::AttName, "5:3:0/report.pdf");
        a.add(tag::Email::AttSize, "4096");
        a.add(tag::Email::AttMethod, "1");
        auto &b = atts.add(tag::Email::Attachment);
        b.add(tag::Email::AttName, "5:3:1");
        b.add(tag::Email::DisplayName, "photo.jpg");
        b.add(tag::Email::AttSize, "77");
        const Message m = parseEmail(overTheWire(d), QStringLiteral("1"), QStringLiteral("f"));
        QCOMPARE(m.attachments.size(), 2);
        QCOMPARE(m.attachments.at(0).name, QStringLiteral("report.pdf"));
        QCOMPARE(m.attachments.at(0).fileReference, QStringLiteral("5:3:0/report.pdf"));
        QCOMPARE(m.attachments.at(0).size, 4096);
        QCOMPARE(m.attachments.at(1).name, QStringLiteral("photo.jpg"));
        QCOMPARE(m.attachments.at(1).fileReference, QStringLiteral("5:3:1"));
        QVERIFY(m.hasAttachments);
    }

    void fetchRequestAndAnswer()
    {
        const Element request = AttachmentFetchCommand(QStringLiteral("att:7")).request();
        const Element *fetch = request.child(tag::ItemOperations::Fetch);
        QVERIFY(fetch);
        QCOMPARE(fetch->childText(tag::ItemOperations::Store), QStringLiteral("Mailbox"));
        QCOMPARE(fetch->childText(tag::AirSyncBase::FileReference), QStringLiteral("att:7"));
        QVERIFY(!fetch->has(tag::AirSync::CollectionId)); // a FileReference fetch names no folder

        const Element answer = overTheWire(fetchAnswer(1, QByteArray("%PDF-1.4 bytes\0\xff", 16), QStringLiteral("application/pdf")));
        const auto r = AttachmentFetchCommand::parse(&answer);
        QCOMPARE(r.fetchStatus, 1);
        QCOMPARE(r.contentType, QStringLiteral("application/pdf"));
        QCOMPARE(r.data, QByteArray("%PDF-1.4 bytes\0\xff", 16));
        const Element missing = overTheWire(fetchAnswer(15, {}, {}));
        QCOMPARE(AttachmentFetchCommand::parse(&missing).fetchStatus, 15);
    }

    void multiPartReaderStreamsPartOne_data()
    {
        QTest::addColumn<int>("chunk");
        for (int chunk : {1, 3, 7, 20, 4096})
            QTest::newRow(qPrintable(QString::number(chunk))) << chunk;
    }
    void multiPartReaderStreamsPartOne()
    {
        QFETCH(int, chunk);
        const QByteArray wbxml = wbxml::encode(fetchAnswer(15, {}, {})).bytes;
        const QByteArray file("0123456789abcdefghij");
        auto le32 = [](qint32 v) { QByteArray b(4, '\0'); qToLittleEndian(v, b.data()); return b; };
        const QByteArray answer = le32(2) + le32(20) + le32(qint32(wbxml.size())) + le32(qint32(20 + wbxml.size()))
            + le32(qint32(file.size())) + wbxml + file;
        QByteArray written;
        MultiPartReader reader([&](const QByteArray &bytes) { written += bytes; return true; });
        for (qsizetype at = 0; at < answer.size(); at += chunk) {
            QVERIFY(reader.feed(answer.mid(at, chunk)));
            QVERIFY(written.size() <= file.size());
        }
        QVERIFY(reader.isMultiPart());
        QVERIFY(reader.complete());
        QCOMPARE(reader.wbxml(), wbxml);
        QCOMPARE(written, file);
        QCOMPARE(reader.fileLength(), file.size());
    }

    void multiPartReaderPlainAndMalformed()
    {
        const QByteArray wbxml = wbxml::encode(fetchAnswer(1, "abc", QStringLiteral("text/plain"))).bytes;
        MultiPartReader plain([](const QByteArray &) { return true; });
        QVERIFY(plain.feed(wbxml.left(2)));
        QVERIFY(plain.feed(wbxml.mid(2)));
        QVERIFY(!plain.isMultiPart());
        QCOMPARE(plain.wbxml(), wbxml);
        MultiPartReader bad([](const QByteArray &) { return true; });
        QVERIFY(!bad.feed(QByteArray("\x05\0\0\0\x01\0\0\0\x01\0\0\0", 12) + QByteArray(40, 'x')));
        QVERIFY(!bad.error().isEmpty());
    }

    void itemOperationsAt14()
    {
        QTemporaryDir dir;
        FakeTransport transport;
        transport.queue.append(FakeTransport::wbxml(fetchAnswer(1, "hello", QStringLiteral("text/plain"))));
        EasSession session(transport, account(QStringLiteral("14.1")), QStringLiteral("pw"));
        const QString path = dir.filePath(QStringLiteral("hello.txt"));
        const auto r = AttachmentDownloader(session).fetchToFile(QStringLiteral("att:7"), path, {});
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.contentType, QStringLiteral("text/plain"));
        QCOMPARE(readAll(path), QByteArray("hello"));
        QCOMPARE(transport.command(0), QByteArray("ItemOperations"));
        QCOMPARE(transport.header(0, "MS-ASAcceptMultiPart"), QByteArray("T"));
        QCOMPARE(transport.body(0).find({tag::ItemOperations::Fetch})->childText(tag::AirSyncBase::FileReference),
                 QStringLiteral("att:7"));
    }

    void getAttachmentAt12()
    {
        QTemporaryDir dir;
        FakeTransport transport;
        QByteArray bytes(300000, 'x');
        transport.handler = [&](const HttpRequest &request) {
            // The real transport streams; this one proves the sink gets it all.
            HttpResponse r = FakeTransport::status(200, {{"Content-Type", "application/pdf"}});
            r.bodyStreamed = true;
            for (qsizetype at = 0; at < bytes.size(); at += 65536)
                if (!request.bodySink(bytes.mid(at, 65536), bytes.size())) {
                    r.sinkStopped = true;
                    break;
                }
            return r;
        };
        EasSession session(transport, account(QStringLiteral("12.1")), QStringLiteral("pw"));
        const QString path = dir.filePath(QStringLiteral("big.pdf"));
        QList<qint64> seen;
        const auto r = AttachmentDownloader(session).fetchToFile(QStringLiteral("att:7 & more"), path,
                                                                  [&](qint64 received, qint64) { seen.append(received); return true; });
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(readAll(path), bytes);
        QCOMPARE(seen.last(), bytes.size());
        QVERIFY(seen.size() > 3);
        QCOMPARE(transport.command(0), QByteArray("GetAttachment"));
        QCOMPARE(QUrlQuery(transport.requests.at(0).url).queryItemValue(QStringLiteral("AttachmentName"), QUrl::FullyDecoded),
                 QStringLiteral("att:7 & more"));
        QVERIFY(transport.requests.at(0).body.isEmpty());
    }

    void cancelLeavesNoFile()
    {
        QTemporaryDir dir;
        FakeTransport transport;
        transport.handler = [&](const HttpRequest &request) {
            HttpResponse r = FakeTransport::status(200);
            r.bodyStreamed = true;
            for (int i = 0; i < 10; ++i)
                if (!request.bodySink(QByteArray(1000, 'y'), 10000)) {
                    r.sinkStopped = true;
                    break;
                }
            return r;
        };
        EasSession session(transport, account(QStringLiteral("12.1")), QStringLiteral("pw"));
        const QString path = dir.filePath(QStringLiteral("keep.bin"));
        {
            QFile existing(path);
            QVERIFY(existing.open(QIODevice::WriteOnly));
            existing.write("the user's own file");
        }
        const auto r = AttachmentDownloader(session).fetchToFile(QStringLiteral("r"), path,
                                                                  [](qint64 received, qint64) { return received < 3000; });
        QVERIFY(!r.ok);
        QVERIFY(r.cancelled);
        QCOMPARE(readAll(path), QByteArray("the user's own file")); // untouched
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList{QStringLiteral("keep.bin")});
    }

    void failuresLeaveNoFile_data()
    {
        QTest::addColumn<QString>("version");
        QTest::addColumn<int>("http");
        QTest::addColumn<QString>("expected");
        QTest::newRow("12.1 404") << QStringLiteral("12.1") << 404 << QStringLiteral("no longer has");
        QTest::newRow("14.1 status 15") << QStringLiteral("14.1") << 0 << QStringLiteral("no longer has");
        QTest::newRow("14.1 HTTP 403") << QStringLiteral("14.1") << 403 << QStringLiteral("does not allow");
    }
    void failuresLeaveNoFile()
    {
        QFETCH(QString, version);
        QFETCH(int, http);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        FakeTransport transport;
        transport.handler = [&](const HttpRequest &) {
            return http ? FakeTransport::status(http) : FakeTransport::wbxml(fetchAnswer(15, {}, {}));
        };
        EasSession session(transport, account(version), QStringLiteral("pw"));
        const QString path = dir.filePath(QStringLiteral("x.pdf"));
        const auto r = AttachmentDownloader(session).fetchToFile(QStringLiteral("att:1"), path, {});
        QVERIFY(!r.ok);
        QVERIFY2(r.error.contains(expected), qPrintable(r.error));
        QVERIFY(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).isEmpty());
    }

    void badTargetsAreRefused()
    {
        QTemporaryDir dir;
        FakeTransport transport;
        EasSession session(transport, account(QStringLiteral("14.1")), QStringLiteral("pw"));
        AttachmentDownloader downloader(session);
        QVERIFY(downloader.fetchToFile(QStringLiteral("r"), dir.path(), {}).error.contains(QStringLiteral("folder")));
        QVERIFY(!downloader.fetchToFile(QStringLiteral("r"), dir.filePath(QStringLiteral("no/such/dir/x")), {}).ok);
        QVERIFY(downloader.fetchToFile(QString(), dir.filePath(QStringLiteral("x")), {}).error.contains(QStringLiteral("reference")));
        QVERIFY(transport.requests.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestAttachmentParsing)
#include "tst_attachmentparsing.moc"
