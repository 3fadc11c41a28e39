#include "MessageHeader.h"

#include "Icons.h"
#include "MailFormat.h"

#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QMouseEvent>
#include <QPainter>

namespace skein::ui {

namespace {

QString row(const QString &name, const QString &value)
{
    if (value.trimmed().isEmpty())
        return {};
    return QStringLiteral("<tr><td style=\"color:palette(placeholder-text); padding-right:8px;\">%1</td>"
                          "<td>%2</td></tr>")
        .arg(name.toHtmlEscaped(), value.toHtmlEscaped());
}

} // namespace

MessageHeader::MessageHeader(QWidget *parent)
    : QFrame(parent)
{
    setObjectName(QStringLiteral("messageHeader"));
    m_label = new QLabel(this);
    m_label->setTextFormat(Qt::RichText);
    m_label->setWordWrap(true);
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_date = new QLabel(this);
    m_date->setAlignment(Qt::AlignRight | Qt::AlignTop);
    m_marks = new QLabel(this);
    m_marks->setAlignment(Qt::AlignRight | Qt::AlignTop);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 6, 8, 6);
    layout->addWidget(m_label, 1);
    layout->addWidget(m_marks, 0, Qt::AlignTop);
    layout->addWidget(m_date, 0, Qt::AlignTop);
}

void MessageHeader::setMessage(const Message &message, const QString &folderName)
{
    m_message = message;
    m_folderName = folderName;
    refresh();
}

void MessageHeader::setCollapsed(bool collapsed)
{
    m_collapsed = collapsed;
    refresh();
}

void MessageHeader::setClickable(bool clickable)
{
    m_clickable = clickable;
    setCursor(clickable ? Qt::PointingHandCursor : Qt::ArrowCursor);
    setFocusPolicy(clickable ? Qt::TabFocus : Qt::NoFocus);
    m_label->setTextInteractionFlags(clickable ? Qt::NoTextInteraction : Qt::TextSelectableByMouse);
}

QString MessageHeader::text() const
{
    if (m_collapsed)
        return format::displayName(m_message.from) + QLatin1Char(' ') + format::firstLine(m_message.preview);
    QStringList lines{tr("From: %1").arg(m_message.from), tr("To: %1").arg(m_message.to)};
    if (!m_message.cc.isEmpty())
        lines << tr("Cc: %1").arg(m_message.cc);
    lines << tr("Date: %1").arg(format::longDate(m_message.dateReceived))
          << tr("Subject: %1").arg(m_message.subject) << tr("Folder: %1").arg(m_folderName);
    return lines.join(QLatin1Char('\n'));
}

void MessageHeader::refresh()
{
    m_label->setText(m_collapsed ? collapsedHtml() : expandedHtml());
    m_label->setWordWrap(!m_collapsed);
    m_date->setText(m_collapsed ? format::listDate(m_message.dateReceived)
                                : format::longDate(m_message.dateReceived));
    // Flag and attachment as small icons (no font has them all).
    QStringList marks;
    if (m_message.flag.status == FlagStatus::Active)
        marks << QStringLiteral("mail-flag");
    if (m_message.hasAttachments)
        marks << QStringLiteral("mail-attachment");
    QPixmap strip(marks.size() * 20, 16);
    strip.fill(Qt::transparent);
    QPainter painter(&strip);
    for (int i = 0; i < marks.size(); ++i)
        themeIcon(marks.at(i)).paint(&painter, QRect(i * 20, 0, 16, 16));
    painter.end();
    m_marks->setPixmap(strip);
    m_marks->setVisible(!marks.isEmpty());
    m_marks->setAccessibleName(marks.isEmpty() ? QString()
                               : m_message.hasAttachments ? tr("Has attachments") : tr("Flagged"));
    setAccessibleName(tr("Message from %1, %2")
                          .arg(format::displayName(m_message.from),
                               m_collapsed ? tr("collapsed") : tr("expanded")));
}

QString MessageHeader::expandedHtml() const
{
    QString html = QStringLiteral("<div style=\"font-size:large; font-weight:600;\">%1</div>")
                       .arg(m_message.subject.toHtmlEscaped());
    html += QStringLiteral("<table cellspacing=\"0\" cellpadding=\"1\">");
    html += row(tr("From"), m_message.from);
    html += row(tr("To"), m_message.to);
    html += row(tr("Cc"), m_message.cc);
    // Subject is the title and the date sits top right: no rows repeating them.
    html += row(tr("Folder"), m_folderName);
    html += QStringLiteral("</table>");
    return html;
}

QString MessageHeader::collapsedHtml() const
{
    const QString weight = m_message.read ? QStringLiteral("normal") : QStringLiteral("bold");
    QString line = format::firstLine(m_message.preview);
    if (line.size() > 160)
        line = line.left(160) + QStringLiteral("\u2026");
    return QStringLiteral("<span style=\"font-weight:%1;\">%2</span>&nbsp;&nbsp;"
                          "<span style=\"color:palette(placeholder-text);\">%3</span>")
        .arg(weight, format::displayName(m_message.from).toHtmlEscaped(), line.toHtmlEscaped());
}

void MessageHeader::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_clickable && event->button() == Qt::LeftButton)
        Q_EMIT clicked();
    QFrame::mouseReleaseEvent(event);
}

void MessageHeader::keyPressEvent(QKeyEvent *event)
{
    if (m_clickable && (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter)) {
        Q_EMIT clicked();
        return;
    }
    QFrame::keyPressEvent(event);
}

} // namespace skein::ui
