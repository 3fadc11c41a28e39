#pragma once

#include <QFrame>

class QLabel;
class QPushButton;

namespace skein::ui {

// "Remote content was blocked to protect your privacy." with the two ways to
// allow it: for this message only, or always for this sender.
class RemoteContentBar : public QFrame
{
    Q_OBJECT
public:
    explicit RemoteContentBar(QWidget *parent = nullptr);

    // Empty sender: the "Always for" button is hidden.
    void setSender(const QString &address);
    QPushButton *showOnceButton() const { return m_once; }
    QPushButton *alwaysButton() const { return m_always; }

Q_SIGNALS:
    void showForMessage();
    void alwaysForSender(const QString &address);

private:
    QLabel *m_text = nullptr;
    QPushButton *m_once = nullptr;
    QPushButton *m_always = nullptr;
    QString m_sender;
};

} // namespace skein::ui
