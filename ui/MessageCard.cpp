#include "MessageCard.h"

#include "AttachmentList.h"
#include "BodyView.h"
#include "MailFormat.h"
#include "MessageHeader.h"
#include "QuotedText.h"
#include "RemoteContentBar.h"

#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QHBoxLayout>
#include <QStackedWidget>
#include <QTextDocumentFragment>
#include <QToolButton>
#include <QVBoxLayout>

namespace skein::ui {

namespace {

enum Page { BodyPage = 0, LoadingPage = 1, ErrorPage = 2 };

// MIME bodies: show the text after the header block. Good enough for the
// rare server that ignores our BodyPreference; never rendered as HTML.
QString mimeAsText(const QByteArray &mime)
{
    qsizetype split = mime.indexOf("\r\n\r\n");
    if (split < 0)
        split = mime.indexOf("\n\n");
    return QString::fromUtf8(split < 0 ? mime : mime.mid(split).trimmed());
}

} // namespace

MessageCard::MessageCard(const Message &message, const QString &folderName, QWidget *parent)
    : QFrame(parent)
    , m_message(message)
    , m_folderName(folderName)
{
    setObjectName(QStringLiteral("messageCard"));
    setFrameShape(QFrame::StyledPanel);
    setStyleSheet(QStringLiteral("#messageCard { background: palette(base); border: 1px solid palette(mid); "
                                 "border-radius: 6px; }"));
    m_header = new MessageHeader(this);
    m_header->setMessage(message, folderName);
    connect(m_header, &MessageHeader::clicked, this, [this] { setExpanded(!m_expanded); });

    m_remoteBar = new RemoteContentBar(this);
    m_remoteBar->setSender(format::emailAddress(message.from));
    m_remoteBar->hide();
    // Its buttons must not widen the card past the pane; at a very narrow
    // width they are clipped instead (the text in it wraps).
    m_remoteBar->setSizePolicy(QSizePolicy::Ignored, m_remoteBar->sizePolicy().verticalPolicy());
    connect(m_remoteBar, &RemoteContentBar::showForMessage, this,
            [this] { setRemoteContentAllowed(true); });
    connect(m_remoteBar, &RemoteContentBar::alwaysForSender, this, &MessageCard::alwaysAllowSender);

    m_body = new BodyView(this);
    connect(m_body, &BodyView::remoteContentBlocked, this, [this] {
        m_remoteBar->setVisible(m_expanded && m_state == BodyState::Shown);
    });
    connect(m_body, &BodyView::remoteImageNeeded, this, &MessageCard::remoteImageNeeded);
    m_partialNote = new QLabel(tr("Only the beginning of this message was downloaded."), this);
    m_partialNote->setStyleSheet(QStringLiteral("color: palette(placeholder-text);"));
    m_partialNote->hide();
    m_quotedButton = new QToolButton(this);
    m_quotedButton->setObjectName(QStringLiteral("showQuotedTextButton"));
    m_quotedButton->setAutoRaise(true);
    m_quotedButton->setText(tr("Show quoted text"));
    m_quotedButton->setAccessibleName(tr("Show quoted text"));
    m_quotedButton->hide();
    connect(m_quotedButton, &QToolButton::clicked, this, [this] { setQuotedTextShown(!m_showQuoted); });
    auto *bodyPage = new QWidget(this);
    auto *bodyLayout = new QVBoxLayout(bodyPage);
    bodyLayout->setContentsMargins(0, 0, 0, 0);
    bodyLayout->addWidget(m_body);
    bodyLayout->addWidget(m_quotedButton, 0, Qt::AlignLeft);
    bodyLayout->addWidget(m_partialNote);

    m_stack = new QStackedWidget(this);
    m_stack->addWidget(bodyPage);
    m_stack->addWidget(createLoadingPage());
    m_stack->addWidget(createErrorPage());

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 8);
    layout->setSpacing(4);
    layout->addWidget(m_header);
    layout->addWidget(m_remoteBar);
    layout->addWidget(m_stack);
    m_attachments = new AttachmentList(this);
    layout->addWidget(m_attachments);
    m_answerBar = createAnswerBar();
    layout->addWidget(m_answerBar);
}

// Outlook's buttons under each message: the answer is to this card's
// message, whichever is newest.
QWidget *MessageCard::createAnswerBar()
{
    auto *bar = new QWidget(this);
    bar->setObjectName(QStringLiteral("cardAnswerBar"));
    auto *row = new QHBoxLayout(bar);
    row->setContentsMargins(0, 0, 0, 0);
    struct Button {
        const char *name;
        QString text;
        OutboxKind kind;
        bool all;
    };
    const Button buttons[] = {
        {"cardReplyButton", tr("Reply"), OutboxKind::Reply, false},
        {"cardReplyAllButton", tr("Reply all"), OutboxKind::Reply, true},
        {"cardForwardButton", tr("Forward"), OutboxKind::Forward, false},
    };
    for (const Button &b : buttons) {
        auto *button = new QToolButton(bar);
        button->setObjectName(QLatin1String(b.name));
        button->setText(b.text);
        button->setAccessibleName(b.text);
        button->setAutoRaise(true);
        const OutboxKind kind = b.kind;
        const bool all = b.all;
        connect(button, &QToolButton::clicked, this,
                [this, kind, all] { Q_EMIT answerRequested(kind, m_message.id, all); });
        row->addWidget(button);
    }
    row->addStretch(1);
    return bar;
}

void MessageCard::setAttachments(const QList<Attachment> &attachments)
{
    m_allAttachments = attachments;
    m_attachments->setAttachments(m_message.id, attachments);
    updateVisibility();
    askForInlineImages();
}

void MessageCard::addInlineImage(const QString &contentId, const QImage &image)
{
    m_inlineImages.insert(contentId, image); // showing or hiding the quote renders the body anew
    m_body->addInlineImage(contentId, image);
}

void MessageCard::askForInlineImages()
{
    // Only an image the shown body names: a part nobody shows is not fetched.
    constexpr qint64 kMaxInlineBytes = 5 * 1024 * 1024;
    if (m_state != BodyState::Shown || m_allAttachments.isEmpty())
        return;
    for (const QString &id : m_body->inlineImageIds()) {
        if (m_inlineAsked.contains(id))
            continue;
        for (const Attachment &a : std::as_const(m_allAttachments)) {
            if (a.contentId == id && a.size <= kMaxInlineBytes) {
                m_inlineAsked.append(id);
                Q_EMIT inlineImageNeeded(m_message.id, a);
                break;
            }
        }
    }
}

// Narrow: the reading pane's layout computes a card's height for the
// card's minimum width when the pane is narrower than that, so a wide
// minimum (the hidden loading page's label, a long word) left wrapped
// headers too short and cut off. Everything in a card elides or wraps.
QSize MessageCard::minimumSizeHint() const
{
    const QSize hint = QFrame::minimumSizeHint();
    return {qMin(hint.width(), 120), hint.height()};
}

QWidget *MessageCard::createLoadingPage()
{
    auto *page = new QWidget(this);
    auto *busy = new QProgressBar(page);
    busy->setRange(0, 0); // an indeterminate busy indicator
    busy->setTextVisible(false);
    busy->setMaximumWidth(160);
    busy->setAccessibleName(tr("Loading"));
    auto *label = new QLabel(tr("Loading the full message\u2026"), page);
    label->setObjectName(QStringLiteral("loadingLabel"));
    label->setWordWrap(true);
    auto *layout = new QHBoxLayout(page);
    layout->setContentsMargins(8, 12, 8, 12);
    layout->addWidget(busy);
    layout->addWidget(label, 1);
    return page;
}

QWidget *MessageCard::createErrorPage()
{
    auto *page = new QWidget(this);
    m_error = new QLabel(page);
    m_error->setWordWrap(true);
    m_error->setTextFormat(Qt::PlainText);
    m_retry = new QPushButton(tr("Retry"), page);
    m_retry->setObjectName(QStringLiteral("retryLoadingButton"));
    m_retry->setAccessibleName(tr("Retry loading the message"));
    connect(m_retry, &QPushButton::clicked, this, [this] { Q_EMIT retryRequested(m_message.id); });
    auto *layout = new QHBoxLayout(page);
    layout->setContentsMargins(8, 12, 8, 12);
    layout->addWidget(m_error, 1);
    layout->addWidget(m_retry, 0, Qt::AlignTop);
    return page;
}

void MessageCard::setMessage(const Message &message)
{
    m_message = message;
    m_header->setMessage(message, m_folderName);
    m_remoteBar->setSender(format::emailAddress(message.from));
}

void MessageCard::setCollapsible(bool collapsible)
{
    const bool changed = collapsible != m_collapsible;
    m_collapsible = collapsible;
    m_header->setClickable(collapsible);
    if (changed && m_bodyShown && m_state == BodyState::Shown)
        showBody(); // a card of a conversation cuts the quote; a single message shows it
}

void MessageCard::setQuotedTextShown(bool shown)
{
    if (shown == m_showQuoted)
        return;
    m_showQuoted = shown;
    if (m_state == BodyState::Shown)
        showBody();
}

void MessageCard::setExpanded(bool expanded)
{
    if (!m_collapsible)
        expanded = true;
    if (expanded == m_expanded)
        return;
    m_expanded = expanded;
    updateVisibility();
    Q_EMIT expandedChanged(expanded);
}

void MessageCard::updateVisibility()
{
    m_header->setCollapsed(!m_expanded);
    m_stack->setVisible(m_expanded);
    m_attachments->setVisible(m_expanded && !m_attachments->attachments().isEmpty());
    m_answerBar->setVisible(m_expanded);
    m_remoteBar->setVisible(m_expanded && m_state == BodyState::Shown && !m_body->blockedUrls().isEmpty());
    m_quotedButton->setVisible(m_expanded && m_state == BodyState::Shown && m_quoteCut);
}

void MessageCard::showBody()
{
    m_state = BodyState::Shown;
    m_stack->setCurrentIndex(BodyPage);
    m_partialNote->setVisible(m_message.bodyTruncated);
    m_body->setBodyHtml(bodyHtml());
    m_bodyShown = true;
    for (auto image = m_inlineImages.cbegin(); image != m_inlineImages.cend(); ++image)
        m_body->addInlineImage(image.key(), image.value());
    const QString label = m_showQuoted ? tr("Hide quoted text") : tr("Show quoted text");
    m_quotedButton->setText(label);
    m_quotedButton->setAccessibleName(label);
    updateVisibility();
    askForInlineImages();
}

void MessageCard::showLoading()
{
    m_state = BodyState::Loading;
    m_stack->setCurrentIndex(LoadingPage);
    updateVisibility();
}

void MessageCard::showFailed(const QString &error)
{
    m_state = BodyState::Failed;
    m_error->setText(tr("The full message could not be loaded: %1").arg(error));
    m_stack->setCurrentIndex(ErrorPage);
    updateVisibility();
}

void MessageCard::setRemoteContentAllowed(bool allowed)
{
    m_body->setRemoteContentAllowed(allowed);
    if (allowed)
        m_remoteBar->hide();
}

void MessageCard::addRemoteImage(const QUrl &url, const QImage &image)
{
    m_body->addRemoteImage(url, image);
}

QString MessageCard::bodyHtml()
{
    return fullBodyHtml(&m_quoteCut);
}

// The body as HTML; in a conversation, unless the user asked for it, without
// the quote at its end (*quoteCut tells whether there was one).
QString MessageCard::fullBodyHtml(bool *quoteCut) const
{
    *quoteCut = false;
    const bool cutQuote = m_collapsible;
    const auto newText = [&](const QuotedSplit &split, const QString &whole) {
        *quoteCut = cutQuote && split.cut;
        return *quoteCut && !m_showQuoted ? split.newText : whole;
    };
    const QString text = QString::fromUtf8(m_message.body);
    if (cutQuote && !m_message.messagePart.isEmpty())
        return serverPartOr(text, quoteCut);
    switch (m_message.bodyType) {
    case BodyType::Html:
        return newText(splitQuotedHtml(text), text);
    case BodyType::PlainText:
        return format::plainTextToHtml(newText(splitQuotedPlainText(text), text));
    case BodyType::Mime: {
        const QString plain = mimeAsText(m_message.body);
        return format::plainTextToHtml(newText(splitQuotedPlainText(plain), plain));
    }
    case BodyType::Rtf:
    case BodyType::None:
        break;
    }
    return format::plainTextToHtml(m_message.preview);
}

// The server cut the message's new text itself (the message part): shown in
// place of the body until the user asks for the quoted text. A part that
// says all the body says hides nothing, so no button offers more.
QString MessageCard::serverPartOr(const QString &body, bool *quoteCut) const
{
    const QString part = QString::fromUtf8(m_message.messagePart);
    const QString whole = m_message.bodyType == BodyType::Html ? body
        : m_message.bodyType == BodyType::Mime                 ? format::plainTextToHtml(mimeAsText(m_message.body))
                                                               : format::plainTextToHtml(body);
    const auto plain = [](const QString &html) {
        return QTextDocumentFragment::fromHtml(html).toPlainText().simplified();
    };
    *quoteCut = m_message.bodyType != BodyType::None && plain(part) != plain(whole);
    return *quoteCut && m_showQuoted ? whole : part;
}

QString MessageCard::text() const
{
    QString text = m_header->text();
    if (!m_expanded)
        return text;
    switch (m_state) {
    case BodyState::Shown:
        return text + QLatin1Char('\n') + m_body->toPlainText();
    case BodyState::Loading:
        return text + QLatin1Char('\n') + tr("Loading the full message\u2026");
    case BodyState::Failed:
        return text + QLatin1Char('\n') + m_error->text();
    }
    return text;
}

} // namespace skein::ui
