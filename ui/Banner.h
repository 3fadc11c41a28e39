#pragma once

#include <QFrame>

class QLabel;
class QToolButton;

namespace skein::ui {

// A dismissable bar across the top of the window for errors: what happened
// (bold) and what to do about it. Never a silent failure: anything the user
// must know about that is not an inline state shows here.
class Banner : public QFrame
{
    Q_OBJECT
public:
    explicit Banner(QWidget *parent = nullptr);

    // What the message is about. A sync's failure is no longer true once a
    // later sync succeeds (clear); anything else stays until dismissed or
    // replaced.
    enum class Topic { Other, Sync };

    void showMessage(const QString &message, const QString &whatToDo = {}, Topic topic = Topic::Other);
    // Hides the bar if it shows a message about `topic`.
    void clear(Topic topic);
    Topic topic() const { return m_topic; }
    QString message() const;
    QString whatToDo() const;

Q_SIGNALS:
    void dismissed();

private:
    QLabel *m_icon = nullptr;
    QLabel *m_message = nullptr;
    QLabel *m_whatToDo = nullptr;
    QToolButton *m_close = nullptr;
    Topic m_topic = Topic::Other;
};

} // namespace skein::ui
