#pragma once

#include <QFrame>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QToolButton;

namespace skein {
struct Message;
}

namespace skein::ui {

// Outlook's reply box under a conversation (objectName inlineReplyBox): a
// collapsed "Reply…" that opens into a small editor answering the message
// the reading pane has chosen (the card last clicked, else the newest),
// with Send, a Reply all toggle, Pop out (the full composer with the text)
// and Discard. It only collects the text; the app builds and sends it.
class InlineReplyBox : public QFrame
{
    Q_OBJECT
public:
    explicit InlineReplyBox(QWidget *parent = nullptr);

    // The message a reply answers; 0 / an empty message: nothing to answer (hidden).
    void setTarget(const Message &message);
    qint64 targetId() const { return m_targetId; }
    bool isExpanded() const;
    bool isReplyAll() const;
    QString text() const;
    QLabel *targetLabel() const { return m_label; }
    QPlainTextEdit *editor() const { return m_editor; }

    // The app could not take the reply: shown in the box, the text stays.
    void setSendError(const QString &message);

public Q_SLOTS:
    void expand();
    // Back to "Reply…" with an empty editor (after a send, pop-out or discard).
    void reset();

Q_SIGNALS:
    void sendRequested(qint64 messageId, bool replyAll, const QString &text);
    void popOutRequested(qint64 messageId, bool replyAll, const QString &text);
    void discarded();
    // The user opened the box or it now answers another message: a reply
    // to messageId is being written (the app fetches its reply headers).
    void replyStarted(qint64 messageId);

private:
    void send();

    qint64 m_targetId = 0;
    QPushButton *m_open = nullptr;
    QWidget *m_expanded = nullptr;
    QLabel *m_label = nullptr;
    QLabel *m_error = nullptr;
    QPlainTextEdit *m_editor = nullptr;
    QToolButton *m_replyAll = nullptr;
    QPushButton *m_send = nullptr;
    QPushButton *m_popOut = nullptr;
    QPushButton *m_discard = nullptr;
};

} // namespace skein::ui
