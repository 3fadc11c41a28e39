// Attachments on the reference server: listed in Sync (airsyncbase:
// Attachments at 12.1, 14.1 and 16.1, inline parts with ContentId and
// IsInline), fetched by ItemOperations FileReference (14.0+) and by 12.x
// GetAttachment (raw bytes), and the demo mailbox's real PDF and PNG.
#include "ServerTestSupport.h"

#include <DemoAttachments.h>
#include <MimeParser.h>
#include <MimeWriter.h>

#include <QRegularExpression>
#include <QtEndian>

using namespace skein::test;

namespace {

struct Listed {
    QString name;
    QString fileReference;
    QString method;
    qint64 size = 0;
    QString contentId;
    bool isInline = false;
};

// Every Add of the folder (whole first sync), by subject: its attachments.
QHash<QString, QList<Listed>> attachmentsBySubject(EasTestClient &c, const QString &folderId)
{
    QHash<QString, QList<Listed>> out;
    QString key = EasTestClient::collection(c.sync(QStringLiteral("0"), folderId))->childText(tag::AirSync::SyncKey);
    EasTestClient::SyncOptions o;
    o.windowSize = 100;
    for (int page = 0; page < 20; ++page) {
        const EasResponse r = c.sync(key, folderId, o);
        const Element *col = EasTestClient::collection(r);
        if (!col)
            break;
        for (const Element *add : syncItems(r, tag::AirSync::Add)) {
            const Element *data = add->child(tag::AirSync::ApplicationData);
            QList<Listed> list;
            if (const Element *atts = data->child(tag::AirSyncBase::Attachments))
                for (const Element *a : atts->all(tag::AirSyncBase::Attachment))
                    list.append({a->childText(tag::AirSyncBase::DisplayName), a->childText(tag::AirSyncBase::FileReference),
                                 a->childText(tag::AirSyncBase::Method),
                                 a->childText(tag::AirSyncBase::EstimatedDataSize).toLongLong(),
                                 a->childText(tag::AirSyncBase::ContentId),
                                 a->childText(tag::AirSyncBase::IsInline) == QLatin1String("1")});
            out.insert(data->childText(tag::Email::Subject), list);
        }
        key = col->childText(tag::AirSync::SyncKey);
        if (!col->has(tag::AirSync::MoreAvailable))
            break;
    }
    return out;
}

Element fetchByReference(const QString &reference)
{
    Element req(tag::ItemOperations::ItemOperations);
    auto &fetch = req.add(tag::ItemOperations::Fetch);
    fetch.add(tag::ItemOperations::Store, "Mailbox");
    fetch.add(tag::AirSyncBase::FileReference, reference);
    return req;
}

// Every object's byte offset in the xref table is where "N 0 obj" starts.
bool xrefMatches(const QByteArray &pdf)
{
    const qsizetype xref = pdf.lastIndexOf("\nxref\n") + 1;
    const qsizetype start = pdf.lastIndexOf("startxref\n");
    if (xref <= 0 || start < 0 || pdf.mid(start + 10).split('\n').value(0).toLongLong() != xref)
        return false;
    const QList<QByteArray> lines = pdf.mid(xref).split('\n');
    const int count = lines.value(1).split(' ').value(1).toInt();
    for (int i = 1; i < count; ++i) {
        const qsizetype offset = lines.value(2 + i).left(10).toLongLong();
        if (!pdf.mid(offset).startsWith(QByteArray::number(i) + " 0 obj"))
            return false;
    }
    return count > 1;
}

} // namespace

class TestServerAttachments : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QVERIFY(f.setUp()); }

    void demoPdfIsValid()
    {
        const QByteArray pdf = skein::server::demo::minimalPdf(QStringLiteral("Contract (signed) \\ test"));
        QVERIFY(pdf.startsWith("%PDF-1.4\n"));
        QVERIFY(pdf.endsWith("%%EOF\n"));
        QVERIFY(xrefMatches(pdf));
        QVERIFY(pdf.contains("(Contract \\(signed\\) \\\\ test) Tj"));
    }

    void demoPngIsValid()
    {
        const QByteArray png = skein::server::demo::solidPng(4, 3, 0x112233);
        QVERIFY(png.startsWith("\x89PNG\r\n\x1a\n"));
        QVERIFY(png.endsWith(QByteArray("IEND\xae\x42\x60\x82", 8))); // IEND's fixed CRC
        QCOMPARE(png.mid(16, 8), QByteArray("\0\0\0\x04\0\0\0\x03", 8)); // width, height
    }

    void syncListsAttachments_data()
    {
        QTest::addColumn<QByteArray>("version");
        QTest::newRow("12.1") << QByteArray("12.1");
        QTest::newRow("14.1") << QByteArray("14.1");
        QTest::newRow("16.1") << QByteArray("16.1");
    }
    void syncListsAttachments()
    {
        QFETCH(QByteArray, version);
        auto c = f.client(QStringLiteral("demo"), QStringLiteral("ATT") + QString::fromLatin1(version).remove('.'), version);
        QVERIFY(c);
        const auto bySubject = attachmentsBySubject(*c, f.folderId(QStringLiteral("demo"), QStringLiteral("Inbox")));
        const QList<Listed> contract = bySubject.value(QStringLiteral("Signed contract (PDF)"));
        QCOMPARE(contract.size(), 1);
        QCOMPARE(contract.first().name, QStringLiteral("contract.pdf"));
        QCOMPARE(contract.first().method, QStringLiteral("1"));
        QVERIFY(contract.first().fileReference.startsWith(QLatin1String("att:")));
        QVERIFY(contract.first().size > 500);
        QVERIFY(contract.first().contentId.isEmpty());
        QVERIFY(!contract.first().isInline);

        const QList<Listed> newsletter = bySubject.value(QStringLiteral("Northwind Weekly: launch countdown"));
        QCOMPARE(newsletter.size(), 1);
        QCOMPARE(newsletter.first().name, QStringLiteral("launch-badge.png"));
        QCOMPARE(newsletter.first().contentId, QStringLiteral("launch-badge@northwind.example"));
        QVERIFY(newsletter.first().isInline);
        // Mail without attachments lists none (no empty container).
        QVERIFY(bySubject.value(QStringLiteral("Welcome to Northwind")).isEmpty());
        m_reference = contract.first().fileReference;
        m_size = contract.first().size;
    }

    void itemOperationsFetchesByFileReference()
    {
        QVERIFY(!m_reference.isEmpty());
        auto c = f.client(QStringLiteral("demo"), QStringLiteral("ATTFETCH"), "14.1");
        QVERIFY(c);
        const EasResponse r = c->post(QStringLiteral("ItemOperations"), fetchByReference(m_reference));
        QCOMPARE(r.http, 200);
        QCOMPARE(r.top(tag::ItemOperations::Status), QStringLiteral("1"));
        const Element *fetch = r.doc->find({tag::ItemOperations::Response, tag::ItemOperations::Fetch});
        QVERIFY(fetch);
        QCOMPARE(fetch->childText(tag::ItemOperations::Status), QStringLiteral("1"));
        QCOMPARE(fetch->childText(tag::AirSyncBase::FileReference), m_reference);
        const Element *props = fetch->child(tag::ItemOperations::Properties);
        QVERIFY(props);
        QCOMPARE(props->childText(tag::AirSyncBase::ContentType), QStringLiteral("application/pdf"));
        const QByteArray pdf = QByteArray::fromBase64(props->child(tag::ItemOperations::Data)->data());
        QCOMPARE(qint64(pdf.size()), m_size);
        QVERIFY(pdf.startsWith("%PDF-"));
        QVERIFY(pdf.trimmed().endsWith("%%EOF"));
        QVERIFY(xrefMatches(pdf));
        m_pdf = pdf;
    }

    void itemOperationsMultiPart()
    {
        QVERIFY(!m_pdf.isEmpty());
        auto c = f.client(QStringLiteral("demo"), QStringLiteral("ATTMULTI"), "16.1");
        QVERIFY(c);
        c->extraHeaders = {{"MS-ASAcceptMultiPart", "T"}};
        const EasResponse r = c->post(QStringLiteral("ItemOperations"), fetchByReference(m_reference));
        QCOMPARE(r.http, 200);
        QCOMPARE(r.header("Content-Type"), QByteArray("application/vnd.ms-sync.multipart"));
        // PartsCount, then Offset/Length per part, little-endian; part 0 the WBXML.
        const QByteArray &b = r.body;
        auto le32 = [&](int at) { return qFromLittleEndian<qint32>(b.constData() + at); };
        QCOMPARE(le32(0), 2);
        const qint32 wbxmlAt = le32(4), wbxmlLength = le32(8), fileAt = le32(12), fileLength = le32(16);
        QCOMPARE(wbxmlAt, 20);
        QCOMPARE(fileAt, wbxmlAt + wbxmlLength);
        QCOMPARE(fileAt + fileLength, b.size());
        QCOMPARE(b.mid(fileAt, fileLength), m_pdf);
        const auto doc = skein::wbxml::decode(b.mid(wbxmlAt, wbxmlLength));
        QVERIFY(doc.ok());
        const Element *props = doc.root->find({tag::ItemOperations::Response, tag::ItemOperations::Fetch,
                                               tag::ItemOperations::Properties});
        QVERIFY(props);
        QCOMPARE(props->childText(tag::ItemOperations::Part), QStringLiteral("1"));
        QVERIFY(!props->has(tag::ItemOperations::Data));
        QCOMPARE(props->childText(tag::AirSyncBase::ContentType), QStringLiteral("application/pdf"));
    }

    void itemOperationsUnknownReferenceIs15()
    {
        auto c = f.client(QStringLiteral("demo"), QStringLiteral("ATTFETCHBAD"), "14.1");
        QVERIFY(c);
        for (const QString &bad : {QStringLiteral("att:999999"), QStringLiteral("nonsense"), QStringLiteral("att:-1")}) {
            const EasResponse r = c->post(QStringLiteral("ItemOperations"), fetchByReference(bad));
            const Element *fetch = r.doc->find({tag::ItemOperations::Response, tag::ItemOperations::Fetch});
            QVERIFY(fetch);
            QCOMPARE(fetch->childText(tag::ItemOperations::Status), QStringLiteral("15"));
        }
    }

    void anotherUsersAttachmentIsNotFound()
    {
        QVERIFY(!m_reference.isEmpty());
        auto c = f.client(QStringLiteral("alice"), QStringLiteral("ATTALICE"), "14.1");
        QVERIFY(c);
        const EasResponse r = c->post(QStringLiteral("ItemOperations"), fetchByReference(m_reference));
        QCOMPARE(r.doc->find({tag::ItemOperations::Response, tag::ItemOperations::Fetch})
                     ->childText(tag::ItemOperations::Status), QStringLiteral("15"));
    }

    void getAttachmentAnswersRawBytes()
    {
        QVERIFY(!m_pdf.isEmpty());
        auto c = f.client(QStringLiteral("demo"), QStringLiteral("ATTGET121"), "12.1");
        QVERIFY(c);
        const EasResponse r = c->postMime(QStringLiteral("GetAttachment"), {}, {{QStringLiteral("AttachmentName"), m_reference}});
        QCOMPARE(r.http, 200);
        QCOMPARE(r.header("Content-Type"), QByteArray("application/pdf"));
        QCOMPARE(r.body, m_pdf);
    }

    void getAttachmentRefusals()
    {
        auto old = f.client(QStringLiteral("demo"), QStringLiteral("ATTGETBAD"), "12.1");
        QVERIFY(old);
        QCOMPARE(old->postMime(QStringLiteral("GetAttachment"), {}, {{QStringLiteral("AttachmentName"), QStringLiteral("att:999999")}}).http, 404);
        QCOMPARE(old->postMime(QStringLiteral("GetAttachment"), {}).http, 404);
        auto modern = f.client(QStringLiteral("demo"), QStringLiteral("ATTGET141"), "14.1");
        QVERIFY(modern);
        QCOMPARE(modern->postMime(QStringLiteral("GetAttachment"), {}, {{QStringLiteral("AttachmentName"), m_reference}}).http, 400);
    }

    void inlineImageSurvivesMime()
    {
        // What the server writes (Type 4, deliveries) and reads back keeps
        // an inline part's Content-ID and disposition, and a file stays a file.
        skein::server::MessageRow m;
        m.from = QStringLiteral("a@skein.test");
        m.to = QStringLiteral("b@skein.test");
        m.subject = QStringLiteral("Badge");
        m.bodyType = 2;
        m.body = QStringLiteral("<p><img src=\"cid:badge@x\"></p>");
        skein::server::AttachmentRow badge{0, 0, QStringLiteral("badge.png"), QStringLiteral("image/png"),
                                           skein::server::demo::solidPng(2, 2, 0xff0000)};
        badge.contentId = QStringLiteral("badge@x");
        badge.isInline = true;
        m.attachments = {badge, {0, 0, QStringLiteral("contract.pdf"), QStringLiteral("application/pdf"),
                                 skein::server::demo::minimalPdf(QStringLiteral("x"))}};
        const auto parsed = skein::server::parseMime(skein::server::buildMime(m, {}, {}));
        QVERIFY(parsed);
        QCOMPARE(parsed->attachments.size(), 2);
        QCOMPARE(parsed->attachments.at(0).contentId, QStringLiteral("badge@x"));
        QVERIFY(parsed->attachments.at(0).isInline);
        QCOMPARE(parsed->attachments.at(0).data, badge.data);
        QVERIFY(parsed->attachments.at(1).contentId.isEmpty());
        QVERIFY(!parsed->attachments.at(1).isInline);
        QVERIFY(parsed->attachments.at(1).data.startsWith("%PDF-"));
    }

private:
    MailServerFixture f;
    QString m_reference;
    qint64 m_size = 0;
    QByteArray m_pdf;
};

QTEST_GUILESS_MAIN(TestServerAttachments)
#include "tst_server_attachments.moc"
