// MessageStore::knownAddresses: every address of the stored mail and the outbox,
// the ones the user wrote to first (Sent Items To/Cc, outbox recipients),
// then the most seen; names kept, addresses compared without case.
#include "AddressUse.h"
#include "ModelTestData.h"
#include "OutboxTypes.h"

using namespace skein;
using namespace skein::testdata;

class TestStoreAddresses : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_n = 0;

    bool openWithFolders(Store &store)
    {
        return store.open(m_dir.filePath(QStringLiteral("a%1.db").arg(++m_n)))
            && store.folderStore().applyFolderSync(QStringLiteral("1"), standardFolders(), {});
    }

    static int indexOf(const QList<AddressUse> &uses, const QString &address)
    {
        for (int i = 0; i < uses.size(); ++i)
            if (uses.at(i).address == address)
                return i;
        return -1;
    }

private Q_SLOTS:
    void parsesListsWithQuotedCommas()
    {
        const QList<AddressUse> uses =
            parseAddressUses(QStringLiteral("\"Fischer, Lena\" <Lena@Example.com>, bob@skein.test; Not an address"));
        QCOMPARE(uses.size(), 2);
        QCOMPARE(uses.at(0).name, QStringLiteral("Fischer, Lena"));
        QCOMPARE(uses.at(0).address, QStringLiteral("lena@example.com"));
        QCOMPARE(uses.at(1).name, QString());
        QCOMPARE(uses.at(1).address, QStringLiteral("bob@skein.test"));
    }

    void writtenToComesBeforeOftenSeen()
    {
        Store store;
        QVERIFY(openWithFolders(store));
        // Carol writes often; the user wrote once to Dave.
        QList<Message> inboxMail;
        for (int i = 0; i < 4; ++i) {
            Message m = mail(QStringLiteral("i%1").arg(i), i, QStringLiteral("Carol <carol@x.test>"));
            m.to = QStringLiteral("me@x.test");
            inboxMail.append(m);
        }
        QVERIFY(add(store, inbox, inboxMail));
        Message mine = mail(QStringLiteral("s1"), 10, QStringLiteral("me@x.test"));
        mine.to = QStringLiteral("Dave <DAVE@x.test>");
        mine.cc = QStringLiteral("carol@x.test");
        QVERIFY(add(store, sent, {mine}));

        const QList<AddressUse> uses = store.messageStore().knownAddresses();
        const int dave = indexOf(uses, QStringLiteral("dave@x.test"));
        const int carol = indexOf(uses, QStringLiteral("carol@x.test"));
        const int me = indexOf(uses, QStringLiteral("me@x.test"));
        QVERIFY(dave >= 0 && carol >= 0 && me >= 0);
        // Carol: written once (Cc) and seen five times; Dave written once, seen once.
        QCOMPARE(uses.at(carol).writtenCount, 1);
        QCOMPARE(uses.at(carol).seenCount, 5);
        QCOMPARE(uses.at(carol).name, QStringLiteral("Carol"));
        QCOMPARE(uses.at(dave).writtenCount, 1);
        QCOMPARE(uses.at(dave).name, QStringLiteral("Dave"));
        QVERIFY(carol < dave); // same written count: the more seen first
        QVERIFY(dave < me);    // the user's own address was never written to
        QCOMPARE(uses.at(me).writtenCount, 0);
    }

    void outboxCountsAsWritten()
    {
        Store store;
        QVERIFY(openWithFolders(store));
        Message m = mail(QStringLiteral("i1"), 1, QStringLiteral("often@x.test"));
        QVERIFY(add(store, inbox, {m, mail(QStringLiteral("i2"), 2, QStringLiteral("often@x.test"))}));
        OutboxEntry entry;
        entry.clientId = QStringLiteral("c1");
        entry.mime = "From: me@x.test\r\n\r\n";
        entry.recipients = QStringLiteral("new@x.test, Often <often@x.test>");
        QVERIFY(store.outboxStore().insertOutbox(entry));
        const QList<AddressUse> uses = store.messageStore().knownAddresses();
        QCOMPARE(uses.size(), 2);
        QCOMPARE(uses.at(0).address, QStringLiteral("often@x.test")); // written once, seen three times
        QCOMPARE(uses.at(0).writtenCount, 1);
        QCOMPARE(uses.at(1).address, QStringLiteral("new@x.test"));
        QCOMPARE(uses.at(1).writtenCount, 1);
    }

    void emptyStoreKnowsNone()
    {
        Store store;
        QVERIFY(openWithFolders(store));
        QVERIFY(store.messageStore().knownAddresses().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestStoreAddresses)
#include "tst_storeaddresses.moc"
