#pragma once

#include <QHash>
#include <QImage>
#include <QList>
#include <QStringList>
#include <QTextBrowser>
#include <QUrl>

namespace skein::ui {

// A message body: a QTextBrowser (no scripts, ever) that never touches the
// network itself. Remote resources (http, https, ftp) are refused unless the
// user allowed them; allowed ones are asked for through remoteImageNeeded()
// and come back via addRemoteImage(), loaded off the GUI thread by
// RemoteImageLoader. Local files are never read either. Links open only on
// a click, in the desktop's browser. The view grows to its content's height:
// the reading pane around it scrolls. A blocked image shows as a small
// framed box with its alt text and declared size, never wider than the
// view (a tracking pixel, declared 1 pixel wide or high, shows as nothing).
class BodyView : public QTextBrowser
{
    Q_OBJECT
public:
    explicit BodyView(QWidget *parent = nullptr);

    // Renders `html` (already sanitised or produced by format::plainTextToHtml).
    void setBodyHtml(const QString &html);
    void setRemoteContentAllowed(bool allowed);
    bool remoteContentAllowed() const { return m_remoteAllowed; }
    // Remote URLs the last rendering refused.
    const QList<QUrl> &blockedUrls() const { return m_blocked; }
    void addRemoteImage(const QUrl &url, const QImage &image);
    // A part of the message itself that the HTML shows by cid: (fetched by
    // the app as an attachment); kept for the card's life.
    void addInlineImage(const QString &contentId, const QImage &image);
    // The Content-IDs the body shows by cid:, each once, in order.
    QStringList inlineImageIds() const;
    // What the boxes standing in for blocked images say, in document order
    // ("Company logo — Blocked image, 600 × 200"), also their tool tips.
    QStringList placeholderTexts() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    // The last rendering refused remote content (emitted once per rendering).
    void remoteContentBlocked();
    void remoteImageNeeded(const QUrl &url);

protected:
    QVariant loadResource(int type, const QUrl &name) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    static bool isRemote(const QUrl &url);
    void render();
    QList<QUrl> remoteImages() const;
    void block(const QUrl &url);
    void showPlaceholders();
    void request(const QUrl &url);
    void openLink(const QUrl &url);
    void fitHeight();

    QString m_html;
    bool m_remoteAllowed = false;
    QList<QUrl> m_blocked;
    QList<QUrl> m_requested;
    QHash<QUrl, QImage> m_images;
    QHash<QString, QImage> m_inline; // by Content-ID
};

} // namespace skein::ui
