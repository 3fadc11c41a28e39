#pragma once

#include "MailTypes.h"
#include "OutboxTypes.h"

#include <QFrame>
#include <QHash>
#include <QImage>
#include <QUrl>

class QLabel;
class QPushButton;
class QToolButton;
class QStackedWidget;

namespace skein::ui {

class AttachmentList;
class BodyView;
class MessageHeader;
class RemoteContentBar;

// One message in the reading pane: header, the remote-content bar when
// something was blocked, and the body, or, for a body the sync brought only
// truncated, "Loading the full message…" or the fetch error with Retry.
// The card only shows states; ReadingPane decides when to fetch.
class MessageCard : public QFrame
{
    Q_OBJECT
public:
    enum class BodyState { Shown, Loading, Failed };

    MessageCard(const Message &message, const QString &folderName, QWidget *parent = nullptr);

    const Message &message() const { return m_message; }
    void setMessage(const Message &message);
    // A collapsible card (conversation view) toggles on a header click.
    void setCollapsible(bool collapsible);
    void setExpanded(bool expanded);
    bool isExpanded() const { return m_expanded; }

    void showBody();
    void showLoading();
    void showFailed(const QString &error);
    BodyState bodyState() const { return m_state; }

    void setRemoteContentAllowed(bool allowed);
    void addRemoteImage(const QUrl &url, const QImage &image);
    MessageHeader *header() const { return m_header; }
    BodyView *bodyView() const { return m_body; }
    RemoteContentBar *remoteContentBar() const { return m_remoteBar; }
    // The attachments the server listed (MessageStore::attachments); shown under
    // the body, inline parts left out.
    void setAttachments(const QList<Attachment> &attachments);
    AttachmentList *attachmentList() const { return m_attachments; }
    // An inline image the body names by cid:, fetched after inlineImageNeeded().
    void addInlineImage(const QString &contentId, const QImage &image);
    QPushButton *retryButton() const { return m_retry; }
    // In a conversation a card shows the message's new text; the quote at
    // its end (QuotedText) comes back with "Show quoted text".
    QToolButton *quotedTextButton() const { return m_quotedButton; }
    bool isQuotedTextShown() const { return m_showQuoted; }
    void setQuotedTextShown(bool shown);
    // Header and, when expanded, body as plain text (accessibility, tests).
    QString text() const;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    void expandedChanged(bool expanded);
    void retryRequested(qint64 messageId); // local row id
    void alwaysAllowSender(const QString &address);
    void remoteImageNeeded(const QUrl &url);
    // The body shows this part of the message by cid: (at most 5 MB; each once).
    void inlineImageNeeded(qint64 messageId, const skein::Attachment &attachment);
    // The card's Reply / Reply all / Forward buttons: answer this message.
    void answerRequested(skein::OutboxKind kind, qint64 messageId, bool replyAll);

private:
    QWidget *createLoadingPage();
    QWidget *createErrorPage();
    QWidget *createAnswerBar();
    QString bodyHtml(); // notes whether a quote was cut
    QString fullBodyHtml(bool *quoteCut) const;
    QString serverPartOr(const QString &body, bool *quoteCut) const;
    void updateVisibility();
    void askForInlineImages();

    Message m_message;
    QString m_folderName;
    MessageHeader *m_header = nullptr;
    RemoteContentBar *m_remoteBar = nullptr;
    AttachmentList *m_attachments = nullptr;
    QWidget *m_answerBar = nullptr;
    QList<Attachment> m_allAttachments; // inline parts included
    QStringList m_inlineAsked;          // Content-IDs asked for already
    QStackedWidget *m_stack = nullptr;
    BodyView *m_body = nullptr;
    QLabel *m_partialNote = nullptr;
    QLabel *m_error = nullptr;
    QPushButton *m_retry = nullptr;
    QToolButton *m_quotedButton = nullptr;
    bool m_showQuoted = false;
    bool m_quoteCut = false; // the body shown has a quote to show or hide
    bool m_bodyShown = false;
    QHash<QString, QImage> m_inlineImages; // by Content-ID, as fetched
    BodyState m_state = BodyState::Shown;
    bool m_expanded = true;
    bool m_collapsible = false;
};

} // namespace skein::ui
