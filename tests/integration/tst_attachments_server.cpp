// Attachments end to end: the real engine syncs the demo mailbox from the
// reference server and stores each message's list; saveAttachment fetches
// into a file (ItemOperations at 14.1/16.1, streamed GetAttachment at 12.1)
// with the server's exact bytes; a cancelled download leaves no file.
#include "ReferenceServer.h"
#include "ServerStore.h"
#include "SyncEngine.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace skein;
using namespace skein::eas;

namespace {

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// Bytes that do not compress or repeat: a wrong offset shows.
QByteArray patterned(qsizetype size)
{
    QByteArray out(size, Qt::Uninitialized);
    quint32 x = 2463534242u;
    for (qsizetype i = 0; i < size; ++i) {
        x ^= x << 13; x ^= x >> 17; x ^= x << 5;
        out[i] = char(x);
    }
    return out;
}

QByteArray mimeWithAttachment(const QString &subject, const QString &name, const QByteArray &data)
{
    QByteArray base64 = data.toBase64();
    QByteArray wrapped;
    for (qsizetype at = 0; at < base64.size(); at += 76)
        wrapped += base64.mid(at, 76) + "\r\n";
    return "From: Nina <nina@northwind.example>\r\nTo: demo@skein.test\r\nSubject: " + subject.toUtf8()
        + "\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n"
          "--b1\r\nContent-Type: text/plain\r\n\r\nSee attached.\r\n"
          "--b1\r\nContent-Type: application/octet-stream\r\nContent-Disposition: attachment; filename=\""
        + name.toUtf8() + "\"\r\nContent-Transfer-Encoding: base64\r\n\r\n" + wrapped + "--b1--\r\n";
}

} // namespace

class TestAttachmentsServer : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<server::ReferenceServer> m_server;
    QByteArray m_big;
    int m_profiles = 0;

    // A fresh profile at `version`, synced; its database path.
    QString syncedProfile(const QString &version)
    {
        const QString db = m_dir.filePath(QStringLiteral("client%1.db").arg(++m_profiles));
        Store store;
        if (!store.open(db))
            return {};
        AccountSettings account;
        QUrl base = m_server->url();
        base.setPath({});
        account.url = base.toString();
        account.user = QStringLiteral("demo");
        account.deviceId = QStringLiteral("ATTACH%1").arg(m_profiles);
        account.protocolVersion = version;
        store.accountStore().saveAccount(account);
        auto e = engine(db);
        QSignalSpy finished(e.get(), &SyncEngine::syncFinished);
        e->syncAll();
        if (finished.isEmpty() && !finished.wait(120000))
            return {};
        return finished.first().first().value<SyncReport>().ok() ? db : QString();
    }

    std::unique_ptr<SyncEngine> engine(const QString &db)
    {
        SyncEngine::Config config;
        config.databasePath = db;
        config.password = QStringLiteral("demo");
        config.maxRetryAfterMs = 20;
        return std::make_unique<SyncEngine>(config);
    }

    static std::optional<Message> bySubject(const Store &store, const QString &subject)
    {
        for (const Folder &f : store.folderStore().folders())
            for (const Message &m : store.messageStore().messagesInFolder(f.serverId))
                if (m.subject == subject)
                    return m;
        return std::nullopt;
    }

    // The bytes the server keeps for this reference ("att:N").
    QByteArray serverBytes(const QString &reference)
    {
        return m_server->store().mail().attachment(m_server->store().accounts().user(QStringLiteral("demo"))->id,
                                            reference.mid(4).toLongLong())->data;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_server = std::make_unique<server::ReferenceServer>();
        QString error;
        QVERIFY2(m_server->open(m_dir.filePath(QStringLiteral("server")), &error), qPrintable(error));
        QVERIFY(m_server->seedDemo() >= 100);
        m_big = patterned(6 * 1024 * 1024 + 123);
        server::IncomingMail mail;
        mail.to = QStringLiteral("demo");
        mail.mime = mimeWithAttachment(QStringLiteral("Large dataset"), QStringLiteral("dataset.bin"), m_big);
        const server::DeliveryResult delivered = m_server->deliver(mail);
        QVERIFY2(delivered.ok, qPrintable(delivered.error));
        QVERIFY(m_server->start() != 0);
    }

    void syncStoresTheLists_data()
    {
        QTest::addColumn<QString>("version");
        QTest::newRow("12.1") << QStringLiteral("12.1");
        QTest::newRow("14.1") << QStringLiteral("14.1");
        QTest::newRow("16.1") << QStringLiteral("16.1");
    }
    void syncStoresTheLists()
    {
        QFETCH(QString, version);
        const QString db = syncedProfile(version);
        QVERIFY(!db.isEmpty());
        Store store;
        QVERIFY(store.open(db));
        const auto contract = bySubject(store, QStringLiteral("Signed contract (PDF)"));
        QVERIFY(contract);
        QVERIFY(contract->hasAttachments);
        const QList<Attachment> list = store.messageStore().attachments(contract->id);
        QCOMPARE(list.size(), 1);
        QCOMPARE(list.first().name, QStringLiteral("contract.pdf"));
        QCOMPARE(list.first().size, qint64(serverBytes(list.first().fileReference).size()));
        const auto newsletter = bySubject(store, QStringLiteral("Northwind Weekly: launch countdown"));
        QVERIFY(newsletter);
        QVERIFY(!newsletter->hasAttachments); // an inline image earns no paperclip
        QCOMPARE(store.messageStore().attachments(newsletter->id).size(), 1);
        QVERIFY(store.messageStore().attachments(newsletter->id).first().isInline);
    }

    void savesTheServersBytes_data()
    {
        QTest::addColumn<QString>("version");
        QTest::addColumn<QString>("subject");
        QTest::newRow("12.1 pdf (GetAttachment)") << QStringLiteral("12.1") << QStringLiteral("Signed contract (PDF)");
        QTest::newRow("14.1 pdf (ItemOperations)") << QStringLiteral("14.1") << QStringLiteral("Signed contract (PDF)");
        QTest::newRow("12.1 6 MB (streamed)") << QStringLiteral("12.1") << QStringLiteral("Large dataset");
        QTest::newRow("16.1 6 MB") << QStringLiteral("16.1") << QStringLiteral("Large dataset");
    }
    void savesTheServersBytes()
    {
        QFETCH(QString, version);
        QFETCH(QString, subject);
        const QString db = syncedProfile(version);
        QVERIFY(!db.isEmpty());
        Store store;
        QVERIFY(store.open(db));
        const auto message = bySubject(store, subject);
        QVERIFY(message);
        const Attachment a = store.messageStore().attachments(message->id).value(0);
        QVERIFY(!a.fileReference.isEmpty());
        auto e = engine(db);
        QSignalSpy saved(e.get(), &SyncEngine::attachmentSaved);
        QSignalSpy progress(e.get(), &SyncEngine::attachmentProgress);
        const QString path = m_dir.filePath(QStringLiteral("saved-%1").arg(++m_profiles)) + QLatin1Char('-') + a.name;
        e->saveAttachment(message->id, a.fileReference, path);
        QVERIFY(saved.wait(60000) || !saved.isEmpty());
        QCOMPARE(saved.first().at(3).toString(), QString());
        QCOMPARE(saved.first().at(2).toString(), path);
        QCOMPARE(readAll(path), serverBytes(a.fileReference));
        QVERIFY(!progress.isEmpty());
        if (subject == QLatin1String("Large dataset"))
            QCOMPARE(readAll(path), m_big);
        if (a.name.endsWith(QLatin1String(".pdf"))) {
            QVERIFY(readAll(path).startsWith("%PDF-"));
            QVERIFY(readAll(path).trimmed().endsWith("%%EOF"));
        }
    }

    void cancelLeavesNoPartialFile()
    {
        const QString db = syncedProfile(QStringLiteral("12.1"));
        QVERIFY(!db.isEmpty());
        Store store;
        QVERIFY(store.open(db));
        const auto message = bySubject(store, QStringLiteral("Large dataset"));
        QVERIFY(message);
        const Attachment a = store.messageStore().attachments(message->id).value(0);
        auto e = engine(db);
        // Cancel from the engine's thread on the first bytes, as a click would
        // from the GUI thread while they arrive.
        SyncEngine *raw = e.get();
        connect(raw, &SyncEngine::attachmentProgress, raw,
                [raw](qint64 id, const QString &ref, qint64 received, qint64) {
            if (received > 0)
                raw->cancelAttachment(id, ref);
        }, Qt::DirectConnection);
        QSignalSpy saved(raw, &SyncEngine::attachmentSaved);
        QTemporaryDir target;
        const QString path = target.filePath(a.name);
        e->saveAttachment(message->id, a.fileReference, path);
        QVERIFY(saved.wait(60000) || !saved.isEmpty());
        QVERIFY(saved.first().at(4).toBool()); // cancelled
        QVERIFY(!QFile::exists(path));
        QVERIFY(QDir(target.path()).entryList(QDir::Files | QDir::Hidden | QDir::System).isEmpty());

        // The next download of the same attachment is not cancelled by the old click.
        disconnect(raw, &SyncEngine::attachmentProgress, raw, nullptr);
        saved.clear();
        e->saveAttachment(message->id, a.fileReference, path);
        QVERIFY(saved.wait(60000) || !saved.isEmpty());
        QCOMPARE(saved.first().at(3).toString(), QString());
        QCOMPARE(readAll(path), m_big);
    }

    void unknownReferenceSaysSo_data()
    {
        QTest::addColumn<QString>("version");
        QTest::newRow("12.1") << QStringLiteral("12.1");
        QTest::newRow("14.1") << QStringLiteral("14.1");
    }
    void unknownReferenceSaysSo()
    {
        QFETCH(QString, version);
        const QString db = syncedProfile(version);
        QVERIFY(!db.isEmpty());
        auto e = engine(db);
        QSignalSpy saved(e.get(), &SyncEngine::attachmentSaved);
        QTemporaryDir target;
        e->saveAttachment(1, QStringLiteral("att:999999"), target.filePath(QStringLiteral("x")));
        QVERIFY(saved.wait(60000) || !saved.isEmpty());
        QVERIFY2(saved.first().at(3).toString().contains(QStringLiteral("no longer has")),
                 qPrintable(saved.first().at(3).toString()));
        QVERIFY(QDir(target.path()).entryList(QDir::Files | QDir::Hidden).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestAttachmentsServer)
#include "tst_attachments_server.moc"
