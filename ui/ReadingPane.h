#pragma once

#include <memory>

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QUrl>
#include <QWidget>

#include "OutboxTypes.h"

class QImage;
class QLabel;
class QScrollArea;
class QStackedWidget;
class QVBoxLayout;

namespace skein {
class ConversationModel;
class Store;
struct Message;
} // namespace skein

namespace skein::ui {

class AttachmentOpener;
class InlineReplyBox;
class MessageCard;
class RemoteImageLoader;

// The right-hand pane. For a conversation: its messages stacked oldest to
// newest by date (ConversationModel::messagesInTimeOrder; the reply tree
// stays in the conversation list), read ones collapsed to one line, a card
// not under the message it answers saying whom it answers, scrolled to the
// first unread, else to the newest, opened. For a single message: that message
// with all its headers. A body the sync brought truncated is asked for once
// (bodyRequested) and shows a busy placeholder until bodyFetched().
// Remote content stays blocked unless allowed for the message or, in
// QSettings "remoteContent/allowedSenders", for its sender; allowed images
// load through RemoteImageLoader, off the GUI thread.
class ReadingPane : public QWidget
{
    Q_OBJECT
public:
    explicit ReadingPane(Store &store, QWidget *parent = nullptr);
    ~ReadingPane() override;

    // A conversation (by ConversationId, or for a message without one by its
    // local row id, ConversationSummary::headId) as seen from the listed folder.
    void showConversation(const QByteArray &conversationId, qint64 messageId,
                          const QString &listedFolderId);
    // One message (a row of the reply tree), by local row id.
    void showMessage(qint64 messageId);
    // A message this computer does not keep (the server's search found it
    // outside the synced window): shown as the server described it.
    void showFoundMessage(const Message &message);
    void clear();
    // Re-reads what is shown after a sync; rebuilds only if messages came or went.
    void refresh();

    // The app delivers the outcome of a bodyRequested(); error empty = stored.
    void bodyFetched(qint64 messageId, const QString &error);

    // ---- Attachments (ReadingPaneAttachments.cpp) ----
    // The app reports on a saveAttachmentRequested() (SyncEngine::
    // attachmentProgress / attachmentSaved have these arguments). A save
    // the pane asked for to open an attachment is opened here when it ends.
    void attachmentProgress(qint64 messageId, const QString &fileReference, qint64 received, qint64 total);
    void attachmentSaved(qint64 messageId, const QString &fileReference, const QString &path,
                         const QString &error, bool cancelled);
    AttachmentOpener &attachmentOpener() { return *m_opener; }

    // Scrolls one page down; false when the end was already visible.
    bool pageDown();
    void focusContent();

    bool isEmpty() const;
    QList<MessageCard *> cards() const;
    // Everything shown, as plain text (tests, accessibility).
    QString text() const;
    static QStringList allowedSenders();

    // ---- Answering (ReadingPaneAnswer.cpp) ----
    // The message a reply from the pane answers: the card the user last
    // clicked, else the newest shown; 0 when nothing is shown.
    qint64 answerTargetId() const;
    InlineReplyBox *inlineReplyBox() const { return m_inlineReply; }

Q_SIGNALS:
    // The full body of the message with this local row id is wanted (not
    // its ServerId: that is unique only within a folder).
    void bodyRequested(qint64 messageId);
    // An image the user allowed is being fetched (by the pane's loader).
    void remoteContentRequested(const QUrl &url);
    // Fetch attachment fileReference of message messageId into path
    // (SyncEngine::saveAttachment): for Save As / Save All, and for Open
    // into a private temporary file the pane then opens.
    void saveAttachmentRequested(qint64 messageId, const QString &fileReference, const QString &path);
    // Stop that download (SyncEngine::cancelAttachment).
    void cancelAttachmentRequested(qint64 messageId, const QString &fileReference);
    // A card's Reply / Reply all / Forward button.
    void answerRequested(skein::OutboxKind kind, qint64 messageId, bool replyAll);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void rebuild(const QList<Message> &messages, bool conversation);
    MessageCard *addCard(const Message &message, bool collapsible);
    void prepareBody(MessageCard *card);
    void connectAttachments(MessageCard *card);
    MessageCard *cardFor(qint64 messageId) const;
    void scrollToFirstUnread();
    void labelAnswers();
    void allowSender(const QString &address);
    void requestImage(const QUrl &url);
    void imageLoaded(const QUrl &url, const QImage &image);
    QString folderName(const QString &folderId) const;
    void createInlineReply();
    void watchCardClicks(MessageCard *card);
    void chooseAnswerTarget(MessageCard *card);
    void updateInlineReply();
    void revealInlineReply();
    bool keepInlineReplyInView() const;

    Store &m_store;
    ConversationModel *m_model = nullptr;
    RemoteImageLoader *m_loader = nullptr; // created on first allowed image
    QStackedWidget *m_stack = nullptr;
    QLabel *m_placeholder = nullptr;
    QLabel *m_title = nullptr; // a conversation's subject, once above its cards
    QString m_listedFolderId;
    QScrollArea *m_scroll = nullptr;
    QWidget *m_content = nullptr;
    QVBoxLayout *m_cardsLayout = nullptr;
    QList<MessageCard *> m_cards;
    InlineReplyBox *m_inlineReply = nullptr;
    qint64 m_answerTargetId = 0; // a card the user clicked; 0: the newest
    bool m_revealInlineReply = false; // opened: scroll it into view at its next resize
    qint64 m_singleMessageId = 0;
    bool m_showingFound = false; // showFoundMessage: nothing in the store to re-read
    // By local row id.
    QSet<qint64> m_inFlight;              // bodyRequested, no answer yet
    QSet<qint64> m_fetched;               // answered without error: show what is stored
    QHash<qint64, QString> m_fetchErrors; // answered with an error, until Retry
    std::unique_ptr<AttachmentOpener> m_opener;
    QHash<QString, QString> m_openingTypes; // private path being fetched to open -> its content type
    QHash<QString, QString> m_inlineFetches; // private path being fetched -> the cid: image it is
};

} // namespace skein::ui
