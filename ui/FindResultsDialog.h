#pragma once

#include "MailTypes.h"

#include <QDialog>

class QLabel;
class QTreeWidget;
class QTreeWidgetItem;

namespace skein {
class Store;
}

namespace skein::ui {

// Conversation > Find in All Folders: every message of the conversation with
// the folder it is in, newest first, as the engine's find() answered. When
// the server could not search and the local store answered instead, a note
// says so (and why). Non-modal and reused: a new search replaces the list.
// A double-click or Enter on a message asks the window to open it.
class FindResultsDialog : public QDialog
{
    Q_OBJECT
public:
    enum Column { FolderColumn, FromColumn, SubjectColumn, DateColumn, ColumnCount };

    explicit FindResultsDialog(const Store &store, QWidget *parent = nullptr);

    // Searching: shows the subject and a busy line until setResult().
    void setSearching(const QByteArray &conversationId, const QString &subject);
    void setResult(const QByteArray &conversationId, bool fromServer, const QString &note,
                   const QList<skein::Message> &messages);

    QByteArray conversationId() const { return m_conversationId; }
    bool isSearching() const { return m_searching; }
    QString noteText() const;
    QString summaryText() const;
    QTreeWidget *list() const { return m_list; }

Q_SIGNALS:
    // The user opened this row's message (by the folder and ServerId the
    // search named: a server's result has no local row id).
    void openRequested(const QString &folderId, const QByteArray &conversationId, const QString &serverId);

private:
    enum ItemRole { FolderIdRole = Qt::UserRole, ServerIdRole };
    void open(QTreeWidgetItem *item);

    const Store &m_store;
    QByteArray m_conversationId;
    bool m_searching = false;
    QLabel *m_summary = nullptr;
    QLabel *m_note = nullptr;
    QTreeWidget *m_list = nullptr;
};

} // namespace skein::ui
