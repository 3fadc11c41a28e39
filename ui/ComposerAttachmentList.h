#pragma once

#include "DraftTypes.h"
#include "MailTypes.h"

#include <QWidget>

class QLabel;
class QVBoxLayout;

namespace skein::ui {

// The composer's attachments: one row per file (name, size, a remove
// button), the original's attachments of a forward ("sent with the
// forward": the server adds them), and a total ("2 files, 3.4 MB").
class ComposerAttachmentList : public QWidget
{
    Q_OBJECT
public:
    explicit ComposerAttachmentList(QWidget *parent = nullptr);

    void setAttachments(const QList<DraftAttachment> &attachments);
    QList<DraftAttachment> attachments() const { return m_attachments; }
    void add(const DraftAttachment &attachment);
    void removeAt(int index);
    void setForwarded(const QList<Attachment> &attachments);
    QLabel *totalLabel() const { return m_total; }

Q_SIGNALS:
    void changed();

private:
    void rebuild();

    QList<DraftAttachment> m_attachments;
    QList<Attachment> m_forwarded;
    QVBoxLayout *m_rows = nullptr;
    QLabel *m_total = nullptr;
};

} // namespace skein::ui
