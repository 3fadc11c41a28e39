// The reading pane's part in attachments: cards ask, the app fetches
// (SyncEngine, off the GUI thread), the pane routes the answers back and
// opens what was fetched to be opened.

#include "AttachmentList.h"
#include "AttachmentOpener.h"
#include "MessageCard.h"
#include "ReadingPane.h"
#include "Store.h"

#include <QFile>
#include <QImage>

namespace skein::ui {

void ReadingPane::connectAttachments(MessageCard *card)
{
    card->setAttachments(m_store.messageStore().attachments(card->message().id));
    AttachmentList *list = card->attachmentList();
    connect(list, &AttachmentList::saveRequested, this,
            [this](qint64 messageId, const Attachment &a, const QString &path) {
        Q_EMIT saveAttachmentRequested(messageId, a.fileReference, path);
    });
    connect(list, &AttachmentList::openRequested, this, [this, list](qint64 messageId, const Attachment &a) {
        QString error;
        const QString path = m_opener->pathFor(a.name, &error);
        if (path.isEmpty()) {
            list->setFinished(a.fileReference, error, false);
            return;
        }
        m_openingTypes.insert(path, a.contentType);
        Q_EMIT saveAttachmentRequested(messageId, a.fileReference, path);
    });
    connect(list, &AttachmentList::cancelRequested, this, &ReadingPane::cancelAttachmentRequested);
    connect(card, &MessageCard::inlineImageNeeded, this, [this](qint64 messageId, const Attachment &a) {
        QString error;
        const QString path = m_opener->pathFor(a.name, &error);
        if (path.isEmpty())
            return; // the image stays a placeholder; the text is all there
        m_inlineFetches.insert(path, a.contentId);
        Q_EMIT saveAttachmentRequested(messageId, a.fileReference, path);
    });
}

MessageCard *ReadingPane::cardFor(qint64 messageId) const
{
    for (MessageCard *card : m_cards)
        if (card->message().id == messageId)
            return card;
    return nullptr;
}

void ReadingPane::attachmentProgress(qint64 messageId, const QString &fileReference, qint64 received, qint64 total)
{
    if (MessageCard *card = cardFor(messageId))
        card->attachmentList()->setProgress(fileReference, received, total);
}

void ReadingPane::attachmentSaved(qint64 messageId, const QString &fileReference, const QString &path,
                                  const QString &error, bool cancelled)
{
    if (m_inlineFetches.contains(path)) {
        const QString contentId = m_inlineFetches.take(path);
        if (MessageCard *card = cardFor(messageId); card && error.isEmpty() && !cancelled)
            card->addInlineImage(contentId, QImage(path)); // small (at most 5 MB), decoded once
        QFile::remove(path);
        return;
    }
    QString outcome = error;
    if (m_openingTypes.contains(path)) {
        // The type the server answered with now, or else what Sync listed.
        QString type = m_openingTypes.take(path);
        for (const Attachment &a : m_store.messageStore().attachments(messageId))
            if (a.fileReference == fileReference && !a.contentType.isEmpty())
                type = a.contentType;
        if (outcome.isEmpty() && !cancelled)
            outcome = m_opener->openFetched(path, type);
    }
    if (MessageCard *card = cardFor(messageId))
        card->attachmentList()->setFinished(fileReference, outcome, cancelled);
}

} // namespace skein::ui
