#include "ConversationView.h"

#include "ConversationDelegate.h"
#include "ModelRoles.h"

#include <QHeaderView>
#include <QKeyEvent>

namespace skein::ui {

ConversationView::ConversationView(QWidget *parent)
    : QTreeView(parent)
{
    setObjectName(QStringLiteral("conversationView"));
    setAccessibleName(tr("Conversations"));
    setItemDelegate(new ConversationDelegate(this));
    setUniformRowHeights(true); // every row is two lines: 100k rows stay cheap
    setHeaderHidden(true);      // SortHeader above the list sorts
    setIndentation(14);
    setRootIsDecorated(true);
    setAllColumnsShowFocus(true);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    setExpandsOnDoubleClick(true);
    setAlternatingRowColors(false);
    header()->setStretchLastSection(true);
}

void ConversationView::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Return:
    case Qt::Key_Enter:
        if (currentIndex().isValid())
            Q_EMIT openRequested(currentIndex());
        event->accept();
        return;
    case Qt::Key_Space:
        if (event->modifiers() == Qt::NoModifier) {
            Q_EMIT spacePressed();
            event->accept();
            return;
        }
        break;
    default:
        break;
    }
    QTreeView::keyPressEvent(event);
}

bool ConversationView::selectNextUnread(int maxPages)
{
    QAbstractItemModel *m = model();
    if (!m)
        return false;
    QModelIndex current = currentIndex();
    while (current.parent().isValid())
        current = current.parent();
    int row = current.isValid() ? current.row() + 1 : 0;
    for (int page = 0; page <= maxPages; ++page) {
        for (; row < m->rowCount(); ++row) {
            const QModelIndex candidate = m->index(row, 0);
            if (candidate.data(UnreadCountRole).toInt() > 0) {
                setCurrentIndex(candidate);
                scrollTo(candidate);
                return true;
            }
        }
        if (!m->canFetchMore({}))
            break;
        m->fetchMore({});
    }
    return false;
}

} // namespace skein::ui
