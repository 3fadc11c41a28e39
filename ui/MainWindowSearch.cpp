// The search field (Ctrl+E): full-text search of every synced folder
// (Store::search), its answers in place of the conversation list.
#include "MainWindow.h"

#include "ConversationView.h"
#include "SearchResultsView.h"
#include "SortHeader.h"
#include "Store.h"

#include <QAction>
#include <QCoreApplication>
#include <QKeyEvent>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QStatusBar>
#include <QTimer>

namespace skein::ui {

namespace {

// Up and Down in the field move through the answers, so the keyboard never
// has to leave the field to pick one; Esc empties it.
class SearchKeys : public QObject
{
public:
    SearchKeys(QLineEdit *field, SearchResultsView *results) : QObject(field), m_results(results)
    {
        field->installEventFilter(this);
    }

    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() != QEvent::KeyPress || !m_results->isVisible())
            return false;
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key == Qt::Key_Down || key == Qt::Key_Up || key == Qt::Key_PageDown || key == Qt::Key_PageUp) {
            QKeyEvent copy(QEvent::KeyPress, key, Qt::NoModifier);
            QCoreApplication::sendEvent(m_results, &copy);
            return true;
        }
        if (key == Qt::Key_Escape) {
            static_cast<QLineEdit *>(watched)->clear();
            return true;
        }
        return false;
    }

private:
    SearchResultsView *m_results;
};

} // namespace

void MainWindow::createSearch()
{
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("searchEdit"));
    m_search->setPlaceholderText(tr("Search all mail (Ctrl+E)"));
    m_search->setAccessibleName(tr("Search mail"));
    m_search->setToolTip(tr("Finds conversations by words in their subject, people or text, in every folder"));
    m_search->setClearButtonEnabled(true);
    m_searchResults = new SearchResultsView(this);
    m_searchResults->hide();
    new SearchKeys(m_search, m_searchResults);
    m_searchTimer = new QTimer(this);
    m_searchTimer->setSingleShot(true);
    m_searchTimer->setInterval(150); // one query per pause in typing
    connect(m_search, &QLineEdit::textChanged, m_searchTimer, qOverload<>(&QTimer::start));
    connect(m_searchTimer, &QTimer::timeout, this, &MainWindow::runSearch);
    // Enter in the field opens the current answer, as Enter in the list does.
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        runSearch(); // what was typed last, even within the pause
        m_searchResults->openCurrent();
    });
    connect(m_searchResults, &SearchResultsView::openRequested, this, &MainWindow::openSearchResult);

    m_searchAction = new QAction(tr("&Search Mail"), this);
    m_searchAction->setObjectName(QStringLiteral("actionSearchMail"));
    m_searchAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    connect(m_searchAction, &QAction::triggered, this, [this] {
        m_search->setFocus(Qt::ShortcutFocusReason);
        m_search->selectAll();
    });
    if (auto *edit = menuBar()->findChild<QMenu *>(QStringLiteral("editMenu")))
        edit->insertAction(m_findAction, m_searchAction);
    addAction(m_searchAction); // window-wide shortcut even with the menu bar hidden
}

void MainWindow::runSearch()
{
    m_searchTimer->stop();
    const QString text = m_search->text();
    const bool searching = !text.trimmed().isEmpty();
    if (searching) {
        QHash<QString, QString> folderNames;
        for (const Folder &f : m_store.folders())
            folderNames.insert(f.serverId, f.name);
        const QList<SearchHit> hits = m_store.search(text, {}, 100);
        m_searchResults->setHits(hits, folderNames);
        statusBar()->showMessage(hits.isEmpty()       ? tr("No conversation has these words.")
                                 : hits.size() == 1 ? tr("1 conversation found.")
                                                    : tr("%1 conversations found.").arg(hits.size()),
                                 5000);
    } else {
        m_searchResults->clear();
    }
    m_searchResults->setVisible(searching);
    m_filter->setVisible(!searching);
    m_sortHeader->setVisible(!searching);
    m_conversationView->setVisible(!searching);
}

bool MainWindow::isSearchShown() const
{
    return m_searchResults->isVisibleTo(this);
}

void MainWindow::openSearchResult(const QString &folderId, const QByteArray &conversationId, qint64 messageId)
{
    // The list comes back, with the conversation selected in its folder.
    m_search->clear();
    runSearch();
    if (!m_filter->text().isEmpty()) {
        m_filter->clear(); // it may hide the conversation: the user asked for this one
        applyFilter();
    }
    showConversation(folderId, conversationId, messageId);
    m_conversationView->setFocus(Qt::OtherFocusReason);
}

} // namespace skein::ui
