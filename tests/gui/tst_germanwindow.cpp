// The main window in German: the translation loads for a German locale, the
// menus and actions read as German mail clients word them, and no text a
// user sees is left in English. The sweep compares the same window built
// twice, in English and then in German: a text that stays the same was not
// passed through tr() (or has no translation), unless it is listed below as
// the same in both languages.
#include "GuiTestStore.h"
#include "GuiTestWindow.h"
#include "MainWindow.h"
#include "Translations.h"

#include <QAbstractButton>
#include <QAction>
#include <QLabel>
#include <QMenu>
#include <QRegularExpression>
#include <QtTest>

using namespace skein;

namespace {

// Texts a user sees in the window, in the order the widgets were made.
QStringList visibleTexts(const QWidget *window)
{
    QStringList texts;
    for (const QAction *action : window->findChildren<QAction *>())
        texts << action->text() << action->toolTip();
    for (const QMenu *menu : window->findChildren<QMenu *>())
        texts << menu->title();
    for (const QLabel *label : window->findChildren<QLabel *>())
        texts << label->text();
    for (const QAbstractButton *button : window->findChildren<QAbstractButton *>())
        texts << button->text() << button->toolTip();
    for (const QWidget *widget : window->findChildren<QWidget *>())
        texts << widget->accessibleName();
    return texts;
}

// Words that are the same in German: the product, and terms German mail
// clients use unchanged.
bool sameInBothLanguages(const QString &text)
{
    static const QStringList same{QStringLiteral("Skein"), QStringLiteral("Status"), QStringLiteral("Server"),
                                  QStringLiteral("Push"), QStringLiteral("Cc"), QStringLiteral("Bcc"),
                                  QStringLiteral("Format")};
    // No letters (a count, a date in digits, a separator) or a plain name
    // from the test's mailbox say nothing about the translation.
    static const QRegularExpression letters(QStringLiteral("[A-Za-z]"));
    return same.contains(QString(text).remove(QLatin1Char('&'))) || !text.contains(letters);
}

} // namespace

class TestGermanWindow : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    Store m_store;
    QStringList m_english;
    std::unique_ptr<ui::MainWindow> m_window;

    QString textOf(const char *actionName) const
    {
        const auto *action = m_window->findChild<QAction *>(QLatin1String(actionName));
        return action ? action->text() : QStringLiteral("(no action %1)").arg(QLatin1String(actionName));
    }

    QString titleOf(const char *menuName) const
    {
        const auto *menu = m_window->findChild<QMenu *>(QLatin1String(menuName));
        return menu ? menu->title() : QStringLiteral("(no menu %1)").arg(QLatin1String(menuName));
    }

private Q_SLOTS:
    void initTestCase()
    {
        Q_INIT_RESOURCE(resources);
        QVERIFY(m_dir.isValid());
        guitest::isolateSettings(m_dir, QStringLiteral("tst_germanwindow"));
        guitest::neverMarkReadOnOpen();
        QVERIFY2(m_store.open(m_dir.filePath(QStringLiteral("mail.sqlite"))), qPrintable(m_store.lastError()));
        QVERIFY2(guitest::fillStore(m_store), qPrintable(m_store.lastError()));

        // English first: what the window says without a translation.
        m_english = visibleTexts(guitest::showMainWindow(m_store).get());

        // English and the C locale are the source language: nothing loads.
        QVERIFY(!desktop::installTranslations(QLocale(QLocale::English, QLocale::UnitedStates)));
        QVERIFY(!desktop::installTranslations(QLocale::c()));
        QVERIFY(desktop::installTranslations(QLocale(QLocale::German, QLocale::Germany)));
        m_window = guitest::showMainWindow(m_store);
    }

    void actionsAndMenusAreGerman()
    {
        QCOMPARE(titleOf("fileMenu"), QStringLiteral("&Datei"));
        QCOMPARE(titleOf("editMenu"), QStringLiteral("&Bearbeiten"));
        QCOMPARE(titleOf("viewMenu"), QStringLiteral("&Ansicht"));
        QCOMPARE(titleOf("messageMenu"), QStringLiteral("&Nachricht"));
        QCOMPARE(titleOf("conversationMenu"), QStringLiteral("&Unterhaltung"));
        QCOMPARE(textOf("actionReply"), QStringLiteral("&Antworten"));
        QCOMPARE(textOf("actionReplyAll"), QStringLiteral("Allen ant&worten"));
        QCOMPARE(textOf("actionForward"), QStringLiteral("W&eiterleiten"));
        QCOMPARE(textOf("actionNewMail"), QStringLiteral("&Neue Nachricht"));
        QCOMPARE(textOf("actionUndo"), QStringLiteral("&Rückgängig"));
        QCOMPARE(textOf("actionSearchMail"), QStringLiteral("E-Mails &durchsuchen"));
        QCOMPARE(textOf("actionMarkRead"), QStringLiteral("Als &gelesen markieren"));
        QCOMPARE(textOf("actionFlag"), QStringLiteral("Zur &Nachverfolgung kennzeichnen"));
        QCOMPARE(textOf("actionSync"), QStringLiteral("&Jetzt synchronisieren"));
    }

    // The keys stay what they are in every language.
    void shortcutsAreUnchanged()
    {
        QCOMPARE(m_window->findChild<QAction *>(QStringLiteral("actionUndo"))->shortcut(),
                 QKeySequence(QKeySequence::Undo));
        QCOMPARE(m_window->findChild<QAction *>(QStringLiteral("actionReply"))->shortcut(),
                 QKeySequence(Qt::CTRL | Qt::Key_R));
    }

    // Every action, menu, label and button text (and every tooltip and
    // accessible name) differs from the English window's, but for the few
    // words German shares.
    void noTextLeftInEnglish()
    {
        const QStringList german = visibleTexts(m_window.get());
        QCOMPARE(german.size(), m_english.size());
        QStringList untranslated;
        for (qsizetype i = 0; i < german.size(); ++i)
            if (!german[i].isEmpty() && german[i] == m_english[i] && !sameInBothLanguages(german[i]))
                untranslated << german[i];
        untranslated.removeDuplicates();
        for (const QString &text : untranslated)
            qInfo("untranslated: %s", qPrintable(text));
        QVERIFY2(untranslated.isEmpty(), "texts above are the same in the English and German window");
    }

    void cleanupTestCase() { m_window.reset(); }
};

QTEST_MAIN(TestGermanWindow)
#include "tst_germanwindow.moc"
