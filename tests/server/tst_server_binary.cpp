// The skein-server executable: listening line, dump, errors, signals.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

class TestServerBinary : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void printsListeningLineAndStopsOnSigterm()
    {
        QTemporaryDir dir;
        QProcess p;
        p.start(QStringLiteral(SKEIN_SERVER_BIN),
                {QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"), QStringLiteral("--data"), dir.path(),
                 QStringLiteral("--seed"), QStringLiteral("demo"), QStringLiteral("--users"), QStringLiteral("alice:alice")});
        QVERIFY(p.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(p.canReadLine(), 15000);
        const QString line = QString::fromUtf8(p.readLine()).trimmed();
        static const QRegularExpression re(QStringLiteral("^listening http://127\\.0\\.0\\.1:(\\d+)/Microsoft-Server-ActiveSync$"));
        const auto match = re.match(line);
        QVERIFY2(match.hasMatch(), qPrintable(line));
        QVERIFY(match.captured(1).toInt() > 0);

        // The port is really taken: a second server on it fails with one line.
        QProcess second;
        second.start(QStringLiteral(SKEIN_SERVER_BIN),
                     {QStringLiteral("--listen"), QStringLiteral("127.0.0.1:") + match.captured(1), QStringLiteral("--data"),
                      dir.path() + QStringLiteral("/second")});
        QVERIFY(second.waitForFinished(15000));
        QVERIFY(second.exitCode() != 0);
        const QByteArray err = second.readAllStandardError().trimmed();
        QVERIFY2(!err.isEmpty() && !err.contains('\n'), err.constData());

        p.terminate(); // SIGTERM
        QVERIFY(p.waitForFinished(15000));
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QCOMPARE(p.exitCode(), 0);
    }

    // The desktop app's demo stops it this way, and its end (even a crash)
    // closes the pipe too; without the option, stdin means nothing.
    void exitOnStdinCloseStopsWhenStdinCloses()
    {
        QTemporaryDir dir;
        QProcess p;
        p.start(QStringLiteral(SKEIN_SERVER_BIN),
                {QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"), QStringLiteral("--data"), dir.path(),
                 QStringLiteral("--seed"), QStringLiteral("demo"), QStringLiteral("--exit-on-stdin-close")});
        QVERIFY(p.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(p.canReadLine(), 15000);
        QVERIFY(p.readLine().startsWith("listening "));
        p.write("anything\n"); // read and ignored
        QVERIFY(!p.waitForFinished(300));
        p.closeWriteChannel();
        QVERIFY(p.waitForFinished(15000));
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QCOMPARE(p.exitCode(), 0);

        QProcess plain;
        plain.start(QStringLiteral(SKEIN_SERVER_BIN),
                    {QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"), QStringLiteral("--data"),
                     dir.path() + QStringLiteral("/plain")});
        QVERIFY(plain.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(plain.canReadLine(), 15000);
        plain.closeWriteChannel();
        QVERIFY(!plain.waitForFinished(500));
        plain.terminate();
        QVERIFY(plain.waitForFinished(15000));
    }

    void dumpJson()
    {
        QTemporaryDir dir;
        QProcess p;
        p.start(QStringLiteral(SKEIN_SERVER_BIN),
                {QStringLiteral("--data"), dir.path(), QStringLiteral("--seed"), QStringLiteral("demo"), QStringLiteral("dump"), QStringLiteral("--json")});
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitCode(), 0);
        const QJsonDocument doc = QJsonDocument::fromJson(p.readAllStandardOutput());
        const QJsonArray users = doc.object().value(QStringLiteral("users")).toArray();
        QCOMPARE(users.size(), 1);
        QCOMPARE(users.first().toObject().value(QStringLiteral("name")).toString(), QStringLiteral("demo"));
        QVERIFY(users.first().toObject().value(QStringLiteral("conversations")).toArray().size() >= 25);
    }

    void unwritableDataDirFails()
    {
        QTemporaryDir dir;
        QFile file(dir.filePath(QStringLiteral("not-a-dir")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        QProcess p;
        p.start(QStringLiteral(SKEIN_SERVER_BIN), {QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                                                   QStringLiteral("--data"), file.fileName() + QStringLiteral("/sub")});
        QVERIFY(p.waitForFinished(15000));
        QVERIFY(p.exitCode() != 0);
        QVERIFY(p.readAllStandardOutput().isEmpty());
        QVERIFY(!p.readAllStandardError().trimmed().contains('\n'));
    }

    void generateAndFaultOptions()
    {
        QTemporaryDir dir;
        QProcess p;
        p.start(QStringLiteral(SKEIN_SERVER_BIN),
                {QStringLiteral("--data"), dir.path(), QStringLiteral("--generate"), QStringLiteral("300"), QStringLiteral("--user"),
                 QStringLiteral("bench"), QStringLiteral("--folder"), QStringLiteral("Inbox"), QStringLiteral("--fault"),
                 QStringLiteral("503:2,sync3:Inbox"), QStringLiteral("dump"), QStringLiteral("--json")});
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitCode(), 0);
        const QJsonObject user = QJsonDocument::fromJson(p.readAllStandardOutput()).object().value(QStringLiteral("users")).toArray().first().toObject();
        QCOMPARE(user.value(QStringLiteral("messages")).toArray().size(), 300);

        QProcess bad;
        bad.start(QStringLiteral(SKEIN_SERVER_BIN), {QStringLiteral("--data"), dir.path(), QStringLiteral("--fault"), QStringLiteral("oops"),
                                                     QStringLiteral("dump")});
        QVERIFY(bad.waitForFinished(15000));
        QVERIFY(bad.exitCode() != 0);
    }

    void seedMimeAndRefuseOptions()
    {
        QTemporaryDir dir;
        QProcess p;
        p.start(QStringLiteral(SKEIN_SERVER_BIN),
                {QStringLiteral("--data"), dir.path(), QStringLiteral("--seed-mime"), QStringLiteral(SKEIN_TEST_DATA "/mime-fixture"),
                 QStringLiteral("--user"), QStringLiteral("carol"), QStringLiteral("--refuse"),
                 QStringLiteral("conversation-move,conversation-search"), QStringLiteral("--no-conversation-index"),
                 QStringLiteral("dump"), QStringLiteral("--json")});
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitCode(), 0);
        const QJsonObject user = QJsonDocument::fromJson(p.readAllStandardOutput()).object().value(QStringLiteral("users")).toArray().first().toObject();
        QCOMPARE(user.value(QStringLiteral("name")).toString(), QStringLiteral("carol"));
        QCOMPARE(user.value(QStringLiteral("messages")).toArray().size(), 4);

        QProcess badRefusal;
        badRefusal.start(QStringLiteral(SKEIN_SERVER_BIN), {QStringLiteral("--data"), dir.path(), QStringLiteral("--refuse"),
                                                            QStringLiteral("everything"), QStringLiteral("dump")});
        QVERIFY(badRefusal.waitForFinished(15000));
        QCOMPARE(badRefusal.exitCode(), 2);

        QProcess missing;
        missing.start(QStringLiteral(SKEIN_SERVER_BIN), {QStringLiteral("--data"), dir.path(), QStringLiteral("--seed-mime"),
                                                         dir.filePath(QStringLiteral("nowhere")), QStringLiteral("--user"),
                                                         QStringLiteral("carol"), QStringLiteral("dump")});
        QVERIFY(missing.waitForFinished(15000));
        QCOMPARE(missing.exitCode(), 1);
        QVERIFY(missing.readAllStandardError().contains("manifest.json"));
    }

    void maxRequestBytesOption()
    {
        QTemporaryDir dir;
        QProcess p;
        p.start(QStringLiteral(SKEIN_SERVER_BIN),
                {QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"), QStringLiteral("--data"), dir.path(),
                 QStringLiteral("--users"), QStringLiteral("alice:alice"), QStringLiteral("--max-request-bytes"),
                 QStringLiteral("1000")});
        QVERIFY(p.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(p.canReadLine(), 15000);
        const QUrl url(QString::fromUtf8(p.readLine()).trimmed().section(QLatin1Char(' '), 1));
        QVERIFY(url.port() > 0);
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, quint16(url.port()));
        QVERIFY(socket.waitForConnected(10000));
        socket.write("POST /Microsoft-Server-ActiveSync?Cmd=Sync&User=alice&DeviceId=D1&DeviceType=T HTTP/1.1\r\n"
                     "Host: 127.0.0.1\r\nContent-Length: 1001\r\n\r\n");
        QByteArray answer;
        while (!answer.contains("\r\n\r\n") && socket.waitForReadyRead(10000))
            answer += socket.readAll();
        QVERIFY2(answer.startsWith("HTTP/1.1 413 "), answer.constData());
        p.terminate();
        QVERIFY(p.waitForFinished(15000));

        for (const char *bad : {"0", "-5", "lots"}) {
            QProcess refused;
            refused.start(QStringLiteral(SKEIN_SERVER_BIN), {QStringLiteral("--data"), dir.path(), QStringLiteral("--max-request-bytes"),
                                                             QString::fromLatin1(bad), QStringLiteral("dump")});
            QVERIFY(refused.waitForFinished(15000));
            QCOMPARE(refused.exitCode(), 2);
            QVERIFY(refused.readAllStandardError().contains("--max-request-bytes"));
        }
    }
};

QTEST_GUILESS_MAIN(TestServerBinary)
#include "tst_server_binary.moc"
