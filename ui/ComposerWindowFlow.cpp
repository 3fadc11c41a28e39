// ComposerWindow: what happens to the message: sending (after the recipient
// check), attaching, autosaving, and closing with or without keeping it.

#include "ComposerWindow.h"

#include "ComposerAttachmentList.h"
#include "ComposerText.h"

#include <QCloseEvent>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QMimeData>
#include <QMimeDatabase>
#include <QPushButton>
#include <QTextEdit>
#include <QTimer>

namespace skein::ui {

namespace {

QStringList localFiles(const QMimeData *data)
{
    QStringList paths;
    if (!data || !data->hasUrls())
        return paths;
    for (const QUrl &url : data->urls())
        if (url.isLocalFile() && QFileInfo(url.toLocalFile()).isFile())
            paths.append(url.toLocalFile());
    return paths;
}

} // namespace

void ComposerWindow::send()
{
    setSendError({});
    if (!checkRecipients())
        return;
    Q_EMIT sendRequested(content());
}

bool ComposerWindow::checkRecipients()
{
    bool any = false;
    for (QLineEdit *edit : {m_to, m_cc, m_bcc}) {
        const compose::RecipientField field = compose::parseRecipients(edit->text());
        if (!field.invalid.isEmpty()) {
            setSendError(tr("\u201c%1\u201d is not an email address. Correct it or remove it, then send again.")
                             .arg(field.invalid));
            if (edit == m_bcc)
                m_bccAction->setChecked(true);
            edit->setFocus();
            return false;
        }
        any |= !field.recipients.isEmpty();
    }
    if (!any) {
        setSendError(tr("Add at least one recipient in To, Cc or Bcc, then send again."));
        m_to->setFocus();
        return false;
    }
    return true;
}

void ComposerWindow::setSendError(const QString &message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}

QString ComposerWindow::sendError() const
{
    return m_error->isVisible() ? m_error->text() : QString();
}

void ComposerWindow::markSent()
{
    m_autosaveTimer->stop();
    m_closing = true;
    close();
}

void ComposerWindow::discard()
{
    m_autosaveTimer->stop();
    m_closing = true;
    Q_EMIT discarded(m_draftId);
    close();
}

void ComposerWindow::chooseAttachments()
{
    const QStringList paths = m_chooseFiles ? m_chooseFiles()
                                            : QFileDialog::getOpenFileNames(this, tr("Attach files"));
    addAttachmentFiles(paths);
}

void ComposerWindow::addAttachmentFiles(const QStringList &paths)
{
    const QMimeDatabase types;
    QStringList unreadable;
    for (const QString &path : paths) {
        const QFileInfo info(path);
        if (!info.isFile() || !info.isReadable()) {
            unreadable.append(info.fileName().isEmpty() ? path : info.fileName());
            continue;
        }
        DraftAttachment a;
        a.path = info.absoluteFilePath();
        a.name = info.fileName();
        a.contentType = types.mimeTypeForFile(info).name();
        a.size = info.size();
        m_attachments->add(a);
    }
    if (!unreadable.isEmpty())
        setSendError(tr("Could not attach %1: the file cannot be read.").arg(unreadable.join(QStringLiteral(", "))));
}

QString ComposerWindow::fingerprint() const
{
    QStringList parts{m_to->text(), m_cc->text(), m_bcc->text(), m_subject->text(), m_body->toPlainText(),
                      m_plain ? QStringLiteral("plain") : m_body->toHtml()};
    for (const DraftAttachment &a : m_attachments->attachments())
        parts.append(a.path);
    return parts.join(QChar(0x1f));
}

bool ComposerWindow::hasUnsavedContent() const
{
    return fingerprint() != m_savedFingerprint;
}

void ComposerWindow::autosaveIfChanged()
{
    const QString now = fingerprint();
    if (now == m_autosavedFingerprint)
        return;
    m_autosavedFingerprint = now;
    Q_EMIT autosaveRequested(content());
}

void ComposerWindow::closeEvent(QCloseEvent *event)
{
    if (m_closing || !hasUnsavedContent()) {
        m_autosaveTimer->stop();
        if (m_keepDialog)
            m_keepDialog->close();
        event->accept();
        return;
    }
    event->ignore();
    askKeepDraft();
}

// Not exec(): the window stays responsive and the question is a child the
// user (and a test) answers like any other widget.
void ComposerWindow::askKeepDraft()
{
    if (!m_keepDialog) {
        m_keepDialog = new QMessageBox(QMessageBox::Question, tr("Keep this draft?"),
                                       tr("Keep this draft?"), QMessageBox::NoButton, this);
        m_keepDialog->setObjectName(QStringLiteral("keepDraftDialog"));
        m_keepDialog->setAccessibleName(tr("Keep this draft?"));
        m_keepDialog->setInformativeText(tr("A kept draft can be opened again from Drafts."));
        QPushButton *keep = m_keepDialog->addButton(tr("&Keep"), QMessageBox::AcceptRole);
        keep->setObjectName(QStringLiteral("keepDraftButton"));
        keep->setAccessibleName(tr("Keep the draft"));
        QPushButton *drop = m_keepDialog->addButton(tr("&Discard"), QMessageBox::DestructiveRole);
        drop->setObjectName(QStringLiteral("discardDraftButton"));
        drop->setAccessibleName(tr("Discard the draft"));
        QPushButton *cancel = m_keepDialog->addButton(tr("&Cancel"), QMessageBox::RejectRole);
        cancel->setObjectName(QStringLiteral("cancelCloseButton"));
        cancel->setAccessibleName(tr("Go back to the message"));
        m_keepDialog->setDefaultButton(keep);
        m_keepDialog->setEscapeButton(cancel);
        connect(m_keepDialog, &QMessageBox::buttonClicked, this, [this, keep, drop](QAbstractButton *button) {
            keepDraftAnswered(button == keep ? 1 : button == drop ? 2 : 0);
        });
    }
    m_keepDialog->open();
}

void ComposerWindow::keepDraftAnswered(int answer)
{
    if (answer == 0) // Cancel: back to writing
        return;
    if (answer == 1) {
        m_autosavedFingerprint = fingerprint();
        Q_EMIT autosaveRequested(content());
        m_autosaveTimer->stop();
        m_closing = true;
        close();
        return;
    }
    discard();
}

void ComposerWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (!localFiles(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void ComposerWindow::dropEvent(QDropEvent *event)
{
    const QStringList paths = localFiles(event->mimeData());
    if (paths.isEmpty())
        return;
    addAttachmentFiles(paths);
    event->acceptProposedAction();
}

bool ComposerWindow::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_body->viewport()) {
        if (event->type() == QEvent::DragEnter || event->type() == QEvent::DragMove) {
            auto *drag = static_cast<QDragMoveEvent *>(event);
            if (!localFiles(drag->mimeData()).isEmpty()) {
                drag->acceptProposedAction();
                return true;
            }
        } else if (event->type() == QEvent::Drop) {
            auto *drop = static_cast<QDropEvent *>(event);
            if (!localFiles(drop->mimeData()).isEmpty()) {
                dropEvent(drop);
                return true;
            }
        }
    }
    return QMainWindow::eventFilter(watched, event);
}

} // namespace skein::ui
