// skein-cli drafts: list (text and --json), save (new and --id), delete,
// and clear errors that lose nothing (unknown id, unreadable attachment).
// A real skein-server process gives the profile its account.
#include "CliRun.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace skein::test;

class TestCliDrafts : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QProcess m_server;
    QString m_url;

    Run cli(const QStringList &args) const
    {
        return runProgram(QStringLiteral(SKEIN_CLI_BIN),
                          QStringList{QStringLiteral("--profile"), m_dir.filePath(QStringLiteral("profile"))} + args);
    }

    QJsonArray listJson() const
    {
        return QJsonDocument::fromJson(cli({QStringLiteral("drafts"), QStringLiteral("--json")}).out).array();
    }

    QString writeFile(const QString &name, const QByteArray &data) const
    {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(data) != data.size())
            return {};
        return path;
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
        const auto match = QRegularExpression(QStringLiteral("^listening (http://127\\.0\\.0\\.1:\\d+)/"))
                               .match(QString::fromUtf8(m_server.readLine()).trimmed());
        QVERIFY(match.hasMatch());
        m_url = match.captured(1);
        const Run r = cli({QStringLiteral("account"), QStringLiteral("add"), QStringLiteral("--url"), m_url,
                           QStringLiteral("--user"), QStringLiteral("demo"), QStringLiteral("--no-save")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
    }

    void cleanupTestCase()
    {
        m_server.terminate();
        m_server.waitForFinished(10000);
    }

    void emptyAtFirst()
    {
        const Run r = cli({QStringLiteral("drafts")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QByteArray("there are no drafts\n"));
        QCOMPARE(listJson().size(), 0);
    }

    void saveListUpdateDelete()
    {
        const QString body = writeFile(QStringLiteral("body.txt"), "Dear Alice,\nsoon more.");
        const QString file = writeFile(QStringLiteral("agenda.txt"), "1. plans");
        Run r = cli({QStringLiteral("drafts"), QStringLiteral("save"), QStringLiteral("--to"), QStringLiteral("alice@skein.test"),
                     QStringLiteral("--subject"), QStringLiteral("Agenda"), QStringLiteral("--body-file"), body,
                     QStringLiteral("--attach"), file});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QByteArray id = r.out.trimmed();
        QVERIFY(id.toLongLong() > 0);

        QJsonArray list = listJson();
        QCOMPARE(list.size(), 1);
        QJsonObject d = list.first().toObject();
        QCOMPARE(d[QStringLiteral("subject")].toString(), QStringLiteral("Agenda"));
        QCOMPARE(d[QStringLiteral("to")].toArray().first().toString(), QStringLiteral("alice@skein.test"));
        QCOMPARE(d[QStringLiteral("body")].toString(), QStringLiteral("Dear Alice,\nsoon more."));
        QCOMPARE(d[QStringLiteral("attachments")].toArray().first()[QStringLiteral("name")].toString(), QStringLiteral("agenda.txt"));
        QCOMPARE(d[QStringLiteral("onServer")].toBool(), false);
        QVERIFY(QFile::remove(file)); // the draft keeps its own copy
        QVERIFY(QFile::exists(d[QStringLiteral("attachments")].toArray().first()[QStringLiteral("path")].toString()));

        r = cli({QStringLiteral("drafts"), QStringLiteral("save"), QStringLiteral("--id"), QString::fromLatin1(id),
                 QStringLiteral("--subject"), QStringLiteral("Agenda, final")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out.trimmed(), id);
        list = listJson();
        QCOMPARE(list.size(), 1);
        QCOMPARE(list.first()[QStringLiteral("subject")].toString(), QStringLiteral("Agenda, final"));
        QCOMPARE(list.first()[QStringLiteral("body")].toString(), QStringLiteral("Dear Alice,\nsoon more."));

        r = cli({QStringLiteral("drafts")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.startsWith(id + '\t'));
        QVERIFY(r.out.contains("\tAgenda, final\talice@skein.test\t"));

        r = cli({QStringLiteral("drafts"), QStringLiteral("delete"), QString::fromLatin1(id)});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QByteArray("deleted\n"));
        QCOMPARE(listJson().size(), 0);
    }

    void badInputsSayWhyAndLoseNothing()
    {
        Run r = cli({QStringLiteral("drafts"), QStringLiteral("save"), QStringLiteral("--subject"), QStringLiteral("Keep")});
        QCOMPARE(r.exitCode, 0);
        const QString id = QString::fromLatin1(r.out.trimmed());

        r = cli({QStringLiteral("drafts"), QStringLiteral("save"), QStringLiteral("--id"), id, QStringLiteral("--subject"),
                 QStringLiteral("Lost?"), QStringLiteral("--attach"), m_dir.filePath(QStringLiteral("missing.pdf"))});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("missing.pdf"), r.err.constData());
        QCOMPARE(listJson().first()[QStringLiteral("subject")].toString(), QStringLiteral("Keep"));

        r = cli({QStringLiteral("drafts"), QStringLiteral("save"), QStringLiteral("--id"), QStringLiteral("999")});
        QCOMPARE(r.exitCode, 4);
        QVERIFY(r.err.contains("999"));
        r = cli({QStringLiteral("drafts"), QStringLiteral("delete"), QStringLiteral("999")});
        QCOMPARE(r.exitCode, 4);
        r = cli({QStringLiteral("drafts"), QStringLiteral("delete")});
        QCOMPARE(r.exitCode, 64);
        r = cli({QStringLiteral("drafts"), QStringLiteral("publish")});
        QCOMPARE(r.exitCode, 64);
        QCOMPARE(listJson().size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestCliDrafts)
#include "tst_cli_drafts.moc"
