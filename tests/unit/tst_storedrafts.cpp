// Drafts in the store (migration 11): save and update, newest first, the
// upload bookkeeping (only the last content, ServerId kept), server deletes
// journaled only for drafts the server has or may have, attachment copies
// that survive the original file, and importing another device's draft.
#include "DraftTypes.h"
#include "Store.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace skein;

namespace {

DraftEntry letter(const QString &subject)
{
    DraftEntry e;
    e.to = {QStringLiteral("Alice <alice@skein.test>")};
    e.cc = {QStringLiteral("bob@skein.test")};
    e.bcc = {QStringLiteral("carol@skein.test")};
    e.subject = subject;
    e.plainBody = QStringLiteral("Grüße,\nthe text");
    e.htmlBody = QStringLiteral("<p>Grüße</p>");
    e.importance = 2;
    return e;
}

Folder folder(const QString &id, const QString &name, FolderType type)
{
    Folder f;
    f.serverId = id;
    f.name = name;
    f.type = type;
    return f;
}

} // namespace

class TestStoreDrafts : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_n = 0;

    QString freshPath() { return m_dir.filePath(QStringLiteral("p%1/skein.sqlite").arg(++m_n)); }
    bool openFresh(Store &store)
    {
        const QString path = freshPath();
        QDir().mkpath(QFileInfo(path).absolutePath());
        return store.open(path);
    }

private Q_SLOTS:
    void saveInsertsThenUpdates()
    {
        Store store;
        QVERIFY(openFresh(store));
        DraftEntry e = letter(QStringLiteral("Plans"));
        e.kind = OutboxKind::Reply;
        e.sourceMessageId = 17;
        const qint64 id = store.draftStore().saveDraft(e);
        QVERIFY2(id > 0, qPrintable(store.lastError()));
        std::optional<DraftEntry> read = store.draftStore().draft(id);
        QVERIFY(read);
        QCOMPARE(read->to, e.to);
        QCOMPARE(read->cc, e.cc);
        QCOMPARE(read->bcc, e.bcc);
        QCOMPARE(read->subject, e.subject);
        QCOMPARE(read->plainBody, e.plainBody);
        QCOMPARE(read->htmlBody, e.htmlBody);
        QCOMPARE(read->importance, 2);
        QCOMPARE(read->kind, OutboxKind::Reply);
        QCOMPARE(read->sourceMessageId, 17);
        QVERIFY(read->updated.isValid());
        QVERIFY(!read->uploaded);

        read->subject = QStringLiteral("Plans, changed");
        QCOMPARE(store.draftStore().saveDraft(*read), id);
        QCOMPARE(store.draftStore().draft(id)->subject, QStringLiteral("Plans, changed"));
        QCOMPARE(store.draftStore().drafts().size(), 1);
    }

    void updatingAMissingDraftFails()
    {
        Store store;
        QVERIFY(openFresh(store));
        DraftEntry e = letter(QStringLiteral("Gone"));
        e.id = 99;
        QCOMPARE(store.draftStore().saveDraft(e), 0);
        QVERIFY(store.lastError().contains(QStringLiteral("99")));
    }

    void listIsNewestFirst()
    {
        Store store;
        QVERIFY(openFresh(store));
        const qint64 a = store.draftStore().saveDraft(letter(QStringLiteral("a")));
        QTest::qWait(5);
        const qint64 b = store.draftStore().saveDraft(letter(QStringLiteral("b")));
        QTest::qWait(5);
        QCOMPARE(store.draftStore().drafts().first().id, b);
        store.draftStore().saveDraft(*store.draftStore().draft(a));
        QCOMPARE(store.draftStore().drafts().first().id, a);
    }

    void onlyTheLastContentIsUploaded()
    {
        Store store;
        QVERIFY(openFresh(store));
        const qint64 id = store.draftStore().saveDraft(letter(QStringLiteral("v1")));
        QList<DraftUpload> up = store.draftStore().draftsToUpload();
        QCOMPARE(up.size(), 1);
        QCOMPARE(up.first().clientId.size(), 36);
        const qint64 sentRevision = up.first().revision;
        QVERIFY(store.draftStore().noteDraftUploading(id));
        // The user types on while the request is out.
        DraftEntry v2 = *store.draftStore().draft(id);
        v2.subject = QStringLiteral("v2");
        store.draftStore().saveDraft(v2);
        QVERIFY(store.draftStore().setDraftUploaded(id, sentRevision, QStringLiteral("3:7")));
        up = store.draftStore().draftsToUpload();
        QCOMPARE(up.size(), 1);
        QCOMPARE(up.first().draft.subject, QStringLiteral("v2"));
        QCOMPARE(up.first().draft.serverId, QStringLiteral("3:7"));
        QCOMPARE(up.first().attempts, 1);
        QVERIFY(store.draftStore().setDraftUploaded(id, up.first().revision, QStringLiteral("3:7")));
        QVERIFY(store.draftStore().draftsToUpload().isEmpty());
        QVERIFY(store.draftStore().draft(id)->uploaded);
        QVERIFY(store.draftStore().setDraftUploadError(id, QStringLiteral("refused")));
        QCOMPARE(store.draftStore().draft(id)->uploadError, QStringLiteral("refused"));
    }

    void deleteJournalsOnlyWhatTheServerMayHave()
    {
        Store store;
        QVERIFY(openFresh(store));
        const qint64 local = store.draftStore().saveDraft(letter(QStringLiteral("local")));
        const qint64 onServer = store.draftStore().saveDraft(letter(QStringLiteral("server")));
        const qint64 lost = store.draftStore().saveDraft(letter(QStringLiteral("lost answer")));
        store.draftStore().setDraftUploaded(onServer, 100, QStringLiteral("3:1"));
        store.draftStore().noteDraftUploading(lost);
        const QString lostClientId = store.draftStore().draftsToUpload().last().clientId;
        QVERIFY(store.draftStore().deleteDraft(local));
        QVERIFY(store.draftStore().deleteDraft(onServer));
        QVERIFY(store.draftStore().deleteDraft(lost));
        QVERIFY(!store.draftStore().deleteDraft(local));
        QVERIFY(store.draftStore().drafts().isEmpty());
        const QList<DraftDelete> deletes = store.draftStore().draftDeletes();
        QCOMPARE(deletes.size(), 2);
        QCOMPARE(deletes[0].serverId, QStringLiteral("3:1"));
        QCOMPARE(deletes[1].serverId, QString());
        QCOMPARE(deletes[1].clientId, lostClientId);
        QVERIFY(store.draftStore().setDraftDeleteServerId(deletes[1].id, QStringLiteral("3:2")));
        QCOMPARE(store.draftStore().draftDeletes()[1].serverId, QStringLiteral("3:2"));
        QVERIFY(store.draftStore().finishDraftDelete(deletes[0].id));
        QCOMPARE(store.draftStore().draftDeletes().size(), 1);
    }

    void aDraftDeletedWhileItsAddWasOutIsDeletedOnTheServerToo()
    {
        Store store;
        QVERIFY(openFresh(store));
        const qint64 id = store.draftStore().saveDraft(letter(QStringLiteral("deleted mid-upload")));
        const DraftUpload upload = store.draftStore().draftsToUpload().constFirst();
        QVERIFY(store.draftStore().deleteDraft(id)); // before the engine counted the attempt
        QVERIFY(store.draftStore().draftDeletes().isEmpty());
        QVERIFY(store.draftStore().setDraftUploaded(id, upload.revision, QStringLiteral("3:7")));
        const QList<DraftDelete> deletes = store.draftStore().draftDeletes();
        QCOMPARE(deletes.size(), 1);
        QCOMPARE(deletes[0].serverId, QStringLiteral("3:7"));
        QVERIFY(store.draftStore().drafts().isEmpty());
    }

    void attachmentsAreCopiedIntoTheProfile()
    {
        Store store;
        QVERIFY(openFresh(store));
        const QString original = m_dir.filePath(QStringLiteral("report.pdf"));
        {
            QFile f(original);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("%PDF-1.4 twelve");
        }
        DraftEntry e = letter(QStringLiteral("with file"));
        e.attachments = {DraftAttachment{original, {}, QStringLiteral("application/pdf"), 0}};
        const qint64 id = store.draftStore().saveDraft(e);
        QVERIFY2(id > 0, qPrintable(store.lastError()));
        const DraftAttachment stored = store.draftStore().draft(id)->attachments.value(0);
        QVERIFY(stored.path.startsWith(store.draftStore().draftFilesDir()));
        QCOMPARE(stored.name, QStringLiteral("report.pdf"));
        QCOMPARE(stored.size, 15);
        QCOMPARE(QFile::permissions(stored.path) & (QFile::ReadGroup | QFile::ReadOther), QFile::Permissions());
        // The composer saves again with the path the user picked: no new copy.
        DraftEntry again = e;
        again.id = id;
        QCOMPARE(store.draftStore().saveDraft(again), id);
        QCOMPARE(store.draftStore().draft(id)->attachments.value(0).path, stored.path);
        QVERIFY(QFile::remove(original));
        QCOMPARE(store.draftStore().saveDraft(*store.draftStore().draft(id)), id);
        QVERIFY(QFile::exists(store.draftStore().draft(id)->attachments.value(0).path));
        // A removed attachment's copy goes; a deleted draft's folder too.
        DraftEntry without = *store.draftStore().draft(id);
        without.attachments.clear();
        store.draftStore().saveDraft(without);
        QVERIFY(!QFile::exists(stored.path));
        QVERIFY(store.draftStore().deleteDraft(id));
        QVERIFY(!QDir(store.draftStore().draftFilesDir() + QStringLiteral("/%1").arg(id)).exists());
    }

    void aMissingAttachmentIsRefusedAndNothingIsLost()
    {
        Store store;
        QVERIFY(openFresh(store));
        const qint64 id = store.draftStore().saveDraft(letter(QStringLiteral("keep me")));
        DraftEntry e = *store.draftStore().draft(id);
        e.subject = QStringLiteral("new subject");
        e.attachments = {DraftAttachment{m_dir.filePath(QStringLiteral("nowhere.txt")), {}, {}, 0}};
        QCOMPARE(store.draftStore().saveDraft(e), 0);
        QVERIFY(store.lastError().contains(QStringLiteral("nowhere.txt")));
        QCOMPARE(store.draftStore().draft(id)->subject, QStringLiteral("keep me"));
    }

    void importsAnotherDevicesDraft()
    {
        Store store;
        QVERIFY(openFresh(store));
        QVERIFY(store.folderStore().applyFolderSync(QStringLiteral("1"),
                                      {folder(QStringLiteral("2"), QStringLiteral("Inbox"), FolderType::Inbox),
                                       folder(QStringLiteral("3"), QStringLiteral("Drafts"), FolderType::Drafts)},
                                      {}));
        SyncBatch batch;
        batch.folderId = QStringLiteral("3");
        batch.newSyncKey = QStringLiteral("k1");
        Message m;
        m.serverId = QStringLiteral("3:9");
        m.subject = QStringLiteral("From the phone");
        m.to = QStringLiteral("alice@skein.test, bob@skein.test");
        m.dateReceived = QDateTime::currentDateTimeUtc();
        m.bodyType = BodyType::PlainText;
        m.body = "typed on the phone";
        Message mine = m;
        mine.serverId = QStringLiteral("3:10");
        batch.adds = {m, mine};
        QVERIFY(store.syncApplier().applySyncBatch(batch));
        const qint64 own = store.draftStore().saveDraft(letter(QStringLiteral("mine")));
        store.draftStore().setDraftUploaded(own, 100, QStringLiteral("3:10"));

        const QList<Message> others = store.draftStore().serverOnlyDrafts();
        QCOMPARE(others.size(), 1);
        QCOMPARE(others.first().serverId, QStringLiteral("3:9"));
        const std::optional<DraftEntry> imported = store.draftStore().importServerDraft(others.first().id);
        QVERIFY2(imported, qPrintable(store.lastError()));
        QCOMPARE(imported->serverId, QStringLiteral("3:9"));
        QCOMPARE(imported->to, (QStringList{QStringLiteral("alice@skein.test"), QStringLiteral("bob@skein.test")}));
        QCOMPARE(imported->plainBody, QStringLiteral("typed on the phone"));
        QVERIFY(imported->uploaded);
        QVERIFY(store.draftStore().serverOnlyDrafts().isEmpty());
        // Opening it again continues the same local draft.
        QCOMPARE(store.draftStore().importServerDraft(others.first().id)->id, imported->id);
        QVERIFY(!store.draftStore().importServerDraft(123456));
    }
};

QTEST_GUILESS_MAIN(TestStoreDrafts)
#include "tst_storedrafts.moc"
