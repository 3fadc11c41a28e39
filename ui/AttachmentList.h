#pragma once

#include "MailTypes.h"

#include <QWidget>

#include <functional>

class QLabel;
class QListWidget;
class QProgressBar;
class QPushButton;

namespace skein::ui {

// The attachments of one message card: each with a type icon, its name and
// size; Open, Save As… and Save All…; while a download runs, its progress
// and Cancel. It asks, never fetches: the signals go (through MessageCard
// and ReadingPane) to the app, which fetches on the engine's thread and
// reports back with setProgress() / setFinished(). Inline parts (images the
// HTML shows by cid:) are not listed, as in Outlook.
class AttachmentList : public QWidget
{
    Q_OBJECT
public:
    explicit AttachmentList(QWidget *parent = nullptr);

    void setAttachments(qint64 messageId, const QList<Attachment> &attachments);
    const QList<Attachment> &attachments() const { return m_attachments; }
    // How Save As… / Save All… ask for a place; the default opens a file
    // dialog. Tests set their own. An empty answer is "cancelled".
    void setFileChooser(std::function<QString(const QString &suggestedName)> chooser);
    void setFolderChooser(std::function<QString()> chooser);

    // From the app: a download of fileReference moves on / has ended.
    void setProgress(const QString &fileReference, qint64 received, qint64 total);
    void setFinished(const QString &fileReference, const QString &error, bool cancelled);
    bool isDownloading() const { return !m_downloading.isEmpty(); }
    QString statusText() const;

    // "12 KB", "3.4 MB": what the list shows.
    static QString sizeText(qint64 bytes);

Q_SIGNALS:
    // Fetch to a private temporary file and open it; the list has already
    // refused programs and scripts (AttachmentSafety.h).
    void openRequested(qint64 messageId, const skein::Attachment &attachment);
    void saveRequested(qint64 messageId, const skein::Attachment &attachment, const QString &path);
    void cancelRequested(qint64 messageId, const QString &fileReference);

private:
    const Attachment *current() const;
    void open();
    void saveAs();
    void saveAll();
    void requestSave(const Attachment &attachment, const QString &path);
    void updateButtons();

    qint64 m_messageId = 0;
    QList<Attachment> m_attachments; // the listed ones, in list order
    QListWidget *m_list = nullptr;
    QPushButton *m_open = nullptr;
    QPushButton *m_saveAs = nullptr;
    QPushButton *m_saveAll = nullptr;
    QProgressBar *m_progress = nullptr;
    QPushButton *m_cancel = nullptr;
    QLabel *m_status = nullptr;
    QString m_downloading; // fileReference of the download shown in m_progress
    bool m_opening = false; // that download is for Open, not a save
    QStringList m_queued;  // Save All's references still waiting
    std::function<QString(const QString &)> m_chooseFile;
    std::function<QString()> m_chooseFolder;
};

} // namespace skein::ui
