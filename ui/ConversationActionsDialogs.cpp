// ConversationActionsController: the commands that open a dialog (folder
// chooser, find results, conversation rules, "stop ignoring?").
#include "ConversationActionsController.h"

#include "ConversationActions.h"
#include "ConversationRules.h"
#include "ConversationRulesDialog.h"
#include "FindResultsDialog.h"
#include "FolderChooserDialog.h"
#include "Store.h"

#include <QAction>
#include <QMessageBox>

namespace skein::ui {

FolderChooserDialog *ConversationActionsController::folderChooser() const
{
    return m_chooser;
}

ConversationRulesDialog *ConversationActionsController::rulesDialog() const
{
    return m_rules;
}

FindResultsDialog *ConversationActionsController::findResults() const
{
    return m_find;
}

QMessageBox *ConversationActionsController::stopQuestion() const
{
    return m_question;
}

void ConversationActionsController::chooseFolder(ActionKind kind)
{
    const std::optional<Target> target = currentTarget();
    if (!target)
        return;
    if (m_chooser)
        m_chooser->close();
    const auto purpose = kind == ActionKind::Move ? FolderChooserDialog::Purpose::Move
                                                  : FolderChooserDialog::Purpose::AlwaysMove;
    m_chooser = new FolderChooserDialog(m_store, purpose, target->folderId, target->subject, m_window);
    m_chooser->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_chooser, &FolderChooserDialog::folderChosen, this,
            [this, kind, target = *target](const QString &folderId) { runOn(target, kind, folderId); });
    m_chooser->open();
}

void ConversationActionsController::find()
{
    const std::optional<Target> target = currentTarget();
    if (!target)
        return;
    ensureFindResults();
    m_find->setSearching(target->conversationId, target->subject);
    m_find->show();
    m_find->raise();
    Q_EMIT findRequested(target->conversationId);
}

void ConversationActionsController::showFindResult(const QByteArray &conversationId, bool fromServer,
                                                   const QString &note, const QList<Message> &messages)
{
    ensureFindResults();
    m_find->setResult(conversationId, fromServer, note, messages);
    m_find->show();
    m_find->raise();
}

void ConversationActionsController::ensureFindResults()
{
    if (m_find)
        return;
    m_find = new FindResultsDialog(m_store, m_window);
    connect(m_find, &FindResultsDialog::openRequested, this, &ConversationActionsController::openMessageRequested);
}

void ConversationActionsController::showRules()
{
    if (!m_rules) {
        m_rules = new ConversationRulesDialog(m_store, m_window);
        connect(m_rules, &ConversationRulesDialog::stopRequested, this,
                [this](const QByteArray &id) { stopRule(id, m_rules); });
    }
    m_rules->reload();
    if (const std::optional<Target> target = currentTarget())
        m_rules->selectConversation(target->conversationId);
    m_rules->show();
    m_rules->raise();
    m_rules->activateWindow();
}

void ConversationActionsController::stopCurrentRule()
{
    if (const std::optional<Target> target = currentTarget())
        stopRule(target->conversationId, m_window);
}

void ConversationActionsController::stopRule(const QByteArray &conversationId, QWidget *parent)
{
    const std::optional<ConversationRule> rule = m_store.conversationRule(conversationId);
    if (!rule)
        return;
    const QString subject = ConversationRulesDialog::subjectOf(m_store, conversationId);
    m_question = ConversationRulesDialog::askToStop(
        m_store, *rule, parent ? parent : m_window, [this, rule = *rule, subject](bool bringBack) {
            const ConversationActions::Result result =
                ConversationRules(m_store).stopIgnoring(rule.conversationId, bringBack, m_conversationActions);
            if (!result.error.isEmpty()) {
                Q_EMIT problem(tr("Skein could not stop the rule for \u201c%1\u201d.").arg(subject), result.error);
                return;
            }
            Q_EMIT foldersChanged({rule.targetFolderId});
            if (m_rules)
                m_rules->reload();
            updatePending();
            updateActions();
            Q_EMIT status(bringBack ? tr("Stopped the rule for \u201c%1\u201d; its messages are on their way back.").arg(subject)
                                    : tr("Stopped the rule for \u201c%1\u201d.").arg(subject));
            if (result.entryId > 0)
                Q_EMIT actionsQueued();
        });
}

} // namespace skein::ui
