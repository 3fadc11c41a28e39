#pragma once

#include <QWidget>

#include <functional>

class QAction;
class QLabel;
class QStackedWidget;
class QTreeView;

namespace skein {
class OutboxListModel;
class Store;
struct OutboxEntry;
} // namespace skein

namespace skein::ui {

// The Outbox folder (issue 11 part 3), a page of the window's centre pane:
// the messages the server has not taken yet, with their state in words and
// the reason of the last failure. Open (double-click, Enter) asks the app's
// composer to reopen a waiting or refused message (editRequested); Delete
// asks first; Send Now asks the engine to try at once (sendNowRequested).
// A message being sent can be neither edited nor deleted: the view says so
// in its notice line instead.
class OutboxView : public QWidget
{
    Q_OBJECT
public:
    explicit OutboxView(Store &store, QWidget *parent = nullptr);

    // Re-reads the outbox, keeping the selected message selected.
    void refresh();

    // Asked before a message is deleted; true: delete. The default asks
    // with a QMessageBox; tests put an answer in.
    using Confirm = std::function<bool(const QString &question)>;
    void setConfirm(Confirm confirm) { m_confirm = std::move(confirm); }

    QTreeView *list() const { return m_list; }
    OutboxListModel *model() const { return m_model; }
    QAction *openAction() const { return m_openAction; }
    QAction *deleteAction() const { return m_deleteAction; }
    QAction *sendNowAction() const { return m_sendNowAction; }
    // The last sentence the view said (why an action was refused); empty when none.
    QString noticeText() const;

    void selectEntry(qint64 outboxId);
    qint64 currentEntryId() const;

Q_SIGNALS:
    void editRequested(qint64 outboxId);
    void sendNowRequested();
    // The user deleted a message: the folder count changed.
    void outboxEdited();

private:
    void openCurrent();
    void deleteCurrent();
    void updateActions();
    void say(const QString &sentence);
    const OutboxEntry *currentEntry() const;

    Store &m_store;
    OutboxListModel *m_model = nullptr;
    QStackedWidget *m_stack = nullptr;
    QTreeView *m_list = nullptr;
    QLabel *m_empty = nullptr;
    QLabel *m_notice = nullptr;
    QLabel *m_details = nullptr; // the selected message in full: the columns are narrow
    QAction *m_openAction = nullptr;
    QAction *m_deleteAction = nullptr;
    QAction *m_sendNowAction = nullptr;
    Confirm m_confirm;
};

} // namespace skein::ui
