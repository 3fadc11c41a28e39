// DesktopApp in demo mode: the in-process demo server, the first sync into
// the window, expanding a conversation, and a truncated body fetched in full.
#include "CommandLine.h"
#include "ConversationListPane.h"
#include "ConversationView.h"
#include "DemoServer.h"
#include "DesktopApp.h"
#include "FolderPane.h"
#include "MainWindow.h"
#include "ModelRoles.h"
#include "PrivateFiles.h"
#include "ReadingPane.h"
#include "ReferenceServer.h"
#include "StatusArea.h"
#include "SyncStatus.h"

#include <functional>
#include <QAction>
#include <QJsonArray>
#include <QJsonObject>
#include <QSettings>
#include <QShortcut>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTreeView>
#include <QtTest>

using skein::desktop::DesktopApp;
using skein::desktop::DesktopOptions;

namespace {

const QString kLongSubject = QStringLiteral("Annual infrastructure report");
const QString kLongBodyEnd = QStringLiteral("End of report.");

// Top-level row of the conversation list whose conversation holds `message`,
// loading further pages if needed.
QModelIndex rowOf(QAbstractItemModel *model, const skein::Message &message)
{
    for (int row = 0;; ++row) {
        if (row >= model->rowCount()) {
            if (!model->canFetchMore({}))
                return {};
            model->fetchMore({});
            if (row >= model->rowCount())
                return {};
        }
        const QModelIndex index = model->index(row, 0);
        const QByteArray conversationId = index.data(skein::ConversationIdRole).toByteArray();
        if (conversationId.isEmpty() ? index.data(skein::ServerIdRole).toString() == message.serverId
                                     : conversationId == message.conversationId)
            return index;
    }
}

} // namespace

class TestDesktopApp : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void listsInboxConversations();
    void expandsAMultiMessageConversation();
    void expandsTheConversationWithTheGivenSubject();
    void selectSubjectNeedsScreenshot();
    void selectFolderNeedsScreenshot();
    void demoMessagesNeedsDemoAndANumber();
    void replyTreesMatchTheServersThreading();
    void fetchesATruncatedBodyInFull();
    void f5SyncsAgain();
    void savesAnAttachmentThroughTheEngine();
    void profileIsPrivate();

private:
    std::optional<skein::Message> longMessage() const;

    QTemporaryDir m_dir;
    mode_t m_umask = 0;
    std::unique_ptr<DesktopApp> m_app;
};

void TestDesktopApp::initTestCase()
{
    // The usual desktop umask, under which files are readable by everyone;
    // the profile folder does not exist yet.
    m_umask = ::umask(022);
    m_app = std::make_unique<DesktopApp>(DesktopOptions{m_dir.filePath(QStringLiteral("profile")), true, {}});
    runDemoInProcess(*m_app); // the test reaches into the server
    // Selecting must not mark anything read here: these tests check read
    // states. The app has pointed QSettings at the test profile by now.
    QSettings().setValue(QStringLiteral("reading/markReadDelayMs"), -1);
    QSignalSpy synced(m_app.get(), &DesktopApp::syncCompleted);
    m_app->start();
    QVERIFY(synced.wait(90000));
    QVERIFY2(synced.first().first().toBool(), "the first sync of the demo mailbox failed");
}

void TestDesktopApp::cleanupTestCase()
{
    m_app.reset(); // engine, then server thread, then window
    ::umask(m_umask);
}

void TestDesktopApp::listsInboxConversations()
{
    skein::ui::MainWindow *window = m_app->mainWindow();
    QVERIFY(window->isVisible());
    const auto inbox = m_app->store().folderStore().folderOfType(skein::FolderType::Inbox);
    QVERIFY(inbox);
    QCOMPARE(window->currentFolderId(), inbox->serverId);
    QAbstractItemModel *model = window->panes().list->view()->model();
    QVERIFY(model);
    QTRY_VERIFY(model->rowCount() > 5);
    QStringList subjects;
    for (int row = 0; row < model->rowCount(); ++row)
        subjects.append(model->index(row, 0).data(skein::SubjectRole).toString());
    QVERIFY2(subjects.contains(kLongSubject), qPrintable(subjects.join(QLatin1String(" | "))));
    QVERIFY(window->panes().folders->model()->rowCount() > 0);
}

void TestDesktopApp::expandsAMultiMessageConversation()
{
    skein::ui::MainWindow *window = m_app->mainWindow();
    QVERIFY(window->panes().list->expandFirstMultiMessageConversation());
    QTreeView *view = window->panes().list->view();
    const QModelIndex current = view->currentIndex();
    QVERIFY(current.isValid());
    const QModelIndex conversation = current.parent().isValid() ? current.parent() : current;
    QVERIFY(view->isExpanded(conversation));
    QVERIFY(conversation.data(skein::MessageCountRole).toInt() > 1);
    QVERIFY(view->model()->rowCount(conversation) > 0); // the reply tree, its starter first
    QTRY_VERIFY(!window->panes().reading->isEmpty());
}

// --select-subject: not the first multi-message conversation but the first
// whose subject contains the text, ignoring case; none matching gives false.
void TestDesktopApp::expandsTheConversationWithTheGivenSubject()
{
    skein::ui::MainWindow *window = m_app->mainWindow();
    QAbstractItemModel *model = window->panes().list->view()->model();
    while (model->canFetchMore({}))
        model->fetchMore({});
    QStringList multiMessageSubjects;
    for (int row = 0; row < model->rowCount(); ++row)
        if (model->index(row, 0).data(skein::MessageCountRole).toInt() > 1)
            multiMessageSubjects.append(model->index(row, 0).data(skein::SubjectRole).toString());
    QVERIFY2(multiMessageSubjects.size() > 1, qPrintable(multiMessageSubjects.join(QLatin1String(" | "))));
    const QString wanted = multiMessageSubjects.constLast();
    QVERIFY(wanted != multiMessageSubjects.constFirst());

    QVERIFY(window->panes().list->expandFirstMultiMessageConversation(wanted.toUpper()));
    QTreeView *view = window->panes().list->view();
    const QModelIndex current = view->currentIndex();
    QVERIFY(current.isValid());
    QVERIFY(!current.parent().isValid());
    QCOMPARE(current.data(skein::SubjectRole).toString(), wanted);
    QVERIFY(view->isExpanded(current));

    QVERIFY(!window->panes().list->expandFirstMultiMessageConversation(QStringLiteral("no subject has this text 7f3a")));
}

void TestDesktopApp::selectSubjectNeedsScreenshot()
{
    using skein::desktop::parseCommandLine;
    const auto withShot = parseCommandLine({QStringLiteral("skein"), QStringLiteral("--screenshot"), QStringLiteral("/tmp/x.png"),
                                            QStringLiteral("--select-subject"), QStringLiteral("Lunch")});
    QVERIFY(withShot.options);
    QCOMPARE(withShot.options->selectSubject, QStringLiteral("Lunch"));
    QCOMPARE(withShot.options->screenshotPath, QStringLiteral("/tmp/x.png"));

    const auto alone = parseCommandLine({QStringLiteral("skein"), QStringLiteral("--select-subject"), QStringLiteral("Lunch")});
    QVERIFY(!alone.options);
    QCOMPARE(alone.exitCode, 2);
    QVERIFY2(alone.text.contains(QLatin1String("--select-subject only works with --screenshot")), qPrintable(alone.text));
}

void TestDesktopApp::selectFolderNeedsScreenshot()
{
    using skein::desktop::parseCommandLine;
    const auto withShot = parseCommandLine({QStringLiteral("skein"), QStringLiteral("--screenshot"), QStringLiteral("/tmp/x.png"),
                                            QStringLiteral("--select-folder"), QStringLiteral("Outbox")});
    QVERIFY(withShot.options);
    QCOMPARE(withShot.options->selectFolder, QStringLiteral("Outbox"));

    const auto alone = parseCommandLine({QStringLiteral("skein"), QStringLiteral("--select-folder"), QStringLiteral("Outbox")});
    QVERIFY(!alone.options);
    QCOMPARE(alone.exitCode, 2);
    QVERIFY2(alone.text.contains(QLatin1String("--select-folder only works with --screenshot")), qPrintable(alone.text));
}

void TestDesktopApp::demoMessagesNeedsDemoAndANumber()
{
    using skein::desktop::parseCommandLine;
    const auto big = parseCommandLine({QStringLiteral("skein"), QStringLiteral("--demo"), QStringLiteral("--demo-messages"),
                                       QStringLiteral("200000")});
    QVERIFY(big.options);
    QCOMPARE(big.options->demoMessages, 200000);
    for (const QStringList &wrong : {QStringList{QStringLiteral("skein"), QStringLiteral("--demo-messages"), QStringLiteral("10")},
                                     QStringList{QStringLiteral("skein"), QStringLiteral("--demo"), QStringLiteral("--demo-messages"),
                                                 QStringLiteral("many")}}) {
        const auto refused = parseCommandLine(wrong);
        QVERIFY(!refused.options);
        QCOMPARE(refused.exitCode, 2);
        QVERIFY2(refused.text.contains(QLatin1String("--demo-messages takes a number")), qPrintable(refused.text));
    }
}

// Every reply row of the Inbox list sits under the row of the message it
// answers, as the server threaded it (dump: parentServerId), unless the row
// says earlier messages are missing.
void TestDesktopApp::replyTreesMatchTheServersThreading()
{
    QHash<QString, QString> parentOnServer;
    QJsonObject dump;
    demoServerOf(*m_app)->runOnServerThread([&dump](skein::server::ReferenceServer &s) { dump = s.dump(); });
    for (const QJsonValue &user : dump.value(QStringLiteral("users")).toArray())
        for (const QJsonValue &m : user[QStringLiteral("messages")].toArray())
            parentOnServer.insert(m[QStringLiteral("serverId")].toString(), m[QStringLiteral("parentServerId")].toString());
    QVERIFY(!parentOnServer.isEmpty());

    QAbstractItemModel *model = m_app->mainWindow()->panes().list->view()->model();
    while (model->canFetchMore({}))
        model->fetchMore({});
    int links = 0;
    std::function<void(const QModelIndex &)> checkChildren = [&](const QModelIndex &parent) {
        if (model->canFetchMore(parent))
            model->fetchMore(parent);
        const QString parentId = parent.parent().isValid() ? parent.data(skein::ServerIdRole).toString() : QString();
        for (int row = 0; row < model->rowCount(parent); ++row) {
            const QModelIndex child = model->index(row, 0, parent);
            const QString id = child.data(skein::ServerIdRole).toString();
            if (!parentId.isEmpty() && !child.data(skein::GapAboveRole).toBool()) {
                QCOMPARE(parentOnServer.value(id), parentId);
                ++links;
            }
            checkChildren(child);
        }
    };
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex conversation = model->index(row, 0);
        if (conversation.data(skein::MessageCountRole).toInt() > 1)
            checkChildren(conversation);
    }
    QVERIFY2(links >= 30, qPrintable(QString::number(links)));
}

std::optional<skein::Message> TestDesktopApp::longMessage() const
{
    const auto inbox = m_app->store().folderStore().folderOfType(skein::FolderType::Inbox);
    for (const skein::Message &m : m_app->store().messageStore().messagesInFolder(inbox ? inbox->serverId : QString()))
        if (m.subject == kLongSubject)
            return m_app->store().messageStore().messageById(m.id); // with its body
    return std::nullopt;
}

void TestDesktopApp::fetchesATruncatedBodyInFull()
{
    const std::optional<skein::Message> before = longMessage();
    QVERIFY(before);
    QVERIFY2(before->bodyTruncated, "the demo's long body should arrive as a truncated preview");
    QVERIFY(before->body.size() < 60 * 1024);

    skein::ui::MainWindow *window = m_app->mainWindow();
    QSignalSpy requested(window->panes().reading, &skein::ui::ReadingPane::bodyRequested);
    const QModelIndex row = rowOf(window->panes().list->view()->model(), *before);
    QVERIFY(row.isValid());
    window->panes().list->view()->setCurrentIndex(row);
    QTRY_VERIFY_WITH_TIMEOUT(requested.count() > 0, 10000);
    QCOMPARE(requested.first().first().toLongLong(), before->id);

    QTRY_VERIFY_WITH_TIMEOUT(!longMessage()->bodyTruncated, 30000);
    const skein::Message after = *longMessage();
    QVERIFY(after.body.size() > 60 * 1024);
    QVERIFY(QString::fromUtf8(after.body).contains(kLongBodyEnd));
    QTRY_VERIFY_WITH_TIMEOUT(window->panes().reading->text().contains(kLongBodyEnd), 10000);
}

// The reading pane's save request reaches the engine and its answer comes
// back to the pane: the demo's contract PDF lands in the file.
void TestDesktopApp::savesAnAttachmentThroughTheEngine()
{
    const auto inbox = m_app->store().folderStore().folderOfType(skein::FolderType::Inbox);
    QVERIFY(inbox);
    qint64 messageId = 0;
    skein::Attachment pdf;
    for (const skein::Message &m : m_app->store().messageStore().messagesInFolder(inbox->serverId))
        for (const skein::Attachment &a : m_app->store().messageStore().attachments(m.id))
            if (a.name.endsWith(QLatin1String(".pdf"))) {
                messageId = m.id;
                pdf = a;
            }
    QVERIFY2(messageId, "the demo's contract should list a PDF");
    skein::ui::ReadingPane *pane = m_app->mainWindow()->panes().reading;
    const QString path = m_dir.filePath(QStringLiteral("saved.pdf"));
    Q_EMIT pane->saveAttachmentRequested(messageId, pdf.fileReference, path);
    // The file appears only complete.
    QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(path), 30000);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.readAll().startsWith("%PDF-"));
}

void TestDesktopApp::f5SyncsAgain()
{
    skein::ui::MainWindow *window = m_app->mainWindow();
    // Exactly one binding: two would make the key ambiguous, and Qt then fires neither.
    int bindings = 0;
    for (const QAction *action : window->findChildren<QAction *>())
        bindings += action->shortcuts().contains(QKeySequence(Qt::Key_F5));
    for (const QShortcut *shortcut : window->findChildren<QShortcut *>())
        bindings += shortcut->key() == QKeySequence(Qt::Key_F5);
    QCOMPARE(bindings, 1);

    QTRY_VERIFY(!m_app->isSyncing());
    QSignalSpy synced(m_app.get(), &DesktopApp::syncCompleted);
    window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(window));
    QTest::keyClick(window, Qt::Key_F5);
    QVERIFY(synced.wait(30000));
    QVERIFY(synced.first().first().toBool());
    // Nothing new: said so without claiming "up to date", which would be
    // wrong beside "1 change waiting to be sent" while the server refuses one.
    QCOMPARE(window->panes().status->syncStatus()->stateText(), QStringLiteral("Synced: no new mail."));
}

// Mail, account and settings are the user's alone: the folder 0700, every
// file 0600, including the settings this test wrote before start().
void TestDesktopApp::profileIsPrivate()
{
    QCOMPARE(QSettings().fileName(), m_app->profile().settingsPath());
    QSettings().setValue(QStringLiteral("test/saved"), true);
    QVERIFY(QFile::exists(m_app->profile().databasePath() + QStringLiteral("-wal")));
    SKEIN_VERIFY_PRIVATE(m_app->profile().directory());
}

QTEST_MAIN(TestDesktopApp)
#include "tst_desktopapp.moc"
