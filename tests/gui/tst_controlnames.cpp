// Every action and input control of the main window, the account dialog,
// the settings dialog and the composer has a stable object name that says
// what it does (no "conversationAction3") and an accessible name, so a
// tester's script and a screen reader both find it (docs/testing.md).
#include "AccountDialog.h"
#include "ComposerWindow.h"
#include "ControlNames.h"
#include "ConversationActionsController.h"
#include "ConversationListPane.h"
#include "ConversationView.h"
#include "GuiTestStore.h"
#include "GuiTestWindow.h"
#include "MainWindow.h"
#include "MessageCard.h"
#include "ReadingPane.h"
#include "SettingsDialog.h"
#include "SortHeader.h"

#include <QAction>
#include <QDialog>
#include <QToolButton>
#include <QtTest>

using namespace skein;
using namespace skein::ui;

class TestControlNames : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    Store m_store;

    // Each problem on its own line (QVERIFY2 cuts a long message short).
    static QString report(const QStringList &problems)
    {
        for (const QString &problem : problems)
            qInfo("%s", qPrintable(problem));
        return QStringLiteral("%1 controls or actions without proper names, listed above").arg(problems.size());
    }

private Q_SLOTS:
    void initTestCase()
    {
        Q_INIT_RESOURCE(resources);
        QVERIFY(m_dir.isValid());
        guitest::isolateSettings(m_dir, QStringLiteral("tst_controlnames"));
        guitest::neverMarkReadOnOpen();
        QVERIFY2(m_store.open(m_dir.filePath(QStringLiteral("mail.sqlite"))), qPrintable(m_store.lastError()));
        QVERIFY2(guitest::fillStore(m_store), qPrintable(m_store.lastError()));
    }

    void placeholderNamesAreRecognised()
    {
        QVERIFY(guitest::isPlaceholderName(QStringLiteral("conversationAction11")));
        QVERIFY(guitest::isPlaceholderName(QStringLiteral("sortBy0")));
        QVERIFY(!guitest::isPlaceholderName(QStringLiteral("actionMarkRead")));
    }

    void mainWindowWithAConversationOpen()
    {
        auto window = guitest::showMainWindow(m_store);
        QTreeView *list = window->panes().list->view();
        list->setCurrentIndex(guitest::conversationRow(list, guitest::treeConversation));
        QVERIFY(!window->panes().reading->cards().isEmpty());
        for (MessageCard *card : window->panes().reading->cards())
            card->setExpanded(true);
        const QStringList problems = guitest::namingProblems(window.get());
        QVERIFY2(problems.isEmpty(), qPrintable(report(problems)));
    }

    // The dialogs the conversation actions open: folder chooser, find results, rules.
    void conversationDialogs()
    {
        auto window = guitest::showMainWindow(m_store);
        QTreeView *list = window->panes().list->view();
        list->setCurrentIndex(guitest::conversationRow(list, guitest::treeConversation));
        for (const char *name : {"actionMove", "actionFindInAllFolders", "actionConversationRules"})
            window->findChild<QAction *>(QLatin1String(name))->trigger();
        const QList<QDialog *> dialogs = window->findChildren<QDialog *>();
        QCOMPARE(dialogs.size(), 3);
        for (QDialog *dialog : dialogs) {
            const QStringList problems = guitest::namingProblems(dialog);
            QVERIFY2(problems.isEmpty(), qPrintable(dialog->objectName() + QLatin1String(": ") + report(problems)));
            dialog->close();
        }
    }

    void conversationActionsAreNamedForTheirCommand()
    {
        auto window = guitest::showMainWindow(m_store);
        using C = ConversationActionsController;
        const QList<QPair<C::Command, QString>> expected{
            {C::MarkRead, QStringLiteral("actionMarkRead")},   {C::MarkUnread, QStringLiteral("actionMarkUnread")},
            {C::Flag, QStringLiteral("actionFlag")},           {C::ClearFlag, QStringLiteral("actionClearFlag")},
            {C::Complete, QStringLiteral("actionMarkComplete")}, {C::Delete, QStringLiteral("actionDelete")},
            {C::Ignore, QStringLiteral("actionIgnore")},       {C::StopRule, QStringLiteral("actionStopRule")},
            {C::Move, QStringLiteral("actionMove")},           {C::AlwaysMove, QStringLiteral("actionAlwaysMove")},
            {C::Find, QStringLiteral("actionFindInAllFolders")}, {C::Rules, QStringLiteral("actionConversationRules")},
            {C::EmptyDeletedItems, QStringLiteral("actionEmptyDeletedItems")},
            {C::Undo, QStringLiteral("actionUndo")},
        };
        QCOMPARE(expected.size(), int(C::CommandCount));
        for (const auto &[command, name] : expected) {
            QCOMPARE(window->panes().conversationActions->action(command)->objectName(), name);
            QCOMPARE(window->findChild<QAction *>(name), window->panes().conversationActions->action(command));
        }
        const QList<QPair<SortHeader::Key, QString>> sorts{{SortHeader::Date, QStringLiteral("actionSortByDate")},
                                                           {SortHeader::Sender, QStringLiteral("actionSortBySender")},
                                                           {SortHeader::Subject, QStringLiteral("actionSortBySubject")}};
        for (const auto &[key, name] : sorts)
            QCOMPARE(window->findChild<QToolButton *>(name), window->findChild<SortHeader *>(QStringLiteral("sortHeader"))->button(key));
    }

    void accountDialogOnEveryPage()
    {
        AccountDialog dialog;
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        const QStringList problems = guitest::namingProblems(&dialog);
        QVERIFY2(problems.isEmpty(), qPrintable(report(problems)));
    }

    void settingsDialog()
    {
        SettingsDialog dialog;
        dialog.setAccounts({{QStringLiteral("1"), QStringLiteral("demo@skein.test"), QStringLiteral("demo@skein.test")}});
        const QStringList problems = guitest::namingProblems(&dialog);
        QVERIFY2(problems.isEmpty(), qPrintable(report(problems)));
    }

    void composer()
    {
        ComposerWindow composer(QStringLiteral("me@example.com"));
        composer.show();
        QVERIFY(QTest::qWaitForWindowExposed(&composer));
        const QStringList problems = guitest::namingProblems(&composer);
        QVERIFY2(problems.isEmpty(), qPrintable(report(problems)));
    }
};

QTEST_MAIN(TestControlNames)
#include "tst_controlnames.moc"
