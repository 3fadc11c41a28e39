// Drafts end to end against the reference server: at 16.1 a draft saved on
// this computer appears in the server's Drafts folder (and on another
// device), a change updates that same draft, a delete removes it, and an
// Add whose answer was lost makes no second draft; at 14.1 nothing goes to
// the server.
#include "DraftTypes.h"
#include "ReferenceServer.h"
#include "Store.h"
#include "SyncEngine.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace skein;
using namespace skein::eas;

class TestDrafts : public QObject
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<server::ReferenceServer> m_server;

    QString database(const QString &name) const { return m_dir->filePath(name + QStringLiteral(".db")); }

    bool makeProfile(const QString &name, const QString &version)
    {
        Store store;
        if (!store.open(database(name)))
            return false;
        AccountSettings account;
        QUrl base = m_server->url();
        base.setPath({});
        account.url = base.toString();
        account.user = QStringLiteral("demo");
        account.deviceId = name.toUpper() + QStringLiteral("DRAFTS");
        account.protocolVersion = version;
        return store.accountStore().saveAccount(account);
    }

    std::unique_ptr<SyncEngine> engine(const QString &name, int timeoutMs = 120000)
    {
        SyncEngine::Config config;
        config.databasePath = database(name);
        config.password = QStringLiteral("demo");
        config.maxRetryAfterMs = 20;
        config.requestTimeoutMs = timeoutMs;
        return std::make_unique<SyncEngine>(config);
    }

    // The draftSaved() signals of one saveDraftsNow().
    QList<QList<QVariant>> saveNow(SyncEngine &e, int expected = 1)
    {
        QSignalSpy saved(&e, &SyncEngine::draftSaved);
        e.saveDraftsNow();
        for (int i = 0; i < 100 && saved.size() < expected; ++i)
            saved.wait(200);
        return QList<QList<QVariant>>(saved.begin(), saved.end());
    }

    QList<QJsonObject> serverDrafts() const
    {
        QList<QJsonObject> out;
        for (const QJsonValue &u : m_server->dump().value(QStringLiteral("users")).toArray())
            for (const QJsonValue &m : u[QStringLiteral("messages")].toArray())
                if (m[QStringLiteral("folder")].toString() == QLatin1String("Drafts"))
                    out.append(m.toObject());
        return out;
    }

    static DraftEntry letter(const QString &subject)
    {
        DraftEntry d;
        d.to = {QStringLiteral("alice@skein.test")};
        d.subject = subject;
        d.plainBody = QStringLiteral("Typed so far");
        return d;
    }

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_server = std::make_unique<server::ReferenceServer>();
        QVERIFY(m_server->open(m_dir->filePath(QStringLiteral("server"))));
        QVERIFY(m_server->seedDemo() >= 100);
        QVERIFY(m_server->start() != 0);
    }

    void cleanup()
    {
        m_server.reset();
        m_dir.reset();
    }

    void at161TheDraftLivesInTheServersDrafts()
    {
        QVERIFY(makeProfile(QStringLiteral("one"), QStringLiteral("16.1")));
        auto e = engine(QStringLiteral("one"));
        Store store;
        QVERIFY(store.open(database(QStringLiteral("one"))));
        const int before = serverDrafts().size();
        const qint64 id = store.draftStore().saveDraft(letter(QStringLiteral("Quarterly plan")));
        QVERIFY(id > 0);

        QList<QList<QVariant>> saved = saveNow(*e);
        QCOMPARE(saved.size(), 1);
        QCOMPARE(saved[0][0].toLongLong(), id);
        QVERIFY2(saved[0][1].toBool(), qPrintable(saved[0][2].toString()));
        QList<QJsonObject> onServer = serverDrafts();
        QCOMPARE(onServer.size(), before + 1);
        const QString serverId = store.draftStore().draft(id)->serverId;
        QVERIFY(!serverId.isEmpty());
        const auto mine = [&] {
            for (const QJsonObject &m : serverDrafts())
                if (m[QStringLiteral("serverId")].toString() == serverId)
                    return m;
            return QJsonObject();
        };
        QCOMPARE(mine()[QStringLiteral("subject")].toString(), QStringLiteral("Quarterly plan"));
        QVERIFY(store.draftStore().draft(id)->uploaded);

        // Two saves before the engine runs: only the last content goes, to the same draft.
        DraftEntry d = *store.draftStore().draft(id);
        d.subject = QStringLiteral("Quarterly plan v2");
        store.draftStore().saveDraft(d);
        d.subject = QStringLiteral("Quarterly plan v3");
        store.draftStore().saveDraft(d);
        saved = saveNow(*e);
        QCOMPARE(saved.size(), 1);
        QVERIFY(saved[0][1].toBool());
        QCOMPARE(serverDrafts().size(), before + 1);
        QCOMPARE(mine()[QStringLiteral("subject")].toString(), QStringLiteral("Quarterly plan v3"));

        // Another device of the same user sees it among the server's drafts.
        QVERIFY(makeProfile(QStringLiteral("two"), QStringLiteral("16.1")));
        auto other = engine(QStringLiteral("two"));
        QSignalSpy synced(other.get(), &SyncEngine::syncFinished);
        other->syncAll();
        QVERIFY(synced.wait(60000));
        Store otherStore;
        QVERIFY(otherStore.open(database(QStringLiteral("two"))));
        bool seen = false;
        for (const Message &m : otherStore.draftStore().serverOnlyDrafts())
            seen |= m.serverId == serverId && m.subject == QLatin1String("Quarterly plan v3");
        QVERIFY(seen);

        // Deleting it here deletes it on the server.
        QVERIFY(store.draftStore().deleteDraft(id));
        e->saveDraftsNow();
        QTRY_VERIFY_WITH_TIMEOUT(mine().isEmpty(), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(store.draftStore().draftDeletes().isEmpty(), 20000);
        QCOMPARE(serverDrafts().size(), before);
    }

    void aLostAnswerMakesNoSecondDraft()
    {
        QVERIFY(makeProfile(QStringLiteral("lost"), QStringLiteral("16.1")));
        auto e = engine(QStringLiteral("lost"), 1000);
        Store store;
        QVERIFY(store.open(database(QStringLiteral("lost"))));
        // Prime the Drafts folder first, so the held request is the Add.
        store.draftStore().saveDraft(letter(QStringLiteral("warm-up")));
        QVERIFY(saveNow(*e).value(0).value(1).toBool());
        const int before = serverDrafts().size();

        const qint64 id = store.draftStore().saveDraft(letter(QStringLiteral("Only once")));
        QVERIFY(m_server->faults().applyFaultSpec(QStringLiteral("hold:Sync:2500")));
        QList<QList<QVariant>> saved = saveNow(*e);
        QCOMPARE(saved.size(), 1);
        QCOMPARE(saved[0][0].toLongLong(), 0); // the whole upload waits
        QVERIFY(!saved[0][2].toString().isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(serverDrafts().size(), before + 1, 10000); // the server applied it
        QVERIFY(store.draftStore().draft(id)->serverId.isEmpty());
        QTest::qWait(500); // the held answer went to nobody

        saved = saveNow(*e);
        QCOMPARE(saved.size(), 1);
        QCOMPARE(saved[0][0].toLongLong(), id);
        QVERIFY2(saved[0][1].toBool(), qPrintable(saved[0][2].toString()));
        int copies = 0;
        for (const QJsonObject &m : serverDrafts())
            copies += m[QStringLiteral("subject")].toString() == QLatin1String("Only once");
        QCOMPARE(copies, 1);
        QCOMPARE(serverDrafts().size(), before + 1);
        QVERIFY(!store.draftStore().draft(id)->serverId.isEmpty());
    }

    void at141DraftsStayOnThisComputer()
    {
        QVERIFY(makeProfile(QStringLiteral("old"), QStringLiteral("14.1")));
        auto e = engine(QStringLiteral("old"));
        Store store;
        QVERIFY(store.open(database(QStringLiteral("old"))));
        const int before = serverDrafts().size();
        const qint64 id = store.draftStore().saveDraft(letter(QStringLiteral("Local only")));
        const QList<QList<QVariant>> saved = saveNow(*e);
        QCOMPARE(saved.size(), 1);
        QCOMPARE(saved[0][0].toLongLong(), id);
        QVERIFY(!saved[0][1].toBool());
        QVERIFY(saved[0][2].toString().isEmpty());
        QCOMPARE(serverDrafts().size(), before);
        QVERIFY(store.draftStore().draft(id)->serverId.isEmpty());
        QVERIFY(store.draftStore().deleteDraft(id));
        QVERIFY(store.draftStore().draftDeletes().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestDrafts)
#include "tst_drafts.moc"
