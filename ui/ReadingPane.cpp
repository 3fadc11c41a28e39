#include "ReadingPane.h"

#include "AttachmentOpener.h"
#include "BodyView.h"
#include "ConversationModel.h"
#include "LocalSentRows.h"
#include "InlineReplyBox.h"
#include "MailFormat.h"
#include "MessageCard.h"
#include "MessageHeader.h"
#include "RemoteImageLoader.h"
#include "Store.h"

#include <QEvent>
#include <QLabel>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QStackedWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace skein::ui {

namespace {

const QString allowedSendersKey = QStringLiteral("remoteContent/allowedSenders");

QList<qint64> idsOf(const QList<Message> &messages)
{
    QList<qint64> ids;
    ids.reserve(messages.size());
    for (const Message &m : messages)
        ids.append(m.id);
    return ids;
}

} // namespace

ReadingPane::ReadingPane(Store &store, QWidget *parent)
    : QWidget(parent)
    , m_store(store)
    , m_model(new ConversationModel(&store, this))
    , m_opener(std::make_unique<AttachmentOpener>())
{
    setObjectName(QStringLiteral("readingPane"));
    setAccessibleName(tr("Reading pane"));
    m_placeholder = new QLabel(tr("Select a conversation to read it."), this);
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setStyleSheet(QStringLiteral("color: palette(placeholder-text);"));

    m_content = new QWidget;
    m_content->setObjectName(QStringLiteral("readingPaneContent"));
    m_cardsLayout = new QVBoxLayout(m_content);
    m_cardsLayout->setContentsMargins(10, 10, 10, 10);
    m_cardsLayout->setSpacing(8);
    m_title = new QLabel(m_content);
    m_title->setObjectName(QStringLiteral("conversationTitle"));
    m_title->setAccessibleName(tr("Conversation subject"));
    m_title->setWordWrap(true);
    m_title->setTextFormat(Qt::PlainText);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    titleFont.setWeight(QFont::DemiBold);
    m_title->setFont(titleFont);
    QSizePolicy titlePolicy = m_title->sizePolicy();
    titlePolicy.setHorizontalPolicy(QSizePolicy::Ignored); // a long subject wraps
    m_title->setSizePolicy(titlePolicy);
    m_title->setContentsMargins(2, 0, 2, 2);
    m_title->hide();
    m_cardsLayout->addWidget(m_title);
    createInlineReply();
    m_cardsLayout->addStretch(1);
    m_scroll = new QScrollArea(this);
    m_scroll->setObjectName(QStringLiteral("readingPaneScroll"));
    m_scroll->setWidget(m_content);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_scroll->setAccessibleName(tr("Messages"));
    // A scroll area widens its widget to the widget's minimum width; with no
    // horizontal scroll bar that would cut the cards' right edges off. The
    // cards elide and wrap, and this keeps anything else from widening them.
    m_scroll->viewport()->installEventFilter(this);
    m_scroll->setFocusPolicy(Qt::StrongFocus);

    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_placeholder);
    m_stack->addWidget(m_scroll);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);
}

ReadingPane::~ReadingPane() = default;

bool ReadingPane::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_scroll->viewport() && event->type() == QEvent::Resize)
        m_content->setMaximumWidth(m_scroll->viewport()->width());
    if ((watched == m_inlineReply || watched == m_content) && event->type() == QEvent::Resize
        && keepInlineReplyInView())
        QTimer::singleShot(0, this, &ReadingPane::revealInlineReply);
    if (event->type() == QEvent::MouseButtonPress) {
        for (QObject *o = watched; o && o != this; o = o->parent())
            if (auto *card = qobject_cast<MessageCard *>(o)) {
                chooseAnswerTarget(card);
                break;
            }
    }
    return QWidget::eventFilter(watched, event);
}

void ReadingPane::showConversation(const QByteArray &conversationId, qint64 messageId,
                                   const QString &listedFolderId)
{
    m_singleMessageId = 0;
    m_listedFolderId = listedFolderId;
    m_model->setListedFolder(listedFolderId);
    if (conversationId.isEmpty())
        m_model->setSingleMessage(messageId);
    else
        m_model->setConversation(conversationId);
    rebuild(m_model->messagesInTimeOrder(), true);
    labelAnswers();
}

void ReadingPane::showMessage(qint64 messageId)
{
    m_model->clear();
    m_singleMessageId = messageId;
    const std::optional<Message> message = m_store.messageStore().messageById(messageId);
    rebuild(message ? QList<Message>{*message} : QList<Message>{}, false);
}

void ReadingPane::showFoundMessage(const Message &message)
{
    m_model->clear();
    m_singleMessageId = 0;
    rebuild({message}, false);
    m_showingFound = true;
}

void ReadingPane::clear()
{
    m_model->clear();
    m_singleMessageId = 0;
    rebuild({}, false);
}

void ReadingPane::refresh()
{
    if (m_showingFound)
        return;
    QList<Message> messages;
    if (m_singleMessageId) {
        if (const auto message = m_store.messageStore().messageById(m_singleMessageId))
            messages.append(*message);
    } else {
        m_model->refresh();
        messages = m_model->messagesInTimeOrder();
    }
    QList<Message> shown;
    for (const MessageCard *card : std::as_const(m_cards))
        shown.append(card->message());
    if (idsOf(messages) != idsOf(shown)) {
        rebuild(messages, m_singleMessageId == 0);
        labelAnswers();
        return;
    }
    // Same messages: update headers (read, flag) and bodies that changed.
    for (int i = 0; i < messages.size(); ++i) {
        MessageCard *card = m_cards.at(i);
        const bool bodyChanged = card->message().body != messages.at(i).body
            || card->message().bodyTruncated != messages.at(i).bodyTruncated;
        card->setMessage(messages.at(i));
        if (bodyChanged)
            prepareBody(card);
    }
    labelAnswers();
}

// Cards run in time order, so a reply is not always right under the message
// it answers; such a card says whom it answers ("Ben User, 27 Oct").
void ReadingPane::labelAnswers()
{
    const QHash<qint64, qint64> answered = m_singleMessageId ? QHash<qint64, qint64>()
                                                             : m_model->answeredMessageIds();
    for (int i = 0; i < m_cards.size(); ++i) {
        MessageCard *card = m_cards.at(i);
        const qint64 parentId = answered.value(card->message().id);
        const MessageCard *parent = parentId ? cardFor(parentId) : nullptr;
        const bool aboveIsParent = i > 0 && m_cards.at(i - 1) == parent;
        QString who;
        if (parent && !aboveIsParent)
            who = tr("%1, %2").arg(format::displayName(parent->message().from),
                                   format::listDate(parent->message().dateReceived));
        card->header()->setInReplyTo(who);
    }
}

void ReadingPane::rebuild(const QList<Message> &messages, bool conversation)
{
    m_showingFound = false;
    qDeleteAll(m_cards);
    m_cards.clear();
    m_answerTargetId = 0;
    const bool stacked = conversation && messages.size() > 1;
    for (const Message &message : messages)
        addCard(message, stacked);
    // A stack of cards gets the subject once, as its title (the oldest
    // message's, which has no "RE:"); each card then leads with its sender.
    m_title->setVisible(stacked);
    const QString subject = stacked ? messages.constFirst().subject : QString();
    m_title->setText(subject.isEmpty() && stacked ? tr("(no subject)") : subject);
    m_stack->setCurrentWidget(m_cards.isEmpty() ? static_cast<QWidget *>(m_placeholder) : m_scroll);
    updateInlineReply();
    m_scroll->verticalScrollBar()->setValue(0);
    if (!m_cards.isEmpty())
        QTimer::singleShot(0, this, &ReadingPane::scrollToFirstUnread);
}

MessageCard *ReadingPane::addCard(const Message &message, bool collapsible)
{
    // Stacked cards name their folder only when it is not the listed one
    // ("Sent Items" for my replies); a single message always does.
    const bool otherFolder = !collapsible || message.folderId != m_listedFolderId;
    auto *card = new MessageCard(message, otherFolder ? folderName(message.folderId) : QString(), m_content);
    card->setCollapsible(collapsible);
    card->setRemoteContentAllowed(allowedSenders().contains(format::emailAddress(message.from)));
    m_cardsLayout->insertWidget(m_cardsLayout->indexOf(m_inlineReply), card);
    card->show(); // now, not on the next event loop pass: states are visible at once
    m_cards.append(card);
    connect(card, &MessageCard::expandedChanged, this, [this, card](bool expanded) {
        if (expanded)
            prepareBody(card);
    });
    connect(card, &MessageCard::retryRequested, this, [this, card](qint64 messageId) {
        m_fetchErrors.remove(messageId);
        prepareBody(card);
    });
    connect(card, &MessageCard::alwaysAllowSender, this, &ReadingPane::allowSender);
    connectAttachments(card);
    connect(card, &MessageCard::remoteImageNeeded, this,
            &ReadingPane::requestImage);
    connect(card, &MessageCard::answerRequested, this, &ReadingPane::answerRequested);
    watchCardClicks(card);
    // Read messages of a conversation start as a one-line header
    // (scrollToFirstUnread opens the newest when all are read).
    if (collapsible && message.read)
        card->setExpanded(false);
    if (card->isExpanded())
        prepareBody(card);
    return card;
}

void ReadingPane::prepareBody(MessageCard *card)
{
    const Message &message = card->message();
    const qint64 id = message.id;
    if (!message.bodyTruncated || m_fetched.contains(id)) {
        card->showBody();
        return;
    }
    if (const auto error = m_fetchErrors.constFind(id); error != m_fetchErrors.constEnd()) {
        card->showFailed(*error);
        return;
    }
    card->showLoading();
    if (!m_inFlight.contains(id)) {
        m_inFlight.insert(id);
        Q_EMIT bodyRequested(id);
    }
}

void ReadingPane::bodyFetched(qint64 messageId, const QString &error)
{
    m_inFlight.remove(messageId);
    if (error.isEmpty()) {
        m_fetched.insert(messageId);
        m_fetchErrors.remove(messageId);
    } else {
        m_fetchErrors.insert(messageId, error);
    }
    for (MessageCard *card : std::as_const(m_cards)) {
        if (card->message().id != messageId)
            continue;
        if (const auto fresh = m_store.messageStore().messageById(card->message().id))
            card->setMessage(*fresh);
        if (card->isExpanded())
            prepareBody(card);
    }
}

void ReadingPane::scrollToFirstUnread()
{
    MessageCard *target = nullptr;
    for (MessageCard *card : std::as_const(m_cards)) {
        if (!card->message().read) {
            target = card;
            break;
        }
    }
    if (!target) {
        // All read: make sure the newest is open and show it.
        target = m_cards.isEmpty() ? nullptr : m_cards.last();
        if (target)
            target->setExpanded(true);
    }
    if (!target || target == m_cards.value(0))
        return;
    m_content->layout()->activate();
    m_scroll->verticalScrollBar()->setValue(target->y() - m_cardsLayout->contentsMargins().top());
}

bool ReadingPane::pageDown()
{
    QScrollBar *bar = m_scroll->verticalScrollBar();
    if (m_cards.isEmpty() || bar->value() >= bar->maximum())
        return false;
    bar->setValue(bar->value() + bar->pageStep());
    return true;
}

void ReadingPane::focusContent()
{
    m_scroll->setFocus(Qt::OtherFocusReason);
}

bool ReadingPane::isEmpty() const
{
    return m_cards.isEmpty();
}

QList<MessageCard *> ReadingPane::cards() const
{
    return m_cards;
}

QString ReadingPane::text() const
{
    QStringList parts;
    for (const MessageCard *card : m_cards)
        parts.append(card->text());
    return parts.join(QStringLiteral("\n\n"));
}

QStringList ReadingPane::allowedSenders()
{
    return QSettings().value(allowedSendersKey).toStringList();
}

void ReadingPane::allowSender(const QString &address)
{
    if (address.isEmpty())
        return;
    QSettings settings;
    QStringList senders = settings.value(allowedSendersKey).toStringList();
    if (!senders.contains(address)) {
        senders.append(address);
        settings.setValue(allowedSendersKey, senders);
    }
    for (MessageCard *card : std::as_const(m_cards)) {
        if (format::emailAddress(card->message().from) == address)
            card->setRemoteContentAllowed(true);
    }
}

void ReadingPane::requestImage(const QUrl &url)
{
    if (!m_loader) {
        m_loader = new RemoteImageLoader(this);
        connect(m_loader, &RemoteImageLoader::imageLoaded, this, &ReadingPane::imageLoaded);
    }
    Q_EMIT remoteContentRequested(url);
    m_loader->load(url);
}

void ReadingPane::imageLoaded(const QUrl &url, const QImage &image)
{
    for (MessageCard *card : std::as_const(m_cards))
        card->addRemoteImage(url, image);
}

QString ReadingPane::folderName(const QString &folderId) const
{
    if (isLocalSentFolderId(folderId))
        return localSentLabels(m_store).value(folderId); // "Sending…" and the like
    const std::optional<Folder> folder = m_store.folderStore().folder(folderId);
    return folder ? folder->name : folderId;
}

} // namespace skein::ui
