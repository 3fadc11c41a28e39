#include "ConversationDelegate.h"

#include "Icons.h"
#include "MailFormat.h"
#include "MailTypes.h"
#include "ModelRoles.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>

namespace skein::ui {

namespace {

constexpr int hPad = 6;
constexpr int vPad = 4;
constexpr int lineGap = 2;

QColor mutedColor(const QStyleOptionViewItem &opt, bool selected)
{
    QColor c = opt.palette.color(selected ? QPalette::HighlightedText : QPalette::Text);
    c.setAlphaF(0.6f);
    return c;
}

void drawFlag(QPainter *p, const QRectF &r, const QColor &colour)
{
    p->save();
    p->setRenderHint(QPainter::Antialiasing);
    p->setPen(QPen(colour, 1.4));
    p->drawLine(QPointF(r.left() + 1, r.top()), QPointF(r.left() + 1, r.bottom()));
    QPainterPath banner;
    banner.moveTo(r.left() + 1, r.top());
    banner.lineTo(r.right(), r.top() + r.height() * 0.25);
    banner.lineTo(r.left() + 1, r.top() + r.height() * 0.55);
    banner.closeSubpath();
    p->fillPath(banner, colour);
    p->restore();
}

void drawPaperclip(QPainter *p, const QRectF &r, const QColor &colour)
{
    p->save();
    p->setRenderHint(QPainter::Antialiasing);
    p->setPen(QPen(colour, 1.3));
    p->setBrush(Qt::NoBrush);
    const qreal w = qMin(r.width(), r.height() * 0.55);
    const QRectF outer(r.center().x() - w / 2, r.top(), w, r.height());
    p->drawRoundedRect(outer, w / 2, w / 2);
    const QRectF inner = outer.adjusted(w * 0.28, w * 0.45, -w * 0.28, -r.height() * 0.3);
    p->drawRoundedRect(inner, inner.width() / 2, inner.width() / 2);
    p->restore();
}

} // namespace

struct ConversationDelegate::Context {
    QPainter *painter;
    QStyleOptionViewItem opt;
    QModelIndex index;
    QRect rect;  // content rectangle, padding removed
    QFont font;
    QFont bold;
    QFont small;
    bool selected;
    QColor text;
    QColor muted;
    int line1;   // top of the first line
    int line2;   // top of the second line
    int lineHeight;
};

int ConversationDelegate::rowHeight(const QFont &font)
{
    return 2 * QFontMetrics(font).height() + lineGap + 2 * vPad;
}

QSize ConversationDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    return {200, rowHeight(option.font)};
}

void ConversationDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                                 const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    opt.icon = QIcon();
    opt.features &= ~QStyleOptionViewItem::HasDecoration;
    QStyle *style = opt.widget ? opt.widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget); // background, focus

    Context c{painter, opt, index, opt.rect.adjusted(hPad, vPad, -hPad, -vPad), opt.font, opt.font,
              opt.font, bool(opt.state & QStyle::State_Selected), {}, {}, 0, 0, 0};
    c.bold.setBold(true);
    c.small.setPointSizeF(qMax(6.0, opt.font.pointSizeF() * 0.85));
    c.text = opt.palette.color(c.selected ? QPalette::HighlightedText : QPalette::Text);
    c.muted = mutedColor(opt, c.selected);
    c.lineHeight = QFontMetrics(opt.font).height();
    c.line1 = c.rect.top();
    c.line2 = c.rect.top() + c.lineHeight + lineGap;

    painter->save();
    painter->setClipRect(opt.rect);
    if (index.data(IsConversationRole).toBool() || !index.parent().isValid())
        paintConversation(c);
    else
        paintMessage(c);
    painter->restore();
}

void ConversationDelegate::paintConversation(Context &c) const
{
    QPainter *p = c.painter;
    const int unread = c.index.data(UnreadCountRole).toInt();
    const int count = c.index.data(MessageCountRole).toInt();
    const QStringList participants = c.index.data(ParticipantsRole).toStringList();
    const QStringList unreadSenders = c.index.data(UnreadSendersRole).toStringList();

    // Line 1, right to left: date, then the marks; the participants get the rest.
    const QString date = format::listDate(c.index.data(LatestDateRole).toDateTime());
    p->setFont(unread > 0 ? c.bold : c.font);
    p->setPen(unread > 0 ? c.text : c.muted);
    const int dateWidth = p->fontMetrics().horizontalAdvance(date);
    p->drawText(QRect(c.rect.right() - dateWidth, c.line1, dateWidth, c.lineHeight),
                Qt::AlignRight | Qt::AlignVCenter, date);
    const int marksLeft = paintMarks(c, c.rect.right() - dateWidth - 8, c.line1);

    int x = c.rect.left();
    const int limit = marksLeft - 8;
    for (int i = 0; i < participants.size() && x < limit; ++i) {
        const QString &sender = participants.at(i);
        const bool isUnread = unreadSenders.contains(sender);
        p->setFont(isUnread ? c.bold : c.font);
        p->setPen(c.text);
        QString name = format::displayName(sender);
        if (i + 1 < participants.size())
            name += QStringLiteral(", ");
        const QFontMetrics fm = p->fontMetrics();
        const QString shown = fm.elidedText(name, Qt::ElideRight, limit - x);
        p->drawText(QRect(x, c.line1, limit - x, c.lineHeight), Qt::AlignLeft | Qt::AlignVCenter, shown);
        x += fm.horizontalAdvance(shown);
        if (shown != name)
            break;
    }

    // Line 2: subject, then message count pill and unread count on the right.
    int right = c.rect.right();
    if (unread > 0) {
        const QString text = tr("%1 unread").arg(unread);
        // Inverted on a selected row: a highlight-coloured pill on the
        // highlight would vanish and leave white text floating.
        const QColor accent = c.opt.palette.color(QPalette::Highlight);
        const QColor onAccent = c.opt.palette.color(QPalette::HighlightedText);
        right = paintPill(c, right, c.line2, text, c.selected ? onAccent : accent,
                          c.selected ? accent : onAccent, true) - 4;
    }
    if (count > 1) {
        QColor bg = c.muted;
        bg.setAlphaF(0.18f);
        right = paintPill(c, right, c.line2, QString::number(count), bg, c.text, true) - 6;
    }
    // A row of All Inboxes names its account.
    if (c.index.data(IsOtherFolderRole).toBool()) {
        QColor bg = c.muted;
        bg.setAlphaF(0.15f);
        right = paintPill(c, right, c.line2, c.index.data(FolderNameRole).toString(), bg, c.muted, true) - 6;
    }
    p->setFont(unread > 0 ? c.bold : c.font);
    p->setPen(c.text);
    QString subject = c.index.data(SubjectRole).toString();
    if (subject.isEmpty())
        subject = c.index.data(Qt::DisplayRole).toString();
    const QRect subjectRect(c.rect.left(), c.line2, right - c.rect.left(), c.lineHeight);
    p->drawText(subjectRect, Qt::AlignLeft | Qt::AlignVCenter,
                p->fontMetrics().elidedText(subject.isEmpty() ? tr("(no subject)") : subject,
                                            Qt::ElideRight, subjectRect.width()));
}

void ConversationDelegate::paintMessage(Context &c) const
{
    QPainter *p = c.painter;
    const bool read = c.index.data(ReadRole).toBool();
    const QString date = format::listDate(c.index.data(LatestDateRole).toDateTime());
    p->setFont(c.font);
    p->setPen(c.muted);
    const int dateWidth = p->fontMetrics().horizontalAdvance(date);
    p->drawText(QRect(c.rect.right() - dateWidth, c.line1, dateWidth, c.lineHeight),
                Qt::AlignRight | Qt::AlignVCenter, date);
    const int limit = paintMarks(c, c.rect.right() - dateWidth - 8, c.line1) - 8;

    // Unread dot in the left padding.
    if (!read) {
        p->setRenderHint(QPainter::Antialiasing);
        p->setPen(Qt::NoPen);
        p->setBrush(c.selected ? c.text : c.opt.palette.color(QPalette::Highlight));
        p->drawEllipse(QPointF(c.rect.left() - 1, c.line1 + c.lineHeight / 2.0), 2.5, 2.5);
    }
    int x = c.rect.left() + 4;
    p->setFont(read ? c.font : c.bold);
    p->setPen(c.text);
    const QString sender = format::displayName(c.index.data(SenderRole).toString());
    const QString shown = p->fontMetrics().elidedText(sender, Qt::ElideRight, qMax(0, limit - x));
    p->drawText(QRect(x, c.line1, limit - x, c.lineHeight), Qt::AlignLeft | Qt::AlignVCenter, shown);
    x += p->fontMetrics().horizontalAdvance(shown) + 8;

    if (c.index.data(IsOtherFolderRole).toBool() && x < limit) {
        QColor bg = c.muted;
        bg.setAlphaF(0.15f);
        x = paintPill(c, x, c.line1, c.index.data(FolderNameRole).toString(), bg, c.muted, false) + 8;
    }
    if (c.index.data(GapAboveRole).toBool() && x < limit) {
        QFont italic = c.small;
        italic.setItalic(true);
        p->setFont(italic);
        p->setPen(c.muted);
        // Two literals: lupdate would read "\u2026ea" as one escape.
        const QString gap = tr("\u2026" "earlier messages not shown");
        p->drawText(QRect(x, c.line1, limit - x, c.lineHeight), Qt::AlignLeft | Qt::AlignVCenter,
                    p->fontMetrics().elidedText(gap, Qt::ElideRight, limit - x));
    }

    p->setFont(c.font);
    p->setPen(c.muted);
    const QRect previewRect(c.rect.left() + 4, c.line2, c.rect.width() - 4, c.lineHeight);
    const QString preview = format::firstLine(c.index.data(PreviewRole).toString());
    p->drawText(previewRect, Qt::AlignLeft | Qt::AlignVCenter,
                p->fontMetrics().elidedText(preview, Qt::ElideRight, previewRect.width()));
}

// Draws flag and attachment marks ending at `right`; returns their left edge.
// Theme icons when there are any, else simple drawn shapes (no font needed).
int ConversationDelegate::paintMarks(Context &c, int right, int top) const
{
    const int size = qMin(16, c.lineHeight);
    const int y = top + (c.lineHeight - size) / 2;
    int x = right;
    auto mark = [&](const QString &iconName, void (*fallback)(QPainter *, const QRectF &, const QColor &),
                    const QColor &colour) {
        x -= size;
        const QRect box(x, y, size, size);
        const QPixmap pixmap = themeIcon(iconName).pixmap(box.size());
        if (!pixmap.isNull())
            c.painter->drawPixmap(box, pixmap);
        else
            fallback(c.painter, QRectF(box).adjusted(2, 1, -2, -1), colour);
        x -= 4;
    };
    if (c.index.data(HasAttachmentsRole).toBool())
        mark(QStringLiteral("mail-attachment"), &drawPaperclip, c.muted);
    if (c.index.data(FlaggedRole).toBool())
        mark(QStringLiteral("mail-flag"), &drawFlag, c.selected ? c.text : QColor(0xc4, 0x2b, 0x1c));
    return x;
}

// A rounded label; `x` is its left edge, or its right edge when alignRight.
// Returns the other edge.
int ConversationDelegate::paintPill(Context &c, int x, int top, const QString &text, const QColor &bg,
                                    const QColor &fg, bool alignRight)
{
    QPainter *p = c.painter;
    p->setFont(c.small);
    const QFontMetrics fm = p->fontMetrics();
    const int width = fm.horizontalAdvance(text) + 10;
    const int height = qMin(c.lineHeight, fm.height() + 2);
    const QRect pill(alignRight ? x - width : x, top + (c.lineHeight - height) / 2, width, height);
    p->setRenderHint(QPainter::Antialiasing);
    p->setPen(Qt::NoPen);
    p->setBrush(bg);
    p->drawRoundedRect(pill, height / 2.0, height / 2.0);
    p->setPen(fg);
    p->drawText(pill, Qt::AlignCenter, text);
    return alignRight ? pill.left() : pill.right();
}

} // namespace skein::ui
