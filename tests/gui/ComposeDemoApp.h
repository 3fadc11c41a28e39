#pragma once

// The demo desktop app the compose tests drive (in-process reference
// server, demo seed, users alice and bob added) and what they read back:
// the server's dump and stored attachments, list rows, composers, the
// outbox. With SKEIN_TEST_SHOTS=DIR set, saveShot keeps PNGs there.
#include "Banner.h"
#include "ComposeCommands.h"
#include "ComposeController.h"
#include "ComposerAttachmentList.h"
#include "ComposerText.h"
#include "ComposerWindow.h"
#include "ConversationListPane.h"
#include "ConversationView.h"
#include "DemoServer.h"
#include "DesktopApp.h"
#include "FolderPane.h"
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
#include <memory>

using skein::Message;
using skein::OutboxKind;
using skein::desktop::DesktopApp;
using skein::desktop::DesktopOptions;
using skein::ui::ComposerWindow;

namespace guitest {

inline const QString kAlice = QStringLiteral("alice@skein.test");
inline const QString kBob = QStringLiteral("bob@skein.test");

struct ServerFile {
    QString name;
    QByteArray data;
};

inline QSet<QString> addressesOf(const QStringList &entries)
{
    QSet<QString> out;
    for (const QString &entry : entries)
        for (const skein::eas::MailboxAddress &a : skein::eas::parseAddressList(entry))
            out.insert(a.address.toLower());
    return out;
}

inline QSet<QString> addressesOf(const QString &list)
{
    return addressesOf(QStringList{list});
}


// Holds the app; a test class derives from it and calls startDemo() in initTestCase.
class ComposeDemoApp
{
protected:
    QTemporaryDir m_dir;
    std::unique_ptr<DesktopApp> m_app;

    skein::ui::MainWindow *window() const { return m_app->mainWindow(); }
    skein::Store &store() const { return m_app->store(); }

    QTreeView *folderView() const { return window()->panes().folders; }

    // The folder pane's row of an account (several accounts shown).
    QModelIndex accountRow(const QString &name) const
    {
        QAbstractItemModel *model = folderView()->model();
        for (int row = 0; row < model->rowCount(); ++row) {
            const QModelIndex index = model->index(row, 0);
            if (index.data(skein::IsAccountRole).toBool() && index.data(skein::AccountRole).toString() == name)
                return index;
        }
        return {};
    }

    QModelIndex inboxRowOf(const QString &name) const
    {
        const QModelIndex account = accountRow(name);
        QAbstractItemModel *model = folderView()->model();
        for (int row = 0; row < model->rowCount(account); ++row) {
            const QModelIndex index = model->index(row, 0, account);
            if (index.data(skein::FolderTypeRole).toInt() == int(skein::FolderType::Inbox))
                return index;
        }
        return {};
    }

    // As a user does: a click on the row in the folder pane.
    void clickFolder(const QModelIndex &index)
    {
        QVERIFY(index.isValid());
        folderView()->scrollTo(index);
        QTest::mouseClick(folderView()->viewport(), Qt::LeftButton, {}, folderView()->visualRect(index).center());
    }

    // The subjects of every conversation row of the list shown.
    QStringList listSubjects() const
    {
        QAbstractItemModel *model = window()->panes().list->view()->model();
        while (model->canFetchMore({}))
            model->fetchMore({});
        QStringList subjects;
        for (int row = 0; row < model->rowCount(); ++row)
            subjects.append(model->index(row, 0).data(skein::SubjectRole).toString());
        return subjects;
    }

    QJsonObject dump() const
    {
        QJsonObject d;
        demoServerOf(*m_app)->runOnServerThread([&d](skein::server::ReferenceServer &s) { d = s.dump(); });
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
        demoServerOf(*m_app)->runOnServerThread([&](skein::server::ReferenceServer &s) {
            for (const skein::server::AttachmentRow &a : s.store().mail().attachments(serverMessageId.toLongLong()))
                out.append({a.name, a.data});
        });
        return out;
    }

    QString inboxId() const { return store().folderStore().folderOfType(skein::FolderType::Inbox)->serverId; }

    // The list row of the message (folder, ServerId), its conversation
    // expanded so the row is shown; invalid when not listed.
    QModelIndex messageRow(const QString &folderId, const QString &serverId) const
    {
        QTreeView *view = window()->panes().list->view();
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
            window()->panes().list->view()->setCurrentIndex(row);
        } else {
            // A conversation of one message is a single row, without children.
            QAbstractItemModel *model = window()->panes().list->view()->model();
            for (int r = 0; r < model->rowCount(); ++r) {
                const QModelIndex top = model->index(r, 0);
                if (top.data(skein::ConversationIdRole).toByteArray() == message.conversationId
                    && top.data(skein::MessageCountRole).toInt() == 1)
                    window()->panes().list->view()->setCurrentIndex(top);
            }
        }
        return window()->panes().compose->selectedMessageId() == message.id;
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
                return store().messageStore().message(inboxId(), m[QStringLiteral("serverId")].toString());
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
        const QList<ComposerWindow *> open = m_app->compose().composers();
        return open.isEmpty() ? nullptr : open.constLast();
    }

    QByteArray outboxMime(const QString &subject) const
    {
        for (const skein::OutboxEntry &e : store().outboxStore().outbox(false))
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
        if (!widget->grab().save(QDir(dir).filePath(name), "PNG"))
            qWarning("cannot save the screenshot %s", qPrintable(name));
    }


    // The first sync done, alice and bob added; empty, else what failed.
    QString startDemo()
    {
        m_app = std::make_unique<DesktopApp>(DesktopOptions{m_dir.filePath(QStringLiteral("profile")), true, {}});
        runDemoInProcess(*m_app); // the test reaches into the server
        QSettings().setValue(QStringLiteral("reading/markReadDelayMs"), -1);
        QSignalSpy synced(m_app.get(), &DesktopApp::syncCompleted);
        m_app->start();
        if (!synced.wait(90000) || !synced.first().first().toBool())
            return QStringLiteral("the first sync of the demo mailbox failed");
        bool added = false;
        demoServerOf(*m_app)->runOnServerThread([&added](skein::server::ReferenceServer &s) {
            added = s.addUser(QStringLiteral("alice"), QStringLiteral("alice")) && s.addUser(QStringLiteral("bob"), QStringLiteral("bob"));
        });
        if (!added)
            return QStringLiteral("alice and bob could not be added");
        window()->activateWindow();
        if (!QTest::qWaitForWindowActive(window()))
            return QStringLiteral("the main window did not become active");
        return {};
    }
};

} // namespace guitest
