#pragma once

#include "ActionTypes.h"

#include <QDialog>

#include <functional>

class QLabel;
class QMessageBox;
class QPushButton;
class QTreeWidget;

namespace skein {
class Store;
}

namespace skein::ui {

// Conversation > Conversation Rules…: the ignore and always-move rules of
// this account (ConversationRules::list) with subject, target folder, date,
// state (waiting to be sent / active / failed and why) and where the rule
// lives. "Stop Ignoring…" emits stopRequested: the controller asks whether to
// bring the messages back (askToStop) and calls ConversationRules::
// stopIgnoring. Non-modal; reload() after the engine reports actionsChanged.
class ConversationRulesDialog : public QDialog
{
    Q_OBJECT
public:
    enum Column { SubjectColumn, RuleColumn, FolderColumn, CreatedColumn, StateColumn, KeptColumn, ColumnCount };

    explicit ConversationRulesDialog(const Store &store, QWidget *parent = nullptr);

    void reload();
    QTreeWidget *list() const { return m_list; }
    QPushButton *stopButton() const { return m_stop; }
    bool selectConversation(const QByteArray &conversationId);
    QByteArray selectedConversation() const;
    // Asks how to stop `rule` (bring messages back or not) with an
    // asynchronous message box; calls answer(bringBack) unless cancelled.
    // A failed rule moved nothing: it is removed without asking.
    static QMessageBox *askToStop(const Store &store, const ConversationRule &rule, QWidget *parent,
                                  std::function<void(bool bringBack)> answer);
    // The subject of a conversation as the store has it ("" when gone).
    static QString subjectOf(const Store &store, const QByteArray &conversationId);
    // What "This computer" in the Kept On column means (RuleScope::Local).
    static QString localRuleFootnote();
    static QString stopLabel(const ConversationRule &rule);

Q_SIGNALS:
    void stopRequested(const QByteArray &conversationId);

private:
    void updateButtons();

    const Store &m_store;
    QTreeWidget *m_list = nullptr;
    QLabel *m_empty = nullptr;
    QLabel *m_details = nullptr; // why the selected rule failed
    QLabel *m_localNote = nullptr; // footnote for rules kept on this computer
    QPushButton *m_stop = nullptr;
};

} // namespace skein::ui
