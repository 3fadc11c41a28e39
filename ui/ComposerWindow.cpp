// ComposerWindow: building the window and moving content in and out.

#include "ComposerWindow.h"

#include "ComposerAttachmentList.h"
#include "ComposerText.h"
#include "RecipientCompleter.h"

#include <QAction>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QTextCharFormat>
#include <QTextCursor>
#include <QTextEdit>
#include <QTextList>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

namespace skein::ui {

ComposerWindow::ComposerWindow(const QString &fromAddress, const DraftEntry &content, QWidget *parent)
    : QMainWindow(parent)
    , m_from(fromAddress)
    , m_autosaveTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("composerWindow"));
    setAccessibleName(tr("New message"));
    setAcceptDrops(true);
    m_plain = compose::plainTextOnlyByDefault();

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(8, 4, 8, 8);
    layout->addWidget(createHeaderFields());
    m_error = new QLabel(central);
    m_error->setObjectName(QStringLiteral("composerError"));
    m_error->setAccessibleName(tr("Why the message was not sent"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b00020; font-weight: 600;"));
    m_error->hide();
    layout->addWidget(m_error);
    m_body = new QTextEdit(central);
    m_body->setObjectName(QStringLiteral("composerBody"));
    m_body->setAccessibleName(tr("Message text"));
    m_body->setTabChangesFocus(true);
    m_body->viewport()->installEventFilter(this); // dropped files attach instead of pasting their names
    layout->addWidget(m_body, 1);
    m_attachments = new ComposerAttachmentList(central);
    layout->addWidget(m_attachments);
    setCentralWidget(central);
    createActions();

    setContent(content);
    m_autosaveTimer->setInterval(kAutosaveIntervalMs);
    connect(m_autosaveTimer, &QTimer::timeout, this, &ComposerWindow::autosaveIfChanged);
    m_autosaveTimer->start();
    connect(m_subject, &QLineEdit::textChanged, this, &ComposerWindow::updateTitle);
    resize(760, 620);
}

ComposerWindow::~ComposerWindow() = default;

QLineEdit *ComposerWindow::addressField(const QString &name, const QString &accessibleName)
{
    auto *edit = new QLineEdit(this);
    edit->setObjectName(name);
    edit->setAccessibleName(accessibleName);
    edit->setPlaceholderText(tr("Name <address>, separated by commas"));
    return edit;
}

QWidget *ComposerWindow::createHeaderFields()
{
    auto *fields = new QWidget(this);
    auto *form = new QFormLayout(fields);
    form->setContentsMargins(0, 0, 0, 0);
    m_fromLabel = new QLabel(m_from, fields);
    m_fromLabel->setObjectName(QStringLiteral("composerFrom"));
    m_fromLabel->setAccessibleName(tr("From"));
    m_fromLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    form->addRow(tr("From:"), m_fromLabel);
    m_to = addressField(QStringLiteral("composerTo"), tr("To"));
    form->addRow(tr("&To:"), m_to);
    m_cc = addressField(QStringLiteral("composerCc"), tr("Cc"));
    form->addRow(tr("&Cc:"), m_cc);
    m_bcc = addressField(QStringLiteral("composerBcc"), tr("Bcc"));
    form->addRow(tr("&Bcc:"), m_bcc);
    form->setRowVisible(m_bcc, false);
    m_subject = new QLineEdit(fields);
    m_subject->setObjectName(QStringLiteral("composerSubject"));
    m_subject->setAccessibleName(tr("Subject"));
    form->addRow(tr("&Subject:"), m_subject);
    m_answerLabel = new QLabel(fields);
    m_answerLabel->setObjectName(QStringLiteral("replyingToLabel"));
    m_answerLabel->setAccessibleName(tr("The message answered"));
    m_answerLabel->setStyleSheet(QStringLiteral("color: palette(placeholder-text);"));
    m_answerLabel->hide();
    form->addRow(m_answerLabel);
    return fields;
}

void ComposerWindow::createActions()
{
    QToolBar *bar = addToolBar(tr("Message"));
    bar->setObjectName(QStringLiteral("composerToolBar"));
    bar->setMovable(false);
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);

    m_sendAction = new QAction(QIcon::fromTheme(QStringLiteral("mail-send")), tr("&Send"), this);
    m_sendAction->setObjectName(QStringLiteral("composerSendAction"));
    m_sendAction->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)});
    m_sendAction->setToolTip(tr("Send the message (Ctrl+Enter)"));
    connect(m_sendAction, &QAction::triggered, this, &ComposerWindow::send);

    m_attachAction = new QAction(QIcon::fromTheme(QStringLiteral("mail-attachment")), tr("&Attach\u2026"), this);
    m_attachAction->setObjectName(QStringLiteral("composerAttachAction"));
    m_attachAction->setToolTip(tr("Add files to the message; you can also drop them on the window"));
    connect(m_attachAction, &QAction::triggered, this, &ComposerWindow::chooseAttachments);

    m_discardAction = new QAction(QIcon::fromTheme(QStringLiteral("edit-delete")), tr("&Discard"), this);
    m_discardAction->setObjectName(QStringLiteral("composerDiscardAction"));
    m_discardAction->setToolTip(tr("Throw this message away"));
    connect(m_discardAction, &QAction::triggered, this, &ComposerWindow::discard);

    m_bccAction = new QAction(tr("Bcc"), this);
    m_bccAction->setObjectName(QStringLiteral("composerBccAction"));
    m_bccAction->setCheckable(true);
    m_bccAction->setToolTip(tr("Show the Bcc field: recipients the others do not see"));
    connect(m_bccAction, &QAction::toggled, this, [this](bool on) {
        if (auto *form = qobject_cast<QFormLayout *>(m_bcc->parentWidget()->layout()))
            form->setRowVisible(m_bcc, on);
        if (on)
            m_bcc->setFocus();
    });

    m_plainAction = new QAction(tr("Plain text"), this);
    m_plainAction->setObjectName(QStringLiteral("composerPlainTextAction"));
    m_plainAction->setCheckable(true);
    m_plainAction->setToolTip(tr("Send this message as plain text only, without formatting"));
    connect(m_plainAction, &QAction::toggled, this, &ComposerWindow::setPlainText);

    auto *escape = new QAction(tr("Close"), this);
    escape->setObjectName(QStringLiteral("composerCloseAction"));
    escape->setShortcut(QKeySequence(Qt::Key_Escape));
    connect(escape, &QAction::triggered, this, &QWidget::close);
    addAction(escape);

    for (QAction *a : {m_sendAction, m_attachAction, m_discardAction, m_bccAction, m_plainAction})
        a->setStatusTip(a->toolTip());
    bar->addActions({m_sendAction, m_attachAction, m_discardAction});
    bar->addSeparator();
    bar->addActions({m_bccAction, m_plainAction});
    for (QAction *a : bar->actions())
        if (QWidget *button = bar->widgetForAction(a)) {
            button->setObjectName(a->objectName() + QStringLiteral("Button"));
            button->setAccessibleName(a->text().remove(QLatin1Char('&')).remove(QChar(0x2026)));
        }

    m_formatBar = new QToolBar(tr("Format"), this);
    m_formatBar->setObjectName(QStringLiteral("composerFormatBar"));
    m_formatBar->setMovable(false);
    addToolBarBreak();
    addToolBar(m_formatBar);
    QAction *bold = m_formatBar->addAction(tr("Bold"), this, [this](bool on) {
        QTextCharFormat f;
        f.setFontWeight(on ? QFont::Bold : QFont::Normal);
        m_body->mergeCurrentCharFormat(f);
    });
    bold->setObjectName(QStringLiteral("composerBoldAction"));
    bold->setCheckable(true);
    bold->setShortcut(QKeySequence::Bold);
    QAction *italic = m_formatBar->addAction(tr("Italic"), this, [this](bool on) {
        QTextCharFormat f;
        f.setFontItalic(on);
        m_body->mergeCurrentCharFormat(f);
    });
    italic->setObjectName(QStringLiteral("composerItalicAction"));
    italic->setCheckable(true);
    italic->setShortcut(QKeySequence::Italic);
    QAction *bullets = m_formatBar->addAction(tr("Bulleted list"), this, [this] {
        QTextCursor cursor = m_body->textCursor();
        if (QTextList *list = cursor.currentList()) {
            list->remove(cursor.block()); // toggles the list off for this paragraph
            QTextBlockFormat plain;
            plain.setIndent(0);
            cursor.setBlockFormat(plain);
        } else {
            cursor.createList(QTextListFormat::ListDisc);
        }
    });
    bullets->setObjectName(QStringLiteral("composerBulletsAction"));
    for (QAction *a : m_formatBar->actions()) {
        if (QWidget *button = m_formatBar->widgetForAction(a)) {
            button->setObjectName(a->objectName() + QStringLiteral("Button"));
            button->setAccessibleName(a->text());
        }
    }
    connect(m_body, &QTextEdit::currentCharFormatChanged, this, [bold, italic](const QTextCharFormat &f) {
        bold->setChecked(f.fontWeight() >= QFont::Bold);
        italic->setChecked(f.fontItalic());
    });
}

void ComposerWindow::setPlainText(bool plain)
{
    if (m_plainAction->isChecked() != plain) {
        m_plainAction->setChecked(plain); // comes back here through toggled
        return;
    }
    const bool changed = m_plain != plain;
    m_plain = plain;
    if (changed && plain)
        m_body->setPlainText(m_body->toPlainText()); // formatting goes; the text stays
    applyBodyFormat();
}

void ComposerWindow::applyBodyFormat()
{
    m_body->setAcceptRichText(!m_plain);
    m_formatBar->setVisible(!m_plain);
    m_formatBar->setEnabled(!m_plain);
}

DraftEntry ComposerWindow::content() const
{
    DraftEntry d = m_loaded;
    d.id = m_draftId;
    d.updated = QDateTime::currentDateTimeUtc();
    d.to = compose::parseRecipients(m_to->text()).recipients;
    d.cc = compose::parseRecipients(m_cc->text()).recipients;
    d.bcc = compose::parseRecipients(m_bcc->text()).recipients;
    d.subject = m_subject->text();
    d.plainBody = m_body->toPlainText();
    d.htmlBody = m_plain ? QString() : m_body->toHtml();
    d.attachments = m_attachments->attachments();
    return d;
}

void ComposerWindow::setContent(const DraftEntry &content)
{
    m_loaded = content;
    m_draftId = content.id;
    m_to->setText(content.to.join(QStringLiteral(", ")));
    m_cc->setText(content.cc.join(QStringLiteral(", ")));
    m_bcc->setText(content.bcc.join(QStringLiteral(", ")));
    m_bccAction->setChecked(!content.bcc.isEmpty());
    m_subject->setText(content.subject);
    if (!content.htmlBody.isEmpty()) {
        m_plainAction->setChecked(false);
        m_plain = false;
        m_body->setHtml(content.htmlBody);
    } else {
        m_plainAction->setChecked(m_plain);
        m_body->setPlainText(content.plainBody);
    }
    applyBodyFormat();
    m_attachments->setAttachments(content.attachments);
    m_savedFingerprint = fingerprint();
    m_autosavedFingerprint = m_savedFingerprint;
    QTextCursor start = m_body->textCursor();
    start.movePosition(QTextCursor::Start);
    m_body->setTextCursor(start);
    updateTitle();
}

void ComposerWindow::setAnswerLabel(const QString &text)
{
    m_answerLabel->setText(text);
    m_answerLabel->setVisible(!text.isEmpty());
}

void ComposerWindow::setForwardedAttachments(const QList<Attachment> &attachments)
{
    m_attachments->setForwarded(attachments);
}

void ComposerWindow::setKnownAddresses(const QList<AddressUse> &addresses)
{
    qDeleteAll(m_completers);
    m_completers.clear();
    for (QLineEdit *edit : {m_to, m_cc, m_bcc})
        m_completers.append(new RecipientCompleter(addresses, edit));
}

QList<RecipientCompleter *> ComposerWindow::recipientCompleters() const
{
    return m_completers;
}

void ComposerWindow::updateTitle()
{
    const QString subject = m_subject->text().trimmed();
    setWindowTitle(subject.isEmpty() ? tr("New message") : subject);
}

} // namespace skein::ui
