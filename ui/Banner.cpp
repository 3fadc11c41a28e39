#include "Banner.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

namespace skein::ui {

Banner::Banner(QWidget *parent)
    : QFrame(parent)
{
    setObjectName(QStringLiteral("errorBanner"));
    setAccessibleName(tr("Error message"));
    setFrameShape(QFrame::StyledPanel);
    setStyleSheet(QStringLiteral("#errorBanner { background: #fdecea; border: 1px solid #f5c2c0; "
                                 "border-radius: 4px; } #errorBanner QLabel { color: #5f2120; }"));
    m_icon = new QLabel(this);
    m_icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(24, 24));
    m_message = new QLabel(this);
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    QFont bold = m_message->font();
    bold.setBold(true);
    m_message->setFont(bold);
    m_whatToDo = new QLabel(this);
    m_whatToDo->setWordWrap(true);
    m_whatToDo->setTextFormat(Qt::PlainText);
    m_close = new QToolButton(this);
    m_close->setAutoRaise(true);
    m_close->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    m_close->setObjectName(QStringLiteral("dismissErrorButton"));
    m_close->setToolTip(tr("Dismiss"));
    m_close->setAccessibleName(tr("Dismiss error message"));
    connect(m_close, &QToolButton::clicked, this, [this] {
        hide();
        Q_EMIT dismissed();
    });

    auto *texts = new QVBoxLayout;
    texts->setSpacing(2);
    texts->addWidget(m_message);
    texts->addWidget(m_whatToDo);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 6, 4, 6);
    layout->addWidget(m_icon, 0, Qt::AlignTop);
    layout->addLayout(texts, 1);
    layout->addWidget(m_close, 0, Qt::AlignTop);
    hide();
}

void Banner::showMessage(const QString &message, const QString &whatToDo, Topic topic)
{
    m_topic = topic;
    m_message->setText(message);
    m_whatToDo->setText(whatToDo);
    m_whatToDo->setVisible(!whatToDo.isEmpty());
    setAccessibleDescription(whatToDo.isEmpty() ? message : message + QLatin1Char(' ') + whatToDo);
    show();
}

void Banner::clear(Topic topic)
{
    if (m_topic == topic)
        hide();
}

QString Banner::message() const
{
    return m_message->text();
}

QString Banner::whatToDo() const
{
    return m_whatToDo->text();
}

} // namespace skein::ui
