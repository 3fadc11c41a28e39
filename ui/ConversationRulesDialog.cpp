#include "ConversationRulesDialog.h"

#include "ActionTypes.h"
#include "MailFormat.h"
#include "Store.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace skein::ui {

namespace {

constexpr int kConversationIdRole = Qt::UserRole + 1;

QString folderName(const Store &store, const QString &folderId)
{
    const std::optional<Folder> folder = store.folderStore().folder(folderId);
    return folder ? folder->name : QObject::tr("(a folder no longer on this computer)");
}

QString stateText(const ConversationRule &rule)
{
    switch (rule.state) {
    case RuleState::Pending: return QObject::tr("Waiting to be sent");
    case RuleState::Active: return QObject::tr("Active");
    case RuleState::Failed: return QObject::tr("Failed");
    }
    return {};
}

} // namespace

ConversationRulesDialog::ConversationRulesDialog(const Store &store, QWidget *parent)
    : QDialog(parent), m_store(store)
{
    setObjectName(QStringLiteral("conversationRulesDialog"));
    setWindowTitle(tr("Conversation Rules"));

    auto *intro = new QLabel(tr("Conversations you ignore or always move. New messages of these "
                                "conversations go straight to the folder shown."), this);
    intro->setWordWrap(true);
    m_list = new QTreeWidget(this);
    m_list->setObjectName(QStringLiteral("conversationRulesList"));
    m_list->setAccessibleName(tr("Conversation rules"));
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setAlternatingRowColors(true);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setHeaderLabels({tr("Conversation"), tr("Rule"), tr("Moves To"), tr("Since"), tr("State"),
                             tr("Kept On")});
    m_list->setTextElideMode(Qt::ElideRight);
    m_list->header()->setStretchLastSection(false);
    m_list->header()->setSectionResizeMode(SubjectColumn, QHeaderView::Stretch);
    for (int c = RuleColumn; c < ColumnCount; ++c)
        m_list->header()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    m_details = new QLabel(this);
    m_details->setObjectName(QStringLiteral("ruleDetails"));
    m_details->setWordWrap(true);
    m_details->setTextFormat(Qt::PlainText);
    m_details->setStyleSheet(QStringLiteral("#ruleDetails { color: #8a1c1c; }"));
    m_details->hide();
    m_empty = new QLabel(tr("You are not ignoring or always moving any conversation."), this);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setStyleSheet(QStringLiteral("color: palette(placeholder-text);"));

    auto *note = new QLabel(tr("Exchange ActiveSync cannot take a rule back from the server. Stopping a "
                               "rule here forgets it on this computer and can bring the messages back, "
                               "but the server may keep moving new messages of that conversation."), this);
    note->setWordWrap(true);
    note->setStyleSheet(QStringLiteral("color: palette(placeholder-text);"));

    // This server refused conversation rules (SOGo): Skein keeps them itself.
    m_localNote = new QLabel(QStringLiteral("* ") + localRuleFootnote(), this);
    m_localNote->setObjectName(QStringLiteral("localRuleNote"));
    m_localNote->setWordWrap(true);
    m_localNote->hide();

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_stop = buttons->addButton(tr("Stop Ignoring\u2026"), QDialogButtonBox::ActionRole);
    m_stop->setObjectName(QStringLiteral("stopRuleButton"));
    m_stop->setAccessibleName(tr("Stop the rule"));
    QPushButton *close = buttons->button(QDialogButtonBox::Close);
    close->setObjectName(QStringLiteral("rulesCloseButton"));
    close->setAccessibleName(tr("Close"));
    connect(m_stop, &QPushButton::clicked, this, [this] {
        if (!selectedConversation().isEmpty())
            Q_EMIT stopRequested(selectedConversation());
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::close);
    connect(m_list, &QTreeWidget::currentItemChanged, this, &ConversationRulesDialog::updateButtons);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_empty);
    layout->addWidget(m_details);
    layout->addWidget(m_localNote);
    layout->addWidget(note);
    layout->addWidget(buttons);
    resize(860, 360);
    reload();
}

// The conversation's topic: the server's thread topic, else the subject of
// its first message (without the "RE:" of the replies).
QString ConversationRulesDialog::subjectOf(const Store &store, const QByteArray &conversationId)
{
    const QList<Message> messages = store.messageStore().conversationMessages(conversationId);
    const Message *oldest = nullptr;
    QString topic;
    for (const Message &m : messages) {
        if (!oldest || m.dateReceived < oldest->dateReceived)
            oldest = &m;
        if (topic.isEmpty())
            topic = m.threadTopic.trimmed();
    }
    if (!topic.isEmpty())
        return topic;
    return oldest ? oldest->subject : QString();
}

QString ConversationRulesDialog::localRuleFootnote()
{
    return tr("This computer: the server cannot keep conversation rules, so Skein moves new messages "
              "of that conversation when it syncs, only while Skein runs.");
}

QString ConversationRulesDialog::stopLabel(const ConversationRule &rule)
{
    if (rule.state == RuleState::Failed)
        return tr("Remove Rule");
    return rule.kind == ActionKind::Ignore ? tr("Stop Ignoring\u2026") : tr("Stop Always Moving\u2026");
}

void ConversationRulesDialog::reload()
{
    const QByteArray selected = selectedConversation();
    m_list->clear();
    bool hasLocal = false;
    for (const ConversationRule &rule : m_store.journalStore().conversationRules()) {
        auto *item = new QTreeWidgetItem(m_list);
        QString subject = subjectOf(m_store, rule.conversationId);
        if (subject.isEmpty())
            subject = tr("(no messages on this computer)");
        item->setText(SubjectColumn, subject);
        item->setToolTip(SubjectColumn, subject);
        item->setText(RuleColumn, rule.kind == ActionKind::Ignore ? tr("Ignored") : tr("Always moved"));
        item->setText(FolderColumn, folderName(m_store, rule.targetFolderId));
        item->setText(CreatedColumn, format::longDate(rule.created));
        item->setText(StateColumn, stateText(rule));
        item->setToolTip(StateColumn, rule.error.isEmpty() ? stateText(rule) : rule.error);
        if (rule.state == RuleState::Failed)
            item->setForeground(StateColumn, QColor(0xb0, 0x20, 0x20));
        item->setText(KeptColumn, rule.scope == RuleScope::Server ? tr("Server") : tr("This computer") + QStringLiteral("*"));
        item->setToolTip(KeptColumn, rule.scope == RuleScope::Server
                                         ? tr("The server moves new messages, even while Skein is closed.")
                                         : localRuleFootnote());
        hasLocal |= rule.scope == RuleScope::Local;
        item->setData(SubjectColumn, kConversationIdRole, rule.conversationId);
    }
    m_localNote->setVisible(hasLocal);
    m_list->setVisible(m_list->topLevelItemCount() > 0);
    m_empty->setVisible(m_list->topLevelItemCount() == 0);
    if (!selected.isEmpty())
        selectConversation(selected);
    if (!m_list->currentItem() && m_list->topLevelItemCount() > 0)
        m_list->setCurrentItem(m_list->topLevelItem(0));
    updateButtons();
}

bool ConversationRulesDialog::selectConversation(const QByteArray &conversationId)
{
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_list->topLevelItem(i);
        if (item->data(SubjectColumn, kConversationIdRole).toByteArray() == conversationId) {
            m_list->setCurrentItem(item);
            return true;
        }
    }
    return false;
}

QByteArray ConversationRulesDialog::selectedConversation() const
{
    const QTreeWidgetItem *item = m_list->currentItem();
    return item ? item->data(SubjectColumn, kConversationIdRole).toByteArray() : QByteArray();
}

void ConversationRulesDialog::updateButtons()
{
    const std::optional<ConversationRule> rule = m_store.journalStore().conversationRule(selectedConversation());
    m_stop->setEnabled(rule.has_value());
    m_stop->setText(rule ? stopLabel(*rule) : tr("Stop Ignoring\u2026"));
    m_stop->setAccessibleName(QString(m_stop->text()).remove(QLatin1Char('&')));
    const bool failed = rule && rule->state == RuleState::Failed;
    m_details->setText(failed ? tr("The server refused this rule: %1 Its messages stayed where they were.")
                                    .arg(rule->error.isEmpty() ? tr("no reason given.") : rule->error)
                              : QString());
    m_details->setVisible(failed);
}

QMessageBox *ConversationRulesDialog::askToStop(const Store &store, const ConversationRule &rule, QWidget *parent,
                                                std::function<void(bool bringBack)> answer)
{
    if (rule.state == RuleState::Failed) {
        answer(false); // it moved nothing; there is nothing to bring back
        return nullptr;
    }
    const QString subject = subjectOf(store, rule.conversationId);
    const QString target = folderName(store, rule.targetFolderId);
    auto *box = new QMessageBox(parent);
    box->setObjectName(QStringLiteral("stopRuleQuestion"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setIcon(QMessageBox::Question);
    box->setWindowTitle(rule.kind == ActionKind::Ignore ? tr("Stop Ignoring") : tr("Stop Always Moving"));
    box->setText(rule.kind == ActionKind::Ignore
                     ? tr("Stop ignoring \u201c%1\u201d?").arg(subject)
                     : tr("Stop always moving \u201c%1\u201d to %2?").arg(subject, target));
    box->setInformativeText(tr("Skein can also move its messages from %1 back to the folders they came "
                               "from.\n\nThe server may keep moving new messages of this conversation: "
                               "Exchange ActiveSync has no way to take the rule back.").arg(target));
    QPushButton *back = box->addButton(tr("Bring Messages Back"), QMessageBox::YesRole);
    back->setObjectName(QStringLiteral("bringBackButton"));
    back->setAccessibleName(back->text());
    QPushButton *leave = box->addButton(tr("Leave Them in %1").arg(target), QMessageBox::NoRole);
    leave->setObjectName(QStringLiteral("leaveButton"));
    leave->setAccessibleName(leave->text());
    QPushButton *cancel = box->addButton(QMessageBox::Cancel);
    cancel->setObjectName(QStringLiteral("cancelButton"));
    cancel->setAccessibleName(tr("Cancel"));
    box->setDefaultButton(back);
    QObject::connect(box, &QMessageBox::buttonClicked, box, [back, leave, answer](QAbstractButton *clicked) {
        if (clicked == back || clicked == leave)
            answer(clicked == back);
    });
    box->open();
    return box;
}

} // namespace skein::ui
