#pragma once

#include "AddressUse.h"
#include "DraftTypes.h"
#include "MailTypes.h"

#include <QMainWindow>

#include <functional>

class QAction;
class QLabel;
class QLineEdit;
class QTextEdit;
class QTimer;
class QToolBar;
class QToolButton;
class QMessageBox;

namespace skein::ui {

class ComposerAttachmentList;
class RecipientCompleter;

// One message being written, in its own window (objectName composerWindow).
// It holds a DraftEntry and knows nothing of MIME or the network: Send emits
// sendRequested with the content, and the app answers by closing it
// (markSent) or with setSendError. While the user types, autosaveRequested
// carries the content every few seconds for the drafts store. Closing with
// unsaved content asks "Keep this draft?" (Keep / Discard / Cancel).
class ComposerWindow : public QMainWindow
{
    Q_OBJECT
public:
    static constexpr int kAutosaveIntervalMs = 3000;

    explicit ComposerWindow(const QString &fromAddress, const DraftEntry &content = {}, QWidget *parent = nullptr);
    ~ComposerWindow() override;

    DraftEntry content() const;
    // Replaces everything shown; what is set counts as saved (no question on close).
    void setContent(const DraftEntry &content);
    QString fromAddress() const { return m_from; }
    // The drafts store saved it under this id (the app, after autosaveRequested).
    void setDraftId(qint64 id) { m_draftId = id; }
    qint64 draftId() const { return m_draftId; }
    // "Replying to Lena Fischer, 5 Dec" (ComposerText answerLabel); empty hides it.
    void setAnswerLabel(const QString &text);
    // A forward: the original's attachments, which the server adds itself.
    void setForwardedAttachments(const QList<Attachment> &attachments);
    void setKnownAddresses(const QList<AddressUse> &addresses);
    QList<RecipientCompleter *> recipientCompleters() const;

    bool isPlainText() const { return m_plain; }
    void setPlainText(bool plain);
    void addAttachmentFiles(const QStringList &paths);
    // How "Attach…" asks for files; the default opens a file dialog (tests set their own).
    void setFileChooser(std::function<QStringList()> chooser) { m_chooseFiles = std::move(chooser); }

    // The app refused to send (no MIME could be built): shown in the window, which stays open.
    void setSendError(const QString &message);
    QString sendError() const;
    // The app took the message: close without asking.
    void markSent();
    // Content differs from what was last set, sent or saved.
    bool hasUnsavedContent() const;

    QLineEdit *toEdit() const { return m_to; }
    QLineEdit *ccEdit() const { return m_cc; }
    QLineEdit *bccEdit() const { return m_bcc; }
    QLineEdit *subjectEdit() const { return m_subject; }
    QTextEdit *bodyEdit() const { return m_body; }
    ComposerAttachmentList *attachmentList() const { return m_attachments; }
    QMessageBox *keepDraftDialog() const { return m_keepDialog; }

public Q_SLOTS:
    void send();
    void discard();
    void chooseAttachments();

Q_SIGNALS:
    void sendRequested(const skein::DraftEntry &draft);
    void autosaveRequested(const skein::DraftEntry &draft);
    // The user threw the message away; draftId is its stored draft (0: never saved).
    void discarded(qint64 draftId);

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    // ComposerWindow.cpp: building and content.
    void createActions();
    QWidget *createHeaderFields();
    QLineEdit *addressField(const QString &name, const QString &accessibleName);
    void applyBodyFormat();
    bool eventFilter(QObject *watched, QEvent *event) override;
    void updateTitle();
    // ComposerWindowFlow.cpp: send checks, autosave, closing.
    bool checkRecipients();
    void autosaveIfChanged();
    void askKeepDraft();
    void keepDraftAnswered(int button);
    QString fingerprint() const;

    QString m_from;
    qint64 m_draftId = 0;
    DraftEntry m_loaded; // ids and kind of what was set, kept through edits
    QLabel *m_fromLabel = nullptr;
    QLabel *m_answerLabel = nullptr;
    QLineEdit *m_to = nullptr;
    QLineEdit *m_cc = nullptr;
    QLineEdit *m_bcc = nullptr;
    QLineEdit *m_subject = nullptr;
    QTextEdit *m_body = nullptr;
    QToolBar *m_formatBar = nullptr;
    ComposerAttachmentList *m_attachments = nullptr;
    QLabel *m_error = nullptr;
    QAction *m_sendAction = nullptr;
    QAction *m_attachAction = nullptr;
    QAction *m_discardAction = nullptr;
    QAction *m_plainAction = nullptr;
    QAction *m_bccAction = nullptr;
    QList<RecipientCompleter *> m_completers;
    QTimer *m_autosaveTimer = nullptr;
    QMessageBox *m_keepDialog = nullptr;
    std::function<QStringList()> m_chooseFiles;
    QString m_savedFingerprint;     // at the last setContent / Keep: no question when equal
    QString m_autosavedFingerprint; // at the last autosaveRequested
    bool m_plain = false;
    bool m_closing = false; // the user answered: close without asking again
};

} // namespace skein::ui
