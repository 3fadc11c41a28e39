// skein-cli search as a script runs it: over a profile whose store holds
// synced mail, text and JSON output, the folder option and bad input.
#include "CliRun.h"
#include "unit/ModelTestData.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace skein;
using namespace skein::test;
using namespace skein::testdata;

class TestCliSearch : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    Run cli(const QStringList &args) const
    {
        return runProgram(QStringLiteral(SKEIN_CLI_BIN),
                          QStringList{QStringLiteral("--profile"), m_dir.filePath(QStringLiteral("profile"))} + args);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(QDir().mkpath(m_dir.filePath(QStringLiteral("profile"))));
        Store store;
        QVERIFY2(store.open(m_dir.filePath(QStringLiteral("profile/skein.db"))), qPrintable(store.lastError()));
        AccountSettings account;
        account.url = QStringLiteral("http://127.0.0.1:9");
        account.user = QStringLiteral("demo");
        account.deviceId = QStringLiteral("cli0search");
        QVERIFY(store.accountStore().saveAccount(account));
        QVERIFY(store.folderStore().applyFolderSync(QStringLiteral("1"), standardFolders(), {}));
        Message a = mail(QStringLiteral("a"), 1, QStringLiteral("Greta <greta@x.test>"), "c-a");
        a.subject = QStringLiteral("Garden plans");
        a.bodyType = BodyType::Html;
        a.body = "<p>Plant the <em>tomatoes</em> in May</p>";
        Message b = mail(QStringLiteral("b"), 2, QStringLiteral("Hugo <hugo@x.test>"), "c-b");
        b.subject = QStringLiteral("Tomato soup recipe");
        QVERIFY(add(store, inbox, {a}));
        QVERIFY(add(store, projects, {b}));
    }

    void printsMatchingConversations()
    {
        const Run r = cli({QStringLiteral("search"), QStringLiteral("tomat")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.out.contains("**Tomato** soup recipe"), r.out.constData());
        QVERIFY2(r.out.contains("Plant the **tomatoes** in May"), r.out.constData());
        QCOMPARE(lines(r.out).size(), 4); // a line and its snippet per conversation
    }

    void printsJson()
    {
        const Run r = cli({QStringLiteral("search"), QStringLiteral("tomatoes"), QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonArray hits = QJsonDocument::fromJson(r.out).array();
        QCOMPARE(hits.size(), 1);
        const QJsonObject hit = hits.first().toObject();
        QCOMPARE(hit[QStringLiteral("subject")].toString(), QStringLiteral("Garden plans"));
        QCOMPARE(hit[QStringLiteral("folder")].toString(), QStringLiteral("Inbox"));
        QCOMPARE(hit[QStringLiteral("conversationId")].toString(), QString::fromLatin1(QByteArray("c-a").toHex()));
        QCOMPARE(hit[QStringLiteral("messageCount")].toInt(), 1);
        QVERIFY(hit[QStringLiteral("id")].toDouble() > 0);
        QVERIFY(hit[QStringLiteral("snippet")].toString().contains(QStringLiteral("**tomatoes**")));
        QCOMPARE(hit[QStringLiteral("participants")].toArray().first().toString(), QStringLiteral("Greta <greta@x.test>"));
    }

    void severalWordsAndAFolder()
    {
        Run r = cli({QStringLiteral("search"), QStringLiteral("tomato"), QStringLiteral("soup"), QStringLiteral("--json")});
        QCOMPARE(QJsonDocument::fromJson(r.out).array().size(), 1);
        r = cli({QStringLiteral("search"), QStringLiteral("tomat"), QStringLiteral("--folder"), QStringLiteral("Projects"),
                 QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonArray hits = QJsonDocument::fromJson(r.out).array();
        QCOMPARE(hits.size(), 1);
        QCOMPARE(hits.first()[QStringLiteral("subject")].toString(), QStringLiteral("Tomato soup recipe"));
        r = cli({QStringLiteral("search"), QStringLiteral("tomat"), QStringLiteral("--folder"), QStringLiteral("Nowhere")});
        QCOMPARE(r.exitCode, 4);
        QVERIFY(r.err.contains("Nowhere"));
    }

    void oddInputFindsNothingWithoutError()
    {
        for (const char *text : {"\"", "NEAR(", "*", "-", "(\")", "tomato\" OR \"x"}) {
            const Run r = cli({QStringLiteral("search"), QString::fromLatin1(text), QStringLiteral("--json")});
            QVERIFY2(r.exitCode == 0, text);
            QVERIFY2(r.err.isEmpty(), r.err.constData());
            QCOMPARE(QJsonDocument::fromJson(r.out).array().size(), 0);
        }
        const Run none = cli({QStringLiteral("search")});
        QCOMPARE(none.exitCode, 64);
        QVERIFY(none.err.contains("usage"));
    }
};

QTEST_GUILESS_MAIN(TestCliSearch)
#include "tst_cli_search.moc"
