#pragma once

#include <QWidget>

class QAbstractItemView;

namespace skein {
class Store;
} // namespace skein

namespace skein::ui {

class ConversationNotice;
class ReadingPane;

// The right-hand column: a notice for a conversation with a rule, how the
// shown conversation was threaded when the server did not do it, and the
// reading pane below them.
class ReadingColumn : public QWidget
{
    Q_OBJECT
public:
    // list: the conversation list whose current row the threading note follows.
    ReadingColumn(skein::Store &store, ReadingPane *pane, QAbstractItemView *list, QWidget *parent = nullptr);

    ConversationNotice *notice() const { return m_notice; }
    // text empty: the notice hides.
    void showNotice(const QString &text, const QString &buttonText);

private:
    ConversationNotice *m_notice;
};

} // namespace skein::ui
