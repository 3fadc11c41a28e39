// skein-cli send / reply / forward / outbox end to end: separate skein-server
// and skein-cli processes over loopback, users demo (sending), alice and bob
// (receiving). The recipients' mailboxes are read with `skein-server dump
// --json` and, for attachment bytes, from the server's store; one profile
// speaks 12.1 (the MIME itself, the source in the query). The last test
// kills a sending skein-cli with SIGKILL while the server holds its answer
// and proves every message still arrives exactly once.
#include "CliRun.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

using namespace skein::test;

namespace {

Run run(const QStringList &args)
{
    return runProgram(QStringLiteral(SKEIN_CLI_BIN), args);
}

struct Attachment {
    QString name;
    QByteArray data;
};

// Every node of a conversations --json tree, depth first.
void collect(const QJsonArray &nodes, QList<QJsonObject> *out, int depth, QHash<qint64, int> *depths)
{
    for (const QJsonValue &n : nodes) {
        out->append(n.toObject());
        depths->insert(qint64(n[QStringLiteral("id")].toDouble()), depth);
        collect(n[QStringLiteral("children")].toArray(), out, depth + 1, depths);
    }
}

} // namespace

class TestCliCompose : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QProcess m_server;
    QString m_url;
    QString m_port;

    QString serverData() const { return m_dir.filePath(QStringLiteral("server")); }

    QStringList cli(const QStringList &args) const
    {
        return QStringList{QStringLiteral("--profile"), m_dir.filePath(QStringLiteral("profile"))} + args;
    }

    bool startServer(const QStringList &extra = {})
    {
        m_server.setProgram(QStringLiteral(SKEIN_SERVER_BIN));
        m_server.setArguments(QStringList{QStringLiteral("--listen"), QStringLiteral("127.0.0.1:") + (m_port.isEmpty() ? QStringLiteral("0") : m_port),
                                          QStringLiteral("--data"), serverData(), QStringLiteral("--seed"), QStringLiteral("demo"),
                                          QStringLiteral("--users"), QStringLiteral("alice:alice,bob:bob")}
                              + extra);
        m_server.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_server.start();
        if (!m_server.waitForReadyRead(30000))
            return false;
        const QString line = QString::fromUtf8(m_server.readLine()).trimmed();
        const auto match = QRegularExpression(QStringLiteral("^listening (http://127\\.0\\.0\\.1:(\\d+))/")).match(line);
        if (!match.hasMatch())
            return false;
        m_url = match.captured(1);
        m_port = match.captured(2);
        return true;
    }

    void stopServer()
    {
        m_server.terminate();
        QVERIFY(m_server.waitForFinished(10000));
    }

    QString writeFile(const QString &name, const QByteArray &data) const
    {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(data) != data.size())
            return {};
        return path;
    }

    // The server's messages of user (skein-server dump --json).
    QList<QJsonObject> mailbox(const QString &user) const
    {
        const Run r = runProgram(QStringLiteral(SKEIN_SERVER_BIN),
                                 {QStringLiteral("--data"), serverData(), QStringLiteral("dump"), QStringLiteral("--json")});
        QList<QJsonObject> out;
        for (const QJsonValue &u : QJsonDocument::fromJson(r.out)[QStringLiteral("users")].toArray())
            if (u[QStringLiteral("name")].toString() == user)
                for (const QJsonValue &m : u[QStringLiteral("messages")].toArray())
                    out.append(m.toObject());
        return out;
    }

    QList<QJsonObject> withSubject(const QString &user, const QString &subject) const
    {
        QList<QJsonObject> out;
        for (const QJsonObject &m : mailbox(user))
            if (m[QStringLiteral("subject")].toString() == subject)
                out.append(m);
        return out;
    }

    // The attachments the server stored for its message id.
    QList<Attachment> serverAttachments(const QString &messageId) const
    {
        QList<Attachment> out;
        sqlite3 *db = nullptr;
        const QByteArray path = (serverData() + QStringLiteral("/skein-server.sqlite")).toUtf8();
        if (sqlite3_open_v2(path.constData(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
            sqlite3_busy_timeout(db, 5000);
            sqlite3_stmt *q = nullptr;
            if (sqlite3_prepare_v2(db, "SELECT name, data FROM attachments WHERE message_id = ? ORDER BY id", -1, &q, nullptr)
                == SQLITE_OK) {
                sqlite3_bind_int64(q, 1, messageId.toLongLong());
                while (sqlite3_step(q) == SQLITE_ROW)
                    out.append({QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(q, 0))),
                                QByteArray(reinterpret_cast<const char *>(sqlite3_column_blob(q, 1)), sqlite3_column_bytes(q, 1))});
            }
            sqlite3_finalize(q);
        }
        sqlite3_close(db);
        return out;
    }

    QJsonArray outbox() const
    {
        return QJsonDocument::fromJson(run(cli({QStringLiteral("outbox"), QStringLiteral("--json")})).out).array();
    }

    QJsonObject outboxEntry(const QString &subject) const
    {
        for (const QJsonValue &e : outbox())
            if (e[QStringLiteral("subject")].toString() == subject)
                return e.toObject();
        return {};
    }

    // The messages of every conversation in FOLDER with their depth in the tree.
    QList<QJsonObject> treeNodes(const QString &folder, QHash<qint64, int> *depths) const
    {
        const Run r = run(cli({QStringLiteral("conversations"), folder, QStringLiteral("--json")}));
        QList<QJsonObject> nodes;
        for (const QJsonValue &c : QJsonDocument::fromJson(r.out).array())
            collect(c[QStringLiteral("messages")].toArray(), &nodes, 0, depths);
        return nodes;
    }

    QByteArray body(const QString &text) const { return text.toUtf8(); }

    // The MIME the outbox holds for entry id, from the profile's store.
    QByteArray outboxMime(qint64 id) const
    {
        QByteArray mime;
        sqlite3 *db = nullptr;
        const QByteArray path = m_dir.filePath(QStringLiteral("profile/skein.db")).toUtf8();
        if (sqlite3_open_v2(path.constData(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
            sqlite3_busy_timeout(db, 5000);
            sqlite3_stmt *q = nullptr;
            if (sqlite3_prepare_v2(db, "SELECT mime FROM outbox WHERE id = ?", -1, &q, nullptr) == SQLITE_OK) {
                sqlite3_bind_int64(q, 1, id);
                if (sqlite3_step(q) == SQLITE_ROW)
                    mime = QByteArray(reinterpret_cast<const char *>(sqlite3_column_blob(q, 0)), sqlite3_column_bytes(q, 0));
            }
            sqlite3_finalize(q);
        }
        sqlite3_close(db);
        return mime;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(startServer());
        Run r = run(cli({QStringLiteral("account"), QStringLiteral("add"), QStringLiteral("--url"), m_url, QStringLiteral("--user"),
                         QStringLiteral("demo"), QStringLiteral("--no-save")}));
        QVERIFY2(r.exitCode == 0, r.err.constData());
        r = run(cli({QStringLiteral("sync")}));
        QVERIFY2(r.exitCode == 0, r.err.constData());
    }

    void cleanupTestCase()
    {
        if (m_server.state() != QProcess::NotRunning)
            stopServer();
    }

    void sendWithTwoAttachments()
    {
        QByteArray pdf("%PDF-1.4\n");
        for (int i = 0; i < 4096; ++i)
            pdf.append(char(i % 256));
        const QString bodyFile = writeFile(QStringLiteral("body.txt"), body(QStringLiteral("Hallo Alice,\nzwei Dateien – bitte lesen.\n")));
        const QString first = writeFile(QStringLiteral("Vertrag für Alice.pdf"), pdf);
        const QString second = writeFile(QStringLiteral("notes.txt"), "some notes\n");
        const Run r = run(cli({QStringLiteral("send"), QStringLiteral("--to"), QStringLiteral("Alice <alice@skein.test>"),
                               QStringLiteral("--cc"), QStringLiteral("demo@skein.test"), QStringLiteral("--bcc"),
                               QStringLiteral("bob@skein.test"), QStringLiteral("--subject"), QStringLiteral("Zwei Dateien"),
                               QStringLiteral("--body-file"), bodyFile, QStringLiteral("--attach"), first,
                               QStringLiteral("--attach"), second}));
        QVERIFY2(r.exitCode == 0, r.err + r.out);
        QCOMPARE(r.out.trimmed(), QByteArray("sent"));

        const QList<QJsonObject> alice = withSubject(QStringLiteral("alice"), QStringLiteral("Zwei Dateien"));
        QCOMPARE(alice.size(), 1);
        QCOMPARE(alice.first()[QStringLiteral("folder")].toString(), QStringLiteral("Inbox"));
        QVERIFY(alice.first()[QStringLiteral("to")].toString().contains(QLatin1String("alice@skein.test")));
        QVERIFY(alice.first()[QStringLiteral("cc")].toString().contains(QLatin1String("demo@skein.test")));
        QVERIFY(!alice.first()[QStringLiteral("to")].toString().contains(QLatin1String("bob")));
        QVERIFY(!alice.first()[QStringLiteral("cc")].toString().contains(QLatin1String("bob"))); // Bcc stays hidden
        QCOMPARE(alice.first()[QStringLiteral("attachments")].toInt(), 2);
        const QList<Attachment> files = serverAttachments(alice.first()[QStringLiteral("id")].toString());
        QCOMPARE(files.size(), 2);
        QCOMPARE(files.at(0).name, QStringLiteral("Vertrag für Alice.pdf"));
        QCOMPARE(files.at(0).data, pdf);
        QCOMPARE(files.at(1).name, QStringLiteral("notes.txt"));
        QCOMPARE(files.at(1).data, QByteArray("some notes\n"));
        QCOMPARE(withSubject(QStringLiteral("bob"), QStringLiteral("Zwei Dateien")).size(), 1); // Bcc delivered
        // The sender's Sent Items copy, and the outbox's record.
        bool inSent = false;
        for (const QJsonObject &m : withSubject(QStringLiteral("demo"), QStringLiteral("Zwei Dateien")))
            inSent |= m[QStringLiteral("folder")].toString() == QLatin1String("Sent Items");
        QVERIFY(inSent);
        QCOMPARE(outboxEntry(QStringLiteral("Zwei Dateien"))[QStringLiteral("state")].toString(), QStringLiteral("sent"));
    }

    void replyInTheMiddleOfATree()
    {
        QHash<qint64, int> depths;
        const QList<QJsonObject> nodes = treeNodes(QStringLiteral("Inbox"), &depths);
        QJsonObject middle;
        for (const QJsonObject &n : nodes)
            if (depths.value(qint64(n[QStringLiteral("id")].toDouble())) >= 1 && !n[QStringLiteral("children")].toArray().isEmpty()
                && n[QStringLiteral("folder")].toString() == QLatin1String("Inbox")) {
                middle = n;
                break;
            }
        QVERIFY2(!middle.isEmpty(), "the demo Inbox has a reply with replies");
        const QString id = QString::number(qint64(middle[QStringLiteral("id")].toDouble()));
        const QString parentIndex = middle[QStringLiteral("conversationIndex")].toString();
        const QString subject = middle[QStringLiteral("subject")].toString();
        const QString replySubject = QStringLiteral("RE: ") + QString(subject).remove(QRegularExpression(QStringLiteral("^(RE: ?)+"), QRegularExpression::CaseInsensitiveOption));

        const QString bodyFile = writeFile(QStringLiteral("reply.txt"), "Agreed, see you there.\n");
        const Run r = run(cli({QStringLiteral("reply"), QStringLiteral("--id"), id, QStringLiteral("--all"), QStringLiteral("--cc"),
                               QStringLiteral("alice@skein.test"), QStringLiteral("--cc"), QStringLiteral("bob@skein.test"),
                               QStringLiteral("--body-file"), bodyFile}));
        QVERIFY2(r.exitCode == 0, r.err + r.out);
        QCOMPARE(r.out.trimmed(), QByteArray("sent"));

        // Alice and Bob have it once, in the parent's conversation, one level below it.
        QString parentServerMessageId, conversationId;
        for (const QJsonObject &m : withSubject(QStringLiteral("demo"), subject))
            if (m[QStringLiteral("conversationIndex")].toString() == parentIndex) {
                parentServerMessageId = m[QStringLiteral("messageId")].toString();
                conversationId = m[QStringLiteral("conversationId")].toString();
            }
        QVERIFY(!conversationId.isEmpty());
        for (const QString &user : {QStringLiteral("alice"), QStringLiteral("bob")}) {
            const QList<QJsonObject> got = withSubject(user, replySubject);
            QCOMPARE(got.size(), 1);
            QCOMPARE(got.first()[QStringLiteral("conversationId")].toString(), conversationId);
            QCOMPARE(got.first()[QStringLiteral("conversationIndex")].toString().size(), parentIndex.size() + 10);
            QVERIFY(got.first()[QStringLiteral("conversationIndex")].toString().startsWith(parentIndex));
        }
        // What went out names the parent: In-Reply-To and References.
        const QJsonObject entry = outboxEntry(replySubject);
        QCOMPARE(entry[QStringLiteral("state")].toString(), QStringLiteral("sent"));
        const QByteArray mime = outboxMime(qint64(entry[QStringLiteral("id")].toDouble()));
        QVERIFY(!parentServerMessageId.isEmpty());
        const QByteArray bare = parentServerMessageId.toUtf8().replace('<', "").replace('>', "");
        QVERIFY2(mime.contains("In-Reply-To: <" + bare + ">"), mime.left(1500).constData());
        QVERIFY2(QRegularExpression(QStringLiteral("References:[^\\r]*<") + QRegularExpression::escape(QString::fromUtf8(bare)) + QStringLiteral(">"))
                     .match(QString::fromUtf8(mime)).hasMatch(),
                 mime.left(1500).constData());
        QVERIFY(mime.contains("Thread-Index: "));
        QVERIFY(mime.contains("> ")); // the chosen message, quoted

        // After a sync the sender's Sent Items holds the server's copy: the
        // parent's index plus one 5-byte block.
        QVERIFY(run(cli({QStringLiteral("sync")})).exitCode == 0);
        const QString serverIndex = withSubject(QStringLiteral("alice"), replySubject).first()[QStringLiteral("conversationIndex")].toString();
        QHash<qint64, int> sentDepths;
        int copies = 0;
        for (const QJsonObject &n : treeNodes(QStringLiteral("Sent Items"), &sentDepths)) {
            if (n[QStringLiteral("conversationIndex")].toString() != serverIndex)
                continue;
            ++copies;
            QCOMPARE(n[QStringLiteral("folder")].toString(), QStringLiteral("Sent Items"));
            QCOMPARE(n[QStringLiteral("subject")].toString(), replySubject);
            QCOMPARE(sentDepths.value(qint64(n[QStringLiteral("id")].toDouble())),
                     depths.value(qint64(middle[QStringLiteral("id")].toDouble())) + 1); // under the parent it answered
        }
        QCOMPARE(copies, 1); // the server's copy, once
    }

    void forwardKeepsTheAttachments()
    {
        // demo's own copy (Cc) of the mail with two attachments, synced into its Inbox.
        QVERIFY(run(cli({QStringLiteral("sync")})).exitCode == 0);
        QHash<qint64, int> depths;
        QString id;
        for (const QJsonObject &n : treeNodes(QStringLiteral("Inbox"), &depths))
            if (n[QStringLiteral("subject")].toString() == QLatin1String("Zwei Dateien") && n[QStringLiteral("folder")].toString() == QLatin1String("Inbox"))
                id = QString::number(qint64(n[QStringLiteral("id")].toDouble()));
        QVERIFY(!id.isEmpty());
        const QString bodyFile = writeFile(QStringLiteral("fw.txt"), "FYI, Bob.\n");
        const Run r = run(cli({QStringLiteral("forward"), QStringLiteral("--id"), id, QStringLiteral("--to"), QStringLiteral("bob@skein.test"),
                               QStringLiteral("--body-file"), bodyFile}));
        QVERIFY2(r.exitCode == 0, r.err + r.out);
        QCOMPARE(r.out.trimmed(), QByteArray("sent"));
        const QList<QJsonObject> bob = withSubject(QStringLiteral("bob"), QStringLiteral("FW: Zwei Dateien"));
        QCOMPARE(bob.size(), 1);
        const QList<Attachment> files = serverAttachments(bob.first()[QStringLiteral("id")].toString());
        QCOMPARE(files.size(), 2);
        QCOMPARE(files.at(0).name, QStringLiteral("Vertrag für Alice.pdf"));
        QCOMPARE(files.at(1).data, QByteArray("some notes\n"));
    }

    void badInputLosesNothing()
    {
        const int before = int(outbox().size());
        Run r = run(cli({QStringLiteral("send"), QStringLiteral("--to"), QStringLiteral("alice@skein.test"), QStringLiteral("--subject"),
                         QStringLiteral("x")}));
        QCOMPARE(r.exitCode, 64);
        QVERIFY(r.err.contains("--body-file"));
        const QString bodyFile = writeFile(QStringLiteral("x.txt"), "x\n");
        r = run(cli({QStringLiteral("send"), QStringLiteral("--to"), QStringLiteral("alice"), QStringLiteral("--subject"), QStringLiteral("x"),
                     QStringLiteral("--body-file"), bodyFile}));
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("'alice' is not an email address"), r.err.constData());
        r = run(cli({QStringLiteral("send"), QStringLiteral("--to"), QStringLiteral("alice@skein.test"), QStringLiteral("--subject"),
                     QStringLiteral("x"), QStringLiteral("--body-file"), bodyFile, QStringLiteral("--attach"), m_dir.filePath(QStringLiteral("missing.pdf"))}));
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains("cannot read the attachment"));
        r = run(cli({QStringLiteral("reply"), QStringLiteral("--id"), QStringLiteral("999999"), QStringLiteral("--body-file"), bodyFile}));
        QCOMPARE(r.exitCode, 4);
        QCOMPARE(int(outbox().size()), before); // nothing half-made in the outbox
    }

    // 12.1: no WBXML for sending; the MIME itself with the source in the query.
    void legacyProtocolSendsTheMimeItself()
    {
        const QStringList profile{QStringLiteral("--profile"), m_dir.filePath(QStringLiteral("profile121"))};
        Run r = run(profile + QStringList{QStringLiteral("account"), QStringLiteral("add"), QStringLiteral("--url"), m_url,
                                          QStringLiteral("--user"), QStringLiteral("demo"), QStringLiteral("--no-save")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        {
            sqlite3 *db = nullptr;
            QCOMPARE(sqlite3_open(m_dir.filePath(QStringLiteral("profile121/skein.db")).toUtf8().constData(), &db), SQLITE_OK);
            sqlite3_busy_timeout(db, 5000);
            QCOMPARE(sqlite3_exec(db, "UPDATE account SET protocol_version = '12.1'", nullptr, nullptr, nullptr), SQLITE_OK);
            sqlite3_close(db);
        }
        r = run(profile + QStringList{QStringLiteral("sync")});
        QVERIFY2(r.exitCode == 0, r.err + r.out);
        const QString bodyFile = writeFile(QStringLiteral("legacy.txt"), "Sent at 12.1.\n");
        r = run(profile + QStringList{QStringLiteral("send"), QStringLiteral("--to"), QStringLiteral("alice@skein.test"),
                                      QStringLiteral("--subject"), QStringLiteral("Legacy hello"), QStringLiteral("--body-file"), bodyFile,
                                      QStringLiteral("--attach"), bodyFile});
        QVERIFY2(r.exitCode == 0, r.err + r.out);
        QCOMPARE(r.out.trimmed(), QByteArray("sent"));
        const QList<QJsonObject> got = withSubject(QStringLiteral("alice"), QStringLiteral("Legacy hello"));
        QCOMPARE(got.size(), 1);
        QCOMPARE(serverAttachments(got.first()[QStringLiteral("id")].toString()).size(), 1);

        // A reply names its source by ItemId and CollectionId: the server threads it.
        const Run shown = run(profile + QStringList{QStringLiteral("conversations"), QStringLiteral("Inbox"), QStringLiteral("--json")});
        QString id;
        for (const QJsonValue &c : QJsonDocument::fromJson(shown.out).array())
            for (const QJsonValue &m : c[QStringLiteral("messages")].toArray())
                if (id.isEmpty() && m[QStringLiteral("folder")].toString() == QLatin1String("Inbox"))
                    id = QString::number(qint64(m[QStringLiteral("id")].toDouble()));
        QVERIFY(!id.isEmpty());
        r = run(profile + QStringList{QStringLiteral("reply"), QStringLiteral("--id"), id, QStringLiteral("--cc"),
                                      QStringLiteral("bob@skein.test"), QStringLiteral("--body-file"), bodyFile});
        QVERIFY2(r.exitCode == 0, r.err + r.out);
        QCOMPARE(r.out.trimmed(), QByteArray("sent"));
        int replies = 0;
        for (const QJsonObject &m : mailbox(QStringLiteral("bob")))
            replies += m[QStringLiteral("subject")].toString().startsWith(QLatin1String("RE: ")) && m[QStringLiteral("depth")].toInt() >= 1;
        QVERIFY(replies >= 1);
        // Still 12.1: the session never renegotiated behind the test's back.
        sqlite3 *db = nullptr;
        QCOMPARE(sqlite3_open_v2(m_dir.filePath(QStringLiteral("profile121/skein.db")).toUtf8().constData(), &db,
                                 SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
        sqlite3_stmt *q = nullptr;
        QCOMPARE(sqlite3_prepare_v2(db, "SELECT protocol_version FROM account", -1, &q, nullptr), SQLITE_OK);
        QCOMPARE(sqlite3_step(q), SQLITE_ROW);
        const QByteArray version(reinterpret_cast<const char *>(sqlite3_column_text(q, 0)));
        sqlite3_finalize(q);
        sqlite3_close(db);
        QCOMPARE(version, QByteArray("12.1"));
    }

    // Offline, then a skein-cli killed (SIGKILL) while the server holds the
    // answer to its SendMail: once the server is back, each message arrives once.
    void offlineSendSurvivesAKill()
    {
        const QString bodyFile = writeFile(QStringLiteral("offline.txt"), "Written offline.\n");
        stopServer();
        Run r = run(cli({QStringLiteral("send"), QStringLiteral("--to"), QStringLiteral("alice@skein.test"), QStringLiteral("--subject"),
                         QStringLiteral("Offline one"), QStringLiteral("--body-file"), bodyFile}));
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.out.startsWith("waiting: "), r.out.constData());
        QCOMPARE(outboxEntry(QStringLiteral("Offline one"))[QStringLiteral("state")].toString(), QStringLiteral("waiting"));

        // The server applies the next SendMail at once but answers 20 s later.
        QVERIFY(startServer({QStringLiteral("--fault"), QStringLiteral("hold:SendMail:20000")}));
        QProcess sender;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("SKEIN_PASSWORD"), QStringLiteral("demo"));
        sender.setProcessEnvironment(env);
        sender.start(QStringLiteral(SKEIN_CLI_BIN), cli({QStringLiteral("send"), QStringLiteral("--to"), QStringLiteral("alice@skein.test"),
                                                         QStringLiteral("--subject"), QStringLiteral("Killed two"),
                                                         QStringLiteral("--body-file"), bodyFile}));
        QVERIFY(sender.waitForStarted());
        // Wait until the first message is on the wire and the server has it.
        QTRY_VERIFY_WITH_TIMEOUT(withSubject(QStringLiteral("alice"), QStringLiteral("Offline one")).size() == 1, 15000);
        QCOMPARE(sender.state(), QProcess::Running);
        sender.kill(); // SIGKILL: no chance to record the answer
        QVERIFY(sender.waitForFinished(5000));
        QCOMPARE(sender.exitStatus(), QProcess::CrashExit);
        QCOMPARE(outboxEntry(QStringLiteral("Offline one"))[QStringLiteral("state")].toString(), QStringLiteral("sending"));
        QCOMPARE(outboxEntry(QStringLiteral("Killed two"))[QStringLiteral("state")].toString(), QStringLiteral("waiting"));

        // The next run sends 'Offline one' again with the same ClientId (the
        // server answers 118) and 'Killed two' for the first time. The server
        // still holds the dead client's answer: it goes the hard way too.
        m_server.kill();
        QVERIFY(m_server.waitForFinished(10000));
        QVERIFY(startServer());
        r = run(cli({QStringLiteral("sync")}));
        QVERIFY2(r.exitCode == 0, r.err + r.out);
        QCOMPARE(outboxEntry(QStringLiteral("Offline one"))[QStringLiteral("state")].toString(), QStringLiteral("sent"));
        QCOMPARE(outboxEntry(QStringLiteral("Offline one"))[QStringLiteral("attempts")].toInt(), 2);
        QCOMPARE(outboxEntry(QStringLiteral("Killed two"))[QStringLiteral("state")].toString(), QStringLiteral("sent"));
        QCOMPARE(withSubject(QStringLiteral("alice"), QStringLiteral("Offline one")).size(), 1);
        QCOMPARE(withSubject(QStringLiteral("alice"), QStringLiteral("Killed two")).size(), 1);
        r = run(cli({QStringLiteral("outbox")}));
        QVERIFY(r.out.contains("Offline one"));
    }

    // A refusal is final for that message: it stays in the outbox, failed,
    // with the server's reason in words, until the user deletes it.
    void refusedStaysForTheUser()
    {
        stopServer();
        QVERIFY(startServer({QStringLiteral("--fault"), QStringLiteral("send:116")}));
        const QString bodyFile = writeFile(QStringLiteral("refused.txt"), "To nobody.\n");
        Run r = run(cli({QStringLiteral("send"), QStringLiteral("--to"), QStringLiteral("nobody@skein.test"), QStringLiteral("--subject"),
                         QStringLiteral("Refused one"), QStringLiteral("--body-file"), bodyFile}));
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.out.startsWith("refused: One of the recipients could not be found"), r.out.constData());
        const QJsonObject entry = outboxEntry(QStringLiteral("Refused one"));
        QCOMPARE(entry[QStringLiteral("state")].toString(), QStringLiteral("failed"));
        // A later sync does not send it again behind the user's back.
        r = run(cli({QStringLiteral("sync")}));
        QCOMPARE(outboxEntry(QStringLiteral("Refused one"))[QStringLiteral("attempts")].toInt(), 1);
        r = run(cli({QStringLiteral("outbox"), QStringLiteral("delete"), QString::number(entry[QStringLiteral("id")].toInteger())}));
        QCOMPARE(r.exitCode, 0);
        QVERIFY(outboxEntry(QStringLiteral("Refused one")).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCliCompose)
#include "tst_cli_compose.moc"
