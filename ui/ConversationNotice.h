#pragma once

#include <QFrame>

class QLabel;
class QPushButton;

namespace skein::ui {

// A quiet bar above the reading pane for a conversation with a rule:
// "You are ignoring this conversation…" with a Stop Ignoring… button.
class ConversationNotice : public QFrame
{
    Q_OBJECT
public:
    explicit ConversationNotice(QWidget *parent = nullptr);

    void showNotice(const QString &text, const QString &buttonText);
    QString text() const;
    QPushButton *button() const { return m_button; }

Q_SIGNALS:
    void buttonClicked();

private:
    QLabel *m_icon = nullptr;
    QLabel *m_text = nullptr;
    QPushButton *m_button = nullptr;
};

} // namespace skein::ui
