// Writing mail in the desktop app, end to end: the demo app (in-process
// reference server, demo seed, users alice and bob added) driven through
// the real window and composer widgets; what arrived is read from the
// server's dump and store. A reply to a message in the middle of a reply
// tree, reply all, a forward keeping the original's attachment, new mail
// with two attachments, and the inline reply box under the conversation.
// With SKEIN_TEST_SHOTS=DIR set, the composer and the inline reply box are
// saved there as composer.png and inline-reply.png.
#include "ComposerAttachmentList.h"
#include "ComposerText.h"
#include "ComposerWindow.h"
#include "Banner.h"
#include "DemoServer.h"
#include "DesktopApp.h"
#include "InlineReplyBox.h"
#include "MailFormat.h"
#include "MainWindow.h"
#include "MessageCard.h"
#include "MimeComposer.h"
#include "ModelRoles.h"
#include "OutgoingMessage.h"
#include "ReadingPane.h"
#include "ReferenceServer.h"
#include "ReplyDraft.h"
#include "ServerStore.h"

#include <QAction>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTextEdit>
#include <QToolButton>
#include <QTreeView>
#include <QtTest>

#include <functional>

using skein::Message;
using skein::OutboxKind;
using skein::desktop::DesktopApp;
using skein::desktop::DesktopOptions;
using skein::ui::ComposerWindow;

namespace {

const QString kAlice = QStringLiteral("alice@skein.test");
const QString kBob = QStringLiteral("bob@skein.test");

struct ServerFile {
    QString name;
    QByteArray data;
};

QSet<QString> addressesOf(const QStringList &entries)
{
    QSet<QString> out;
    for (const QString &entry : entries)
        for (const skein::eas::MailboxAddress &a : skein::eas::parseAddressList(entry))
            out.insert(a.address.toLower());
    return out;
}

QSet<QString> addressesOf(const QString &list)
{
    return addressesOf(QStringList{list});
}

} // namespace

class TestDesktopCompose : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<DesktopApp> m_app;

    skein::ui::MainWindow *window() const { return m_app->mainWindow(); }
    skein::Store &store() const { return m_app->store(); }

    QJsonObject dump() const
    {
        QJsonObject d;
        m_app->demoServer()->runOnServerThread([&d](skein::server::ReferenceServer &s) { d = s.dump(); });
        return d;
    }

    QList<QJsonObject> mailbox(const QString &user) const
    {
        QList<QJsonObject> out;
        for (const QJsonValue &u : dump()[QStringLiteral("users")].toArray())
            if (u[QStringLiteral("name")].toString() == user)
                for (const QJsonValue &m : u[QStringLiteral("messages")].toArray())
                    out.append(m.toObject());
        return out;
    }

    QList<QJsonObject> withSubject(const QString &user, const QString &subject) const
    {
        QList<QJsonObject> out;
        for (const QJsonObject &m : mailbox(user))
            if (m[QStringLiteral("subject")].toString() == subject)
                out.append(m);
        return out;
    }

    QList<ServerFile> serverAttachments(const QString &serverMessageId) const
    {
        QList<ServerFile> out;
        m_app->demoServer()->runOnServerThread([&](skein::server::ReferenceServer &s) {
            for (const skein::server::AttachmentRow &a : s.store().attachments(serverMessageId.toLongLong()))
                out.append({a.name, a.data});
        });
        return out;
    }

    QString inboxId() const { return store().folderOfType(skein::FolderType::Inbox)->serverId; }

    // The list row of the message (folder, ServerId), its conversation
    // expanded so the row is shown; invalid when not listed.
    QModelIndex messageRow(const QString &folderId, const QString &serverId) const
    {
        QTreeView *view = window()->conversationView();
        QAbstractItemModel *model = view->model();
        while (model->canFetchMore({}))
            model->fetchMore({});
        std::function<QModelIndex(const QModelIndex &)> search = [&](const QModelIndex &parent) -> QModelIndex {
            if (model->canFetchMore(parent))
                model->fetchMore(parent);
            for (int row = 0; row < model->rowCount(parent); ++row) {
                const QModelIndex child = model->index(row, 0, parent);
                // A conversation row carries a ServerId only when it is a single message.
                const QString folder = child.data(skein::FolderIdRole).toString();
                if (child.data(skein::ServerIdRole).toString() == serverId && (folder.isEmpty() || folder == folderId))
                    return child;
                if (const QModelIndex found = search(child); found.isValid())
                    return found;
            }
            return {};
        };
        const QModelIndex found = search({});
        for (QModelIndex up = found.parent(); up.isValid(); up = up.parent())
            view->expand(up);
        return found;
    }

    // Selects the message's row in the tree (not its conversation row).
    bool selectMessage(const Message &message) const
    {
        const QModelIndex row = messageRow(message.folderId, message.serverId);
        if (row.isValid()) {
            window()->conversationView()->setCurrentIndex(row);
        } else {
            // A conversation of one message is a single row, without children.
            QAbstractItemModel *model = window()->conversationView()->model();
            for (int r = 0; r < model->rowCount(); ++r) {
                const QModelIndex top = model->index(r, 0);
                if (top.data(skein::ConversationIdRole).toByteArray() == message.conversationId
                    && top.data(skein::MessageCountRole).toInt() == 1)
                    window()->conversationView()->setCurrentIndex(top);
            }
        }
        return window()->selectedMessageId() == message.id;
    }

    // The demo's Inbox message with a parent and a reply of its own.
    std::optional<Message> middleOfATree() const
    {
        QSet<QString> parents;
        const QList<QJsonObject> demo = mailbox(QStringLiteral("demo"));
        for (const QJsonObject &m : demo)
            parents.insert(m[QStringLiteral("parentServerId")].toString());
        for (const QJsonObject &m : demo)
            if (m[QStringLiteral("folder")].toString() == QLatin1String("Inbox") && m[QStringLiteral("depth")].toInt() >= 1
                && parents.contains(m[QStringLiteral("serverId")].toString()))
                return store().message(inboxId(), m[QStringLiteral("serverId")].toString());
        return std::nullopt;
    }

    QJsonObject serverCopy(const Message &message) const
    {
        for (const QJsonObject &m : mailbox(QStringLiteral("demo")))
            if (m[QStringLiteral("serverId")].toString() == message.serverId)
                return m;
        return {};
    }

    // The server's copies in demo's Sent Items of replies to message.
    int repliesOnServer(const Message &message) const
    {
        int n = 0;
        for (const QJsonObject &m : mailbox(QStringLiteral("demo")))
            n += m[QStringLiteral("folder")].toString() == QLatin1String("Sent Items")
                && m[QStringLiteral("parentServerId")].toString() == message.serverId;
        return n;
    }

    ComposerWindow *newestComposer() const
    {
        const QList<ComposerWindow *> open = m_app->composers();
        return open.isEmpty() ? nullptr : open.constLast();
    }

    QByteArray outboxMime(const QString &subject) const
    {
        for (const skein::OutboxEntry &e : store().outbox(false))
            if (e.subject == subject)
                return e.mime;
        return {};
    }

    QString writeFile(const QString &name, const QByteArray &data) const
    {
        QFile f(m_dir.filePath(name));
        if (!f.open(QIODevice::WriteOnly) || f.write(data) != data.size())
            return {};
        return f.fileName();
    }

    static void saveShot(QWidget *widget, const QString &name)
    {
        const QString dir = qEnvironmentVariable("SKEIN_TEST_SHOTS");
        if (dir.isEmpty())
            return;
        QDir().mkpath(dir);
        QTest::qWait(300); // let the layout settle
        QVERIFY(widget->grab().save(QDir(dir).filePath(name), "PNG"));
    }

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void replyToAMessageInTheMiddleOfATree();
    void replyAllFillsToAndCc();
    void forwardKeepsTheOriginalsAttachment();
    void newMailWithTwoAttachments();
    void inlineReplyAnswersTheChosenCard();
    void aVanishedAttachmentKeepsTheWindowOpen();
    void composeShortcutsAreUnambiguous();
    void aRefusalIsShownAndTheMessageStays();
    void popOutCarriesTheTextIntoTheComposer();
    void aCardsReplyButtonAnswersThatCard();
};

void TestDesktopCompose::initTestCase()
{
    m_app = std::make_unique<DesktopApp>(DesktopOptions{m_dir.filePath(QStringLiteral("profile")), true, {}});
    QSettings().setValue(QStringLiteral("reading/markReadDelayMs"), -1);
    QSignalSpy synced(m_app.get(), &DesktopApp::syncCompleted);
    m_app->start();
    QVERIFY(synced.wait(90000));
    QVERIFY2(synced.first().first().toBool(), "the first sync of the demo mailbox failed");
    bool added = false;
    m_app->demoServer()->runOnServerThread([&added](skein::server::ReferenceServer &s) {
        added = s.addUser(QStringLiteral("alice"), QStringLiteral("alice")) && s.addUser(QStringLiteral("bob"), QStringLiteral("bob"));
    });
    QVERIFY(added);
    window()->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(window()));
}

void TestDesktopCompose::cleanupTestCase()
{
    m_app.reset();
}

// The user picks a message that is neither the conversation's newest nor
// its starter and presses Ctrl+R: the reply answers that one.
void TestDesktopCompose::replyToAMessageInTheMiddleOfATree()
{
    const std::optional<Message> parent = middleOfATree();
    QVERIFY2(parent, "the demo Inbox has a reply with replies of its own");
    const QJsonObject parentOnServer = serverCopy(*parent);
    const QString parentIndex = parentOnServer[QStringLiteral("conversationIndex")].toString();
    QVERIFY(!parentIndex.isEmpty());
    QVERIFY(selectMessage(*parent));

    window()->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(window()));
    QTest::keyClick(window(), Qt::Key_R, Qt::ControlModifier);
    QTRY_VERIFY(newestComposer());
    ComposerWindow *composer = newestComposer();
    auto *label = composer->findChild<QLabel *>(QStringLiteral("replyingToLabel"));
    QVERIFY(label && label->isVisible());
    QCOMPARE(label->text(), skein::ui::compose::answerLabel(OutboxKind::Reply, *parent));
    QVERIFY(label->text().startsWith(QLatin1String("Replying to ")));
    const QString replySubject = skein::eas::replySubject(parent->subject);
    QCOMPARE(composer->subjectEdit()->text(), replySubject);
    QVERIFY(composer->bodyEdit()->toPlainText().contains(QLatin1String("wrote:"))); // the chosen message, quoted

    // The user writes for a while: the parent's Message-ID arrives meanwhile.
    QTRY_VERIFY_WITH_TIMEOUT(!store().messageById(parent->id)->internetMessageId.isEmpty(), 15000);
    QVERIFY(QTest::qWaitForWindowActive(composer));
    QTest::keyClicks(composer->ccEdit(), kAlice);
    composer->bodyEdit()->setFocus();
    QTest::keyClicks(composer->bodyEdit(), QStringLiteral("Agreed, see you there."));
    QTest::keyClick(composer->bodyEdit(), Qt::Key_Return, Qt::ControlModifier);
    QTRY_VERIFY(m_app->composers().isEmpty()); // sent: the window closed

    QTRY_VERIFY_WITH_TIMEOUT(withSubject(QStringLiteral("alice"), replySubject).size() == 1, 30000);
    const QJsonObject got = withSubject(QStringLiteral("alice"), replySubject).first();
    const QString index = got[QStringLiteral("conversationIndex")].toString();
    QCOMPARE(index.size(), parentIndex.size() + 10); // one 5-byte block, in hex
    QVERIFY(index.startsWith(parentIndex));
    const QByteArray mime = outboxMime(replySubject);
    const QByteArray bare = parentOnServer[QStringLiteral("messageId")].toString().toUtf8().replace('<', "").replace('>', "");
    QVERIFY(!bare.isEmpty());
    QVERIFY2(mime.contains("In-Reply-To: <" + bare + ">"), mime.left(1500).constData());
    QVERIFY(mime.contains("Agreed, see you there."));

    // After the next sync the sender's conversation holds the server's copy
    // once, one level under the message it answered.
    QSignalSpy synced(m_app.get(), &DesktopApp::syncCompleted);
    QTRY_VERIFY(!m_app->isSyncing());
    m_app->requestSync();
    QVERIFY(synced.wait(30000));
    const auto sent = store().folderOfType(skein::FolderType::SentItems);
    QVERIFY(sent);
    QList<Message> copies;
    for (const Message &m : store().messagesInFolder(sent->serverId))
        if (QString::fromLatin1(m.conversationIndex.toHex()) == index)
            copies.append(m);
    QCOMPARE(copies.size(), 1);
    QModelIndex row;
    QTRY_VERIFY((row = messageRow(sent->serverId, copies.first().serverId)).isValid());
    QCOMPARE(row.parent().data(skein::ServerIdRole).toString(), parent->serverId);
    QCOMPARE(row.data(skein::DepthRole).toInt(), row.parent().data(skein::DepthRole).toInt() + 1);
}

void TestDesktopCompose::replyAllFillsToAndCc()
{
    const QString own = m_app->ownAddress().toLower();
    std::optional<Message> parent;
    for (const Message &m : store().messagesInFolder(inboxId())) {
        const QSet<QString> others = addressesOf(m.to) + addressesOf(m.cc) - QSet<QString>{own};
        if (!m.cc.isEmpty() && others.size() >= 2) {
            parent = store().messageById(m.id);
            break;
        }
    }
    QVERIFY2(parent, "the demo Inbox has a message to several people with a Cc");
    QVERIFY(selectMessage(*parent));
    window()->findChild<QAction *>(QStringLiteral("replyAllAction"))->trigger();
    QTRY_VERIFY(newestComposer());
    ComposerWindow *composer = newestComposer();
    const skein::DraftEntry draft = composer->content();
    QCOMPARE(draft.kind, OutboxKind::Reply);
    QCOMPARE(draft.sourceMessageId, parent->id);
    QSet<QString> wantTo = addressesOf(parent->from) + addressesOf(parent->to);
    wantTo.remove(own);
    QSet<QString> wantCc = addressesOf(parent->cc) - wantTo;
    wantCc.remove(own);
    QCOMPARE(addressesOf(draft.to), wantTo);
    QCOMPARE(addressesOf(draft.cc), wantCc);
    QVERIFY(!addressesOf(draft.to + draft.cc).contains(own)); // never to oneself
    composer->discard();
    QTRY_VERIFY(m_app->composers().isEmpty());
}

void TestDesktopCompose::forwardKeepsTheOriginalsAttachment()
{
    std::optional<Message> contract;
    for (const Message &m : store().messagesInFolder(inboxId()))
        if (m.subject.startsWith(QLatin1String("Signed contract")))
            contract = m;
    QVERIFY(contract);
    const QJsonObject original = serverCopy(*contract);
    const QList<ServerFile> originalFiles = serverAttachments(original[QStringLiteral("id")].toString());
    QCOMPARE(originalFiles.size(), 1);

    QVERIFY(selectMessage(*contract));
    window()->findChild<QAction *>(QStringLiteral("forwardAction"))->trigger();
    QTRY_VERIFY(newestComposer());
    ComposerWindow *composer = newestComposer();
    QVERIFY(composer->findChild<QLabel *>(QStringLiteral("replyingToLabel"))->text().startsWith(QLatin1String("Forwarding ")));
    const QList<QLabel *> forwarded = composer->findChildren<QLabel *>(QStringLiteral("forwardedAttachment"));
    QCOMPARE(forwarded.size(), 1);
    QVERIFY(forwarded.first()->text().contains(QLatin1String("contract.pdf")));
    QVERIFY(forwarded.first()->text().contains(QLatin1String("sent with the forward")));
    QVERIFY(composer->toEdit()->text().isEmpty());

    QTest::keyClicks(composer->toEdit(), kBob);
    composer->bodyEdit()->setFocus();
    QTest::keyClicks(composer->bodyEdit(), QStringLiteral("FYI, Bob."));
    composer->findChild<QAction *>(QStringLiteral("composerSendAction"))->trigger();
    QTRY_VERIFY(m_app->composers().isEmpty());

    const QString subject = skein::eas::forwardSubject(contract->subject);
    QTRY_VERIFY_WITH_TIMEOUT(withSubject(QStringLiteral("bob"), subject).size() == 1, 30000);
    const QList<ServerFile> files = serverAttachments(withSubject(QStringLiteral("bob"), subject).first()[QStringLiteral("id")].toString());
    QCOMPARE(files.size(), 1);
    QCOMPARE(files.first().name, QStringLiteral("contract.pdf"));
    QCOMPARE(files.first().data, originalFiles.first().data);
}

void TestDesktopCompose::newMailWithTwoAttachments()
{
    QByteArray pdf("%PDF-1.4\n");
    for (int i = 0; i < 300000; ++i)
        pdf.append(char(i % 251));
    const QString first = writeFile(QStringLiteral("Bericht für Alice.pdf"), pdf);
    const QString second = writeFile(QStringLiteral("notes.txt"), "some notes\n");

    window()->findChild<QAction *>(QStringLiteral("newMailAction"))->trigger();
    QTRY_VERIFY(newestComposer());
    ComposerWindow *composer = newestComposer();
    QVERIFY(composer->findChild<QLabel *>(QStringLiteral("replyingToLabel"))->isHidden());
    QCOMPARE(composer->findChild<QLabel *>(QStringLiteral("composerFrom"))->text(), m_app->ownAddress());
    QTest::keyClicks(composer->toEdit(), QStringLiteral("Alice <alice@skein.test>, bob@skein.test"));
    QTest::keyClicks(composer->subjectEdit(), QStringLiteral("Two files for you"));
    composer->bodyEdit()->setFocus();
    QTest::keyClicks(composer->bodyEdit(), QStringLiteral("Hallo, two files attached."));
    // "Attach…" with the file dialog answered, then a file dropped on the window.
    composer->setFileChooser([first] { return QStringList{first}; });
    composer->findChild<QAction *>(QStringLiteral("composerAttachAction"))->trigger();
    QMimeData data;
    data.setUrls({QUrl::fromLocalFile(second)});
    QDragEnterEvent enter(QPoint(20, 20), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(composer, &enter);
    QDropEvent drop(QPointF(20, 20), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(composer, &drop);
    QCOMPARE(composer->attachmentList()->attachments().size(), 2);
    QCOMPARE(composer->attachmentList()->totalLabel()->text(), skein::ui::compose::totalText(2, pdf.size() + 11));
    saveShot(composer, QStringLiteral("composer.png"));

    QTest::keyClick(composer->bodyEdit(), Qt::Key_Enter, Qt::ControlModifier);
    QTRY_VERIFY(m_app->composers().isEmpty());
    for (const QString &user : {QStringLiteral("alice"), QStringLiteral("bob")}) {
        QTRY_VERIFY_WITH_TIMEOUT(withSubject(user, QStringLiteral("Two files for you")).size() == 1, 30000);
        const QJsonObject got = withSubject(user, QStringLiteral("Two files for you")).first();
        QVERIFY(addressesOf(got[QStringLiteral("to")].toString()) == (QSet<QString>{kAlice, kBob}));
        const QList<ServerFile> files = serverAttachments(got[QStringLiteral("id")].toString());
        QCOMPARE(files.size(), 2);
        QCOMPARE(files.at(0).name, QStringLiteral("Bericht für Alice.pdf"));
        QCOMPARE(files.at(0).data, pdf);
        QCOMPARE(files.at(1).name, QStringLiteral("notes.txt"));
        QCOMPARE(files.at(1).data, QByteArray("some notes\n"));
    }
    // Rich text by default: HTML and plain alternatives beside the files.
    const QByteArray mime = outboxMime(QStringLiteral("Two files for you"));
    QVERIFY(mime.contains("multipart/mixed"));
    QVERIFY(mime.contains("multipart/alternative"));
    QVERIFY(mime.contains("text/html"));
    QVERIFY(mime.contains("text/plain"));
    QVERIFY(mime.contains("application/pdf"));
    QVERIFY(mime.contains("filename*=utf-8''Bericht%20f%C3%BCr%20Alice.pdf") || mime.contains("Bericht"));
}

// The user clicks an older card of a conversation and replies in the box
// under it: the reply answers that card's message, not the newest.
void TestDesktopCompose::inlineReplyAnswersTheChosenCard()
{
    const std::optional<Message> chosen = middleOfATree();
    QVERIFY(chosen);
    QTreeView *view = window()->conversationView();
    QModelIndex conversation = messageRow(chosen->folderId, chosen->serverId);
    while (conversation.parent().isValid())
        conversation = conversation.parent();
    view->setCurrentIndex(conversation);
    skein::ui::ReadingPane *pane = window()->readingPane();
    QTRY_VERIFY(pane->findChildren<skein::ui::MessageCard *>().size() > 1);
    skein::ui::MessageCard *card = nullptr;
    for (skein::ui::MessageCard *c : pane->findChildren<skein::ui::MessageCard *>())
        if (c->message().id == chosen->id)
            card = c;
    QVERIFY(card);
    skein::ui::InlineReplyBox *box = pane->findChild<skein::ui::InlineReplyBox *>(QStringLiteral("inlineReplyBox"));
    QVERIFY(box && box->isVisible());
    QVERIFY(box->targetId() != chosen->id); // the newest until the user chooses

    const int repliesBefore = repliesOnServer(*chosen);
    QTest::mouseClick(card, Qt::LeftButton, {}, QPoint(card->width() / 2, 8));
    QTRY_COMPARE(box->targetId(), chosen->id);
    QCOMPARE(box->targetLabel()->text(), skein::ui::compose::answerLabel(OutboxKind::Reply, *chosen));
    box->findChild<QPushButton *>(QStringLiteral("inlineReplyOpenButton"))->click();
    QVERIFY(box->isExpanded());
    QTest::keyClicks(box->editor(), QStringLiteral("Short answer from the reading pane."));
    pane->findChild<QScrollArea *>()->ensureWidgetVisible(box);
    saveShot(window(), QStringLiteral("inline-reply.png"));
    box->findChild<QPushButton *>(QStringLiteral("inlineReplySendButton"))->click();
    QTRY_VERIFY(!box->isExpanded()); // taken: back to "Reply…"

    const QString subject = skein::eas::replySubject(chosen->subject);
    QTRY_VERIFY_WITH_TIMEOUT(repliesOnServer(*chosen) == repliesBefore + 1, 30000);
    QByteArray mime;
    for (const skein::OutboxEntry &e : store().outbox(false))
        if (e.subject == subject && e.mime.contains("Short answer from the reading pane."))
            mime = e.mime;
    QVERIFY2(!mime.isEmpty(), "the outbox holds the inline reply");
    QVERIFY(mime.contains("wrote:")); // the chosen message quoted under the text
    const QByteArray parentId = store().messageById(chosen->id)->internetMessageId.toUtf8().replace('<', "").replace('>', "");
    QVERIFY2(mime.contains("In-Reply-To: <" + parentId + ">"), mime.left(1500).constData());
}

// The file went away between Attach and Send: nothing is queued, the
// window stays open with everything in it and says which file.
void TestDesktopCompose::aVanishedAttachmentKeepsTheWindowOpen()
{
    const QString path = writeFile(QStringLiteral("gone-soon.txt"), "brief\n");
    window()->findChild<QAction *>(QStringLiteral("newMailAction"))->trigger();
    QTRY_VERIFY(newestComposer());
    ComposerWindow *composer = newestComposer();
    composer->toEdit()->setText(kAlice);
    composer->subjectEdit()->setText(QStringLiteral("Vanishing file"));
    composer->addAttachmentFiles({path});
    QVERIFY(QFile::remove(path));
    const qsizetype queued = store().outbox(false).size();
    composer->send();
    QVERIFY(composer->isVisible());
    QVERIFY2(composer->sendError().contains(QLatin1String("gone-soon.txt")), qPrintable(composer->sendError()));
    QCOMPARE(store().outbox(false).size(), queued);
    QCOMPARE(composer->subjectEdit()->text(), QStringLiteral("Vanishing file"));
    composer->discard();
    QTRY_VERIFY(m_app->composers().isEmpty());
}

// Each compose key has one binding in the main window: two would make Qt
// fire neither. Find keeps the platform's Find key (Ctrl+F here), so
// Forward is Ctrl+Shift+F.
void TestDesktopCompose::composeShortcutsAreUnambiguous()
{
    const QList<QKeySequence> keys{QKeySequence(Qt::CTRL | Qt::Key_N), QKeySequence(Qt::CTRL | Qt::Key_R),
                                   QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F),
                                   QKeySequence(QKeySequence::Find)};
    for (const QKeySequence &key : keys) {
        int bindings = 0;
        for (const QAction *action : window()->findChildren<QAction *>())
            bindings += action->shortcuts().contains(key);
        QVERIFY2(bindings == 1, qPrintable(key.toString()));
    }
    QCOMPARE(window()->findChild<QAction *>(QStringLiteral("forwardAction"))->shortcut(),
             QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));
    for (const char *name : {"newMailAction", "replyAction", "replyAllAction", "forwardAction"}) {
        QAction *action = window()->findChild<QAction *>(QLatin1String(name));
        QVERIFY(action);
        QVERIFY(!window()->findChild<QWidget *>(QLatin1String(name) + QStringLiteral("Button"))->accessibleName().isEmpty());
    }
}

// The server refuses (116, unknown recipient): the banner says so with
// the reason; the message waits in the outbox, failed, for the user.
void TestDesktopCompose::aRefusalIsShownAndTheMessageStays()
{
    bool armed = false;
    m_app->demoServer()->runOnServerThread(
        [&armed](skein::server::ReferenceServer &s) { armed = s.applyFaultSpec(QStringLiteral("send:116")); });
    QVERIFY(armed);
    window()->findChild<QAction *>(QStringLiteral("newMailAction"))->trigger();
    QTRY_VERIFY(newestComposer());
    ComposerWindow *composer = newestComposer();
    composer->toEdit()->setText(QStringLiteral("nobody@skein.test"));
    composer->subjectEdit()->setText(QStringLiteral("Refused one"));
    composer->send();
    QTRY_VERIFY(m_app->composers().isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(window()->banner()->message().contains(QLatin1String("Refused one")), 30000);
    QVERIFY2(window()->banner()->message().contains(QLatin1String("The server refused to send")),
             qPrintable(window()->banner()->message()));
    QVERIFY(window()->banner()->whatToDo().contains(QLatin1String("Outbox")));
    bool failed = false;
    for (const skein::OutboxEntry &e : store().outbox(true))
        failed |= e.subject == QLatin1String("Refused one") && e.state == skein::OutboxState::Failed;
    QVERIFY(failed);
}

// Pop out: the full composer opens on the same message with the text typed
// so far, and closing it asks before anything is lost.
void TestDesktopCompose::popOutCarriesTheTextIntoTheComposer()
{
    skein::ui::ReadingPane *pane = window()->readingPane();
    skein::ui::InlineReplyBox *box = pane->inlineReplyBox();
    QTRY_VERIFY(box->isVisible() || pane->findChildren<skein::ui::MessageCard *>().isEmpty());
    if (!box->isVisible()) {
        const std::optional<Message> any = middleOfATree();
        QVERIFY(any && selectMessage(*any));
        QTRY_VERIFY(box->isVisible());
    }
    const qint64 target = box->targetId();
    box->expand();
    QTest::keyClicks(box->editor(), QStringLiteral("Longer thoughts"));
    box->findChild<QPushButton *>(QStringLiteral("inlineReplyPopOutButton"))->click();
    QTRY_VERIFY(newestComposer());
    ComposerWindow *composer = newestComposer();
    QVERIFY(!box->isExpanded());
    QCOMPARE(composer->content().sourceMessageId, target);
    QVERIFY(composer->bodyEdit()->toPlainText().startsWith(QLatin1String("Longer thoughts")));
    QVERIFY(composer->bodyEdit()->toPlainText().contains(QLatin1String("wrote:")));
    QVERIFY(composer->hasUnsavedContent());
    composer->discard();
    QTRY_VERIFY(m_app->composers().isEmpty());
}

void TestDesktopCompose::aCardsReplyButtonAnswersThatCard()
{
    const std::optional<Message> chosen = middleOfATree();
    QVERIFY(chosen && selectMessage(*chosen));
    skein::ui::MessageCard *card = nullptr;
    QTRY_VERIFY((card = [&]() -> skein::ui::MessageCard * {
        for (skein::ui::MessageCard *c : window()->readingPane()->findChildren<skein::ui::MessageCard *>())
            if (c->message().id == chosen->id)
                return c;
        return nullptr;
    }()));
    auto *forward = card->findChild<QToolButton *>(QStringLiteral("cardForwardButton"));
    QVERIFY(forward);
    QCOMPARE(forward->accessibleName(), QStringLiteral("Forward"));
    forward->click();
    QTRY_VERIFY(newestComposer());
    ComposerWindow *composer = newestComposer();
    QCOMPARE(composer->content().kind, OutboxKind::Forward);
    QCOMPARE(composer->content().sourceMessageId, chosen->id);
    QCOMPARE(composer->findChild<QLabel *>(QStringLiteral("replyingToLabel"))->text(),
             skein::ui::compose::answerLabel(OutboxKind::Forward, *chosen));
    composer->discard();
    QTRY_VERIFY(m_app->composers().isEmpty());
}

QTEST_MAIN(TestDesktopCompose)
#include "tst_desktopcompose.moc"
