// ReadingPane: which message an answer from the pane is to, and the inline
// reply box under the cards that writes it.

#include "ReadingPane.h"

#include "InlineReplyBox.h"
#include "MessageCard.h"

#include <QPlainTextEdit>
#include <QScrollArea>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

namespace skein::ui {

void ReadingPane::createInlineReply()
{
    m_inlineReply = new InlineReplyBox(m_content);
    m_cardsLayout->addWidget(m_inlineReply);
    // The opened box is taller than the button was: all of it comes into
    // view once the layout has given it its new size (eventFilter, Resize).
    // The box grows first, the scrolled content after it: both are watched.
    m_inlineReply->installEventFilter(this);
    m_content->installEventFilter(this);
    connect(m_inlineReply, &InlineReplyBox::replyStarted, this, [this] {
        m_revealInlineReply = true;
        QTimer::singleShot(0, this, &ReadingPane::revealInlineReply);
    });
}

// Just opened, or being written in while cards above it grow (a body
// arrives): the box stays in view.
bool ReadingPane::keepInlineReplyInView() const
{
    return m_revealInlineReply || (m_inlineReply->isExpanded() && m_inlineReply->editor()->hasFocus());
}

void ReadingPane::revealInlineReply()
{
    if (!keepInlineReplyInView())
        return;
    m_scroll->ensureWidgetVisible(m_inlineReply, 0, 0);
    const int shown = m_inlineReply->visibleRegion().boundingRect().height();
    if (shown >= std::min(m_inlineReply->height(), m_scroll->viewport()->height()))
        m_revealInlineReply = false;
}

// A press anywhere on a card (its body too, which handles the press
// itself and would never pass it up) makes it the one answered.
void ReadingPane::watchCardClicks(MessageCard *card)
{
    card->installEventFilter(this);
    for (QWidget *child : card->findChildren<QWidget *>())
        child->installEventFilter(this);
    connect(card, &MessageCard::answerRequested, this, [this, card] { chooseAnswerTarget(card); });
}

// A reply still in the Outbox shows as a card (LocalSentRows: id below 0)
// until the server's copy arrives; it is no stored message yet, so it can
// be read but not answered.
static bool isAnswerable(const MessageCard *card)
{
    return card->message().id > 0;
}

void ReadingPane::chooseAnswerTarget(MessageCard *card)
{
    if (!m_cards.contains(card) || !isAnswerable(card) || m_answerTargetId == card->message().id)
        return;
    m_answerTargetId = card->message().id;
    updateInlineReply();
}

qint64 ReadingPane::answerTargetId() const
{
    for (const MessageCard *card : m_cards)
        if (card->message().id == m_answerTargetId && isAnswerable(card))
            return m_answerTargetId;
    for (auto card = m_cards.crbegin(); card != m_cards.crend(); ++card)
        if (isAnswerable(*card))
            return (*card)->message().id;
    return 0;
}

void ReadingPane::updateInlineReply()
{
    const qint64 id = answerTargetId();
    // A reply begun in another conversation does not follow the user here.
    const qint64 before = m_inlineReply->targetId();
    if (before && std::none_of(m_cards.cbegin(), m_cards.cend(),
                               [before](const MessageCard *c) { return c->message().id == before; }))
        m_inlineReply->reset();
    for (const MessageCard *card : std::as_const(m_cards))
        if (card->message().id == id) {
            // A half-written reply keeps its text; only the answered message changes.
            m_inlineReply->setTarget(card->message());
            return;
        }
    m_inlineReply->reset();
    m_inlineReply->setTarget(Message{});
}

} // namespace skein::ui
