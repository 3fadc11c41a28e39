// skein-cli attachments / save-attachment as a script runs them, against
// skein-server in its own process: the list (text and JSON), the saved bytes
// of the demo PDF, and a clear reason with exit 4 or 64 for bad input.
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

using namespace skein::test;

class TestCliAttachments : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QProcess m_server;
    QString m_url;
    QString m_contractId;

    QStringList cli(const QStringList &args) const
    {
        return QStringList{QStringLiteral("--profile"), m_dir.filePath(QStringLiteral("profile"))} + args;
    }
    Run run(const QStringList &args) const { return runProgram(QStringLiteral(SKEIN_CLI_BIN), cli(args)); }

    // The local id of the message with this subject, from conversations --json.
    static QString idOf(const QJsonArray &nodes, const QString &subject)
    {
        for (const QJsonValue &v : nodes) {
            const QJsonObject n = v.toObject();
            if (n.value(QStringLiteral("subject")).toString() == subject)
                return QString::number(n.value(QStringLiteral("id")).toInteger());
            const QString inner = idOf(n.value(QStringLiteral("children")).toArray(), subject);
            if (!inner.isEmpty())
                return inner;
        }
        return {};
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_server.setProgram(QStringLiteral(SKEIN_SERVER_BIN));
        m_server.setArguments({QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"), QStringLiteral("--data"),
                               m_dir.filePath(QStringLiteral("server")), QStringLiteral("--seed"), QStringLiteral("demo")});
        m_server.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_server.start();
        QVERIFY(m_server.waitForReadyRead(30000));
        const auto match = QRegularExpression(QStringLiteral("^listening (http://[^/]+)/"))
                               .match(QString::fromUtf8(m_server.readLine()).trimmed());
        QVERIFY(match.hasMatch());
        m_url = match.captured(1);
        Run r = run({QStringLiteral("account"), QStringLiteral("add"), QStringLiteral("--url"), m_url,
                     QStringLiteral("--user"), QStringLiteral("demo"), QStringLiteral("--no-save")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        r = run({QStringLiteral("sync")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        r = run({QStringLiteral("conversations"), QStringLiteral("Inbox"), QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        for (const QJsonValue &c : QJsonDocument::fromJson(r.out).array())
            if (m_contractId.isEmpty())
                m_contractId = idOf(c.toObject().value(QStringLiteral("messages")).toArray(),
                                    QStringLiteral("Signed contract (PDF)"));
        QVERIFY(!m_contractId.isEmpty());
    }

    void cleanupTestCase()
    {
        m_server.terminate();
        QVERIFY(m_server.waitForFinished(10000));
    }

    void listsAttachments()
    {
        Run r = run({QStringLiteral("attachments"), QStringLiteral("--id"), m_contractId});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.out.startsWith("contract.pdf\t"), r.out.constData());
        r = run({QStringLiteral("attachments"), QStringLiteral("--id"), m_contractId, QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonArray list = QJsonDocument::fromJson(r.out).array();
        QCOMPARE(list.size(), 1);
        QCOMPARE(list.first()[QStringLiteral("name")].toString(), QStringLiteral("contract.pdf"));
        QVERIFY(list.first()[QStringLiteral("size")].toInteger() > 500);
        QCOMPARE(list.first()[QStringLiteral("inline")].toBool(), false);
    }

    void savesIntoFileAndFolder()
    {
        QTemporaryDir target;
        Run r = run({QStringLiteral("save-attachment"), QStringLiteral("--id"), m_contractId, QStringLiteral("--name"),
                     QStringLiteral("contract.pdf"), QStringLiteral("--to"), target.path()});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QFile saved(target.filePath(QStringLiteral("contract.pdf")));
        QVERIFY(saved.open(QIODevice::ReadOnly));
        const QByteArray pdf = saved.readAll();
        QVERIFY(pdf.startsWith("%PDF-"));
        QVERIFY(pdf.trimmed().endsWith("%%EOF"));
        const QString file = target.filePath(QStringLiteral("renamed.pdf"));
        r = run({QStringLiteral("save-attachment"), QStringLiteral("--id"), m_contractId, QStringLiteral("--name"),
                 QStringLiteral("contract.pdf"), QStringLiteral("--to"), file});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(r.out.trimmed(), file.toUtf8());
        QFile renamed(file);
        QVERIFY(renamed.open(QIODevice::ReadOnly));
        QCOMPARE(renamed.readAll(), pdf);
    }

    void badInputSaysWhy_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("reason");
        QTest::newRow("no id") << QStringList{QStringLiteral("attachments")} << 64 << QStringLiteral("needs --id");
        QTest::newRow("bad id") << QStringList{QStringLiteral("attachments"), QStringLiteral("--id"), QStringLiteral("x")}
                                << 64 << QStringLiteral("positive number");
        QTest::newRow("unknown message") << QStringList{QStringLiteral("attachments"), QStringLiteral("--id"), QStringLiteral("999999")}
                                         << 4 << QStringLiteral("no message with id 999999");
        QTest::newRow("no name") << QStringList{QStringLiteral("save-attachment"), QStringLiteral("--id"), QStringLiteral("1"),
                                                QStringLiteral("--to"), QDir::tempPath()}
                                 << 64 << QStringLiteral("--name NAME and --to PATH");
    }
    void badInputSaysWhy()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, reason);
        const Run r = run(args);
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY2(QString::fromUtf8(r.err).contains(reason), r.err.constData());
        QCOMPARE(r.err.count('\n'), 1);
    }

    void unknownAttachmentNameIsNotFound()
    {
        QTemporaryDir target;
        const Run r = run({QStringLiteral("save-attachment"), QStringLiteral("--id"), m_contractId, QStringLiteral("--name"),
                           QStringLiteral("other.pdf"), QStringLiteral("--to"), target.path()});
        QCOMPARE(r.exitCode, 4);
        QVERIFY2(r.err.contains("no attachment named 'other.pdf'"), r.err.constData());
        QVERIFY(QDir(target.path()).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCliAttachments)
#include "tst_cli_attachments.moc"
