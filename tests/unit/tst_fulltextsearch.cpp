// ConversationStore::search and the full-text index of migration 19: what is indexed,
// how the user's text becomes a query, and that the index follows every
// change of the mail (sync adds, updates, bodies, deletes, migration).
#include "DatabaseTestAccess.h"
#include "FullTextSearch.h"
#include "Migrations.h"
#include "ModelTestData.h"

#include <sqlite3.h>

using namespace skein;
using namespace skein::testdata;

class TestFullTextSearch : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_n = 0;

    QString freshPath() { return m_dir.filePath(QStringLiteral("s%1.db").arg(++m_n)); }

    bool openWithFolders(Store &store)
    {
        return store.open(freshPath()) && store.folderStore().applyFolderSync(QStringLiteral("1"), standardFolders(), {});
    }

    static Message withBody(Message m, BodyType type, const QByteArray &body)
    {
        m.bodyType = type;
        m.body = body;
        return m;
    }

    // The ids of the best-matching messages of the hits, in order.
    static QList<qint64> ids(const QList<SearchHit> &hits)
    {
        QList<qint64> out;
        for (const SearchHit &hit : hits)
            out.append(hit.messageId);
        return out;
    }

    static qint64 idOf(Store &store, const QString &folder, const QString &serverId)
    {
        const auto m = store.messageStore().message(folder, serverId);
        return m ? m->id : -1;
    }

    static int count(Store &store, const char *sql)
    {
        sqlite3_stmt *stmt = nullptr;
        int n = -1;
        if (sqlite3_prepare_v2(DatabaseTestAccess::connection(store), sql, -1, &stmt, nullptr) == SQLITE_OK && sqlite3_step(stmt) == SQLITE_ROW)
            n = sqlite3_column_int(stmt, 0);
        sqlite3_finalize(stmt);
        return n;
    }

    static bool exec(sqlite3 *db, const char *sql)
    {
        return sqlite3_exec(db, sql, nullptr, nullptr, nullptr) == SQLITE_OK;
    }

private Q_SLOTS:
    void findsEachIndexedPart_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("serverId");
        QTest::newRow("subject") << "quarterly" << "subj";
        QTest::newRow("sender name") << "Dorothea" << "from";
        QTest::newRow("sender address") << "dodo@example.org" << "from";
        QTest::newRow("to name") << "Bartholomew" << "to";
        QTest::newRow("cc address") << "ccperson" << "cc";
        QTest::newRow("preview") << "pineapple" << "prev";
        QTest::newRow("plain body") << "hovercraft" << "plain";
        QTest::newRow("html body") << "eels" << "html";
        QTest::newRow("html entity") << "rock&roll" << "html";
    }

    void findsEachIndexedPart()
    {
        QFETCH(QString, query);
        QFETCH(QString, serverId);
        Store store;
        QVERIFY(openWithFolders(store));
        Message subj = mail(QStringLiteral("subj"), 1, QStringLiteral("a@x.test"));
        subj.subject = QStringLiteral("Quarterly numbers");
        Message from = mail(QStringLiteral("from"), 2, QStringLiteral("\"Dorothea Dodo\" <dodo@example.org>"));
        Message to = mail(QStringLiteral("to"), 3, QStringLiteral("a@x.test"));
        to.to = QStringLiteral("Bartholomew <bart@x.test>");
        Message cc = mail(QStringLiteral("cc"), 4, QStringLiteral("a@x.test"));
        cc.cc = QStringLiteral("ccperson@x.test");
        Message prev = mail(QStringLiteral("prev"), 5, QStringLiteral("a@x.test"));
        prev.preview = QStringLiteral("Bring a pineapple tomorrow");
        const Message plain = withBody(mail(QStringLiteral("plain"), 6, QStringLiteral("a@x.test")),
                                       BodyType::PlainText, "My hovercraft is full");
        const Message html = withBody(mail(QStringLiteral("html"), 7, QStringLiteral("a@x.test")), BodyType::Html,
                                      "<html><body><p>of <b>eels</b>, rock&amp;roll</p></body></html>");
        QVERIFY(add(store, inbox, {subj, from, to, cc, prev, plain, html}));

        const QList<SearchHit> hits = store.conversationStore().search(query);
        QCOMPARE(ids(hits), QList<qint64>{idOf(store, inbox, serverId)});
        QCOMPARE(hits.first().folderId, inbox);
    }

    void htmlMarkupIsNotIndexed()
    {
        Store store;
        QVERIFY(openWithFolders(store));
        QVERIFY(add(store, inbox, {withBody(mail(QStringLiteral("h"), 1, QStringLiteral("a@x.test")), BodyType::Html,
                                            "<head><title>ignored</title><style>p { color: crimson }</style></head>"
                                            "<!-- hidden --><div class=\"wrapper\">Hello<br>world"
                                            "<script>var secret;</script></div>")}));
        QCOMPARE(store.conversationStore().search(QStringLiteral("hello world")).size(), 1);
        for (const char *markup : {"crimson", "hidden", "wrapper", "div", "secret", "ignored", "helloworld"})
            QVERIFY2(store.conversationStore().search(QString::fromLatin1(markup)).isEmpty(), markup);
    }

    void diacriticsAndCaseAreIgnored()
    {
        Store store;
        QVERIFY(openWithFolders(store));
        Message m = withBody(mail(QStringLiteral("d"), 1, QStringLiteral("J\u00FCrgen M\u00FCller <jm@x.test>")),
                             BodyType::PlainText, QStringLiteral("Caf\u00E9 cr\u00E8me on Friday").toUtf8());
        QVERIFY(add(store, inbox, {m}));
        QCOMPARE(store.conversationStore().search(QStringLiteral("muller")).size(), 1);
        QCOMPARE(store.conversationStore().search(QStringLiteral("CAFE CREME")).size(), 1);
        QCOMPARE(store.conversationStore().search(QStringLiteral("M\u00FCller caf\u00E9")).size(), 1);
    }

    void lastWordIsAPrefix()
    {
        Store store;
        QVERIFY(openWithFolders(store));
        Message m = mail(QStringLiteral("p"), 1, QStringLiteral("a@x.test"));
        m.subject = QStringLiteral("Budget review");
        QVERIFY(add(store, inbox, {m}));
        QCOMPARE(store.conversationStore().search(QStringLiteral("bu")).size(), 1);
        QCOMPARE(store.conversationStore().search(QStringLiteral("budg")).size(), 1);
        QCOMPARE(store.conversationStore().search(QStringLiteral("budget rev")).size(), 1);
        // Only the word being typed is a prefix; a finished word is whole.
        QVERIFY(store.conversationStore().search(QStringLiteral("budg review")).isEmpty());
        QVERIFY(store.conversationStore().search(QStringLiteral("budg ")).isEmpty());
        // Every word must match.
        QVERIFY(store.conversationStore().search(QStringLiteral("budget holiday")).isEmpty());
    }

    void snippetsMarkTheMatches()
    {
        Store store;
        QVERIFY(openWithFolders(store));
        Message m = withBody(mail(QStringLiteral("s"), 1, QStringLiteral("a@x.test")), BodyType::PlainText,
                             "The launch of the <rocket> moves to Tuesday because of the weather.");
        m.subject = QStringLiteral("Rocket launch");
        QVERIFY(add(store, inbox, {m}));
        const QList<SearchHit> hits = store.conversationStore().search(QStringLiteral("tuesday"));
        QCOMPARE(hits.size(), 1);
        QVERIFY2(hits.first().snippet.contains(searchMatchStart + QStringLiteral("Tuesday") + searchMatchEnd),
                 qPrintable(hits.first().snippet));
        QCOMPARE(fts::markedToHtml(hits.first().snippet).count(QStringLiteral("<b>Tuesday</b>")), 1);
        QVERIFY(fts::markedToHtml(hits.first().snippet).contains(QStringLiteral("&lt;rocket&gt;")));
        QCOMPARE(hits.first().subject, QStringLiteral("Rocket launch")); // no match there: unmarked
        const QList<SearchHit> inSubject = store.conversationStore().search(QStringLiteral("rock"));
        QCOMPARE(fts::markedToPlain(inSubject.first().subject), QStringLiteral("**Rocket** launch"));
    }

    void subjectMatchesRankFirst()
    {
        Store store;
        QVERIFY(openWithFolders(store));
        const Message inBody = withBody(mail(QStringLiteral("b"), 2, QStringLiteral("a@x.test")), BodyType::PlainText,
                                        "Some long text that mentions the invoice in passing, among other things.");
        Message inSubject = mail(QStringLiteral("s"), 1, QStringLiteral("a@x.test"));
        inSubject.subject = QStringLiteral("Invoice 4711");
        QVERIFY(add(store, inbox, {inBody, inSubject}));
        QCOMPARE(ids(store.conversationStore().search(QStringLiteral("invoice"))),
                 (QList<qint64>{idOf(store, inbox, QStringLiteral("s")), idOf(store, inbox, QStringLiteral("b"))}));
        QCOMPARE(store.conversationStore().search(QStringLiteral("invoice"), {}, 1).size(), 1);
    }

    void oneHitPerConversation()
    {
        Store store;
        QVERIFY(openWithFolders(store));
        const QByteArray cid("conv-1");
        Message first = mail(QStringLiteral("c1"), 1, QStringLiteral("Ann <ann@x.test>"), cid);
        first.preview = QStringLiteral("Shall we meet at the lighthouse?");
        Message answer = mail(QStringLiteral("c2"), 5, QStringLiteral("Ben <ben@x.test>"), cid);
        answer.preview = QStringLiteral("Yes, the lighthouse at noon.");
        answer.read = true;
        QVERIFY(add(store, inbox, {first}));
        QVERIFY(add(store, sent, {answer}));
        const QList<SearchHit> hits = store.conversationStore().search(QStringLiteral("lighthouse"));
        QCOMPARE(hits.size(), 1);
        const ConversationSummary &c = hits.first().conversation;
        QCOMPARE(c.conversationId, cid);
        QCOMPARE(c.messageCount, 2);
        QCOMPARE(c.unreadCount, 1);
        QCOMPARE(c.headId, idOf(store, sent, QStringLiteral("c2")));
        QCOMPARE(c.subject, QStringLiteral("Subject c2"));
        QCOMPARE(c.participants, (QStringList{QStringLiteral("Ben <ben@x.test>"), QStringLiteral("Ann <ann@x.test>")}));
        // A message without a conversation is one of its own.
        Message alone = mail(QStringLiteral("a"), 9, QStringLiteral("Cy <cy@x.test>"));
        alone.preview = QStringLiteral("lighthouse photos");
        QVERIFY(add(store, inbox, {alone}));
        const QList<SearchHit> both = store.conversationStore().search(QStringLiteral("lighthouse"));
        QCOMPARE(both.size(), 2);
        const SearchHit &single = both.at(both.at(0).conversation.conversationId.isEmpty() ? 0 : 1);
        QCOMPARE(single.conversation.serverId, QStringLiteral("a"));
        QCOMPARE(single.conversation.messageCount, 1);
        QCOMPARE(single.conversation.participants, QStringList{QStringLiteral("Cy <cy@x.test>")});
    }

    void folderRestriction()
    {
        Store store;
        QVERIFY(openWithFolders(store));
        Message a = mail(QStringLiteral("i"), 1, QStringLiteral("a@x.test"));
        a.subject = QStringLiteral("Harbour tour");
        Message b = mail(QStringLiteral("p"), 2, QStringLiteral("a@x.test"));
        b.subject = QStringLiteral("Harbour photos");
        QVERIFY(add(store, inbox, {a}));
        QVERIFY(add(store, projects, {b}));
        QCOMPARE(store.conversationStore().search(QStringLiteral("harbour")).size(), 2);
        QCOMPARE(ids(store.conversationStore().search(QStringLiteral("harbour"), projects)),
                 QList<qint64>{idOf(store, projects, QStringLiteral("p"))});
        QCOMPARE(ids(store.conversationStore().search(QStringLiteral("harbour"), inbox)), QList<qint64>{idOf(store, inbox, QStringLiteral("i"))});
        QVERIFY(store.conversationStore().search(QStringLiteral("harbour"), sent).isEmpty());
    }

    void indexFollowsUpdatesAndDeletes()
    {
        Store store;
        QVERIFY(openWithFolders(store));
        Message m = withBody(mail(QStringLiteral("u"), 1, QStringLiteral("a@x.test")), BodyType::PlainText, "alpha");
        m.subject = QStringLiteral("Original topic");
        QVERIFY(add(store, inbox, {m}));
        const qint64 id = idOf(store, inbox, QStringLiteral("u"));
        QCOMPARE(store.conversationStore().search(QStringLiteral("original")).size(), 1);

        // The server sends it again with a new subject (an upsert keeps the row).
        m.subject = QStringLiteral("Revised topic");
        m.bodyType = BodyType::None;
        m.body.clear();
        QVERIFY(add(store, inbox, {m}));
        QVERIFY(store.conversationStore().search(QStringLiteral("original")).isEmpty());
        QCOMPARE(ids(store.conversationStore().search(QStringLiteral("revised"))), QList<qint64>{id});
        QCOMPARE(store.conversationStore().search(QStringLiteral("alpha")).size(), 1); // the body stayed

        // A fetched body replaces the truncated one.
        QVERIFY(store.messageStore().setBody(id, BodyType::Html, "<p>omega</p>", false, 12));
        QVERIFY(store.conversationStore().search(QStringLiteral("alpha")).isEmpty());
        QCOMPARE(ids(store.conversationStore().search(QStringLiteral("omega"))), QList<qint64>{id});

        // Moved to another folder: found there.
        QVERIFY(store.messageStore().relocateMessage(id, projects, QStringLiteral("u2"), false));
        QCOMPARE(ids(store.conversationStore().search(QStringLiteral("omega"), projects)), QList<qint64>{id});
        QVERIFY(store.conversationStore().search(QStringLiteral("omega"), inbox).isEmpty());

        // Deleted by the server: gone from the index too.
        SyncBatch batch;
        batch.folderId = projects;
        batch.newSyncKey = QStringLiteral("k-del");
        batch.deletes = {QStringLiteral("u2")};
        QVERIFY(store.syncApplier().applySyncBatch(batch));
        QVERIFY(store.conversationStore().search(QStringLiteral("omega")).isEmpty());
        QVERIFY(store.conversationStore().search(QStringLiteral("revised")).isEmpty());
        QCOMPARE(count(store, "SELECT count(*) FROM messages_fts"), 0);
        QVERIFY(exec(DatabaseTestAccess::connection(store), "INSERT INTO messages_fts (messages_fts) VALUES ('integrity-check')"));
    }

    // A sync batch writes the index once, before it commits; a batch that
    // fails leaves the index as it was.
    void aBatchIndexesAllItChanged()
    {
        Store store;
        QVERIFY(openWithFolders(store));
        Message keep = mail(QStringLiteral("k"), 1, QStringLiteral("a@x.test"));
        keep.subject = QStringLiteral("Walrus census");
        Message gone = withBody(mail(QStringLiteral("g"), 2, QStringLiteral("a@x.test")), BodyType::PlainText, "narwhal");
        QVERIFY(add(store, inbox, {keep, gone}));
        SyncBatch batch;
        batch.folderId = inbox;
        batch.newSyncKey = QStringLiteral("k2");
        keep.subject = QStringLiteral("Walrus count");
        keep.bodyType = BodyType::Html;
        keep.body = "<p>beluga</p>";
        batch.adds = {keep, withBody(mail(QStringLiteral("n"), 3, QStringLiteral("a@x.test")), BodyType::PlainText, "orca")};
        batch.deletes = {QStringLiteral("g")};
        QVERIFY(store.syncApplier().applySyncBatch(batch));
        QCOMPARE(count(store, "SELECT count(*) FROM messages_fts_pending"), 0);
        QCOMPARE(count(store, "SELECT count(*) FROM messages_fts"), 2);
        QVERIFY(store.conversationStore().search(QStringLiteral("census")).isEmpty());
        QCOMPARE(store.conversationStore().search(QStringLiteral("walrus beluga")).size(), 1);
        QCOMPARE(store.conversationStore().search(QStringLiteral("orca")).size(), 1);
        QVERIFY(store.conversationStore().search(QStringLiteral("narwhal")).isEmpty());

        SyncBatch broken;
        broken.folderId = QStringLiteral("no-such-folder");
        broken.newSyncKey = QStringLiteral("k3");
        broken.adds = {withBody(mail(QStringLiteral("x"), 4, QStringLiteral("a@x.test")), BodyType::PlainText, "dolphin")};
        QVERIFY(!store.syncApplier().applySyncBatch(broken));
        QVERIFY(store.conversationStore().search(QStringLiteral("dolphin")).isEmpty());
        QCOMPARE(count(store, "SELECT count(*) FROM messages_fts_pending"), 0);
        // Outside a batch the index changes at once.
        QVERIFY(store.messageStore().setBody(idOf(store, inbox, QStringLiteral("n")), BodyType::PlainText, "porpoise", false, 8));
        QCOMPARE(store.conversationStore().search(QStringLiteral("porpoise")).size(), 1);
        QCOMPARE(count(store, "SELECT count(*) FROM messages_fts_pending"), 0);
        QVERIFY(exec(DatabaseTestAccess::connection(store), "INSERT INTO messages_fts (messages_fts) VALUES ('integrity-check')"));
    }

    void hostileInputIsOnlyText_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<int>("expected"); // hits
        QTest::newRow("lone quote") << "\"" << 0;
        QTest::newRow("open quote") << "\"carrot" << 1;
        QTest::newRow("NEAR(") << "NEAR(" << 0;
        QTest::newRow("NEAR( word") << "NEAR(carrot" << 0; // the phrase "near carrot"
        QTest::newRow("star") << "*" << 0;
        QTest::newRow("star word") << "*carrot" << 1;
        QTest::newRow("minus") << "-" << 0;
        QTest::newRow("minus word") << "-carrot" << 1;
        QTest::newRow("OR") << "carrot OR" << 0;
        QTest::newRow("AND NOT") << "AND NOT carrot" << 0;
        QTest::newRow("column filter") << "subject:carrot" << 0;
        QTest::newRow("caret") << "^carrot" << 1;
        QTest::newRow("parentheses") << ")(" << 0;
        QTest::newRow("punctuation") << "!?.,;:'\"()[]{}" << 0;
        QTest::newRow("sql") << "carrot'; DROP TABLE messages; --" << 0;
        QTest::newRow("blank") << "   " << 0;
        QTest::newRow("empty") << "" << 0;
    }

    void hostileInputIsOnlyText()
    {
        QFETCH(QString, query);
        QFETCH(int, expected);
        Store store;
        QVERIFY(openWithFolders(store));
        Message m = mail(QStringLiteral("h"), 1, QStringLiteral("a@x.test"));
        m.subject = QStringLiteral("Carrot cake");
        QVERIFY(add(store, inbox, {m}));
        QCOMPARE(store.conversationStore().search(query).size(), expected);
        QVERIFY2(store.lastError().isEmpty(), qPrintable(store.lastError()));
        QCOMPARE(store.conversationStore().search(QStringLiteral("carrot")).size(), 1);
    }

    void migrationIndexesExistingMail()
    {
        const QString path = freshPath();
        {
            sqlite3 *db = nullptr;
            QCOMPARE(sqlite3_open(path.toUtf8().constData(), &db), SQLITE_OK);
            QString error;
            QVERIFY2(runMigrations(db, &error, 18), qPrintable(error));
            QVERIFY(exec(db, "INSERT INTO folders (server_id, parent_id, name, type) VALUES ('1', '0', 'Inbox', 2)"));
            QVERIFY(exec(db, "INSERT INTO messages (id, folder_id, server_id, subject, sender, preview) VALUES "
                             "(1, '1', 'a', 'Kiwi harvest', 'Olga <olga@x.test>', ''), "
                             "(2, '1', 'b', 'Other', 'b@x.test', 'about mangoes')"));
            QVERIFY(exec(db, "INSERT INTO bodies (message_id, type, data) VALUES "
                             "(2, 2, '<p>Ripe <i>papayas</i></p>')"));
            sqlite3_close(db);
        }
        Store store;
        QVERIFY2(store.open(path), qPrintable(store.lastError()));
        QVERIFY(latestSchemaVersion() >= 19); // the index (19) came after the database was made
        QCOMPARE(ids(store.conversationStore().search(QStringLiteral("kiwi"))), QList<qint64>{1});
        QCOMPARE(ids(store.conversationStore().search(QStringLiteral("olga"))), QList<qint64>{1});
        QCOMPARE(ids(store.conversationStore().search(QStringLiteral("mangoes"))), QList<qint64>{2});
        QCOMPARE(ids(store.conversationStore().search(QStringLiteral("papayas"))), QList<qint64>{2});
        QCOMPARE(ids(store.conversationStore().search(QStringLiteral("p"))), QList<qint64>{2}); // papayas, not <p>
        QVERIFY(store.conversationStore().search(QStringLiteral("i")).isEmpty());
        // And the triggers work from then on.
        QVERIFY(add(store, QStringLiteral("1"), {mail(QStringLiteral("c"), 1, QStringLiteral("kiwi@x.test"))}));
        QCOMPARE(store.conversationStore().search(QStringLiteral("kiwi")).size(), 2);
    }

    void bodyTextOfEachType()
    {
        QCOMPARE(fts::bodyText(int(BodyType::PlainText), "a <b> &amp;"), QByteArray("a <b> &amp;"));
        QCOMPARE(fts::bodyText(int(BodyType::Html), "a&lt;b&gt;&#233;&#xE9;&nbsp;&bogus;"),
                 QByteArray("a<b>\xC3\xA9\xC3\xA9 &bogus;"));
        QCOMPARE(fts::bodyText(int(BodyType::Html), "x<p>y</p>"), QByteArray("x y "));
        QCOMPARE(fts::bodyText(int(BodyType::Html), "unclosed <a href="), QByteArray("unclosed "));
        QCOMPARE(fts::bodyText(int(BodyType::Rtf), "{\\rtf1 x}"), QByteArray());
        QCOMPARE(fts::bodyText(int(BodyType::Mime), "Subject: x\r\n\r\ny"), QByteArray());
    }

    void matchExpressionQuotesEveryWord()
    {
        QCOMPARE(fts::matchExpression(QStringLiteral("a b")), QStringLiteral("\"a\" \"b\"*"));
        QCOMPARE(fts::matchExpression(QStringLiteral("a b ")), QStringLiteral("\"a\" \"b\""));
        QCOMPARE(fts::matchExpression(QStringLiteral("say \"hi\"")), QStringLiteral("\"say\" \"\"\"hi\"\"\"*"));
        QCOMPARE(fts::matchExpression(QStringLiteral("- * ( \" ")), QString());
    }
};

QTEST_GUILESS_MAIN(TestFullTextSearch)
#include "tst_fulltextsearch.moc"
