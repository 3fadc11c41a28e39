#include "ConversationActionsDialogs.h"

#include "ConversationActionsController.h"
#include "ConversationCommands.h"
#include "ConversationUndo.h"
#include "PendingChanges.h"

#include "ConversationActions.h"
#include "ConversationRules.h"
#include "ConversationRulesDialog.h"
#include "FindResultsDialog.h"
#include "FolderChooserDialog.h"
#include "Store.h"

#include <QAction>
#include <QMessageBox>
#include <QPushButton>

namespace skein::ui {

ConversationActionsDialogs::ConversationActionsDialogs(Store &store, ConversationActionsController &controller,
                                                       QWidget *window)
    : QObject(&controller)
    , m_store(store)
    , m_controller(controller)
    , m_window(window)
{
}

void ConversationActionsDialogs::deleteCurrent()
{
    const std::optional<ConversationActionsController::Target> target = m_controller.currentTarget();
    if (!target)
        return;
    if (!isDeletedItems(m_store, target->folderId)) {
        m_controller.runOn(*target, ActionKind::Delete);
        return;
    }
    int count = 0;
    for (const Message &m : m_store.messageStore().conversationMessages(target->conversationId))
        count += m.folderId == target->folderId;
    m_deleteQuestion = askToDeletePermanently(
        tr("Delete Permanently"),
        count == 1 ? tr("Delete the message of \u201c%1\u201d in Deleted Items permanently?").arg(target->subject)
                   : tr("Delete the %1 messages of \u201c%2\u201d in Deleted Items permanently?")
                         .arg(count).arg(target->subject),
        tr("&Delete Permanently"), "deletePermanentlyButton",
        [this, target = *target] { m_controller.runOn(target, ActionKind::Delete); });
    m_deleteQuestion->setObjectName(QStringLiteral("deletePermanentlyQuestion"));
}

void ConversationActionsDialogs::askToEmptyDeletedItems()
{
    const std::optional<Folder> trash = m_store.folderStore().folderOfType(FolderType::DeletedItems);
    if (!trash)
        return;
    const int count = m_store.messageStore().messageCount(trash->serverId);
    if (count == 0) {
        Q_EMIT m_controller.status(tr("%1 is empty.").arg(trash->name));
        return;
    }
    m_deleteQuestion = askToDeletePermanently(
        tr("Empty %1").arg(trash->name),
        count == 1 ? tr("Delete the message in %1 permanently?").arg(trash->name)
                   : tr("Delete all %1 messages in %2 permanently?").arg(count).arg(trash->name),
        tr("&Empty %1").arg(trash->name), "emptyDeletedItemsButton", [this] { emptyDeletedItems(); });
    m_deleteQuestion->setObjectName(QStringLiteral("emptyDeletedItemsQuestion"));
}

void ConversationActionsDialogs::emptyDeletedItems()
{
    const std::optional<Folder> trash = m_store.folderStore().folderOfType(FolderType::DeletedItems);
    if (!trash)
        return;
    const ConversationActions::Result result = m_controller.conversationActions().deleteAllIn(trash->serverId);
    if (!result.ok()) {
        Q_EMIT m_controller.problem(tr("Skein could not empty %1.").arg(trash->name), result.error);
        return;
    }
    m_controller.m_undo->offer(result.entryId, tr("empty %1").arg(trash->name));
    m_controller.journaled(tr("Emptied %1.").arg(trash->name));
}

// Window-modal, not blocking: the list and the sync go on underneath.
// Cancel is the default, so a stray Enter deletes nothing.
QMessageBox *ConversationActionsDialogs::askToDeletePermanently(const QString &title, const QString &text,
                                                                const QString &buttonText, const char *buttonName,
                                                                std::function<void()> confirmed)
{
    if (m_deleteQuestion)
        m_deleteQuestion->close();
    auto *box = new QMessageBox(m_window);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setIcon(QMessageBox::Warning);
    box->setWindowTitle(title);
    box->setText(text);
    box->setInformativeText(tr("They are deleted on the server too, and cannot be brought back."));
    QPushButton *remove = box->addButton(buttonText, QMessageBox::DestructiveRole);
    remove->setObjectName(QLatin1String(buttonName));
    remove->setAccessibleName(QString(buttonText).remove(QLatin1Char('&')));
    QPushButton *cancel = box->addButton(QMessageBox::Cancel);
    cancel->setObjectName(QStringLiteral("cancelButton"));
    cancel->setAccessibleName(cancel->text().remove(QLatin1Char('&')));
    box->setDefaultButton(cancel);
    box->setEscapeButton(cancel);
    connect(box, &QMessageBox::buttonClicked, this, [remove, confirmed](QAbstractButton *clicked) {
        if (clicked == remove)
            confirmed();
    });
    box->open();
    return box;
}

void ConversationActionsDialogs::chooseFolder(ActionKind kind)
{
    const std::optional<ConversationActionsController::Target> target = m_controller.currentTarget();
    if (!target)
        return;
    if (m_chooser)
        m_chooser->close();
    const auto purpose = kind == ActionKind::Move ? FolderChooserDialog::Purpose::Move
                                                  : FolderChooserDialog::Purpose::AlwaysMove;
    m_chooser = new FolderChooserDialog(m_store, purpose, target->folderId, target->subject, m_window);
    m_chooser->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_chooser, &FolderChooserDialog::folderChosen, this,
            [this, kind, target = *target](const QString &folderId) { m_controller.runOn(target, kind, folderId); });
    m_chooser->open();
}

void ConversationActionsDialogs::find()
{
    const std::optional<ConversationActionsController::Target> target = m_controller.currentTarget();
    if (!target)
        return;
    ensureFindResults();
    m_find->setSearching(target->conversationId, target->subject);
    m_find->show();
    m_find->raise();
    Q_EMIT m_controller.findRequested(target->conversationId);
}

void ConversationActionsDialogs::showFindResult(const QByteArray &conversationId, bool fromServer,
                                                const QString &note, const QList<Message> &messages)
{
    ensureFindResults();
    m_find->setResult(conversationId, fromServer, note, messages);
    m_find->show();
    m_find->raise();
}

void ConversationActionsDialogs::ensureFindResults()
{
    if (m_find)
        return;
    m_find = new FindResultsDialog(m_store, m_window);
    connect(m_find, &FindResultsDialog::openRequested, &m_controller,
            &ConversationActionsController::openMessageRequested);
}

void ConversationActionsDialogs::showRules()
{
    if (!m_rules) {
        m_rules = new ConversationRulesDialog(m_store, m_window);
        connect(m_rules, &ConversationRulesDialog::stopRequested, this,
                [this](const QByteArray &id) { stopRule(id, m_rules); });
    }
    m_rules->reload();
    if (const std::optional<ConversationActionsController::Target> target = m_controller.currentTarget())
        m_rules->selectConversation(target->conversationId);
    m_rules->show();
    m_rules->raise();
    m_rules->activateWindow();
}

void ConversationActionsDialogs::reloadRules()
{
    if (m_rules)
        m_rules->reload();
}

void ConversationActionsDialogs::stopCurrentRule()
{
    if (const std::optional<ConversationActionsController::Target> target = m_controller.currentTarget())
        stopRule(target->conversationId, m_window);
}

void ConversationActionsDialogs::stopRule(const QByteArray &conversationId, QWidget *parent)
{
    const std::optional<ConversationRule> rule = m_store.journalStore().conversationRule(conversationId);
    if (!rule)
        return;
    const QString subject = ConversationRulesDialog::subjectOf(m_store, conversationId);
    m_question = ConversationRulesDialog::askToStop(
        m_store, *rule, parent ? parent : m_window, [this, rule = *rule, subject](bool bringBack) {
            const ConversationActions::Result result =
                ConversationRules(m_store).stopIgnoring(rule.conversationId, bringBack,
                                                        &m_controller.conversationActions());
            if (!result.error.isEmpty()) {
                Q_EMIT m_controller.problem(tr("Skein could not stop the rule for \u201c%1\u201d.").arg(subject),
                                            result.error);
                return;
            }
            Q_EMIT m_controller.foldersChanged({rule.targetFolderId});
            reloadRules();
            m_controller.m_pending->update();
            m_controller.m_commands->update();
            Q_EMIT m_controller.status(
                bringBack ? tr("Stopped the rule for \u201c%1\u201d; its messages are on their way back.").arg(subject)
                          : tr("Stopped the rule for \u201c%1\u201d.").arg(subject));
            if (result.entryId > 0)
                Q_EMIT m_controller.actionsQueued();
        });
}

} // namespace skein::ui
