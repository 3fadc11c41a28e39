// The search field (Ctrl+E): full-text search of every synced folder
// (Store::search), its answers in place of the conversation list.
#include "MainWindow.h"

#include "ConversationView.h"
#include "ReadingPane.h"
#include "SearchResultsView.h"
#include "SortHeader.h"
#include "Store.h"

#include <QAction>
#include <QCoreApplication>
#include <QKeyEvent>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
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
    connect(m_searchResults, &SearchResultsView::serverMessageOpenRequested, this, &MainWindow::openServerResult);

    m_searchServerButton = new QPushButton(tr("Search the server too"), this);
    m_searchServerButton->setObjectName(QStringLiteral("searchServerButton"));
    m_searchServerButton->setAccessibleName(tr("Search the server too"));
    m_searchServerButton->setToolTip(tr("Also ask the server, for mail older than what this computer keeps"));
    m_searchServerButton->hide();
    connect(m_searchServerButton, &QPushButton::clicked, this, [this] {
        m_searchServerButton->setEnabled(false);
        m_searchServerButton->setText(tr("Searching the server\u2026"));
        Q_EMIT serverSearchRequested(m_search->text().simplified());
    });

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
    m_searchServerButton->setVisible(searching);
    m_searchServerButton->setEnabled(true);
    m_searchServerButton->setText(tr("Search the server too"));
    m_filter->setVisible(!searching);
    m_sortHeader->setVisible(!searching);
    m_conversationView->setVisible(!searching);
}

void MainWindow::showServerSearchResult(const QString &words, const QList<Message> &messages, const QString &error)
{
    if (words != m_search->text().simplified())
        return; // the user typed on meanwhile: that search is no longer asked for
    m_searchServerButton->setText(tr("Search the server too"));
    m_searchServerButton->setEnabled(true);
    if (!error.isEmpty()) {
        showBanner(tr("Skein could not search the server."), error);
        return;
    }
    QHash<QString, QString> folderNames;
    for (const Folder &f : m_store.folders())
        folderNames.insert(f.serverId, f.name);
    const int added = m_searchResults->addServerMessages(messages, folderNames);
    statusBar()->showMessage(added == 0 ? tr("The server found nothing more.")
                                        : tr("The server found %n more.", nullptr, added),
                             5000);
}

// A message the server found: its own conversation when this computer has
// it, else the message as the server described it.
void MainWindow::openServerResult(const Message &message)
{
    if (const std::optional<Message> local = m_store.message(message.folderId, message.serverId)) {
        openSearchResult(local->folderId, local->conversationId, local->id);
        return;
    }
    m_readingPane->showFoundMessage(message);
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
