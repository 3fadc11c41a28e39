// Provision: both phases, DeviceInformation by version, SOGo's "no policy"
// answer, final keys, remote wipe and status codes.
#include "EasTags.h"
#include "ProvisionCommand.h"
#include "StatusText.h"
#include "WbxmlCodec.h"

#include <QFile>
#include <QTest>

using namespace skein::eas;
namespace tag = skein::wbxml::tag;
using skein::wbxml::Element;

namespace {

QByteArray readData(const char *name)
{
    QFile f(QStringLiteral(SKEIN_TEST_DATA "/sogo/") + QLatin1String(name));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QByteArray str(const char *text)
{
    return QByteArray("\x03", 1) + QByteArray(text) + QByteArray("\x00\x01", 2);
}

QByteArray hex(const char *h) { return QByteArray::fromHex(h); }

QByteArray encode(const ProvisionCommand &command)
{
    const skein::wbxml::EncodeResult r = skein::wbxml::encode(command.request());
    if (!r.ok())
        qWarning("encode: %s", qPrintable(r.error));
    return r.bytes;
}

const DeviceInfo device{QStringLiteral("Skein"), QStringLiteral("host"),
                        QStringLiteral("Debian 12"), QStringLiteral("Skein/0.1")};

Element policyResponse(int status, int policyStatus, const char *key)
{
    Element root(tag::Provision::Provision);
    root.add(tag::Provision::Status, qint64(status));
    Element &policy = root.add(tag::Provision::Policies).add(tag::Provision::Policy);
    policy.add(tag::Provision::PolicyType, ProvisionCommand::policyType);
    policy.add(tag::Provision::Status, qint64(policyStatus));
    if (key)
        policy.add(tag::Provision::PolicyKey, key);
    return root;
}

} // namespace

class TestProvision : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initialRequestGolden()
    {
        const QByteArray expected = hex("03016a00" "000e45")  // Provision
            + hex("0012" "56" "48")                            // settings:DeviceInformation, Set
            + hex("57") + str("Skein")                         // Model
            + hex("59") + str("host")                          // FriendlyName
            + hex("5a") + str("Debian 12")                     // OS
            + hex("60") + str("Skein/0.1")                     // UserAgent
            + hex("0101")
            + hex("000e" "46" "47" "48") + str("MS-EAS-Provisioning-WBXML")
            + hex("010101");
        QCOMPARE(encode(ProvisionCommand::initial(QStringLiteral("14.1"), device)).toHex(' '),
                 expected.toHex(' '));
    }

    void olderVersionsSendNoDeviceInformation()
    {
        for (const char *version : {"12.1", "14.0"}) {
            const Element request = ProvisionCommand::initial(QLatin1String(version), device).request();
            QVERIFY(!request.has(tag::Settings::DeviceInformation));
            QCOMPARE(request.find({tag::Provision::Policies, tag::Provision::Policy,
                                   tag::Provision::PolicyType})->text(),
                     QStringLiteral("MS-EAS-Provisioning-WBXML"));
        }
        QVERIFY(ProvisionCommand::initial(QStringLiteral("16.0"), device)
                    .request().has(tag::Settings::DeviceInformation));
    }

    void acknowledgeGolden()
    {
        const QByteArray expected = hex("03016a00" "000e45" "46" "47")
            + hex("48") + str("MS-EAS-Provisioning-WBXML")
            + hex("49") + str("3942919513")                   // PolicyKey
            + hex("4b") + str("1")                            // Status 1 = applied
            + hex("010101");
        QCOMPARE(encode(ProvisionCommand::acknowledge(QStringLiteral("3942919513"),
                                                      QStringLiteral("14.1")))
                     .toHex(' '),
                 expected.toHex(' '));
    }

    void wipeAcknowledge()
    {
        const QByteArray expected = hex("03016a00" "000e45" "4c" "4b") + str("1") + hex("0101");
        QCOMPARE(encode(ProvisionCommand::acknowledgeWipe(1, QStringLiteral("14.1"))).toHex(' '),
                 expected.toHex(' '));
    }

    void parsesSogoNoPolicy()
    {
        const skein::wbxml::DecodeResult decoded =
            skein::wbxml::decode(readData("03-provision-request.response.wbxml"));
        QVERIFY2(decoded.ok(), qPrintable(decoded.error));
        const ProvisionCommand::Result r = ProvisionCommand::parse(&*decoded.root);
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        QCOMPARE(r.status, 1);
        QCOMPARE(r.policyStatus, 2); // no policy for this client
        QVERIFY(r.policyKey.isEmpty());
        QVERIFY(!r.remoteWipe);
    }

    void parsesKeys()
    {
        const Element temporary = policyResponse(1, 1, "1307199584");
        ProvisionCommand::Result r = ProvisionCommand::parse(&temporary);
        QVERIFY(r.error.isEmpty());
        QCOMPARE(r.policyKey, QStringLiteral("1307199584"));
        QCOMPARE(r.policyStatus, 1);
        const Element missingKey = policyResponse(1, 1, nullptr);
        QVERIFY(!ProvisionCommand::parse(&missingKey).error.isEmpty());
    }

    void parsesRemoteWipe()
    {
        Element root(tag::Provision::Provision);
        root.add(tag::Provision::Status, "1");
        root.add(tag::Provision::RemoteWipe);
        ProvisionCommand::Result r = ProvisionCommand::parse(&root);
        QVERIFY(r.remoteWipe);
        QVERIFY(r.error.isEmpty());
        // 16.1 AccountOnlyRemoteWipe arrives as a token our table lacks.
        Element accountOnly(tag::Provision::Provision);
        accountOnly.add(tag::Provision::Status, "1");
        accountOnly.add(skein::wbxml::Tag{14, 0x3B}).setKnown(false);
        QVERIFY(ProvisionCommand::parse(&accountOnly).remoteWipe);
    }

    void statuses_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<int>("policyStatus");
        QTest::newRow("protocol error") << 2 << 0;
        QTest::newRow("server error") << 3 << 0;
        QTest::newRow("139") << 139 << 0;
        QTest::newRow("141") << 141 << 0;
        QTest::newRow("145") << 145 << 0;
        QTest::newRow("165 no DeviceInformation") << 165 << 0;
        QTest::newRow("policy 3 unknown type") << 1 << 3;
        QTest::newRow("policy 4 corrupt") << 1 << 4;
        QTest::newRow("policy 5 wrong key") << 1 << 5;
    }

    void statuses()
    {
        QFETCH(int, status);
        QFETCH(int, policyStatus);
        Element root = policyStatus ? policyResponse(status, policyStatus, nullptr)
                                    : Element(tag::Provision::Provision);
        if (!policyStatus)
            root.add(tag::Provision::Status, qint64(status));
        const ProvisionCommand::Result r = ProvisionCommand::parse(&root);
        QCOMPARE(r.status, status);
        QCOMPARE(r.policyStatus, policyStatus);
        QVERIFY(r.error.isEmpty());
        const QString text = policyStatus ? statusText("Provision.Policy", policyStatus)
                                          : statusText("Provision", status);
        QVERIFY2(!text.contains(QStringLiteral("no explanation for")), qPrintable(text));
    }

    void emptyBodyIsMalformed()
    {
        QVERIFY(!ProvisionCommand::parse(nullptr).error.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestProvision)
#include "tst_provision.moc"
