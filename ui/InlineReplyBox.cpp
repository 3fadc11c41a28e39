#include "InlineReplyBox.h"

#include "ComposerText.h"
#include "MailTypes.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QToolButton>
#include <QVBoxLayout>

namespace skein::ui {

namespace {

template<typename Button>
Button *named(Button *button, const char *name, const QString &accessibleName)
{
    button->setObjectName(QLatin1String(name));
    button->setAccessibleName(accessibleName);
    return button;
}

} // namespace

InlineReplyBox::InlineReplyBox(QWidget *parent)
    : QFrame(parent)
{
    setObjectName(QStringLiteral("inlineReplyBox"));
    setAccessibleName(tr("Quick reply"));
    setFrameShape(QFrame::StyledPanel);
    m_open = named(new QPushButton(tr("Reply\u2026"), this), "inlineReplyOpenButton", tr("Write a reply"));
    m_open->setStyleSheet(QStringLiteral("text-align: left; padding: 6px; color: palette(placeholder-text);"));
    connect(m_open, &QPushButton::clicked, this, &InlineReplyBox::expand);

    m_expanded = new QWidget(this);
    m_label = new QLabel(m_expanded);
    m_label->setObjectName(QStringLiteral("inlineReplyTargetLabel"));
    m_label->setAccessibleName(tr("The message answered"));
    m_label->setStyleSheet(QStringLiteral("color: palette(placeholder-text);"));
    m_error = new QLabel(m_expanded);
    m_error->setObjectName(QStringLiteral("inlineReplyError"));
    m_error->setAccessibleName(tr("Why the reply was not sent"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b00020; font-weight: 600;"));
    m_error->hide();
    m_editor = named(new QPlainTextEdit(m_expanded), "inlineReplyEditor", tr("Reply text"));
    m_editor->setTabChangesFocus(true);
    m_editor->setMinimumHeight(90);
    m_replyAll = named(new QToolButton(m_expanded), "inlineReplyAllToggle", tr("Reply all"));
    m_replyAll->setText(tr("Reply all"));
    m_replyAll->setCheckable(true);
    m_replyAll->setToolTip(tr("Answer everyone the message went to, not only its sender"));
    m_send = named(new QPushButton(tr("Send"), m_expanded), "inlineReplySendButton", tr("Send the reply"));
    m_send->setToolTip(tr("Send the reply (Ctrl+Enter)"));
    m_popOut = named(new QPushButton(tr("Pop out"), m_expanded), "inlineReplyPopOutButton",
                     tr("Open the reply in its own window"));
    m_discard = named(new QPushButton(tr("Discard"), m_expanded), "inlineReplyDiscardButton",
                      tr("Throw the reply away"));
    connect(m_send, &QPushButton::clicked, this, &InlineReplyBox::send);
    connect(m_popOut, &QPushButton::clicked, this, [this] {
        const QString text = m_editor->toPlainText();
        const bool all = isReplyAll();
        const qint64 id = m_targetId;
        reset();
        Q_EMIT popOutRequested(id, all, text);
    });
    connect(m_discard, &QPushButton::clicked, this, [this] {
        reset();
        Q_EMIT discarded();
    });
    for (const QKeySequence &key : {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)}) {
        auto *shortcut = new QShortcut(key, m_editor, nullptr, nullptr, Qt::WidgetShortcut);
        connect(shortcut, &QShortcut::activated, this, &InlineReplyBox::send);
    }

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_send);
    buttons->addWidget(m_replyAll);
    buttons->addStretch(1);
    buttons->addWidget(m_popOut);
    buttons->addWidget(m_discard);
    auto *expandedLayout = new QVBoxLayout(m_expanded);
    expandedLayout->setContentsMargins(0, 0, 0, 0);
    expandedLayout->addWidget(m_label);
    expandedLayout->addWidget(m_error);
    expandedLayout->addWidget(m_editor);
    expandedLayout->addLayout(buttons);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_open);
    layout->addWidget(m_expanded);
    m_expanded->hide();
    hide();
}

void InlineReplyBox::setTarget(const Message &message)
{
    const bool changed = m_targetId != message.id;
    m_targetId = message.id;
    if (changed && message.id && isExpanded())
        Q_EMIT replyStarted(message.id);
    m_label->setText(message.id ? compose::answerLabel(OutboxKind::Reply, message) : QString());
    setVisible(message.id != 0);
}

bool InlineReplyBox::isExpanded() const
{
    return m_expanded->isVisibleTo(this);
}

bool InlineReplyBox::isReplyAll() const
{
    return m_replyAll->isChecked();
}

QString InlineReplyBox::text() const
{
    return m_editor->toPlainText();
}

void InlineReplyBox::expand()
{
    const bool opening = !isExpanded();
    m_open->hide();
    m_expanded->show();
    m_editor->setFocus(Qt::OtherFocusReason);
    if (opening && m_targetId)
        Q_EMIT replyStarted(m_targetId);
}

void InlineReplyBox::reset()
{
    m_editor->clear();
    m_replyAll->setChecked(false);
    m_error->hide();
    m_expanded->hide();
    m_open->show();
}

void InlineReplyBox::setSendError(const QString &message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
    if (!message.isEmpty())
        expand();
}

void InlineReplyBox::send()
{
    if (!m_targetId)
        return;
    if (m_editor->toPlainText().trimmed().isEmpty()) {
        setSendError(tr("Write something first, or use Pop out for the full window."));
        return;
    }
    m_error->hide();
    Q_EMIT sendRequested(m_targetId, isReplyAll(), m_editor->toPlainText());
}

} // namespace skein::ui
