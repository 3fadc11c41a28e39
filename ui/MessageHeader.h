#pragma once

#include "MailTypes.h"

#include <QFrame>

class QLabel;

namespace skein::ui {

class ElidedLabel;

// The header of one message in the reading pane. Expanded: subject, From,
// To, Cc and folder, date top right. Collapsed: a single line (sender,
// first line of the preview, date) that expands the message when clicked;
// read messages of a conversation start collapsed, like Outlook and
// Thunderbird. Neither form asks for more width than the pane has: names
// and previews elide, address rows wrap, so the date always stays visible.
class MessageHeader : public QFrame
{
    Q_OBJECT
public:
    explicit MessageHeader(QWidget *parent = nullptr);

    void setMessage(const Message &message, const QString &folderName);
    void setCollapsed(bool collapsed);
    bool isCollapsed() const { return m_collapsed; }
    // Whether a click toggles: off for a message shown on its own. In a
    // conversation the pane shows the subject once above the cards, so an
    // expanded header leads with the sender instead of repeating it.
    void setClickable(bool clickable);
    // Whom the message answers ("Ben User, 27 Oct") when the card above is
    // not that message; empty: nothing to say.
    void setInReplyTo(const QString &who);
    QString inReplyTo() const { return m_inReplyTo; }
    QString text() const;
    // The date at the top right (tests check it is never cut off).
    QLabel *dateLabel() const { return m_date; }

Q_SIGNALS:
    void clicked();

protected:
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    void refresh();
    void refreshMarks();
    void updateDate();
    QString expandedHtml() const;
    QString collapsedPreview() const;
    QString mutedColour() const;

    Message m_message;
    QString m_folderName;
    QString m_inReplyTo;
    QLabel *m_label = nullptr;         // expanded: subject and address rows
    ElidedLabel *m_sender = nullptr;   // collapsed: sender
    ElidedLabel *m_preview = nullptr;  // collapsed: first line of the preview
    QLabel *m_date = nullptr;
    QLabel *m_marks = nullptr;
    bool m_collapsed = false;
    bool m_clickable = false;
};

} // namespace skein::ui
