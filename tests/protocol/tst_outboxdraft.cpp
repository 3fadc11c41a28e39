// A message waiting in the outbox back in the composer's form
// (eas::draftFromOutboxMime): what composeMime wrote comes back field by
// field, attachments as private files with the same bytes.
#include "MimeComposer.h"
#include "OutboxDraft.h"
#include "PrivateFiles.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace skein;
using namespace skein::eas;

class TestOutboxDraft : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    static OutboxEntry entryFor(const OutgoingMessage &m)
    {
        const ComposedMime composed = composeMime(m);
        if (!composed.ok())
            qWarning() << composed.error;
        OutboxEntry e;
        e.id = 42;
        e.kind = OutboxKind::Reply;
        e.sourceMessageId = 7;
        e.mime = composed.mime;
        e.subject = m.subject;
        e.created = QDateTime::currentDateTimeUtc();
        return e;
    }

private Q_SLOTS:
    void everyFieldComesBack()
    {
        OutgoingMessage m;
        m.from = QStringLiteral("Me <me@skein.test>");
        m.to = {QStringLiteral("Jürgen Groß <j@skein.test>"), QStringLiteral("bob@skein.test")};
        m.cc = {QStringLiteral("carol@skein.test")};
        m.bcc = {QStringLiteral("hidden@skein.test")};
        m.subject = QStringLiteral("RE: Grüße und Pläne");
        m.plainBody = QStringLiteral("Hallo,\nbis morgen.\n\n> quoted line\n");
        m.htmlBody = QStringLiteral("<p>Hallo, <b>bis morgen</b>.</p>");
        const QByteArray pdf("%PDF-1.4\n\x00\x01\x02 binary \xff", 24);
        m.attachments = {{{}, QStringLiteral("Vertrag für Jürgen.pdf"), QStringLiteral("application/pdf"), pdf},
                         {{}, QStringLiteral("notes.txt"), QStringLiteral("text/plain"), QByteArray("line 1\r\nline 2\r\n")}};
        const QString dir = m_dir.filePath(QStringLiteral("att"));
        const OutboxDraft read = draftFromOutboxMime(entryFor(m), dir);
        QVERIFY2(read.ok(), qPrintable(read.error));
        const DraftEntry &d = read.draft;
        QCOMPARE(d.outboxId, 42);
        QCOMPARE(d.kind, OutboxKind::Reply);
        QCOMPARE(d.sourceMessageId, 7);
        QCOMPARE(d.to, m.to);
        QCOMPARE(d.cc, m.cc);
        QCOMPARE(d.bcc, m.bcc);
        QCOMPARE(d.subject, m.subject);
        // LF line ends; a final line break is the transfer's, not kept.
        QCOMPARE(d.plainBody, m.plainBody.chopped(1));
        QCOMPARE(d.htmlBody, m.htmlBody);
        QCOMPARE(d.attachments.size(), 2);
        QCOMPARE(d.attachments.at(0).name, QStringLiteral("Vertrag für Jürgen.pdf"));
        QCOMPARE(d.attachments.at(0).contentType, QStringLiteral("application/pdf"));
        QCOMPARE(d.attachments.at(0).size, pdf.size());
        QFile file(d.attachments.at(0).path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), pdf);
        QCOMPARE(d.attachments.at(1).name, QStringLiteral("notes.txt"));
        QFile text(d.attachments.at(1).path);
        QVERIFY(text.open(QIODevice::ReadOnly));
        QCOMPARE(text.readAll(), QByteArray("line 1\r\nline 2\r\n"));
        QCOMPARE(test::fileMode(dir), 0700);
        QCOMPARE(test::fileMode(d.attachments.at(0).path), 0600);
    }

    void plainTextOnlyAndNoAttachments()
    {
        OutgoingMessage m;
        m.from = QStringLiteral("me@skein.test");
        m.to = {QStringLiteral("a@skein.test")};
        m.subject = QStringLiteral("Hi");
        m.plainBody = QStringLiteral("Just text.");
        const OutboxDraft read = draftFromOutboxMime(entryFor(m), m_dir.filePath(QStringLiteral("none")));
        QVERIFY(read.ok());
        QCOMPARE(read.draft.plainBody, m.plainBody);
        QVERIFY(read.draft.htmlBody.isEmpty());
        QVERIFY(read.draft.attachments.isEmpty());
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("none")))); // no folder for nothing
    }

    void sameFileNameTwiceKeepsBoth()
    {
        OutgoingMessage m;
        m.from = QStringLiteral("me@skein.test");
        m.to = {QStringLiteral("a@skein.test")};
        m.plainBody = QStringLiteral("x");
        m.attachments = {{{}, QStringLiteral("a.txt"), {}, QByteArray("one")},
                         {{}, QStringLiteral("a.txt"), {}, QByteArray("two")},
                         {{}, QStringLiteral("../escape.txt"), {}, QByteArray("three")}};
        const QString dir = m_dir.filePath(QStringLiteral("twice"));
        const OutboxDraft read = draftFromOutboxMime(entryFor(m), dir);
        QVERIFY2(read.ok(), qPrintable(read.error));
        QCOMPARE(read.draft.attachments.size(), 3);
        QVERIFY(read.draft.attachments.at(0).path != read.draft.attachments.at(1).path);
        for (const DraftAttachment &a : read.draft.attachments)
            QVERIFY2(a.path.startsWith(dir + QLatin1Char('/')), qPrintable(a.path));
    }

    void unreadableMimeSaysSo()
    {
        OutboxEntry e;
        e.id = 3;
        QVERIFY(!draftFromOutboxMime(e, m_dir.filePath(QStringLiteral("bad"))).ok());
    }
};

QTEST_GUILESS_MAIN(TestOutboxDraft)
#include "tst_outboxdraft.moc"
