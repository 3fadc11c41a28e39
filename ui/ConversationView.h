#pragma once

#include <QTreeView>

namespace skein::ui {

// The conversation list: a QTreeView over ConversationListModel with
// two-line uniform rows (ConversationDelegate). Arrows move, Right/Left
// expand/collapse (QTreeView), Enter opens (openRequested: the window
// focuses the reading pane), Space pages the reading pane (spacePressed).
class ConversationView : public QTreeView
{
    Q_OBJECT
public:
    explicit ConversationView(QWidget *parent = nullptr);

    // Selects the next conversation with unread mail after the current one,
    // loading further pages as needed (up to maxPages). False if none.
    bool selectNextUnread(int maxPages = 20);

Q_SIGNALS:
    void openRequested(const QModelIndex &index);
    void spacePressed();

protected:
    void keyPressEvent(QKeyEvent *event) override;
};

} // namespace skein::ui
