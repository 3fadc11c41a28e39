#pragma once

#include <QStyledItemDelegate>

namespace skein::ui {

// Rows of the conversation list, two lines each so every row has the same
// height (QTreeView::uniformRowHeights keeps 100k rows cheap). Everything
// painted comes from model roles: no store access while painting.
//
// Conversation row:  participants (unread senders bold) ........ flag clip date
//                    subject ........................... [3]  2 unread
// Message row:       sender [Sent Items] …earlier messages not shown .... date
//                    first line of the preview
class ConversationDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    static int rowHeight(const QFont &font);

private:
    struct Context;
    void paintConversation(Context &c) const;
    void paintMessage(Context &c) const;
    int paintMarks(Context &c, int right, int top) const;
    static int paintPill(Context &c, int x, int top, const QString &text, const QColor &bg,
                         const QColor &fg, bool alignRight);
};

} // namespace skein::ui
