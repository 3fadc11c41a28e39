// format:: address parsing and display: what the list and the reading pane
// show for the From, To and Cc headers the server sends (RFC 2047 already
// decoded, quoting and escaping still in place).

#include "MailFormat.h"

#include <QTest>

using namespace skein::ui;
using format::Mailbox;

Q_DECLARE_METATYPE(QList<Mailbox>)

namespace QTest {
template <>
char *toString(const Mailbox &m)
{
    return qstrdup(qPrintable(QStringLiteral("{%1|%2}").arg(m.name, m.address)));
}
} // namespace QTest

class TestMailFormat : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesAddressLists_data()
    {
        QTest::addColumn<QString>("header");
        QTest::addColumn<QList<Mailbox>>("expected");
        const QString lena = QStringLiteral("lena.fischer@northwind.example");
        QTest::newRow("quoted name") << QStringLiteral("\"Lena Fischer\" <lena.fischer@northwind.example>")
                                     << QList<Mailbox>{{QStringLiteral("Lena Fischer"), lena}};
        QTest::newRow("plain name") << QStringLiteral("Lena Fischer <lena.fischer@northwind.example>")
                                    << QList<Mailbox>{{QStringLiteral("Lena Fischer"), lena}};
        QTest::newRow("bare address") << QStringLiteral("  lena.fischer@northwind.example ")
                                      << QList<Mailbox>{{QString(), lena}};
        QTest::newRow("angle only") << QStringLiteral("<lena.fischer@northwind.example>")
                                    << QList<Mailbox>{{QString(), lena}};
        QTest::newRow("comma in quotes")
            << QStringLiteral("\"Fischer, Lena\" <lena.fischer@northwind.example>, Demo User <demo@skein.test>")
            << QList<Mailbox>{{QStringLiteral("Fischer, Lena"), lena},
                              {QStringLiteral("Demo User"), QStringLiteral("demo@skein.test")}};
        QTest::newRow("semicolons, Outlook style")
            << QStringLiteral("'Priya Raman' <priya@x.example>; \"Tom; Okafor\" <tom@x.example>;")
            << QList<Mailbox>{{QStringLiteral("Priya Raman"), QStringLiteral("priya@x.example")},
                              {QStringLiteral("Tom; Okafor"), QStringLiteral("tom@x.example")}};
        QTest::newRow("escaped quote")
            << QStringLiteral("\"Anna \\\"Ann\\\" Berg\" <anna@x.example>")
            << QList<Mailbox>{{QStringLiteral("Anna \"Ann\" Berg"), QStringLiteral("anna@x.example")}};
        QTest::newRow("comment name") << QStringLiteral("anna@x.example (Anna Berg, Sales)")
                                      << QList<Mailbox>{{QStringLiteral("Anna Berg, Sales"),
                                                         QStringLiteral("anna@x.example")}};
        QTest::newRow("name repeats address") << QStringLiteral("\"anna@x.example\" <Anna@X.example>")
                                              << QList<Mailbox>{{QString(), QStringLiteral("Anna@X.example")}};
        QTest::newRow("group") << QStringLiteral("Team: a@x.example, b@x.example;, undisclosed-recipients:;")
                               << QList<Mailbox>{{QString(), QStringLiteral("a@x.example")},
                                                 {QString(), QStringLiteral("b@x.example")}};
        QTest::newRow("unicode, extra spaces")
            << QStringLiteral("  J\u00FCrgen   M\u00FCller  <jm@x.example> ,, ")
            << QList<Mailbox>{{QStringLiteral("J\u00FCrgen M\u00FCller"), QStringLiteral("jm@x.example")}};
        QTest::newRow("name only") << QStringLiteral("carol") << QList<Mailbox>{{QStringLiteral("carol"), QString()}};
        QTest::newRow("empty") << QString() << QList<Mailbox>{};
    }

    void parsesAddressLists()
    {
        QFETCH(QString, header);
        QFETCH(QList<Mailbox>, expected);
        QCOMPARE(format::parseAddressList(header), expected);
    }

    void displaysWithoutQuotes()
    {
        const QString from = QStringLiteral("\"Lena Fischer\" <lena.fischer@northwind.example>");
        QCOMPARE(format::displayName(from), QStringLiteral("Lena Fischer"));
        QCOMPARE(format::emailAddress(from), QStringLiteral("lena.fischer@northwind.example"));
        QCOMPARE(format::addressListText(from), QStringLiteral("Lena Fischer <lena.fischer@northwind.example>"));
        QCOMPARE(format::displayName(QStringLiteral("Lena@Northwind.example")), QStringLiteral("Lena@Northwind.example"));
        QCOMPARE(format::emailAddress(QStringLiteral("Lena <Lena@Northwind.example>")),
                 QStringLiteral("lena@northwind.example"));
        QCOMPARE(format::emailAddress(QStringLiteral("carol")), QString());
        QCOMPARE(format::displayName(QStringLiteral("carol")), QStringLiteral("carol"));

        const QString to = QStringLiteral("\"Fischer, Lena\" <lena@x.example>, bob@x.example, 'Tom Okafor' <tom@x.example>");
        QCOMPARE(format::displayNames(to), QStringLiteral("Fischer, Lena, bob@x.example, Tom Okafor"));
        QCOMPARE(format::addressListText(to),
                 QStringLiteral("Fischer, Lena <lena@x.example>, bob@x.example, Tom Okafor <tom@x.example>"));
    }
};

QTEST_GUILESS_MAIN(TestMailFormat)
#include "tst_mailformat.moc"
