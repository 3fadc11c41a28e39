// The real MainWindow, offscreen, on a store where Inbox and Sent Items both
// hold a message with ServerId "5", as on SOGo (ServerIds are IMAP UIDs,
// unique per folder only). Clicking the Sent one must show it, and its body
// request must name its local row id, never the bare ServerId.

#include "ConversationListPane.h"
#include "ConversationView.h"
#include "GuiTestWindow.h"
#include "MainWindow.h"
#include "MessageCard.h"
#include "ReadingPane.h"
#include "Store.h"

#include <QApplication>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace skein;
using namespace skein::ui;

namespace {

const QString inbox = QStringLiteral("1");
const QString sent = QStringLiteral("2");

Message five(const QString &subject, const QString &from, int hoursAgo)
{
    Message m;
    m.serverId = QStringLiteral("5");
    m.subject = subject;
    m.from = from;
    m.to = QStringLiteral("someone@example.com");
    m.dateReceived = QDateTime::currentDateTimeUtc().addSecs(-3600 * hoursAgo);
    m.read = true;
    m.messageClass = QStringLiteral("IPM.Note");
    m.bodyType = BodyType::PlainText;
    m.body = subject.toUtf8() + " preview";
    m.bodyTruncated = true; // both need a fetch: a wrong id would ask for the other
    m.bodyEstimatedSize = 5000;
    return m;
}

SyncBatch batch(const QString &folder, const Message &message)
{
    SyncBatch b;
    b.folderId = folder;
    b.newSyncKey = QStringLiteral("1");
    b.adds = {message};
    return b;
}

} // namespace

class TestSameServerId : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    Store m_store;
    qint64 m_inboxFive = 0;
    qint64 m_sentFive = 0;

private Q_SLOTS:
    void initTestCase()
    {
        Q_INIT_RESOURCE(resources); // the app's bundled fallback icons (skein::app)
        QVERIFY(m_dir.isValid());
        guitest::isolateSettings(m_dir, QStringLiteral("tst_sameserverid"));
        guitest::neverMarkReadOnOpen();
        QVERIFY2(m_store.open(m_dir.filePath(QStringLiteral("mail.sqlite"))), qPrintable(m_store.lastError()));
        const QList<Folder> folders{{inbox, QStringLiteral("0"), QStringLiteral("Inbox"), FolderType::Inbox},
                                    {sent, QStringLiteral("0"), QStringLiteral("Sent Items"), FolderType::SentItems}};
        QVERIFY(m_store.folderStore().applyFolderSync(QStringLiteral("h1"), folders, {}));
        // Inbox's "5" first: a lookup by ServerId alone found it first.
        QVERIFY(m_store.syncApplier().applySyncBatch(batch(inbox, five(QStringLiteral("Inbox five"),
                                                         QStringLiteral("Ann <ann@example.com>"), 2))));
        QVERIFY(m_store.syncApplier().applySyncBatch(batch(sent, five(QStringLiteral("Sent five"),
                                                        QStringLiteral("Me <me@example.com>"), 1))));
        m_inboxFive = m_store.messageStore().message(inbox, QStringLiteral("5"))->id;
        m_sentFive = m_store.messageStore().message(sent, QStringLiteral("5"))->id;
    }

    void clickingSentFiveShowsAndFetchesSentFive()
    {
        MainWindow window(m_store);
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QSignalSpy requested(window.panes().reading, &skein::ui::ReadingPane::bodyRequested);
        window.selectFolder(sent);
        QCOMPARE(window.currentFolderId(), sent);
        QTreeView *view = window.panes().list->view();
        QCOMPARE(view->model()->rowCount(), 1);
        const QModelIndex row = view->model()->index(0, 0);
        view->scrollTo(row);
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(row).center());

        ReadingPane *pane = window.panes().reading;
        QCOMPARE(pane->cards().size(), 1);
        MessageCard *card = pane->cards().at(0);
        QCOMPARE(card->message().id, m_sentFive);
        QVERIFY2(pane->text().contains(QStringLiteral("Sent five")), qPrintable(pane->text()));
        QVERIFY(!pane->text().contains(QStringLiteral("Inbox five")));
        QCOMPARE(requested.count(), 1);
        QCOMPARE(requested.at(0).at(0).toLongLong(), m_sentFive);
        QCOMPARE(card->bodyState(), MessageCard::BodyState::Loading);

        // The answer for Inbox's "5" is not the answer for this one.
        window.panes().reading->bodyFetched(m_inboxFive, QStringLiteral("Server unavailable (503)"));
        QCOMPARE(card->bodyState(), MessageCard::BodyState::Loading);

        QVERIFY(m_store.messageStore().setBody(m_sentFive, BodyType::PlainText, "Sent five, all of it", false, 20));
        window.panes().reading->bodyFetched(m_sentFive, {});
        QCOMPARE(pane->cards().at(0)->bodyState(), MessageCard::BodyState::Shown);
        QVERIFY2(pane->text().contains(QStringLiteral("Sent five, all of it")), qPrintable(pane->text()));
        QCOMPARE(m_store.messageStore().messageById(m_inboxFive)->body, QByteArray("Inbox five preview"));
    }
};

QTEST_MAIN(TestSameServerId)
#include "tst_sameserverid.moc"
