// What a user types or pastes as the server becomes one base URL and one
// endpoint path: the address skein-server prints works as it is, and the
// endpoint path is never appended a second time.
#include "ServerAddress.h"

#include <QTest>

using namespace skein;

class TestServerAddress : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void typedFormsGiveOneEndpoint_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("endpoint");
        const QString sogo = QStringLiteral("https://mail.example.com/SOGo/Microsoft-Server-ActiveSync");
        QTest::newRow("host only") << "mail.example.com" << "" << "https://mail.example.com"
                                   << "https://mail.example.com/Microsoft-Server-ActiveSync";
        QTest::newRow("base URL") << "http://127.0.0.1:8080" << "" << "http://127.0.0.1:8080"
                                  << "http://127.0.0.1:8080/Microsoft-Server-ActiveSync";
        QTest::newRow("base URL with slash") << "http://127.0.0.1:8080/" << "" << "http://127.0.0.1:8080"
                                             << "http://127.0.0.1:8080/Microsoft-Server-ActiveSync";
        QTest::newRow("what skein-server prints")
            << "http://127.0.0.1:8080/Microsoft-Server-ActiveSync" << "" << "http://127.0.0.1:8080"
            << "http://127.0.0.1:8080/Microsoft-Server-ActiveSync";
        QTest::newRow("endpoint, other case, trailing slash")
            << " https://mail.example.com/microsoft-server-activesync/ " << "" << "https://mail.example.com"
            << "https://mail.example.com/microsoft-server-activesync";
        QTest::newRow("a request URL pasted")
            << "https://mail.example.com/Microsoft-Server-ActiveSync?Cmd=Sync&User=u&DeviceId=D" << ""
            << "https://mail.example.com" << "https://mail.example.com/Microsoft-Server-ActiveSync";
        QTest::newRow("prefix") << "https://mail.example.com/SOGo" << "" << "https://mail.example.com" << sogo;
        QTest::newRow("whole SOGo endpoint") << sogo << "" << "https://mail.example.com" << sogo;
        QTest::newRow("explicit path") << "https://mail.example.com" << "/SOGo/Microsoft-Server-ActiveSync"
                                       << "https://mail.example.com" << sogo;
        QTest::newRow("explicit path without slash") << "https://mail.example.com" << "eas"
                                                     << "https://mail.example.com" << "https://mail.example.com/eas";
        QTest::newRow("endpoint and the same explicit path")
            << "http://127.0.0.1:8080/Microsoft-Server-ActiveSync" << "/Microsoft-Server-ActiveSync"
            << "http://127.0.0.1:8080" << "http://127.0.0.1:8080/Microsoft-Server-ActiveSync";
        QTest::newRow("prefix and explicit path") << "https://mail.example.com/SOGo" << "/Microsoft-Server-ActiveSync"
                                                  << "https://mail.example.com" << sogo;
    }

    void typedFormsGiveOneEndpoint()
    {
        QFETCH(QString, typed);
        QFETCH(QString, path);
        QFETCH(QString, url);
        QFETCH(QString, endpoint);
        const ServerAddress address = ServerAddress::fromTyped(typed, path);
        QCOMPARE(address.url, url);
        QCOMPARE(address.endpoint(), endpoint);
    }

    // Without a typed path the account keeps the path it has (or the default).
    void noPathTypedLeavesThePathOpen()
    {
        const ServerAddress address = ServerAddress::fromTyped(QStringLiteral("https://mail.example.com"));
        QVERIFY(address.path.isEmpty());
        QCOMPARE(address.pathOrDefault(), QStringLiteral("/Microsoft-Server-ActiveSync"));
        QVERIFY(ServerAddress::fromTyped(QStringLiteral("  ")).url.isEmpty());
    }
};

QTEST_APPLESS_MAIN(TestServerAddress)
#include "tst_serveraddress.moc"
