#include "FolderModel.h"
#include "ModelTestData.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>

using namespace skein;
using namespace skein::testdata;

class TestFolderModel : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_files = 0;

    void openAccount(Store &store)
    {
        QVERIFY2(store.open(m_dir.filePath(QStringLiteral("f%1.sqlite").arg(++m_files))),
                 qPrintable(store.lastError()));
        QVERIFY(store.folderStore().applyFolderSync(QStringLiteral("h1"), standardFolders(), {}));
        QVERIFY(fillSmallAccount(store));
    }

    static QStringList names(const FolderModel &model, const QModelIndex &parent = {})
    {
        QStringList out;
        for (int row = 0; row < model.rowCount(parent); ++row)
            out.append(model.index(row, 0, parent).data().toString());
        return out;
    }

private Q_SLOTS:
    void standardFoldersFirstThenUserFoldersNonMailHidden()
    {
        Store store;
        openAccount(store);
        FolderModel model(&store);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        // A mail folder under a hidden calendar moves to the root rather than vanish.
        QCOMPARE(names(model), (QStringList{"Inbox", "Drafts", "Sent Items", "Deleted Items",
                                            "Junk Email", "Outbox", "Archive", "Under calendar",
                                            "zeta"}));
        const QModelIndex inboxIndex = model.indexForFolder(inbox);
        QCOMPARE(inboxIndex.row(), 0);
        QCOMPARE(names(model, inboxIndex), QStringList{"Projects"});
        QCOMPARE(model.indexForFolder(projects).parent(), inboxIndex);
        QVERIFY(!model.indexForFolder(QStringLiteral("cal")).isValid());
        QCOMPARE(model.folderId(model.indexForFolder(sent)), sent);
        QCOMPARE(model.columnCount(), 1);
    }

    void rolesCarryTypeAndUnreadCount()
    {
        Store store;
        openAccount(store);
        FolderModel model(&store);
        const QModelIndex i = model.indexForFolder(inbox);
        QCOMPARE(i.data(Qt::DisplayRole).toString(), QStringLiteral("Inbox")); // no "(5)"
        QCOMPARE(i.data(UnreadCountRole).toInt(), 5);
        QCOMPARE(store.folderStore().unreadCount(inbox), 5);
        QCOMPARE(i.data(FolderTypeRole).toInt(), int(FolderType::Inbox));
        QCOMPARE(i.data(FolderIdRole).toString(), inbox);
        QCOMPARE(model.indexForFolder(sent).data(UnreadCountRole).toInt(), 0);
        QCOMPARE(store.folderStore().unreadCounts().value(inbox), 5);
        QVERIFY(!store.folderStore().unreadCounts().contains(sent));
    }

    void refreshEmitsOnlyTheDifference()
    {
        Store store;
        openAccount(store);
        FolderModel model(&store);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy moved(&model, &QAbstractItemModel::rowsMoved);

        model.refresh(); // nothing changed
        QCOMPARE(changed.size() + inserted.size() + removed.size() + moved.size(), 0);

        MessageChange read;
        read.serverId = QStringLiteral("t1");
        read.read = true;
        QVERIFY(change(store, inbox, read));
        model.refresh();
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed[0][0].value<QModelIndex>(), model.indexForFolder(inbox));
        QCOMPARE(model.indexForFolder(inbox).data(UnreadCountRole).toInt(), 4);

        // New folder, rename (re-sorts: a move), delete, reparent.
        QVERIFY(store.folderStore().applyFolderSync(
            QStringLiteral("h2"),
            {{QStringLiteral("new"), QStringLiteral("0"), QStringLiteral("Bills"), FolderType::UserMail},
             {QStringLiteral("zeta"), QStringLiteral("0"), QStringLiteral("Alpha"), FolderType::UserMail},
             {projects, QStringLiteral("0"), QStringLiteral("Projects"), FolderType::UserMail}},
            {QStringLiteral("arch")}));
        const QPersistentModelIndex sentIndex = model.indexForFolder(sent);
        model.refresh();
        QCOMPARE(names(model), (QStringList{"Inbox", "Drafts", "Sent Items", "Deleted Items",
                                            "Junk Email", "Outbox", "Alpha", "Bills",
                                            "Projects", "Under calendar"}));
        QCOMPARE(model.rowCount(model.indexForFolder(inbox)), 0);
        QCOMPARE(sentIndex, model.indexForFolder(sent)); // untouched rows keep their index
        QCOMPARE(resets.size(), 0);
        QVERIFY(inserted.size() >= 2 && removed.size() >= 2);
    }

    // Two accounts: a row each (label, its Inbox's unread), folders below;
    // the same folder ids in both are told apart by the account.
    void severalAccountsGroupFoldersUnderEachAccount()
    {
        Store first, second;
        openAccount(first);
        openAccount(second);
        MessageChange read;
        read.serverId = QStringLiteral("t1");
        read.read = true;
        QVERIFY(change(second, inbox, read)); // 4 unread there, 5 here
        FolderModel model(&first);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.setAccounts({{QString(), QStringLiteral("demo@skein.test"), &first}});
        QVERIFY(!model.hasAccountRows()); // one account: flat as before
        QCOMPARE(names(model).first(), QStringLiteral("Inbox"));

        model.setActiveAccount(QString());
        model.setAccounts({{QString(), QStringLiteral("demo@skein.test"), &first},
                           {QStringLiteral("alice"), QStringLiteral("alice@skein.test"), &second}});
        QCOMPARE(names(model), (QStringList{"demo@skein.test", "alice@skein.test"}));
        const QModelIndex alice = model.indexForAccount(QStringLiteral("alice"));
        QVERIFY(model.isAccountRow(alice));
        QCOMPARE(alice.data(IsAccountRole).toBool(), true);
        QCOMPARE(alice.data(UnreadCountRole).toInt(), 4);
        QCOMPARE(model.indexForAccount(QString()).data(UnreadCountRole).toInt(), 5);
        QCOMPARE(model.folderId(alice), QString());
        QCOMPARE(names(model, alice).first(), QStringLiteral("Inbox"));

        const QModelIndex aliceInbox = model.indexForFolder(inbox, QStringLiteral("alice"));
        const QModelIndex demoInbox = model.indexForFolder(inbox); // the active account's
        QVERIFY(aliceInbox.isValid() && demoInbox.isValid() && aliceInbox != demoInbox);
        QCOMPARE(aliceInbox.parent(), alice);
        QCOMPARE(model.accountOf(aliceInbox), QStringLiteral("alice"));
        QCOMPARE(model.accountOf(demoInbox), QString());
        QCOMPARE(model.firstFolderOf(QStringLiteral("alice")), aliceInbox);
        model.setActiveAccount(QStringLiteral("alice"));
        QCOMPARE(model.indexForFolder(inbox), aliceInbox);

        // All Inboxes: above the accounts, their Inboxes' unread together, no account of its own.
        model.setUnifiedInbox(true);
        const QModelIndex all = model.index(0, 0);
        QCOMPARE(all.data(FolderIdRole).toString(), FolderModel::unifiedInboxId());
        QCOMPARE(all.data(UnreadCountRole).toInt(), 9);
        QCOMPARE(model.indexForFolder(FolderModel::unifiedInboxId()), all);
        QCOMPARE(model.accountOf(all), QStringLiteral("alice")); // choosing it switches nothing
        QCOMPARE(names(model), (QStringList{"All Inboxes", "demo@skein.test", "alice@skein.test"}));

        // Back to one account: flat again, no All Inboxes.
        model.setAccounts({{QString(), QStringLiteral("demo@skein.test"), &first}});
        QCOMPARE(names(model).first(), QStringLiteral("Inbox"));
        QVERIFY(!model.indexForFolder(FolderModel::unifiedInboxId()).isValid());
    }
};

QTEST_GUILESS_MAIN(TestFolderModel)
#include "tst_foldermodel.moc"
