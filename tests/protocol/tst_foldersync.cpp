// FolderSync: request bytes, SOGo's real hierarchy, statuses, malformed answers.
#include "EasTags.h"
#include "FolderSyncCommand.h"
#include "StatusText.h"
#include "WbxmlCodec.h"

#include <QFile>
#include <QTest>

using namespace skein;
using namespace skein::eas;
namespace tag = skein::wbxml::tag;
using wbxml::Element;

namespace {

QByteArray readData(const char *name)
{
    QFile f(QStringLiteral(SKEIN_TEST_DATA "/sogo/") + QLatin1String(name));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

Element decodeData(const char *name)
{
    const wbxml::DecodeResult decoded = wbxml::decode(readData(name));
    if (!decoded.ok())
        qWarning("decode %s: %s", name, qPrintable(decoded.error));
    return decoded.ok() ? *decoded.root : Element();
}

Element folderSyncWithStatus(int status)
{
    Element root(tag::FolderHierarchy::FolderSync);
    root.add(tag::FolderHierarchy::Status, qint64(status));
    return root;
}

const QString inboxId = QStringLiteral("mail%2F008d5f3a7316056b0b16000083ecc375");
const QString projectsId = QStringLiteral("mail%2Fb81b3a1ffa16056bfe27000083ecc375");

} // namespace

class TestFolderSync : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void requestIsByteExact()
    {
        // header, SWITCH_PAGE 7, <FolderSync><SyncKey>"0"</SyncKey></FolderSync>
        const QByteArray expected = QByteArray::fromHex("03016a00"
                                                        "0007"
                                                        "56"
                                                        "52" "033000" "01"
                                                        "01");
        const wbxml::EncodeResult encoded = wbxml::encode(FolderSyncCommand(QStringLiteral("0")).request());
        QVERIFY2(encoded.ok(), qPrintable(encoded.error));
        QCOMPARE(encoded.bytes.toHex(' '), expected.toHex(' '));
        // ... and identical to what SOGo accepted in the probe.
        QCOMPARE(encoded.bytes, readData("05-foldersync-initial.request.wbxml"));
    }

    void emptyKeyMeansZero()
    {
        const Element request = FolderSyncCommand(QString()).request();
        QCOMPARE(request.childText(tag::FolderHierarchy::SyncKey), QStringLiteral("0"));
    }

    void parsesSogoHierarchy()
    {
        const Element root = decodeData("05-foldersync-initial.response.wbxml");
        const FolderSyncCommand::Result r = FolderSyncCommand::parse(&root);
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        QCOMPARE(r.status, 1);
        QCOMPARE(r.syncKey, QStringLiteral("vm_15af_30b54df7_10"));
        QCOMPARE(r.addsOrUpdates.size(), 12);
        QVERIFY(r.deletes.isEmpty());

        const Folder &inbox = r.addsOrUpdates.at(0);
        QCOMPARE(inbox.serverId, inboxId); // literal %2F, sent back byte-identical
        QCOMPARE(inbox.name, QStringLiteral("INBOX"));
        QCOMPARE(inbox.parentId, QStringLiteral("0"));
        QCOMPARE(inbox.type, FolderType::Inbox);

        QStringList names;
        for (const Folder &f : r.addsOrUpdates)
            names << f.name;
        QCOMPARE(names, (QStringList{"INBOX", "Drafts", "Sent", "Trash", "Junk", "Templates",
                                     "Newsletters", "Projects", "Offsite", "Personal Calendar",
                                     "Personal Calendar", "Personal Address Book"}));
        QCOMPARE(r.addsOrUpdates.at(1).type, FolderType::Drafts);
        QCOMPARE(r.addsOrUpdates.at(2).type, FolderType::SentItems);
        QCOMPARE(r.addsOrUpdates.at(3).type, FolderType::DeletedItems);
        QCOMPARE(r.addsOrUpdates.at(4).type, FolderType::UserMail);
        const Folder &offsite = r.addsOrUpdates.at(8);
        QCOMPARE(offsite.parentId, projectsId);
        QCOMPARE(r.addsOrUpdates.at(9).type, FolderType::Calendar);
        QCOMPARE(r.addsOrUpdates.at(10).type, FolderType::Tasks);
        QCOMPARE(r.addsOrUpdates.at(11).type, FolderType::Contacts);
    }

    void parsesNoChanges()
    {
        const Element root = decodeData("06-foldersync-again.response.wbxml");
        const FolderSyncCommand::Result r = FolderSyncCommand::parse(&root);
        QVERIFY(r.error.isEmpty());
        QCOMPARE(r.status, 1);
        QCOMPARE(r.syncKey, QStringLiteral("vm_15af_30b54df7_10"));
        QVERIFY(r.addsOrUpdates.isEmpty());
        QVERIFY(r.deletes.isEmpty());
    }

    void parsesUpdateAndDeleteAndUnknownType()
    {
        Element root(tag::FolderHierarchy::FolderSync);
        root.add(tag::FolderHierarchy::Status, "1");
        root.add(tag::FolderHierarchy::SyncKey, "k2");
        Element &changes = root.add(tag::FolderHierarchy::Changes);
        changes.add(tag::FolderHierarchy::Count, "4");
        Element &update = changes.add(tag::FolderHierarchy::Update);
        update.add(tag::FolderHierarchy::ServerId, "7");
        update.add(tag::FolderHierarchy::ParentId, "2");
        update.add(tag::FolderHierarchy::DisplayName, "Renamed");
        update.add(tag::FolderHierarchy::Type, "42");
        changes.add(tag::FolderHierarchy::Delete).add(tag::FolderHierarchy::ServerId, "9");
        changes.add(tag::FolderHierarchy::Add).add(tag::FolderHierarchy::DisplayName, "no id");
        changes.add(tag::FolderHierarchy::Delete);

        const FolderSyncCommand::Result r = FolderSyncCommand::parse(&root);
        QVERIFY(r.error.isEmpty());
        QCOMPARE(r.addsOrUpdates.size(), 1);
        QCOMPARE(r.addsOrUpdates.at(0).name, QStringLiteral("Renamed"));
        QCOMPARE(r.addsOrUpdates.at(0).type, FolderType::Unknown);
        QCOMPARE(r.deletes, QStringList{QStringLiteral("9")});
        QCOMPARE(r.skipped.size(), 2); // the bad entries, the rest still applied
    }

    void statuses_data()
    {
        QTest::addColumn<int>("status");
        for (int s : {6, 9, 10, 11, 12, 110, 142})
            QTest::addRow("%d", s) << s;
    }

    void statuses()
    {
        QFETCH(int, status);
        const Element root = folderSyncWithStatus(status);
        const FolderSyncCommand::Result r = FolderSyncCommand::parse(&root);
        QCOMPARE(r.status, status);
        QVERIFY(r.error.isEmpty()); // a status is an answer, not a malformed response
        QVERIFY(r.syncKey.isEmpty());
        QVERIFY(!statusText("FolderSync", status).contains(QStringLiteral("no explanation for")));
    }

    void missingStatusMeansSuccess()
    {
        Element root(tag::FolderHierarchy::FolderSync);
        root.add(tag::FolderHierarchy::SyncKey, "k");
        const FolderSyncCommand::Result r = FolderSyncCommand::parse(&root);
        QCOMPARE(r.status, 1);
        QCOMPARE(r.syncKey, QStringLiteral("k"));
    }

    void malformed()
    {
        // Empty 200 body: FolderSync must answer, so this is an error.
        QVERIFY(!FolderSyncCommand::parse(nullptr).error.isEmpty());
        const Element noKey = folderSyncWithStatus(1);
        QVERIFY(!FolderSyncCommand::parse(&noKey).error.isEmpty());
        const Element wrongRoot(tag::AirSync::Sync);
        QVERIFY(!FolderSyncCommand::parse(&wrongRoot).error.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestFolderSync)
#include "tst_foldersync.moc"
