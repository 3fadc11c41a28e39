// PingCommand: the full request Skein always sends, and every status of the
// answer with what comes with it (changed folders, the interval bound, the
// folder limit).
#include "EasTags.h"
#include "PingCommand.h"
#include "WbxmlCodec.h"

#include <QTest>

using namespace skein::eas;
namespace tag = skein::wbxml::tag;
using skein::wbxml::Element;

namespace {

Element answer(int status)
{
    Element root(tag::Ping::Ping);
    root.add(tag::Ping::Status, qint64(status));
    return root;
}

} // namespace

class TestPingCommand : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void requestCarriesIntervalAndFolders()
    {
        const Element root = PingCommand(480, {QStringLiteral("1"), QStringLiteral("7")}).request();
        QCOMPARE(root.childText(tag::Ping::HeartbeatInterval), QStringLiteral("480"));
        const auto folders = root.child(tag::Ping::Folders)->all(tag::Ping::Folder);
        QCOMPARE(folders.size(), 2);
        QCOMPARE(folders.at(1)->childText(tag::Ping::Id), QStringLiteral("7"));
        QCOMPARE(folders.at(1)->childText(tag::Ping::Class), QStringLiteral("Email"));
        const auto decoded = skein::wbxml::decode(skein::wbxml::encode(root).bytes);
        QVERIFY(decoded.root);
        QCOMPARE(decoded.root->childText(tag::Ping::HeartbeatInterval), QStringLiteral("480"));
    }

    void statusOneIsQuiet()
    {
        const Element root = answer(1);
        const PingCommand::Result r = PingCommand::parse(&root);
        QCOMPARE(r.status, 1);
        QVERIFY(r.changedFolders.isEmpty());
        QVERIFY(r.error.isEmpty());
    }

    void statusTwoNamesTheChangedFolders()
    {
        Element root = answer(2);
        Element &folders = root.add(tag::Ping::Folders);
        folders.add(tag::Ping::Folder, "1");
        folders.add(tag::Ping::Folder, "12");
        const PingCommand::Result r = PingCommand::parse(&root);
        QCOMPARE(r.status, 2);
        QCOMPARE(r.changedFolders, (QStringList{QStringLiteral("1"), QStringLiteral("12")}));
    }

    void statusFiveGivesTheBound()
    {
        Element root = answer(5);
        root.add(tag::Ping::HeartbeatInterval, qint64(600));
        QCOMPARE(PingCommand::parse(&root).heartbeatInterval, 600);
    }

    void statusSixGivesTheFolderLimit()
    {
        Element root = answer(6);
        root.add(tag::Ping::MaxFolders, qint64(25));
        QCOMPARE(PingCommand::parse(&root).maxFolders, 25);
    }

    void otherStatusesAreKept_data()
    {
        QTest::addColumn<int>("status");
        for (int s : {3, 4, 7, 8})
            QTest::newRow(qPrintable(QString::number(s))) << s;
    }

    void otherStatusesAreKept()
    {
        QFETCH(int, status);
        const Element root = answer(status);
        QCOMPARE(PingCommand::parse(&root).status, status);
    }

    void unreadableAnswers()
    {
        QVERIFY(!PingCommand::parse(nullptr).error.isEmpty());
        const Element wrong(tag::AirSync::Sync);
        QVERIFY(!PingCommand::parse(&wrong).error.isEmpty());
        const Element noStatus(tag::Ping::Ping);
        QCOMPARE(PingCommand::parse(&noStatus).status, 0);
        QVERIFY(!PingCommand::parse(&noStatus).error.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestPingCommand)
#include "tst_pingcommand.moc"
