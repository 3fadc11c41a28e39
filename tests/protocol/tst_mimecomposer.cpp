// MimeComposer: what Skein sends is MIME that GMime (and the reference
// server's parser) reads back as written: headers with encoded words, the
// sender's domain in Message-ID, threading headers, text/plain or
// multipart/alternative, multipart/mixed with base64 attachments whose
// non-ASCII file names use RFC 2231, and clear errors for bad input.
#include "MimeComposer.h"

#include "ConversationIndex.h"
#include "MimeParser.h"

#include <QTemporaryDir>
#include <QTest>

#include <gmime/gmime.h>

using namespace skein;
using namespace skein::eas;

namespace {

OutgoingMessage simple()
{
    OutgoingMessage m;
    m.from = QStringLiteral("Demo User <demo@skein.test>");
    m.to = {QStringLiteral("Alice <alice@skein.test>")};
    m.cc = {QStringLiteral("bob@skein.test")};
    m.bcc = {QStringLiteral("carol@outside.example")};
    m.subject = QStringLiteral("Grüße aus Köln");
    m.plainBody = QStringLiteral("Hallo Alice,\nbis später – Demo\n");
    m.date = QDateTime(QDate(2026, 12, 5), QTime(9, 30), Qt::UTC);
    return m;
}

// The MIME tree as "type/subtype" strings, depth first.
void structureOf(GMimeObject *object, QStringList *out, int depth = 0)
{
    GMimeContentType *type = g_mime_object_get_content_type(object);
    out->append(QString(depth * 2, QLatin1Char(' ')) + QString::fromUtf8(g_mime_content_type_get_mime_type(type)));
    if (GMIME_IS_MULTIPART(object)) {
        GMimeMultipart *multipart = GMIME_MULTIPART(object);
        for (int i = 0; i < g_mime_multipart_get_count(multipart); ++i)
            structureOf(g_mime_multipart_get_part(multipart, i), out, depth + 1);
    }
}

struct Parsed {
    GMimeMessage *message = nullptr;
    ~Parsed()
    {
        if (message)
            g_object_unref(message);
    }
    QByteArray header(const char *name) const
    {
        const char *value = g_mime_object_get_header(GMIME_OBJECT(message), name);
        return value ? QByteArray(value) : QByteArray();
    }
    QStringList structure() const
    {
        QStringList out;
        structureOf(g_mime_message_get_mime_part(message), &out);
        return out;
    }
};

void parse(const QByteArray &mime, Parsed *parsed)
{
    g_mime_init();
    GMimeStream *stream = g_mime_stream_mem_new_with_buffer(mime.constData(), size_t(mime.size()));
    GMimeParser *parser = g_mime_parser_new_with_stream(stream);
    parsed->message = g_mime_parser_construct_message(parser, nullptr);
    g_object_unref(parser);
    g_object_unref(stream);
}

QByteArray rawHeaderBlock(const QByteArray &mime)
{
    return mime.left(mime.indexOf("\r\n\r\n"));
}

} // namespace

class TestMimeComposer : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    QString writeFile(const QString &name, const QByteArray &data)
    {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(data) != data.size())
            return {};
        return path;
    }

private Q_SLOTS:
    void headersRoundTrip()
    {
        const ComposedMime composed = composeMime(simple());
        QVERIFY2(composed.ok(), qPrintable(composed.error));
        const QByteArray headers = rawHeaderBlock(composed.mime);
        // Non-ASCII travels as encoded words, never raw 8-bit in a header.
        QVERIFY2(headers.contains("Subject: =?"), headers.constData());
        for (const char c : headers)
            QVERIFY(uchar(c) < 0x80);
        QVERIFY(composed.mime.contains("\r\n")); // CRLF line ends

        const auto mail = skein::server::parseMime(composed.mime);
        QVERIFY(mail);
        QCOMPARE(mail->subject, QStringLiteral("Grüße aus Köln"));
        QCOMPARE(mail->from.size(), 1);
        QCOMPARE(mail->from.first().address, QStringLiteral("demo@skein.test"));
        QCOMPARE(mail->to.first().address, QStringLiteral("alice@skein.test"));
        QCOMPARE(mail->to.first().name, QStringLiteral("Alice"));
        QCOMPARE(mail->cc.first().address, QStringLiteral("bob@skein.test"));
        // Bcc stays in the MIME: EAS servers read the recipients from it.
        QCOMPARE(mail->bcc.first().address, QStringLiteral("carol@outside.example"));
        QCOMPARE(mail->date, QDateTime(QDate(2026, 12, 5), QTime(9, 30), Qt::UTC));
        // Text parts travel with CRLF line ends, like every MIME line.
        QCOMPARE(mail->body.trimmed(), QStringLiteral("Hallo Alice,\r\nbis später – Demo"));
        // Message-ID at the sender's domain, returned without brackets.
        QVERIFY(composed.messageId.endsWith(QLatin1String("@skein.test")));
        QCOMPARE(mail->messageId, QLatin1Char('<') + composed.messageId + QLatin1Char('>'));
    }

    void plainTextIsUtf8QuotedPrintable()
    {
        const ComposedMime composed = composeMime(simple());
        Parsed parsed;
        parse(composed.mime, &parsed);
        QVERIFY(parsed.message);
        QCOMPARE(parsed.structure(), QStringList{QStringLiteral("text/plain")});
        QVERIFY(composed.mime.contains("charset=utf-8"));
        QVERIFY(composed.mime.contains("Content-Transfer-Encoding: quoted-printable"));
    }

    void htmlMakesAlternative()
    {
        OutgoingMessage m = simple();
        m.htmlBody = QStringLiteral("<p>Hallo <b>Alice</b></p>");
        const ComposedMime composed = composeMime(m);
        Parsed parsed;
        parse(composed.mime, &parsed);
        QCOMPARE(parsed.structure(),
                 (QStringList{QStringLiteral("multipart/alternative"), QStringLiteral("  text/plain"), QStringLiteral("  text/html")}));
    }

    void attachmentsMakeMixedWithRfc2231Names()
    {
        QByteArray pdf("%PDF-1.4\n");
        pdf.append(QByteArray(3000, '\0')).append("\xff\xfe binary");
        const QString first = writeFile(QStringLiteral("Vertrag für Jürgen.pdf"), pdf);
        const QString second = writeFile(QStringLiteral("notes.txt"), "plain notes\n");
        QVERIFY(!first.isEmpty() && !second.isEmpty());
        OutgoingMessage m = simple();
        m.htmlBody = QStringLiteral("<p>see attached</p>");
        m.attachments = {{first, {}, {}, {}}, {second, {}, {}, {}}};
        const ComposedMime composed = composeMime(m);
        QVERIFY2(composed.ok(), qPrintable(composed.error));
        Parsed parsed;
        parse(composed.mime, &parsed);
        QCOMPARE(parsed.structure(),
                 (QStringList{QStringLiteral("multipart/mixed"), QStringLiteral("  multipart/alternative"),
                              QStringLiteral("    text/plain"), QStringLiteral("    text/html"),
                              QStringLiteral("  application/pdf"), QStringLiteral("  text/plain")}));
        // RFC 2231: filename*=utf-8''Vertrag%20f%C3%BCr...
        QVERIFY2(composed.mime.contains("filename*=utf-8''Vertrag%20f%C3%BCr%20J%C3%BCrgen.pdf")
                     || composed.mime.contains("filename*=UTF-8''Vertrag%20f%C3%BCr%20J%C3%BCrgen.pdf"),
                 composed.mime.left(4000).constData());
        QVERIFY(composed.mime.contains("Content-Transfer-Encoding: base64"));
        const auto mail = skein::server::parseMime(composed.mime);
        QVERIFY(mail);
        QCOMPARE(mail->attachments.size(), 2);
        QCOMPARE(mail->attachments.at(0).name, QStringLiteral("Vertrag für Jürgen.pdf"));
        QCOMPARE(mail->attachments.at(0).data, pdf);
        QCOMPARE(mail->attachments.at(1).name, QStringLiteral("notes.txt"));
        QCOMPARE(mail->attachments.at(1).data, QByteArray("plain notes\n"));
    }

    void threadingHeaders()
    {
        const QByteArray parentIndex = ConversationIndex::makeHeader(QDateTime(QDate(2026, 12, 1), QTime(8, 0), Qt::UTC))
            + QByteArray::fromHex("0000000011");
        OutgoingMessage m = simple();
        m.inReplyTo = QStringLiteral("parent@example.com");
        m.references = {QStringLiteral("root@example.com"), QStringLiteral("parent@example.com")};
        m.threadTopic = QStringLiteral("Grüße aus Köln");
        m.threadIndex = ConversationIndex::appendReply(parentIndex, m.date, 7);
        const ComposedMime composed = composeMime(m);
        Parsed parsed;
        parse(composed.mime, &parsed);
        QCOMPARE(parsed.header("In-Reply-To").trimmed(), QByteArray("<parent@example.com>"));
        QCOMPARE(parsed.header("References").simplified(), QByteArray("<root@example.com> <parent@example.com>"));
        const QByteArray threadIndex = QByteArray::fromBase64(parsed.header("Thread-Index").trimmed());
        QCOMPARE(threadIndex.size(), parentIndex.size() + 5);
        QVERIFY(threadIndex.startsWith(parentIndex));
        QCOMPARE(ConversationIndex(threadIndex).depth(), ConversationIndex(parentIndex).depth() + 1);
        const auto mail = skein::server::parseMime(composed.mime);
        QCOMPARE(mail->threadTopic, QStringLiteral("Grüße aus Köln"));
        QCOMPARE(mail->inReplyTo, QStringList{QStringLiteral("<parent@example.com>")});
    }

    void badInputIsRefusedWithReason_data()
    {
        QTest::addColumn<QStringList>("to");
        QTest::addColumn<QString>("from");
        QTest::addColumn<QString>("attachment");
        QTest::addColumn<QString>("reason");
        QTest::newRow("no recipient") << QStringList{} << QStringLiteral("demo@skein.test") << QString()
                                      << QStringLiteral("no recipient");
        QTest::newRow("not an address") << QStringList{QStringLiteral("alice")} << QStringLiteral("demo@skein.test")
                                        << QString() << QStringLiteral("'alice' is not an email address");
        QTest::newRow("no sender") << QStringList{QStringLiteral("alice@skein.test")} << QString() << QString()
                                   << QStringLiteral("sender");
        QTest::newRow("missing attachment") << QStringList{QStringLiteral("alice@skein.test")}
                                            << QStringLiteral("demo@skein.test") << QStringLiteral("/nonexistent/x.pdf")
                                            << QStringLiteral("cannot read the attachment '/nonexistent/x.pdf'");
    }

    void badInputIsRefusedWithReason()
    {
        QFETCH(QStringList, to);
        QFETCH(QString, from);
        QFETCH(QString, attachment);
        QFETCH(QString, reason);
        OutgoingMessage m;
        m.from = from;
        m.to = to;
        m.subject = QStringLiteral("x");
        if (!attachment.isEmpty())
            m.attachments = {{attachment, {}, {}, {}}};
        const ComposedMime composed = composeMime(m);
        QVERIFY(!composed.ok());
        QVERIFY(composed.mime.isEmpty());
        QVERIFY2(composed.error.contains(reason), qPrintable(composed.error));
    }

    void messageIdDomainFollowsTheSender()
    {
        QVERIFY(newMessageId(QStringLiteral("lena@Example.ORG")).endsWith(QLatin1String("@example.org")));
        QVERIFY(newMessageId(QStringLiteral("nobody")).endsWith(QLatin1String("@skein.invalid")));
        QVERIFY(newMessageId(QStringLiteral("a@b.c")) != newMessageId(QStringLiteral("a@b.c")));
    }

    void addressListsParseAndFormat()
    {
        const QList<MailboxAddress> list =
            parseAddressList(QStringLiteral("\"Fischer, Lena\" <lena@example.org>, bob@skein.test"));
        QCOMPARE(list.size(), 2);
        QCOMPARE(list.at(0).name, QStringLiteral("Fischer, Lena"));
        QCOMPARE(list.at(0).address, QStringLiteral("lena@example.org"));
        QCOMPARE(formatAddress(list.at(0)), QStringLiteral("\"Fischer, Lena\" <lena@example.org>"));
        QCOMPARE(formatAddress(list.at(1)), QStringLiteral("bob@skein.test"));
    }
};

QTEST_GUILESS_MAIN(TestMimeComposer)
#include "tst_mimecomposer.moc"
