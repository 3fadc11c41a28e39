#include "ModelTestData.h"
#include "UnifiedInboxModel.h"

#include <QAbstractItemModelTester>

using namespace skein;
using namespace skein::testdata;

// All Inboxes: every account's Inbox conversations, newest first, each row
// naming its account and that account's Inbox.
class TestUnifiedInboxModel : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_files = 0;

    void openAccount(Store &store)
    {
        QVERIFY2(store.open(m_dir.filePath(QStringLiteral("u%1.sqlite").arg(++m_files))),
                 qPrintable(store.lastError()));
        QVERIFY(store.folderStore().applyFolderSync(QStringLiteral("h1"), standardFolders(), {}));
    }

private Q_SLOTS:
    void mergesEveryAccountsInboxNewestFirst()
    {
        Store demo, alice;
        openAccount(demo);
        openAccount(alice);
        QVERIFY(add(demo, inbox, {mail(QStringLiteral("d1"), 10, QStringLiteral("dave")),
                                  mail(QStringLiteral("d2"), 30, QStringLiteral("erin"))}));
        QVERIFY(add(alice, inbox, {mail(QStringLiteral("a1"), 20, QStringLiteral("bob"))}));
        QVERIFY(add(alice, sent, {mail(QStringLiteral("a2"), 40, QStringLiteral("me"))})); // not an Inbox

        UnifiedInboxModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.setAccounts({{QString(), QStringLiteral("demo@skein.test"), &demo},
                           {QStringLiteral("alice"), QStringLiteral("alice@skein.test"), &alice}});
        QCOMPARE(model.rowCount(), 3);
        QStringList order;
        for (int row = 0; row < model.rowCount(); ++row)
            order.append(model.index(row, 0).data(AccountRole).toString() + QLatin1Char('/')
                         + model.index(row, 0).data(ServerIdRole).toString());
        QCOMPARE(order, (QStringList{"/d2", "alice/a1", "/d1"}));
        const QModelIndex a1 = model.index(1, 0);
        QCOMPARE(a1.data(FolderIdRole).toString(), inbox);
        QCOMPARE(a1.data(FolderNameRole).toString(), QStringLiteral("alice@skein.test"));
        QCOMPARE(a1.data(IsOtherFolderRole).toBool(), true);
        QCOMPARE(a1.data(IsConversationRole).toBool(), true);
        QCOMPARE(model.row(a1)->account, QStringLiteral("alice"));
        // Row ids repeat across stores (both first messages are row 1): the account tells them apart.
        const qint64 headId = model.row(a1)->summary.headId;
        QCOMPARE(model.row(model.index(2, 0))->summary.headId, headId);
        QCOMPARE(model.indexOf(QStringLiteral("alice"), {}, headId), a1);
        QCOMPARE(model.indexOf(QString(), {}, headId), model.index(2, 0));

        QVERIFY(add(alice, inbox, {mail(QStringLiteral("a3"), 50, QStringLiteral("carol"))}));
        model.refresh();
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(model.index(0, 0).data(ServerIdRole).toString(), QStringLiteral("a3"));
    }
};

QTEST_GUILESS_MAIN(TestUnifiedInboxModel)
#include "tst_unifiedinboxmodel.moc"
