#pragma once

#include "ActionTypes.h"
#include "ConversationRulesDialog.h"
#include "FindResultsDialog.h"
#include "FolderChooserDialog.h"

#include <QMessageBox>
#include <QObject>
#include <QPointer>

#include <functional>

namespace skein {
class Store;
}

namespace skein::ui {

class ConversationActionsController;

// The conversation commands that open a dialog: the folder chooser (Move,
// Always Move), the find results, the conversation rules, "stop ignoring?"
// and "delete permanently?". Each is window-modal or non-modal, never
// blocking; what the user confirms runs through the controller.
class ConversationActionsDialogs : public QObject
{
    Q_OBJECT
public:
    ConversationActionsDialogs(Store &store, ConversationActionsController &controller, QWidget *window);

    // The dialogs while they are open (nullptr otherwise).
    FolderChooserDialog *folderChooser() const { return m_chooser; }
    ConversationRulesDialog *rulesDialog() const { return m_rules; }
    FindResultsDialog *findResults() const { return m_find; }
    QMessageBox *stopQuestion() const { return m_question; }

    void chooseFolder(ActionKind kind);
    void find();
    void showFindResult(const QByteArray &conversationId, bool fromServer, const QString &note,
                        const QList<skein::Message> &messages);
    void showRules();
    void reloadRules();
    void stopCurrentRule();
    // Asks whether to bring the messages back, then stops the rule.
    void stopRule(const QByteArray &conversationId, QWidget *parent = nullptr);
    // Delete: in Deleted Items the server deletes for good, so it asks first.
    void deleteCurrent();
    void askToEmptyDeletedItems();

private:
    void ensureFindResults();
    void emptyDeletedItems();
    QMessageBox *askToDeletePermanently(const QString &title, const QString &text, const QString &buttonText,
                                        const char *buttonName, std::function<void()> confirmed);

    Store &m_store;
    ConversationActionsController &m_controller;
    QWidget *m_window;
    QPointer<FolderChooserDialog> m_chooser;
    QPointer<ConversationRulesDialog> m_rules;
    QPointer<FindResultsDialog> m_find;
    QPointer<QMessageBox> m_question;
    QPointer<QMessageBox> m_deleteQuestion;
};

} // namespace skein::ui
