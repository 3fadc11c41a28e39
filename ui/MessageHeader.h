#pragma once

#include "MailTypes.h"

#include <QFrame>

class QLabel;

namespace skein::ui {

// The header of one message in the reading pane. Expanded: From, To, Cc,
// Date, Subject and folder. Collapsed: a single line (sender, first line of
// the preview, date) that expands the message when clicked; read messages
// of a conversation start collapsed, like Outlook and Thunderbird.
class MessageHeader : public QFrame
{
    Q_OBJECT
public:
    explicit MessageHeader(QWidget *parent = nullptr);

    void setMessage(const Message &message, const QString &folderName);
    void setCollapsed(bool collapsed);
    bool isCollapsed() const { return m_collapsed; }
    // Whether a click toggles: off for a message shown on its own.
    void setClickable(bool clickable);
    QString text() const;

Q_SIGNALS:
    void clicked();

protected:
    void mouseReleaseEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    void refresh();
    QString expandedHtml() const;
    QString collapsedHtml() const;

    Message m_message;
    QString m_folderName;
    QLabel *m_label = nullptr;
    QLabel *m_date = nullptr;
    QLabel *m_marks = nullptr;
    bool m_collapsed = false;
    bool m_clickable = false;
};

} // namespace skein::ui
