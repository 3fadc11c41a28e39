// Writing mail, accepted against both kinds of server: the reference server
// (16.1 and 12.1) and a real SOGo 5.8 (14.1 and 12.1), from the same seed
// (tests/data/sogo-seed). Everything goes through separate skein-cli
// processes, as a user of the command line would: a reply to a message in the
// middle of a thread, a forward of a message with an attachment, a new mail
// with an attachment to one's own address, and saving attachments.
//
// What reaches the server is checked where each server shows it: SOGo hands
// every message to its SMTP sink (the files in $SKEIN_INTEROP_STATE/outbox),
// so the MIME must keep In-Reply-To / References and the attachment bytes;
// the reference server threads what it receives (skein-server dump --json:
// the Sent Items copy's parent is the message answered). On both, the mail
// sent to oneself comes back into the Inbox and its attachment is saved with
// the same bytes.
//
// Rows sogo-*: skip without SKEIN_SOGO_URL (fail when CI is set);
// tests/interop/sogo/run-interop.sh provides it. Each reseeds SOGo before and
// after itself.
#include "ProcessRun.h"
#include "ServerState.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

using namespace acceptance;

namespace {

QString env(const char *name, const QString &fallback = {})
{
    const QString value = qEnvironmentVariable(name);
    return value.isEmpty() ? fallback : value;
}

// Every message of a conversations --json answer, with its parent's id.
void flatten(const QJsonArray &nodes, qint64 parentId, QList<QJsonObject> *out)
{
    for (const QJsonValue &n : nodes) {
        QJsonObject o = n.toObject();
        o[QStringLiteral("parentId")] = double(parentId);
        out->append(o);
        flatten(o[QStringLiteral("children")].toArray(), qint64(o[QStringLiteral("id")].toDouble()), out);
    }
}

// The decoded bytes of the base64 part whose file name is name, in one
// RFC 5322 message; empty when there is none.
QByteArray attachmentBytes(const QByteArray &mime, const QString &name)
{
    const QByteArray text = QByteArray(mime).replace("\r\n", "\n");
    const QRegularExpression fileName(QStringLiteral("filename=\"?%1\"?[ \\t]*$").arg(QRegularExpression::escape(name)),
                                      QRegularExpression::MultilineOption);
    const auto match = fileName.match(QString::fromLatin1(text));
    if (!match.hasMatch())
        return {};
    const qsizetype bodyStart = text.indexOf("\n\n", match.capturedEnd());
    if (bodyStart < 0)
        return {};
    QByteArray base64;
    for (const QByteArray &line : text.mid(bodyStart + 2).split('\n')) {
        if (line.isEmpty() || line.startsWith("--"))
            break;
        base64 += line.trimmed();
    }
    return QByteArray::fromBase64(base64);
}

// A header's value, folded lines joined; empty when absent.
QString header(const QByteArray &mime, const char *name)
{
    const QString text = QString::fromUtf8(QByteArray(mime).replace("\r\n", "\n"));
    const QString head = text.left(text.indexOf(QStringLiteral("\n\n")));
    const auto match = QRegularExpression(QStringLiteral("^%1:(.*(?:\\n[ \\t].*)*)").arg(QLatin1String(name)),
                                          QRegularExpression::MultilineOption | QRegularExpression::CaseInsensitiveOption)
                           .match(head);
    return match.hasMatch() ? match.captured(1).simplified() : QString();
}

} // namespace

class TestAcceptanceCompose : public QObject
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QProcess> m_reference;
    QString m_url, m_path, m_ownAddress, m_sinkDir, m_tag;
    bool m_sogo = false;

    Run cli(const QStringList &args) const
    {
        return runProcess(QStringLiteral(SKEIN_CLI_BIN), QStringList{QStringLiteral("--profile"), m_dir->filePath(QStringLiteral("profile"))} + args,
                          120000);
    }

    QString writeFile(const QString &name, const QByteArray &data) const
    {
        const QString path = m_dir->filePath(name);
        QFile f(path);
        return f.open(QIODevice::WriteOnly) && f.write(data) == data.size() ? path : QString();
    }

    QList<QJsonObject> messages(const QString &folder) const
    {
        QList<QJsonObject> out;
        for (const QJsonValue &c : QJsonDocument::fromJson(cli({QStringLiteral("conversations"), folder, QStringLiteral("--json")}).out).array())
            flatten(c[QStringLiteral("messages")].toArray(), 0, &out);
        return out;
    }

    static QJsonObject withSubject(const QList<QJsonObject> &list, const QString &subject, const QString &folder = {})
    {
        for (const QJsonObject &m : list)
            if (m[QStringLiteral("subject")].toString() == subject
                && (folder.isEmpty() || m[QStringLiteral("folder")].toString().compare(folder, Qt::CaseInsensitive) == 0))
                return m;
        return {};
    }

    static QString idOf(const QJsonObject &m) { return QString::number(qint64(m[QStringLiteral("id")].toDouble())); }

    // The messages SOGo handed to its SMTP sink whose text contains marker.
    QList<QByteArray> sunk(const QByteArray &marker) const
    {
        QList<QByteArray> out;
        for (const QFileInfo &fi : QDir(m_sinkDir).entryInfoList({QStringLiteral("*.eml")}, QDir::Files, QDir::Name)) {
            QFile f(fi.filePath());
            if (f.open(QIODevice::ReadOnly)) {
                const QByteArray mime = f.readAll();
                if (mime.contains(marker))
                    out.append(mime);
            }
        }
        return out;
    }

    // alice's messages as the reference server holds them.
    QList<QJsonObject> serverMessages() const
    {
        const Run r = runProcess(QStringLiteral(SKEIN_SERVER_BIN),
                                 {QStringLiteral("--data"), m_dir->filePath(QStringLiteral("server")), QStringLiteral("dump"), QStringLiteral("--json")});
        QList<QJsonObject> out;
        for (const QJsonValue &u : QJsonDocument::fromJson(r.out)[QStringLiteral("users")].toArray())
            if (u[QStringLiteral("name")].toString() == kUser)
                for (const QJsonValue &m : u[QStringLiteral("messages")].toArray())
                    out.append(m.toObject());
        return out;
    }

    void startReference()
    {
        m_reference = std::make_unique<QProcess>();
        m_reference->setProgram(QStringLiteral(SKEIN_SERVER_BIN));
        m_reference->setArguments({QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"), QStringLiteral("--data"),
                                   m_dir->filePath(QStringLiteral("server")), QStringLiteral("--users"), kUser + QStringLiteral(":alicepass"),
                                   QStringLiteral("--seed-mime"), kSeedDir, QStringLiteral("--user"), kUser});
        m_reference->start();
        QVERIFY2(m_reference->waitForReadyRead(30000), m_reference->readAllStandardError().constData());
        const QString line = QString::fromUtf8(m_reference->readLine()).trimmed();
        const auto match = QRegularExpression(QStringLiteral("^listening (http://127\\.0\\.0\\.1:\\d+)(/\\S*)")).match(line);
        QVERIFY2(match.hasMatch(), qPrintable(line));
        m_url = match.captured(1);
        m_path = match.captured(2);
        for (const QJsonValue &u : QJsonDocument::fromJson(runProcess(QStringLiteral(SKEIN_SERVER_BIN),
                                                                      {QStringLiteral("--data"), m_dir->filePath(QStringLiteral("server")),
                                                                       QStringLiteral("dump"), QStringLiteral("--json")}).out)[QStringLiteral("users")].toArray())
            if (u[QStringLiteral("name")].toString() == kUser)
                m_ownAddress = u[QStringLiteral("email")].toString();
        QVERIFY(!m_ownAddress.isEmpty());
    }

    void reseedSogo()
    {
        const Run r = runProcess(QStringLiteral("bash"), {kSogoDir + QStringLiteral("/seed.sh")}, 120000);
        QVERIFY2(r.exitCode == 0, r.err.constData());
    }

    // Pins the profile to version: the session uses what the store says.
    void pinVersion(const QString &version)
    {
        sqlite3 *db = nullptr;
        const QByteArray path = m_dir->filePath(QStringLiteral("profile/skein.db")).toUtf8();
        QCOMPARE(sqlite3_open(path.constData(), &db), SQLITE_OK);
        const QByteArray sql = "UPDATE account SET protocol_version = '" + version.toLatin1() + "'";
        const int rc = sqlite3_exec(db, sql.constData(), nullptr, nullptr, nullptr);
        sqlite3_close(db);
        QCOMPARE(rc, SQLITE_OK);
    }

    void sync()
    {
        const Run r = cli({QStringLiteral("sync")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
    }

private Q_SLOTS:
    void compose_data()
    {
        QTest::addColumn<bool>("sogo");
        QTest::addColumn<QString>("version");
        QTest::newRow("reference-16.1") << false << QStringLiteral("16.1");
        QTest::newRow("reference-12.1") << false << QStringLiteral("12.1");
        QTest::newRow("sogo-14.1") << true << QStringLiteral("14.1");
        QTest::newRow("sogo-12.1") << true << QStringLiteral("12.1");
    }

    void cleanup()
    {
        if (m_reference) {
            m_reference->terminate();
            m_reference->waitForFinished(10000);
            m_reference.reset();
        }
        if (m_sogo && !qEnvironmentVariableIsEmpty("SKEIN_SOGO_URL"))
            reseedSogo();
        m_sogo = false;
    }

    void compose()
    {
        QFETCH(bool, sogo);
        QFETCH(QString, version);
        m_sogo = sogo;
        m_tag = QString::fromLatin1(QTest::currentDataTag());
        if (sogo && qEnvironmentVariableIsEmpty("SKEIN_SOGO_URL")) {
            if (!qEnvironmentVariableIsEmpty("CI"))
                QFAIL("SKEIN_SOGO_URL is not set on CI (CI is set): run the tests through tests/interop/sogo/run-interop.sh");
            QSKIP("SKEIN_SOGO_URL is not set: no SOGo server. tests/interop/sogo/run-interop.sh starts one and runs these rows.");
        }
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        QString password = QStringLiteral("alicepass");
        if (sogo) {
            reseedSogo();
            if (QTest::currentTestFailed())
                return;
            m_url = env("SKEIN_SOGO_URL");
            m_path = env("SKEIN_SOGO_PATH", QStringLiteral("/SOGo/Microsoft-Server-ActiveSync"));
            password = env("SKEIN_SOGO_PASSWORD", password);
            m_ownAddress = kUser + QStringLiteral("@example.test");
            m_sinkDir = env("SKEIN_INTEROP_STATE") + QStringLiteral("/outbox");
        } else {
            startReference();
            if (QTest::currentTestFailed())
                return;
        }
        qputenv("SKEIN_PASSWORD", password.toUtf8());
        Run r = cli({QStringLiteral("account"), QStringLiteral("add"), QStringLiteral("--url"), m_url, QStringLiteral("--path"), m_path,
                     QStringLiteral("--user"), env("SKEIN_SOGO_USER", kUser), QStringLiteral("--no-save")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        pinVersion(version);
        if (QTest::currentTestFailed())
            return;
        sync();
        if (QTest::currentTestFailed())
            return;
        const QByteArray marker = QStringLiteral("acceptance %1 %2").arg(m_tag).arg(QRandomGenerator::global()->generate(), 0, 16).toUtf8();

        // ---- a reply to Bob's message in the middle of the lunch thread ----
        const QList<QJsonObject> inbox = messages(QStringLiteral("INBOX"));
        const QJsonObject bobs = withSubject(inbox, QStringLiteral("RE: Lunch on Friday?"), QStringLiteral("INBOX"));
        QVERIFY2(!bobs.isEmpty(), "Bob's RE: Lunch on Friday? is not in the Inbox");
        const QString replyBody = writeFile(QStringLiteral("reply.txt"), "Friday works for me. " + marker + " reply\n");
        r = cli({QStringLiteral("reply"), QStringLiteral("--id"), idOf(bobs), QStringLiteral("--body-file"), replyBody});
        QVERIFY2(r.exitCode == 0 && r.out.startsWith("sent"), r.out + r.err);

        // ---- a forward of the invoice, which carries a PDF ----
        const QJsonObject invoice = withSubject(inbox, QStringLiteral("Invoice 2024-117"));
        QVERIFY(!invoice.isEmpty());
        const QString forwardBody = writeFile(QStringLiteral("forward.txt"), "For the books. " + marker + " forward\n");
        r = cli({QStringLiteral("forward"), QStringLiteral("--id"), idOf(invoice), QStringLiteral("--to"), QStringLiteral("bob@example.test"),
                 QStringLiteral("--body-file"), forwardBody});
        QVERIFY2(r.exitCode == 0 && r.out.startsWith("sent"), r.out + r.err);

        // ---- a new mail with an attachment, to oneself ----
        QByteArray payload(30000, Qt::Uninitialized);
        for (char &c : payload)
            c = char(QRandomGenerator::global()->bounded(256));
        const QString payloadFile = writeFile(QStringLiteral("payload.bin"), payload);
        const QString newBody = writeFile(QStringLiteral("new.txt"), "Numbers attached. " + marker + " new\n");
        const QString newSubject = QStringLiteral("Acceptance %1: with attachment").arg(m_tag);
        r = cli({QStringLiteral("send"), QStringLiteral("--to"), m_ownAddress, QStringLiteral("--subject"), newSubject,
                 QStringLiteral("--body-file"), newBody, QStringLiteral("--attach"), payloadFile});
        QVERIFY2(r.exitCode == 0 && r.out.startsWith("sent"), r.out + r.err);

        // ---- what the server received ----
        const QByteArray seedPdf = [] {
            QFile f(kSeedDir + QStringLiteral("/21-invoice-2024-117-acme-example.eml"));
            return f.open(QIODevice::ReadOnly) ? attachmentBytes(f.readAll(), QStringLiteral("invoice-2024-117.pdf")) : QByteArray();
        }();
        QVERIFY(seedPdf.startsWith("%PDF"));
        if (sogo) {
            const QList<QByteArray> replies = sunk(marker + " reply");
            QCOMPARE(replies.size(), 1);
            QCOMPARE(header(replies.first(), "In-Reply-To"), QStringLiteral("<t4-3.lunch@example.test>"));
            const QString references = header(replies.first(), "References");
            for (const char *id : {"<t4-1.lunch@example.test>", "<t4-2.lunch@example.test>", "<t4-3.lunch@example.test>"})
                QVERIFY2(references.contains(QLatin1String(id)), qPrintable(references));
            const QList<QByteArray> forwards = sunk(marker + " forward");
            QCOMPARE(forwards.size(), 1);
            QCOMPARE(header(forwards.first(), "In-Reply-To"), QStringLiteral("<invoice-2024-117@acme.example>"));
            QCOMPARE(attachmentBytes(forwards.first(), QStringLiteral("invoice-2024-117.pdf")), seedPdf);
            const QList<QByteArray> news = sunk(marker + " new");
            QCOMPARE(news.size(), 1);
            QCOMPARE(attachmentBytes(news.first(), QStringLiteral("payload.bin")), payload);
        } else {
            const QList<QJsonObject> held = serverMessages();
            auto byServerId = [&](const QString &serverId) {
                for (const QJsonObject &m : held)
                    if (m[QStringLiteral("serverId")].toString() == serverId)
                        return m;
                return QJsonObject();
            };
            QList<QJsonObject> sentReplies;
            for (const QJsonObject &m : held)
                if (m[QStringLiteral("folder")].toString() == QLatin1String("Sent Items")
                    && m[QStringLiteral("subject")].toString() == QLatin1String("RE: Lunch on Friday?"))
                    sentReplies.append(m);
            QCOMPARE(sentReplies.size(), 1);
            QCOMPARE(byServerId(sentReplies.first()[QStringLiteral("parentServerId")].toString())[QStringLiteral("messageId")].toString(),
                     QStringLiteral("<t4-3.lunch@example.test>"));
            QJsonObject sentForward;
            for (const QJsonObject &m : held)
                if (m[QStringLiteral("folder")].toString() == QLatin1String("Sent Items")
                    && m[QStringLiteral("subject")].toString() == QLatin1String("FW: Invoice 2024-117"))
                    sentForward = m;
            QCOMPARE(sentForward[QStringLiteral("attachments")].toInt(), 1); // SmartForward carried the original's PDF
            QCOMPARE(byServerId(sentForward[QStringLiteral("parentServerId")].toString())[QStringLiteral("messageId")].toString(),
                     QStringLiteral("<invoice-2024-117@acme.example>"));
        }

        // ---- back on the client: attachments saved byte for byte ----
        sync();
        if (QTest::currentTestFailed())
            return;
        const QString savedPdf = m_dir->filePath(QStringLiteral("invoice.pdf"));
        r = cli({QStringLiteral("save-attachment"), QStringLiteral("--id"), idOf(invoice), QStringLiteral("--name"),
                 QStringLiteral("invoice-2024-117.pdf"), QStringLiteral("--to"), savedPdf});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QFile pdf(savedPdf);
        QVERIFY(pdf.open(QIODevice::ReadOnly));
        QCOMPARE(pdf.readAll(), seedPdf);

        const QJsonObject arrived = withSubject(messages(QStringLiteral("INBOX")), newSubject, QStringLiteral("INBOX"));
        QVERIFY2(!arrived.isEmpty(), "the mail sent to oneself did not come back into the Inbox");
        r = cli({QStringLiteral("attachments"), QStringLiteral("--id"), idOf(arrived), QStringLiteral("--json")});
        const QJsonArray listed = QJsonDocument::fromJson(r.out).array();
        QCOMPARE(listed.size(), 1);
        QCOMPARE(listed.first()[QStringLiteral("name")].toString(), QStringLiteral("payload.bin"));
        const QString savedPayload = m_dir->filePath(QStringLiteral("payload-back.bin"));
        r = cli({QStringLiteral("save-attachment"), QStringLiteral("--id"), idOf(arrived), QStringLiteral("--name"),
                 QStringLiteral("payload.bin"), QStringLiteral("--to"), savedPayload});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QFile back(savedPayload);
        QVERIFY(back.open(QIODevice::ReadOnly));
        QCOMPARE(back.readAll(), payload);

        // ---- the reply shows once, under the message it answered ----
        int copies = 0;
        for (const QJsonObject &m : messages(QStringLiteral("INBOX")))
            if (m[QStringLiteral("subject")].toString() == QLatin1String("RE: Lunch on Friday?")
                && m[QStringLiteral("folder")].toString().compare(QLatin1String("INBOX"), Qt::CaseInsensitive) != 0) {
                ++copies;
                QCOMPARE(qint64(m[QStringLiteral("parentId")].toDouble()), qint64(bobs[QStringLiteral("id")].toDouble()));
            }
        QCOMPARE(copies, 1);
    }
};

QTEST_GUILESS_MAIN(TestAcceptanceCompose)
#include "tst_acceptance_compose.moc"
