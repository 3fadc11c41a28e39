#include "RemoteContentBar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

namespace skein::ui {

RemoteContentBar::RemoteContentBar(QWidget *parent)
    : QFrame(parent)
{
    setObjectName(QStringLiteral("remoteContentBar"));
    setAccessibleName(tr("Remote content blocked"));
    setStyleSheet(QStringLiteral("#remoteContentBar { background: #fff4ce; border: 1px solid #f0d58c; "
                                 "border-radius: 4px; }"));
    m_text = new QLabel(tr("Remote content was blocked to protect your privacy."), this);
    m_text->setWordWrap(true);
    m_once = new QPushButton(tr("Show for this message"), this);
    m_once->setObjectName(QStringLiteral("showRemoteContentButton"));
    m_once->setAccessibleName(tr("Show remote content for this message"));
    m_always = new QPushButton(this);
    m_always->setObjectName(QStringLiteral("alwaysShowRemoteContentButton"));
    connect(m_once, &QPushButton::clicked, this, &RemoteContentBar::showForMessage);
    connect(m_always, &QPushButton::clicked, this,
            [this] { Q_EMIT alwaysForSender(m_sender); });

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 8, 4);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_once);
    layout->addWidget(m_always);
}

void RemoteContentBar::setSender(const QString &address)
{
    m_sender = address;
    m_always->setText(tr("Always for %1").arg(address));
    m_always->setAccessibleName(tr("Always show remote content from %1").arg(address));
    m_always->setVisible(!address.isEmpty());
}

} // namespace skein::ui
