#pragma once

#include <QList>
#include <QWidget>

class QAction;
class QLineEdit;
class QTimer;

namespace skein {
class ConversationListModel;
class Store;
} // namespace skein

namespace skein::ui {

class ConversationView;
class MarkReadWait;
class SortHeader;

// The conversation list of the open folder: the quick filter (Ctrl+F),
// the sort header and its View menu twins, the list itself and the wait
// before what the user opened is marked read. Sort and column widths
// survive restarts (saveState/restoreState).
class ConversationListPane : public QWidget
{
    Q_OBJECT
public:
    ConversationListPane(skein::Store &store, QWidget *parent = nullptr);

    skein::ConversationListModel *listModel() const { return m_model; }
    ConversationView *view() const { return m_view; }
    MarkReadWait *markReadWait() const { return m_markReadWait; }
    // View > Sort Conversations: by date, sender, subject.
    QList<QAction *> sortActions() const { return m_sortActions; }
    // key: a SortHeader::Key.
    void sortBy(int key, Qt::SortOrder order);
    void focusFilter();
    // Empties the filter, which may hide what the user asked to see.
    void clearFilter();
    // Selects the conversation (or, without one, the message messageId),
    // loading further pages for it; false when it is not in the folder.
    bool selectConversation(const QByteArray &conversationId, qint64 messageId = 0);
    // Expands and selects the first loaded conversation with several
    // messages (for --screenshot) whose subject contains subjectPart
    // (ignoring case; empty matches any); false if there is none.
    bool expandFirstMultiMessageConversation(const QString &subjectPart = {});
    // The message row selected, or a conversation row's newest message; 0: none.
    qint64 selectedMessageId() const;
    void saveState() const;
    void restoreState();

private:
    void createSortActions();
    void applyFilter();

    skein::ConversationListModel *m_model;
    QLineEdit *m_filter = nullptr;
    QTimer *m_filterTimer = nullptr;
    SortHeader *m_sortHeader = nullptr;
    ConversationView *m_view = nullptr;
    MarkReadWait *m_markReadWait = nullptr;
    QList<QAction *> m_sortActions; // by SortHeader::Key
};

} // namespace skein::ui
