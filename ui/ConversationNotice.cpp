#include "ConversationNotice.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>

namespace skein::ui {

ConversationNotice::ConversationNotice(QWidget *parent)
    : QFrame(parent)
{
    setObjectName(QStringLiteral("conversationNotice"));
    setAccessibleName(tr("Conversation rule"));
    setStyleSheet(QStringLiteral("#conversationNotice { background: #eef3fb; border: 1px solid #c5d5ee; "
                                 "border-radius: 4px; } #conversationNotice QLabel { color: #1d3557; }"));
    m_icon = new QLabel(this);
    m_icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxInformation).pixmap(16, 16));
    m_text = new QLabel(this);
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::PlainText);
    m_button = new QPushButton(this);
    m_button->setObjectName(QStringLiteral("conversationNoticeButton"));
    m_button->setAccessibleName(tr("Stop the rule")); // until showNotice names what it stops
    connect(m_button, &QPushButton::clicked, this, &ConversationNotice::buttonClicked);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 4, 4);
    layout->addWidget(m_icon, 0, Qt::AlignVCenter);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_button, 0, Qt::AlignVCenter);
    hide();
}

void ConversationNotice::showNotice(const QString &text, const QString &buttonText)
{
    m_text->setText(text);
    m_button->setText(buttonText);
    m_button->setAccessibleName(buttonText);
    setAccessibleDescription(text);
    show();
}

QString ConversationNotice::text() const
{
    return m_text->text();
}

} // namespace skein::ui
