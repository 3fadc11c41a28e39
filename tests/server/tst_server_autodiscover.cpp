// Autodiscover (AutodiscoverHandler, docs/signin.md): Exchange Online's JSON
// service in both URL forms, the POX mobilesync service of [MS-ASCMD]
// 2.2.1.1, and the autodiscover-redirect fault.
#include "SignInTestSupport.h"

#include <ReferenceServer.h>

#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace skein::test;
using skein::server::ReferenceServer;

namespace {

const QString kResponseNs = QStringLiteral("http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006");
const QString kMobileSyncNs = QStringLiteral("http://schemas.microsoft.com/exchange/autodiscover/mobilesync/responseschema/2006");

QByteArray poxRequest(const QString &email,
                      const QString &schema = QStringLiteral(
                          "http://schemas.microsoft.com/exchange/autodiscover/mobilesync/responseschema/2006"))
{
    return QStringLiteral("<?xml version=\"1.0\" encoding=\"utf-8\"?>\r\n"
                          "<Autodiscover xmlns=\"http://schemas.microsoft.com/exchange/autodiscover/mobilesync/requestschema/2006\">"
                          "<Request><EMailAddress>%1</EMailAddress>"
                          "<AcceptableResponseSchema>%2</AcceptableResponseSchema></Request></Autodiscover>")
        .arg(email, schema)
        .toUtf8();
}

// Text of the element at a path of (namespace, local name) steps; null if absent.
QString textAt(const QByteArray &xml, const QList<std::pair<QString, QString>> &path)
{
    QXmlStreamReader reader(xml);
    int depth = 0;
    int matched = 0;
    while (!reader.atEnd()) {
        const auto token = reader.readNext();
        if (token == QXmlStreamReader::StartElement) {
            if (matched == depth && matched < path.size() && reader.namespaceUri() == path[matched].first
                && reader.name() == path[matched].second) {
                ++matched;
                if (matched == path.size())
                    return reader.readElementText();
            }
            ++depth;
        } else if (token == QXmlStreamReader::EndElement) {
            --depth;
            if (matched > depth)
                matched = depth;
        }
    }
    return {};
}

} // namespace

class TestServerAutodiscover : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    ReferenceServer m_server;
    WebTestClient m_web;

    QString easUrl() const { return m_server.baseUrl().toString() + QStringLiteral("/Microsoft-Server-ActiveSync"); }
    QUrl jsonPathForm(const QString &email, const QString &protocol = QStringLiteral("ActiveSync")) const
    {
        return endpoint(m_server.baseUrl(), QStringLiteral("/autodiscover/autodiscover.json/v1.0/") + email,
                        {{QStringLiteral("Protocol"), protocol}});
    }
    QUrl jsonQueryForm(const QString &email) const
    {
        return endpoint(m_server.baseUrl(), QStringLiteral("/autodiscover/autodiscover.json"),
                        {{QStringLiteral("Email"), email}, {QStringLiteral("Protocol"), QStringLiteral("ActiveSync")}});
    }
    WebResponse pox(const QByteArray &body, const QString &path = QStringLiteral("/autodiscover/autodiscover.xml"))
    {
        return m_web.post(endpoint(m_server.baseUrl(), path), body, "text/xml");
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QString error;
        QVERIFY2(m_server.open(m_dir.path(), &error), qPrintable(error));
        QVERIFY(m_server.seedDemo() > 0); // demo@skein.test, "Demo User"
        QVERIFY(m_server.addUser(QStringLiteral("alice"), QStringLiteral("secret")));
        QVERIFY(m_server.start() != 0);
    }

    void jsonAnswersForAKnownAddress_data()
    {
        QTest::addColumn<QUrl>("url");
        QTest::newRow("path form") << jsonPathForm(QStringLiteral("alice@skein.test"));
        QTest::newRow("query form") << jsonQueryForm(QStringLiteral("alice@skein.test"));
        QTest::newRow("address case") << jsonPathForm(QStringLiteral("Alice@SKEIN.test"));
        QTest::newRow("protocol case") << jsonPathForm(QStringLiteral("demo@skein.test"), QStringLiteral("activesync"));
    }
    void jsonAnswersForAKnownAddress()
    {
        QFETCH(QUrl, url);
        const WebResponse r = m_web.get(url);
        QCOMPARE(r.status, 200);
        QVERIFY(r.header("Content-Type").startsWith("application/json"));
        QCOMPARE(r.json(), (QJsonObject{{QStringLiteral("Protocol"), QStringLiteral("ActiveSync")},
                                        {QStringLiteral("Url"), easUrl()}}));
    }

    void jsonRefusesUnknownAddressesAndProtocols()
    {
        for (const QUrl &url : {jsonPathForm(QStringLiteral("nobody@skein.test")), jsonQueryForm(QStringLiteral("alice@example.com")),
                                jsonQueryForm(QString())}) {
            const WebResponse r = m_web.get(url);
            QCOMPARE(r.status, 404);
            QCOMPARE(r.jsonText("ErrorCode"), QStringLiteral("UserNotFound"));
            QVERIFY(!r.jsonText("ErrorMessage").isEmpty());
        }
        const WebResponse ews = m_web.get(jsonPathForm(QStringLiteral("alice@skein.test"), QStringLiteral("EWS")));
        QCOMPARE(ews.status, 400);
        QVERIFY(!ews.jsonText("ErrorCode").isEmpty());
        QCOMPARE(m_web.get(endpoint(m_server.baseUrl(), QStringLiteral("/autodiscover/autodiscover.json/v1.0/alice@skein.test"))).status, 400);
    }

    void poxAnswersTheMobileSyncResponse_data()
    {
        QTest::addColumn<QString>("path");
        QTest::newRow("lower case") << QStringLiteral("/autodiscover/autodiscover.xml");
        QTest::newRow("Exchange's case") << QStringLiteral("/Autodiscover/Autodiscover.xml");
    }
    void poxAnswersTheMobileSyncResponse()
    {
        QFETCH(QString, path);
        const WebResponse r = pox(poxRequest(QStringLiteral("DEMO@skein.test")), path);
        QCOMPARE(r.status, 200);
        QVERIFY(r.header("Content-Type").startsWith("text/xml"));
        QXmlStreamReader wellFormed(r.body);
        while (!wellFormed.atEnd())
            wellFormed.readNext();
        QVERIFY2(!wellFormed.hasError(), r.body.constData());
        const auto at = [&](const QStringList &names) {
            QList<std::pair<QString, QString>> steps{{kResponseNs, QStringLiteral("Autodiscover")}};
            for (const QString &n : names)
                steps.append({kMobileSyncNs, n});
            return textAt(r.body, steps);
        };
        QCOMPARE(at({QStringLiteral("Response"), QStringLiteral("User"), QStringLiteral("DisplayName")}), QStringLiteral("Demo User"));
        QCOMPARE(at({QStringLiteral("Response"), QStringLiteral("User"), QStringLiteral("EMailAddress")}), QStringLiteral("demo@skein.test"));
        const QStringList server{QStringLiteral("Response"), QStringLiteral("Action"), QStringLiteral("Settings"), QStringLiteral("Server")};
        QCOMPARE(at(server + QStringList{QStringLiteral("Type")}), QStringLiteral("MobileSync"));
        QCOMPARE(at(server + QStringList{QStringLiteral("Url")}), easUrl());
        QCOMPARE(at(server + QStringList{QStringLiteral("Name")}), easUrl());
    }

    void poxErrors_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("errorCode");
        QTest::newRow("unknown address") << poxRequest(QStringLiteral("nobody@skein.test")) << QStringLiteral("600");
        QTest::newRow("not XML") << QByteArray("<Autodiscover><Request>") << QStringLiteral("600");
        QTest::newRow("no address") << poxRequest(QString()) << QStringLiteral("600");
        QTest::newRow("other schema")
            << poxRequest(QStringLiteral("alice@skein.test"),
                          QStringLiteral("http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a"))
            << QStringLiteral("601");
    }
    void poxErrors()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, errorCode);
        const WebResponse r = pox(body);
        QCOMPARE(r.status, 200);
        const QList<std::pair<QString, QString>> error{{kResponseNs, QStringLiteral("Autodiscover")},
                                                       {kResponseNs, QStringLiteral("Response")},
                                                       {kResponseNs, QStringLiteral("Error")}};
        QCOMPARE(textAt(r.body, error + QList<std::pair<QString, QString>>{{kResponseNs, QStringLiteral("ErrorCode")}}), errorCode);
        QVERIFY(!textAt(r.body, error + QList<std::pair<QString, QString>>{{kResponseNs, QStringLiteral("Message")}}).isEmpty());
        QVERIFY(!r.body.contains("MobileSync"));
    }

    void redirectFaultAnswersEveryForm()
    {
        const QString target = QStringLiteral("https://autodiscover.example.com/autodiscover/autodiscover.json?x=1");
        QString error;
        QVERIFY2(m_server.faults().applyFaultSpec(QStringLiteral("autodiscover-redirect:") + target, &error), qPrintable(error));
        for (const WebResponse &r : {m_web.get(jsonPathForm(QStringLiteral("alice@skein.test"))),
                                     m_web.get(jsonQueryForm(QStringLiteral("nobody@skein.test"))),
                                     pox(poxRequest(QStringLiteral("alice@skein.test")))}) {
            QCOMPARE(r.status, 302);
            QCOMPARE(QString::fromUtf8(r.header("Location")), target);
        }
        // For the life of the process, not once.
        QCOMPARE(m_web.get(jsonPathForm(QStringLiteral("alice@skein.test"))).status, 302);
        m_server.faults().setAutodiscoverRedirect(QUrl());
        QCOMPARE(m_web.get(jsonPathForm(QStringLiteral("alice@skein.test"))).status, 200);
        QVERIFY(!m_server.faults().applyFaultSpec(QStringLiteral("autodiscover-redirect:not a url"), &error));
        QCOMPARE(m_web.get(jsonPathForm(QStringLiteral("alice@skein.test"))).status, 200);
    }
};

QTEST_GUILESS_MAIN(TestServerAutodiscover)
#include "tst_server_autodiscover.moc"
