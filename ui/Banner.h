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

    void showMessage(const QString &message, const QString &whatToDo = {});
    QString message() const;
    QString whatToDo() const;

Q_SIGNALS:
    void dismissed();

private:
    QLabel *m_icon = nullptr;
    QLabel *m_message = nullptr;
    QLabel *m_whatToDo = nullptr;
    QToolButton *m_close = nullptr;
};

} // namespace skein::ui
