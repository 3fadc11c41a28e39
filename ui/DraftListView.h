#pragma once

#include <QMessageBox>
#include <QPointer>
#include <QWidget>

class QLabel;
class QTreeWidget;
class QTreeWidgetItem;

namespace skein {
class Store;
}

namespace skein::ui {

// The centre pane while the Drafts folder is selected (issue 11): the
// drafts saved on this computer, newest first (subject or "(no subject)",
// recipients, last saved, where it is kept), then the server's drafts from
// other devices (messages synced into Drafts that no local draft is). Enter
// or a double click continues a draft (a server-only one is first imported
// into a local draft, DraftStore::importServerDraft); Delete asks, then deletes.
// Below protocol 16.0 a line above the list says the drafts stay here.
class DraftListView : public QWidget
{
    Q_OBJECT
public:
    enum Column { SubjectColumn, RecipientsColumn, UpdatedColumn, WhereColumn };

    explicit DraftListView(skein::Store &store, QWidget *parent = nullptr);

    QTreeWidget *list() const { return m_list; }
    QLabel *notice() const { return m_notice; }
    // The open "Delete this draft?" question, for tests; null when none.
    QMessageBox *deleteQuestion() const { return m_question; }

public Q_SLOTS:
    // Reads the store again, keeping the selected draft selected.
    void reload();
    void openCurrent();
    void deleteCurrent(); // asks first

Q_SIGNALS:
    void draftOpenRequested(qint64 draftId);
    // The user deleted a draft: its server copy waits to be deleted (SyncEngine::saveDraftsNow).
    void draftDeleted(qint64 draftId);
    // Something the user should read (a draft that could not be opened).
    void problem(const QString &message);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void updateNotice();
    // The local draft behind an item, importing a server-only one; 0 on failure.
    qint64 draftIdOf(QTreeWidgetItem *item);

    skein::Store &m_store;
    QLabel *m_notice = nullptr;
    QTreeWidget *m_list = nullptr;
    QPointer<QMessageBox> m_question;
};

} // namespace skein::ui
