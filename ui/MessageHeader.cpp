#include "MessageHeader.h"

#include "Icons.h"
#include "MailFormat.h"

#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QMouseEvent>
#include <QPainter>
#include <QTextDocumentFragment>

namespace skein::ui {

// A one-line label that elides its text to whatever width the layout gives
// it. A plain QLabel asks for its whole text's width as its minimum, which
// made long previews push the cards wider than the reading pane.
class ElidedLabel : public QLabel
{
public:
    explicit ElidedLabel(QWidget *parent)
        : QLabel(parent)
    {
        setTextFormat(Qt::PlainText);
        setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    }

    void setFullText(const QString &text)
    {
        m_full = text;
        updateGeometry();
        elide();
    }
    const QString &fullText() const { return m_full; }

    // Wants its whole text, but can shrink to a few characters.
    QSize sizeHint() const override
    {
        return {fontMetrics().horizontalAdvance(m_full) + 1, fontMetrics().height()};
    }
    QSize minimumSizeHint() const override
    {
        return {qMin(sizeHint().width(), fontMetrics().horizontalAdvance(QStringLiteral("Wwww\u2026"))),
                fontMetrics().height()};
    }

protected:
    void resizeEvent(QResizeEvent *event) override
    {
        QLabel::resizeEvent(event);
        elide();
    }
    void changeEvent(QEvent *event) override
    {
        QLabel::changeEvent(event);
        if (event->type() == QEvent::FontChange)
            elide();
    }

private:
    void elide()
    {
        const QString shown = fontMetrics().elidedText(m_full, Qt::ElideRight, width());
        if (shown != text())
            setText(shown);
        setToolTip(shown == m_full ? QString() : m_full);
    }

    QString m_full;
};

namespace {

// A header row: the label muted, the value as prepared HTML.
QString row(const QString &name, const QString &valueHtml, const QString &muted)
{
    if (valueHtml.isEmpty())
        return {};
    return QStringLiteral("<tr><td style=\"color:%3; padding-right:8px;\">%1</td><td>%2</td></tr>")
        .arg(name.toHtmlEscaped(), valueHtml, muted);
}

// An address that may wrap after its '@' and dots (zero-width spaces): a
// long one in a narrow pane must not stick out of the card.
QString breakableAddress(const QString &address)
{
    QString escaped = address.toHtmlEscaped();
    escaped.replace(QLatin1Char('@'), QStringLiteral("@\u200B"));
    escaped.replace(QLatin1Char('.'), QStringLiteral(".\u200B"));
    return escaped;
}

// "Lena Fischer <lena@x>, Demo User <demo@y>" with the addresses muted, so
// the names are what the eye finds first.
QString addressesHtml(const QString &addressList, const QString &muted)
{
    QStringList parts;
    for (const format::Mailbox &m : format::parseAddressList(addressList)) {
        if (m.name.isEmpty() || m.address.isEmpty()) {
            parts.append(m.name.isEmpty() ? breakableAddress(m.address) : m.name.toHtmlEscaped());
            continue;
        }
        parts.append(QStringLiteral("%1 <span style=\"color:%3;\">&lt;%2&gt;</span>")
                         .arg(m.name.toHtmlEscaped(), breakableAddress(m.address), muted));
    }
    return parts.join(QStringLiteral(", "));
}

// What a collapsed header previews: the server's Preview, else (SOGo and
// 12.1 send none) the start of the message's own text.
QString previewOf(const Message &m)
{
    if (!m.preview.isEmpty())
        return m.preview;
    if (!m.messagePart.isEmpty())
        return QTextDocumentFragment::fromHtml(QString::fromUtf8(m.messagePart)).toPlainText();
    const QString body = QString::fromUtf8(m.body.left(4096));
    if (m.bodyType == BodyType::Html)
        return QTextDocumentFragment::fromHtml(body).toPlainText();
    return m.bodyType == BodyType::PlainText ? body : QString();
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
    // Ignored: no minimum width from the longest word. A layout computes a
    // wrapped label's height for at least its minimum width, so a wide
    // minimum in a narrow pane left the rows cut off at the bottom. QLabel
    // keeps the height-for-width flag of this policy in step with word wrap.
    QSizePolicy policy = m_label->sizePolicy();
    policy.setHorizontalPolicy(QSizePolicy::Ignored);
    m_label->setSizePolicy(policy);

    m_sender = new ElidedLabel(this);
    m_preview = new ElidedLabel(this);
    // The preview takes what the sender leaves and is the first to shrink.
    m_preview->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);

    m_date = new QLabel(this);
    m_date->setAlignment(Qt::AlignRight | Qt::AlignTop);
    m_date->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Preferred);
    m_marks = new QLabel(this);
    m_marks->setAlignment(Qt::AlignRight | Qt::AlignTop);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 6, 8, 6);
    layout->setSpacing(8);
    layout->addWidget(m_label, 1);
    layout->addWidget(m_sender);
    layout->addWidget(m_preview, 1);
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
    refresh();
}

void MessageHeader::setInReplyTo(const QString &who)
{
    if (who == m_inReplyTo)
        return;
    m_inReplyTo = who;
    refresh();
}

QString MessageHeader::collapsedPreview() const
{
    const QString preview = format::firstLine(previewOf(m_message));
    return m_inReplyTo.isEmpty() ? preview : tr("in reply to %1 \u2014 %2").arg(m_inReplyTo, preview);
}

QString MessageHeader::text() const
{
    if (m_collapsed)
        return format::displayName(m_message.from) + QLatin1Char(' ') + collapsedPreview();
    QStringList lines{tr("From: %1").arg(format::addressListText(m_message.from)),
                      tr("To: %1").arg(format::addressListText(m_message.to))};
    if (!m_message.cc.isEmpty())
        lines << tr("Cc: %1").arg(format::addressListText(m_message.cc));
    lines << tr("Date: %1").arg(format::longDate(m_message.dateReceived))
          << tr("Subject: %1").arg(m_message.subject);
    if (!m_inReplyTo.isEmpty())
        lines << tr("In reply to: %1").arg(m_inReplyTo);
    if (!m_folderName.isEmpty())
        lines << tr("Folder: %1").arg(m_folderName);
    return lines.join(QLatin1Char('\n'));
}

// Secondary text: 62% of the way from the background to the text colour.
// The style's placeholder colour is too faint to read on white (about 3:1);
// this stays above 4.5:1 in light and dark palettes alike.
QString MessageHeader::mutedColour() const
{
    const QColor text = palette().color(QPalette::Text);
    const QColor base = palette().color(QPalette::Base);
    const auto mix = [](int a, int b) { return b + (a - b) * 62 / 100; };
    return QColor(mix(text.red(), base.red()), mix(text.green(), base.green()), mix(text.blue(), base.blue()))
        .name();
}

void MessageHeader::refresh()
{
    const QString muted = QStringLiteral("color: %1;").arg(mutedColour());
    m_preview->setStyleSheet(muted);
    m_date->setStyleSheet(muted);
    m_label->setVisible(!m_collapsed);
    m_sender->setVisible(m_collapsed);
    m_preview->setVisible(m_collapsed);
    if (m_collapsed) {
        QFont font = this->font();
        font.setBold(!m_message.read);
        m_sender->setFont(font);
        m_sender->setFullText(format::displayName(m_message.from));
        m_preview->setFullText(collapsedPreview());
    } else {
        m_label->setText(expandedHtml());
    }
    refreshMarks();
    updateDate();
    setAccessibleName(tr("Message from %1, %2")
                          .arg(format::displayName(m_message.from),
                               m_collapsed ? tr("collapsed") : tr("expanded")));
}

// Expanded headers show the full date when there is room for it next to a
// reasonable amount of title, else the short one: a date is never cut off.
void MessageHeader::updateDate()
{
    const QString full = format::longDate(m_message.dateReceived);
    QString shown = format::listDate(m_message.dateReceived);
    if (!m_collapsed) {
        const QFontMetrics fm = m_date->fontMetrics();
        const int marks = m_marks->isVisible() ? m_marks->sizeHint().width() + 8 : 0;
        const int room = width() - 16 - marks - 8 - 12 * fm.averageCharWidth();
        if (fm.horizontalAdvance(full) <= room)
            shown = full;
    }
    m_date->setToolTip(full);
    if (m_date->text() != shown)
        m_date->setText(shown);
}

void MessageHeader::resizeEvent(QResizeEvent *event)
{
    QFrame::resizeEvent(event);
    updateDate();
}

void MessageHeader::refreshMarks()
{
    // Flag and attachment as small icons (no font has them all).
    QStringList marks;
    if (m_message.flag.status == FlagStatus::Active)
        marks << QStringLiteral("mail-flag");
    if (m_message.hasAttachments)
        marks << QStringLiteral("mail-attachment");
    m_marks->setVisible(!marks.isEmpty());
    if (marks.isEmpty()) {
        // A zero-width pixmap has no paint engine: nothing to draw, no QPainter.
        m_marks->clear();
        m_marks->setAccessibleName(QString());
        return;
    }
    const qreal ratio = devicePixelRatioF();
    QPixmap strip(QSize(int(marks.size()) * 20 - 4, 16) * ratio);
    strip.setDevicePixelRatio(ratio);
    strip.fill(Qt::transparent);
    QPainter painter(&strip);
    for (int i = 0; i < marks.size(); ++i)
        themeIcon(marks.at(i)).paint(&painter, QRect(i * 20, 0, 16, 16));
    painter.end();
    m_marks->setPixmap(strip);
    QStringList names;
    if (m_message.flag.status == FlagStatus::Active)
        names << tr("Flagged");
    if (m_message.hasAttachments)
        names << tr("Has attachments");
    m_marks->setAccessibleName(names.join(QStringLiteral(", ")));
}

QString MessageHeader::expandedHtml() const
{
    const QString muted = mutedColour();
    QString html;
    QString fromRow;
    if (m_clickable) {
        // In a conversation: the sender is the title, the subject is above the cards.
        const format::Mailbox from = format::parseMailbox(m_message.from);
        html = QStringLiteral("<div style=\"font-weight:600;\">%1").arg(
            (from.name.isEmpty() ? from.address : from.name).toHtmlEscaped());
        if (!from.name.isEmpty() && !from.address.isEmpty())
            html += QStringLiteral(" <span style=\"font-weight:normal; color:%1;\">&lt;%2&gt;</span>")
                        .arg(muted, breakableAddress(from.address));
        html += QStringLiteral("</div>");
    } else {
        html = QStringLiteral("<div style=\"font-size:large; font-weight:600;\">%1</div>")
                   .arg((m_message.subject.isEmpty() ? tr("(no subject)") : m_message.subject).toHtmlEscaped());
        fromRow = row(tr("From"), addressesHtml(m_message.from, muted), muted);
    }
    html += QStringLiteral("<table cellspacing=\"0\" cellpadding=\"1\" style=\"margin-top:2px;\">");
    html += fromRow;
    html += row(tr("To"), addressesHtml(m_message.to, muted), muted);
    html += row(tr("Cc"), addressesHtml(m_message.cc, muted), muted);
    html += row(tr("In reply to"), m_inReplyTo.toHtmlEscaped(), muted);
    // The date sits top right: no row repeating it. The folder shows when
    // the pane says it is worth showing (ReadingPane leaves it empty otherwise).
    html += row(tr("Folder"), m_folderName.toHtmlEscaped(), muted);
    // Qt puts an empty paragraph after a table, a blank line above the
    // body; a 1px paragraph takes its place.
    html += QStringLiteral("</table><p style=\"margin:0; font-size:1px;\">&nbsp;</p>");
    return html;
}

void MessageHeader::changeEvent(QEvent *event)
{
    QFrame::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        refresh(); // the muted colour is computed from the palette
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
