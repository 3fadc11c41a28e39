#pragma once

#include <QStyledItemDelegate>

namespace skein::ui {

// Folder tree rows: type icon, name (bold when it has unread mail) and the
// unread count after it, like every mail client users come from.
class FolderDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    static QIcon iconForType(int folderType);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
};

} // namespace skein::ui
