#include "SearchPane.h"

#include "SearchResultsView.h"
#include "Store.h"

#include <QCoreApplication>
#include <QKeyEvent>
#include <QLineEdit>
#include <QPushButton>
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

SearchPane::SearchPane(Store &store, QWidget *parent)
    : QObject(parent)
    , m_store(store)
    , m_field(new QLineEdit(parent))
    , m_results(new SearchResultsView(parent))
    , m_timer(new QTimer(this))
{
    m_field->setObjectName(QStringLiteral("searchEdit"));
    m_field->setPlaceholderText(tr("Search all mail (Ctrl+E)"));
    m_field->setAccessibleName(tr("Search mail"));
    m_field->setToolTip(tr("Finds conversations by words in their subject, people or text, in every folder"));
    m_field->setClearButtonEnabled(true);
    m_results->hide();
    new SearchKeys(m_field, m_results);
    m_timer->setSingleShot(true);
    m_timer->setInterval(150); // one query per pause in typing
    connect(m_field, &QLineEdit::textChanged, m_timer, qOverload<>(&QTimer::start));
    connect(m_timer, &QTimer::timeout, this, &SearchPane::run);
    // Enter in the field opens the current answer, as Enter in the list does.
    connect(m_field, &QLineEdit::returnPressed, this, [this] {
        run(); // what was typed last, even within the pause
        m_results->openCurrent();
    });
    connect(m_results, &SearchResultsView::openRequested, this, &SearchPane::open);
    connect(m_results, &SearchResultsView::serverMessageOpenRequested, this, &SearchPane::openServerResult);
    createServerButton();
}

void SearchPane::createServerButton()
{
    m_serverButton = new QPushButton(tr("Search the server too"), m_field->parentWidget());
    m_serverButton->setObjectName(QStringLiteral("searchServerButton"));
    m_serverButton->setAccessibleName(tr("Search the server too"));
    m_serverButton->setToolTip(tr("Also ask the server, for mail older than what this computer keeps"));
    m_serverButton->hide();
    connect(m_serverButton, &QPushButton::clicked, this, [this] {
        m_serverButton->setEnabled(false);
        m_serverButton->setText(tr("Searching the server\u2026"));
        Q_EMIT serverSearchRequested(m_field->text().simplified());
    });
}

bool SearchPane::isShown() const
{
    return m_results->isVisibleTo(m_results->window());
}

void SearchPane::focus()
{
    m_field->setFocus(Qt::ShortcutFocusReason);
    m_field->selectAll();
}

void SearchPane::run()
{
    m_timer->stop();
    const QString text = m_field->text();
    const bool searching = !text.trimmed().isEmpty();
    if (searching) {
        const QList<SearchHit> hits = m_store.conversationStore().search(text, {}, 100);
        m_results->setHits(hits, folderNames());
        Q_EMIT status(hits.isEmpty()       ? tr("No conversation has these words.")
                      : hits.size() == 1 ? tr("1 conversation found.")
                                         : tr("%1 conversations found.").arg(hits.size()));
    } else {
        m_results->clear();
    }
    m_results->setVisible(searching);
    m_serverButton->setVisible(searching);
    m_serverButton->setEnabled(true);
    m_serverButton->setText(tr("Search the server too"));
    Q_EMIT shownChanged(searching);
}

void SearchPane::showServerResult(const QString &words, const QList<Message> &messages, const QString &error)
{
    if (words != m_field->text().simplified())
        return; // the user typed on meanwhile: that search is no longer asked for
    m_serverButton->setText(tr("Search the server too"));
    m_serverButton->setEnabled(true);
    if (!error.isEmpty()) {
        Q_EMIT problem(tr("Skein could not search the server."), error);
        return;
    }
    const int added = m_results->addServerMessages(messages, folderNames());
    Q_EMIT status(added == 0 ? tr("The server found nothing more.") : tr("The server found %n more.", nullptr, added));
}

// The list comes back, with the conversation selected in its folder.
void SearchPane::open(const QString &folderId, const QByteArray &conversationId, qint64 messageId)
{
    m_field->clear();
    run();
    Q_EMIT openRequested(folderId, conversationId, messageId);
}

// A message the server found: its own conversation when this computer has
// it, else the message as the server described it.
void SearchPane::openServerResult(const Message &message)
{
    if (const std::optional<Message> local = m_store.messageStore().message(message.folderId, message.serverId))
        open(local->folderId, local->conversationId, local->id);
    else
        Q_EMIT foundMessageOpenRequested(message);
}

QHash<QString, QString> SearchPane::folderNames() const
{
    QHash<QString, QString> names;
    for (const Folder &f : m_store.folderStore().folders())
        names.insert(f.serverId, f.name);
    return names;
}

} // namespace skein::ui
