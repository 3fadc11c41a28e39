#include "FolderDelegate.h"

#include "Icons.h"
#include "MailTypes.h"
#include "ModelRoles.h"

#include <QApplication>
#include <QPainter>

namespace skein::ui {

QIcon FolderDelegate::iconForType(int folderType)
{
    switch (FolderType(folderType)) {
    case FolderType::Inbox:
        return themeIcon(QStringLiteral("mail-folder-inbox"));
    case FolderType::SentItems:
    case FolderType::Outbox:
        return themeIcon(QStringLiteral("mail-send"));
    case FolderType::DeletedItems:
        return themeIcon(QStringLiteral("user-trash"));
    default:
        return themeIcon(QStringLiteral("folder"));
    }
}

void FolderDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    option->features |= QStyleOptionViewItem::HasDecoration;
    const bool account = index.data(IsAccountRole).toBool();
    option->icon = account ? themeIcon(QStringLiteral("user-identity")) : iconForType(index.data(FolderTypeRole).toInt());
    if (account || index.data(UnreadCountRole).toInt() > 0)
        option->font.setBold(true);
}

void FolderDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                           const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const int unread = index.data(UnreadCountRole).toInt();
    const QString count = unread > 0 ? QString::number(unread) : QString();
    QStyle *style = opt.widget ? opt.widget->style() : QApplication::style();

    // Let the style draw background, icon and (elided) name in the room left
    // of the count, then draw the count in the name's colour.
    const QFontMetrics fm(opt.font);
    const int countWidth = count.isEmpty() ? 0 : fm.horizontalAdvance(count) + 12;
    const QString name = opt.text;
    opt.text.clear();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);

    QRect textRect = style->subElementRect(QStyle::SE_ItemViewItemText, &opt, opt.widget);
    const bool selected = opt.state & QStyle::State_Selected;
    const QPalette::ColorRole role = selected ? QPalette::HighlightedText : QPalette::Text;
    painter->save();
    painter->setFont(opt.font);
    const QPalette::ColorGroup group = opt.state & QStyle::State_Enabled ? QPalette::Normal : QPalette::Disabled;
    painter->setPen(opt.palette.color(group, role));
    const QRect nameRect = textRect.adjusted(2, 0, -countWidth, 0);
    const QString elided = fm.elidedText(name, Qt::ElideRight, nameRect.width());
    painter->drawText(nameRect, Qt::AlignLeft | Qt::AlignVCenter, elided);
    if (!count.isEmpty()) {
        const int x = nameRect.left() + fm.horizontalAdvance(elided) + 6;
        const QRect countRect(x, textRect.top(), countWidth, textRect.height());
        painter->setPen(selected ? opt.palette.color(QPalette::HighlightedText)
                                 : opt.palette.color(QPalette::Link));
        painter->drawText(countRect, Qt::AlignLeft | Qt::AlignVCenter, count);
    }
    painter->restore();
}

QSize FolderDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    const int unread = index.data(UnreadCountRole).toInt();
    if (unread > 0)
        size.rwidth() += QFontMetrics(option.font).horizontalAdvance(QString::number(unread)) + 12;
    return size.expandedTo(QSize(0, 24));
}

} // namespace skein::ui
