#include "AttachmentList.h"

#include "AttachmentSafety.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QMimeDatabase>
#include <QProgressBar>
#include <QPushButton>
#include <QStandardPaths>
#include <QStyle>
#include <QVBoxLayout>

namespace skein::ui {

namespace {

QIcon typeIcon(const Attachment &a, const QStyle *style)
{
    static const QMimeDatabase mimes;
    const QMimeType type = a.contentType.isEmpty() ? mimes.mimeTypeForFile(a.name, QMimeDatabase::MatchExtension)
                                                   : mimes.mimeTypeForName(a.contentType);
    const QIcon fallback = style->standardIcon(QStyle::SP_FileIcon);
    return QIcon::fromTheme(type.iconName(), QIcon::fromTheme(type.genericIconName(), fallback));
}

// A name fit for a file on this computer: no folders, no leading dots.
QString safeFileName(const QString &name)
{
    QString base = QFileInfo(QString(name).replace(QLatin1Char('\\'), QLatin1Char('/'))).fileName().trimmed();
    while (base.startsWith(QLatin1Char('.')))
        base.remove(0, 1);
    return base.isEmpty() ? QStringLiteral("attachment") : base;
}

} // namespace

AttachmentList::AttachmentList(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("attachments"));
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("attachmentList"));
    m_list->setAccessibleName(tr("Attachments"));
    m_list->setSpacing(1);
    m_list->setFrameShape(QFrame::NoFrame);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_list->setTextElideMode(Qt::ElideMiddle); // keeps the extension in sight
    connect(m_list, &QListWidget::currentRowChanged, this, &AttachmentList::updateButtons);
    connect(m_list, &QListWidget::itemActivated, this, &AttachmentList::open);

    auto button = [this](const QString &text, const char *name, const QString &accessible) {
        auto *b = new QPushButton(text, this);
        b->setObjectName(QLatin1String(name));
        b->setAccessibleName(accessible);
        return b;
    };
    m_open = button(tr("Open"), "attachmentOpen", tr("Open the attachment"));
    m_saveAs = button(tr("Save As\u2026"), "attachmentSaveAs", tr("Save the attachment as"));
    m_saveAll = button(tr("Save All\u2026"), "attachmentSaveAll", tr("Save all attachments"));
    m_cancel = button(tr("Cancel"), "attachmentCancel", tr("Cancel the download"));
    connect(m_open, &QPushButton::clicked, this, &AttachmentList::open);
    connect(m_saveAs, &QPushButton::clicked, this, &AttachmentList::saveAs);
    connect(m_saveAll, &QPushButton::clicked, this, &AttachmentList::saveAll);
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        m_queued.clear();
        if (!m_downloading.isEmpty())
            Q_EMIT cancelRequested(m_messageId, m_downloading);
    });
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("attachmentProgress"));
    m_progress->setAccessibleName(tr("Download progress"));
    m_progress->setMaximumWidth(200);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("attachmentStatus"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_open);
    buttons->addWidget(m_saveAs);
    buttons->addWidget(m_saveAll);
    buttons->addWidget(m_progress);
    buttons->addWidget(m_cancel);
    buttons->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 0, 8, 0);
    layout->setSpacing(2);
    layout->addWidget(m_list);
    layout->addLayout(buttons);
    layout->addWidget(m_status);

    m_chooseFile = [this](const QString &suggested) {
        const QString dir = QStandardPaths::writableLocation(QStandardPaths::DownloadLocation);
        return QFileDialog::getSaveFileName(this, tr("Save Attachment"), QDir(dir).filePath(suggested));
    };
    m_chooseFolder = [this] {
        return QFileDialog::getExistingDirectory(this, tr("Save All Attachments"),
                                                 QStandardPaths::writableLocation(QStandardPaths::DownloadLocation));
    };
    setAttachments(0, {});
}

QString AttachmentList::sizeText(qint64 bytes)
{
    if (bytes <= 0)
        return tr("size unknown");
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

void AttachmentList::setAttachments(qint64 messageId, const QList<Attachment> &attachments)
{
    m_messageId = messageId;
    m_attachments.clear();
    m_list->clear();
    for (const Attachment &a : attachments) {
        if (a.isInline)
            continue;
        m_attachments.append(a);
        auto *item = new QListWidgetItem(typeIcon(a, style()),
                                         QStringLiteral("%1 (%2)").arg(a.name, sizeText(a.size)), m_list);
        item->setToolTip(a.name);
        item->setData(Qt::AccessibleTextRole, QStringLiteral("%1, %2").arg(a.name, sizeText(a.size)));
    }
    if (!m_attachments.isEmpty())
        m_list->setCurrentRow(0);
    // As tall as its rows, up to six; more scroll inside the card.
    const int rows = int(std::min<qsizetype>(std::max<qsizetype>(m_attachments.size(), 1), 6));
    m_list->setFixedHeight(rows * (m_list->sizeHintForRow(0) + 2 * m_list->spacing()) + 2);
    setVisible(!m_attachments.isEmpty());
    m_progress->hide();
    m_cancel->hide();
    m_status->hide();
    updateButtons();
}

void AttachmentList::setFileChooser(std::function<QString(const QString &)> chooser)
{
    m_chooseFile = std::move(chooser);
}

void AttachmentList::setFolderChooser(std::function<QString()> chooser)
{
    m_chooseFolder = std::move(chooser);
}

const Attachment *AttachmentList::current() const
{
    const int row = m_list->currentRow();
    return row >= 0 && row < m_attachments.size() ? &m_attachments.at(row) : nullptr;
}

void AttachmentList::updateButtons()
{
    const bool busy = isDownloading();
    m_open->setEnabled(current() && !busy);
    m_saveAs->setEnabled(current() && !busy);
    m_saveAll->setEnabled(m_attachments.size() > 1 && !busy);
    m_saveAll->setVisible(m_attachments.size() > 1);
}

void AttachmentList::open()
{
    const Attachment *a = current();
    if (!a || isDownloading())
        return;
    if (const QString refusal = openRefusal(a->name, a->contentType); !refusal.isEmpty()) {
        m_status->setText(refusal);
        m_status->show();
        return;
    }
    m_downloading = a->fileReference;
    m_opening = true;
    m_status->hide();
    setProgress(a->fileReference, 0, a->size);
    Q_EMIT openRequested(m_messageId, *a);
}

void AttachmentList::saveAs()
{
    const Attachment *a = current();
    if (!a || isDownloading())
        return;
    const QString path = m_chooseFile(safeFileName(a->name));
    if (!path.isEmpty())
        requestSave(*a, path);
}

void AttachmentList::saveAll()
{
    if (isDownloading() || m_attachments.isEmpty())
        return;
    const QString folder = m_chooseFolder();
    if (folder.isEmpty())
        return;
    // One at a time: each next one starts when the previous has ended.
    m_queued.clear();
    for (const Attachment &a : m_attachments)
        m_queued.append(QDir(folder).filePath(safeFileName(a.name)) + QLatin1Char('\n') + a.fileReference);
    const QString first = m_queued.takeFirst();
    const QString reference = first.section(QLatin1Char('\n'), 1);
    for (const Attachment &a : m_attachments)
        if (a.fileReference == reference)
            return requestSave(a, first.section(QLatin1Char('\n'), 0, 0));
}

void AttachmentList::requestSave(const Attachment &attachment, const QString &path)
{
    m_downloading = attachment.fileReference;
    m_opening = false;
    m_status->hide();
    setProgress(attachment.fileReference, 0, attachment.size);
    Q_EMIT saveRequested(m_messageId, attachment, path);
}

void AttachmentList::setProgress(const QString &fileReference, qint64 received, qint64 total)
{
    if (fileReference != m_downloading)
        return;
    // QProgressBar counts in int: kilobytes keep 2 GB+ files in range.
    if (total > 0) {
        m_progress->setRange(0, int(std::max<qint64>(1, total / 1024)));
        m_progress->setValue(int(std::min(received, total) / 1024));
    } else {
        m_progress->setRange(0, 0); // size unknown: busy
    }
    m_progress->show();
    m_cancel->show();
    updateButtons();
}

void AttachmentList::setFinished(const QString &fileReference, const QString &error, bool cancelled)
{
    if (fileReference != m_downloading)
        return;
    m_downloading.clear();
    m_progress->hide();
    m_cancel->hide();
    if (cancelled) {
        m_queued.clear();
        m_status->setText(tr("Download cancelled; nothing was saved."));
    } else if (!error.isEmpty()) {
        m_queued.clear();
        m_status->setText(error);
    } else {
        m_status->setText(m_opening ? tr("Opened.") : tr("Saved."));
    }
    m_status->show();
    updateButtons();
    if (!m_queued.isEmpty() && error.isEmpty() && !cancelled) {
        const QString next = m_queued.takeFirst();
        const QString reference = next.section(QLatin1Char('\n'), 1);
        for (const Attachment &a : m_attachments)
            if (a.fileReference == reference)
                return requestSave(a, next.section(QLatin1Char('\n'), 0, 0));
    }
}

QString AttachmentList::statusText() const
{
    return m_status->isHidden() ? QString() : m_status->text();
}

} // namespace skein::ui
