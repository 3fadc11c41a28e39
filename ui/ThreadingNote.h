#pragma once

#include <QLabel>

namespace skein {
class Store;
}

namespace skein::ui {

// A quiet line above the reading pane when the server did not thread the
// shown conversation: "Reply tree inferred from reply headers." / "Ordered
// by date: the server sent no reply tree." and, for a conversation Skein
// grouped itself, "(inferred)" wording (skein::threadingNote). Hidden for
// Exchange-style conversations and single messages.
class ThreadingNote : public QLabel
{
    Q_OBJECT
public:
    explicit ThreadingNote(const skein::Store &store, QWidget *parent = nullptr);

    // The conversation now shown; empty: a message without one (no note).
    void showConversation(const QByteArray &conversationId);

private:
    const skein::Store &m_store;
};

} // namespace skein::ui
