#pragma once

#include "MailTypes.h"

#include <QObject>

class QLineEdit;
class QPushButton;
class QTimer;
class QWidget;

namespace skein {
class Store;
} // namespace skein

namespace skein::ui {

class SearchResultsView;

// The search field (Ctrl+E): full-text search of every synced folder
// (Store::search), its answers shown instead of the conversation list, and
// "Search the server too". Its three widgets go into the window's list
// column; this object keeps them in step.
class SearchPane : public QObject
{
    Q_OBJECT
public:
    SearchPane(skein::Store &store, QWidget *parent);

    QLineEdit *field() const { return m_field; }
    SearchResultsView *results() const { return m_results; }
    QPushButton *serverButton() const { return m_serverButton; }
    // The answers are shown (the field has text and the list page is shown).
    bool isShown() const;
    void focus();

public Q_SLOTS:
    // What the server's search for words found; error empty when it answered.
    void showServerResult(const QString &words, const QList<skein::Message> &messages, const QString &error);

Q_SIGNALS:
    // The field got text or lost it: the list makes way or comes back.
    void shownChanged(bool shown);
    // An answer was opened; the field is empty again.
    void openRequested(const QString &folderId, const QByteArray &conversationId, qint64 messageId);
    // An answer of the server that this computer does not have.
    void foundMessageOpenRequested(const skein::Message &message);
    // "Search the server too" (SyncEngine::searchServer); answered with showServerResult().
    void serverSearchRequested(const QString &words);
    void status(const QString &message);
    void problem(const QString &message, const QString &whatToDo);

private:
    void createServerButton();
    void run();
    void open(const QString &folderId, const QByteArray &conversationId, qint64 messageId);
    void openServerResult(const skein::Message &message);
    QHash<QString, QString> folderNames() const;

    skein::Store &m_store;
    QLineEdit *m_field;
    SearchResultsView *m_results;
    QPushButton *m_serverButton = nullptr;
    QTimer *m_timer;
};

} // namespace skein::ui
