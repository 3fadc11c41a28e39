// A message card's attachments through the reading pane, wired to the real
// engine and reference server as app/desktop wires them: the list shows
// name, icon and size; Save As writes the server's bytes; Open fetches to a
// private 0600 file and hands it to the desktop; a program is refused with a
// sentence and never fetched. Leaves screenshots in SKEIN_SHOT_DIR (default:
// attach-shots in the system's temporary folder) for a person to look at.
#include "AttachmentList.h"
#include "AttachmentOpener.h"
#include "BodyView.h"
#include "MessageCard.h"
#include "ReadingPane.h"
#include "ReferenceServer.h"
#include "Store.h"
#include "SyncEngine.h"

#include <QDir>
#include <QFile>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocument>

using namespace skein;
using namespace skein::eas;
using namespace skein::ui;

namespace {

QString shotPath(const QString &name)
{
    const QByteArray dir = qgetenv("SKEIN_SHOT_DIR");
    const QString folder = dir.isEmpty() ? QDir::temp().filePath(QStringLiteral("attach-shots")) : QString::fromLocal8Bit(dir);
    QDir().mkpath(folder);
    return QDir(folder).filePath(name);
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// What app/desktop's controller does: four connections between the pane and
// the account's engine (the engine emits on its own thread; queued here).
void wire(ReadingPane &pane, SyncEngine &engine)
{
    QObject::connect(&pane, &ReadingPane::saveAttachmentRequested, &engine, &SyncEngine::saveAttachment);
    QObject::connect(&pane, &ReadingPane::cancelAttachmentRequested, &engine,
                     [&engine](qint64 id, const QString &ref) { engine.cancelAttachment(id, ref); });
    QObject::connect(&engine, &SyncEngine::attachmentProgress, &pane, &ReadingPane::attachmentProgress);
    QObject::connect(&engine, &SyncEngine::attachmentSaved, &pane, &ReadingPane::attachmentSaved);
}

} // namespace

class TestAttachmentCard : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<server::ReferenceServer> m_server;
    QString m_db;

    MessageCard *cardWithSubject(ReadingPane &pane, const QString &subject)
    {
        for (MessageCard *card : pane.cards())
            if (card->message().subject == subject)
                return card;
        return nullptr;
    }

    qint64 messageId(const Store &store, const QString &subject)
    {
        for (const Folder &f : store.folderStore().folders())
            for (const Message &m : store.messageStore().messagesInFolder(f.serverId))
                if (m.subject == subject)
                    return m.id;
        return 0;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_server = std::make_unique<server::ReferenceServer>();
        QVERIFY(m_server->open(m_dir.filePath(QStringLiteral("server"))));
        QVERIFY(m_server->seedDemo() >= 100);
        QVERIFY(m_server->start() != 0);
        m_db = m_dir.filePath(QStringLiteral("client.db"));
        Store store;
        QVERIFY(store.open(m_db));
        AccountSettings account;
        QUrl base = m_server->url();
        base.setPath({});
        account.url = base.toString();
        account.user = QStringLiteral("demo");
        account.deviceId = QStringLiteral("GUIATTACH");
        account.protocolVersion = QStringLiteral("14.1");
        QVERIFY(store.accountStore().saveAccount(account));
        SyncEngine::Config config;
        config.databasePath = m_db;
        config.password = QStringLiteral("demo");
        SyncEngine engine(config);
        QSignalSpy finished(&engine, &SyncEngine::syncFinished);
        engine.syncAll();
        QVERIFY(finished.wait(120000) || !finished.isEmpty());
        QVERIFY(finished.first().first().value<SyncReport>().ok());
    }

    void listSaveAndOpen()
    {
        Store store;
        QVERIFY(store.open(m_db));
        SyncEngine::Config config;
        config.databasePath = m_db;
        config.password = QStringLiteral("demo");
        SyncEngine engine(config);
        ReadingPane pane(store);
        wire(pane, engine);
        pane.resize(760, 560);
        pane.show();
        const qint64 id = messageId(store, QStringLiteral("Signed contract (PDF)"));
        QVERIFY(id);
        pane.showMessage(id);
        MessageCard *card = cardWithSubject(pane, QStringLiteral("Signed contract (PDF)"));
        QVERIFY(card);

        auto *list = card->findChild<QListWidget *>(QStringLiteral("attachmentList"));
        QVERIFY(list);
        QVERIFY(list->isVisible());
        QCOMPARE(list->count(), 1);
        QVERIFY2(list->item(0)->text().startsWith(QStringLiteral("contract.pdf (")), qPrintable(list->item(0)->text()));
        QVERIFY(!list->item(0)->icon().isNull());
        QCOMPARE(list->accessibleName(), QStringLiteral("Attachments"));
        for (const char *name : {"attachmentOpen", "attachmentSaveAs", "attachmentSaveAll", "attachmentCancel"}) {
            auto *b = card->findChild<QPushButton *>(QLatin1String(name));
            QVERIFY2(b, name);
            QVERIFY2(!b->accessibleName().isEmpty(), name);
        }
        QVERIFY(!card->findChild<QPushButton *>(QStringLiteral("attachmentSaveAll"))->isVisible()); // one file only
        QVERIFY(!card->findChild<QPushButton *>(QStringLiteral("attachmentCancel"))->isVisible());

        QTest::qWait(50);
        QVERIFY(pane.grab().save(shotPath(QStringLiteral("message-card-attachments.png"))));

        // Save As…: the chooser answers like the dialog would.
        QTemporaryDir target;
        const QString savePath = target.filePath(QStringLiteral("contract-copy.pdf"));
        QString suggested;
        card->attachmentList()->setFileChooser([&](const QString &name) { suggested = name; return savePath; });
        list->setCurrentRow(0);
        QTest::mouseClick(card->findChild<QPushButton *>(QStringLiteral("attachmentSaveAs")), Qt::LeftButton);
        QCOMPARE(suggested, QStringLiteral("contract.pdf"));
        QTRY_VERIFY_WITH_TIMEOUT(card->attachmentList()->statusText() == QStringLiteral("Saved."), 30000);
        const QByteArray pdf = readAll(savePath);
        QVERIFY(pdf.startsWith("%PDF-"));
        QVERIFY(pdf.trimmed().endsWith("%%EOF"));

        // Open: a private copy goes to the desktop.
        QString launched;
        pane.attachmentOpener().setLauncher([&](const QString &path) { launched = path; return true; });
        QTest::mouseClick(card->findChild<QPushButton *>(QStringLiteral("attachmentOpen")), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!launched.isEmpty(), 30000);
        QCOMPARE(readAll(launched), pdf);
        QCOMPARE(QFile::permissions(launched) & 0x7777,
                 QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadUser | QFileDevice::WriteUser);
        QVERIFY(QFileInfo(launched).fileName() == QStringLiteral("contract.pdf"));
        const QFileInfo folder(QFileInfo(launched).absolutePath());
        QVERIFY(!(folder.permissions() & (QFileDevice::ReadOther | QFileDevice::ReadGroup)));
        QTRY_VERIFY(!card->attachmentList()->isDownloading());
    }

    void inlineImageIsShown()
    {
        Store store;
        QVERIFY(store.open(m_db));
        SyncEngine::Config config;
        config.databasePath = m_db;
        config.password = QStringLiteral("demo");
        SyncEngine engine(config);
        ReadingPane pane(store);
        wire(pane, engine);
        pane.resize(760, 1100);
        pane.show();
        const qint64 id = messageId(store, QStringLiteral("Northwind Weekly: launch countdown"));
        QVERIFY(id);
        pane.showMessage(id);
        MessageCard *card = cardWithSubject(pane, QStringLiteral("Northwind Weekly: launch countdown"));
        QVERIFY(card);
        QVERIFY(!card->attachmentList()->isVisible()); // the inline image is no listed attachment
        QCOMPARE(card->bodyView()->inlineImageIds(), QStringList{QStringLiteral("launch-badge@northwind.example")});
        const QUrl cid(QStringLiteral("cid:launch-badge@northwind.example"));
        QTRY_VERIFY_WITH_TIMEOUT(
            card->bodyView()->document()->resource(QTextDocument::ImageResource, cid).value<QImage>().size()
                == QSize(48, 48), 30000);
        QTest::qWait(50);
        QVERIFY(pane.grab().save(shotPath(QStringLiteral("inline-image.png"))));
    }

    void programIsRefusedWithASentence()
    {
        Message m;
        m.id = 4242;
        m.subject = QStringLiteral("Your invoice");
        m.from = QStringLiteral("stranger@example.com");
        m.bodyType = BodyType::PlainText;
        m.body = "Please run the attached invoice.";
        MessageCard card(m, QString());
        card.setAttachments({Attachment{QStringLiteral("invoice.pdf.exe"), QStringLiteral("att:1"), 73000, {}, {}, false},
                             Attachment{QStringLiteral("notes.txt"), QStringLiteral("att:2"), 12, {}, {}, false}});
        card.resize(600, 300);
        card.show();
        QSignalSpy open(card.attachmentList(), &AttachmentList::openRequested);
        auto *list = card.findChild<QListWidget *>(QStringLiteral("attachmentList"));
        QCOMPARE(list->count(), 2);
        QVERIFY(card.findChild<QPushButton *>(QStringLiteral("attachmentSaveAll"))->isVisible());
        list->setCurrentRow(0);
        QTest::mouseClick(card.findChild<QPushButton *>(QStringLiteral("attachmentOpen")), Qt::LeftButton);
        QVERIFY(open.isEmpty());
        QVERIFY2(card.attachmentList()->statusText().contains(QStringLiteral("does not open")),
                 qPrintable(card.attachmentList()->statusText()));
        QVERIFY(card.grab().save(shotPath(QStringLiteral("program-refused.png"))));
        list->setCurrentRow(1);
        QTest::mouseClick(card.findChild<QPushButton *>(QStringLiteral("attachmentOpen")), Qt::LeftButton);
        QCOMPARE(open.size(), 1);
    }

    void saveAllOneAfterAnother()
    {
        Message m;
        m.id = 77;
        m.subject = QStringLiteral("Two files");
        MessageCard card(m, QString());
        card.setAttachments({Attachment{QStringLiteral("a.txt"), QStringLiteral("r1"), 1, {}, {}, false},
                             Attachment{QStringLiteral("../b.txt"), QStringLiteral("r2"), 1, {}, {}, false},
                             Attachment{QStringLiteral("logo.png"), QStringLiteral("r3"), 1, QStringLiteral("image/png"),
                                        QStringLiteral("logo"), true}});
        QCOMPARE(card.attachmentList()->attachments().size(), 2); // the inline image is not listed
        QTemporaryDir target;
        card.attachmentList()->setFolderChooser([&] { return target.path(); });
        QSignalSpy save(card.attachmentList(), &AttachmentList::saveRequested);
        QTest::mouseClick(card.findChild<QPushButton *>(QStringLiteral("attachmentSaveAll")), Qt::LeftButton);
        QCOMPARE(save.size(), 1);
        QCOMPARE(save.last().at(2).toString(), target.filePath(QStringLiteral("a.txt")));
        card.attachmentList()->setFinished(QStringLiteral("r1"), {}, false);
        QCOMPARE(save.size(), 2);
        QCOMPARE(save.last().at(2).toString(), target.filePath(QStringLiteral("b.txt"))); // never outside the folder
        card.attachmentList()->setFinished(QStringLiteral("r2"), {}, false);
        QCOMPARE(save.size(), 2);
    }
};

QTEST_MAIN(TestAttachmentCard)
#include "tst_attachmentcard.moc"
