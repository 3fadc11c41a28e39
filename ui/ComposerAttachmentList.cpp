#include "ComposerAttachmentList.h"

#include "ComposerText.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>
#include <QVBoxLayout>

namespace skein::ui {

ComposerAttachmentList::ComposerAttachmentList(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("composerAttachments"));
    setAccessibleName(tr("Attachments"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    m_rows = new QVBoxLayout;
    m_rows->setSpacing(2);
    layout->addLayout(m_rows);
    m_total = new QLabel(this);
    m_total->setObjectName(QStringLiteral("attachmentTotalLabel"));
    m_total->setAccessibleName(tr("Attachments in total"));
    layout->addWidget(m_total);
    rebuild();
}

void ComposerAttachmentList::setAttachments(const QList<DraftAttachment> &attachments)
{
    m_attachments = attachments;
    rebuild();
}

void ComposerAttachmentList::add(const DraftAttachment &attachment)
{
    m_attachments.append(attachment);
    rebuild();
    Q_EMIT changed();
}

void ComposerAttachmentList::removeAt(int index)
{
    if (index < 0 || index >= m_attachments.size())
        return;
    m_attachments.removeAt(index);
    rebuild();
    Q_EMIT changed();
}

void ComposerAttachmentList::setForwarded(const QList<Attachment> &attachments)
{
    m_forwarded.clear();
    for (const Attachment &a : attachments)
        if (!a.isInline)
            m_forwarded.append(a);
    rebuild();
}

void ComposerAttachmentList::rebuild()
{
    while (QLayoutItem *item = m_rows->takeAt(0)) {
        // A row's remove button may be the one being clicked: delete later.
        if (QWidget *row = item->widget()) {
            row->hide();
            row->deleteLater();
        }
        delete item;
    }
    qint64 total = 0;
    for (int i = 0; i < m_attachments.size(); ++i) {
        const DraftAttachment &a = m_attachments.at(i);
        total += a.size;
        auto *row = new QWidget(this);
        row->setObjectName(QStringLiteral("attachmentRow%1").arg(i));
        auto *rowLayout = new QHBoxLayout(row);
        rowLayout->setContentsMargins(0, 0, 0, 0);
        const QString name = a.name.isEmpty() ? a.path.section(QLatin1Char('/'), -1) : a.name;
        auto *label = new QLabel(tr("%1 (%2)").arg(name, compose::sizeText(a.size)), row);
        label->setObjectName(QStringLiteral("attachmentName"));
        label->setToolTip(a.path);
        auto *remove = new QToolButton(row);
        remove->setObjectName(QStringLiteral("removeAttachmentButton"));
        remove->setText(tr("Remove"));
        remove->setAccessibleName(tr("Remove %1").arg(name));
        remove->setAutoRaise(true);
        connect(remove, &QToolButton::clicked, this, [this, i] { removeAt(i); });
        rowLayout->addWidget(label, 1);
        rowLayout->addWidget(remove);
        m_rows->addWidget(row);
    }
    for (const Attachment &a : std::as_const(m_forwarded)) {
        auto *label = new QLabel(tr("%1 (%2), sent with the forward").arg(a.name, compose::sizeText(a.size)), this);
        label->setObjectName(QStringLiteral("forwardedAttachment"));
        label->setToolTip(tr("The server attaches the original's files when it forwards the message"));
        label->setStyleSheet(QStringLiteral("color: palette(placeholder-text);"));
        m_rows->addWidget(label);
    }
    m_total->setText(m_attachments.isEmpty() ? QString() : compose::totalText(int(m_attachments.size()), total));
    m_total->setVisible(!m_attachments.isEmpty());
    setVisible(!m_attachments.isEmpty() || !m_forwarded.isEmpty());
}

} // namespace skein::ui
