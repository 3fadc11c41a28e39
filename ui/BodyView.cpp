#include "BodyView.h"

#include <QAbstractTextDocumentLayout>
#include <QDesktopServices>
#include <QScrollBar>
#include <QTextBlock>
#include <QTimer>

namespace skein::ui {

namespace {

// Images carried inside the HTML as data: URLs are part of the message, not
// remote content. Only base64 image data is accepted.
QImage decodeDataUrl(const QUrl &url)
{
    const QString spec = url.toString(QUrl::FullyEncoded);
    const qsizetype comma = spec.indexOf(QLatin1Char(','));
    if (comma < 0 || !spec.left(comma).endsWith(QLatin1String(";base64"))
        || !spec.startsWith(QLatin1String("data:image/"), Qt::CaseInsensitive))
        return {};
    const QByteArray data = QByteArray::fromBase64(
        QByteArray::fromPercentEncoding(spec.mid(comma + 1).toLatin1()));
    return QImage::fromData(data);
}

} // namespace

BodyView::BodyView(QWidget *parent)
    : QTextBrowser(parent)
{
    setOpenLinks(false);
    setOpenExternalLinks(false);
    setFrameShape(QFrame::NoFrame);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setAccessibleName(tr("Message body"));
    connect(this, &QTextBrowser::anchorClicked, this, &BodyView::openLink);
    connect(document()->documentLayout(), &QAbstractTextDocumentLayout::documentSizeChanged, this,
            &BodyView::fitHeight);
}

void BodyView::setBodyHtml(const QString &html)
{
    m_html = html;
    m_images.clear();
    m_requested.clear();
    render();
}

void BodyView::setRemoteContentAllowed(bool allowed)
{
    if (m_remoteAllowed == allowed)
        return;
    m_remoteAllowed = allowed;
    render();
}

void BodyView::addRemoteImage(const QUrl &url, const QImage &image)
{
    if (!m_requested.contains(url) || image.isNull())
        return;
    m_images.insert(url, image);
    render(); // re-lays out with the image in place
}

void BodyView::addInlineImage(const QString &contentId, const QImage &image)
{
    if (image.isNull())
        return;
    m_inline.insert(contentId, image);
    render();
}

QStringList BodyView::inlineImageIds() const
{
    QStringList ids;
    for (QTextBlock textBlock = document()->begin(); textBlock.isValid(); textBlock = textBlock.next()) {
        for (auto it = textBlock.begin(); !it.atEnd(); ++it) {
            const QTextCharFormat format = it.fragment().charFormat();
            if (!format.isImageFormat())
                continue;
            const QUrl url(format.toImageFormat().name());
            if (url.scheme().compare(QLatin1String("cid"), Qt::CaseInsensitive) == 0 && !ids.contains(url.path()))
                ids.append(url.path());
        }
    }
    return ids;
}

void BodyView::render()
{
    m_blocked.clear();
    const int scroll = horizontalScrollBar()->value();
    setHtml(m_html);
    horizontalScrollBar()->setValue(scroll);
    // Images with a width and height are loaded only when painted, so look
    // for remote ones now rather than waiting for loadResource().
    for (const QUrl &url : remoteImages()) {
        if (m_images.contains(url))
            continue;
        if (!m_remoteAllowed)
            block(url);
        else
            request(url);
    }
    if (!m_blocked.isEmpty())
        Q_EMIT remoteContentBlocked();
    fitHeight();
}

QList<QUrl> BodyView::remoteImages() const
{
    QList<QUrl> urls;
    for (QTextBlock textBlock = document()->begin(); textBlock.isValid(); textBlock = textBlock.next()) {
        for (auto it = textBlock.begin(); !it.atEnd(); ++it) {
            const QTextCharFormat format = it.fragment().charFormat();
            if (!format.isImageFormat())
                continue;
            const QUrl url(format.toImageFormat().name());
            if (isRemote(url) && !urls.contains(url))
                urls.append(url);
        }
    }
    return urls;
}

void BodyView::block(const QUrl &url)
{
    if (!m_blocked.contains(url))
        m_blocked.append(url);
}

void BodyView::request(const QUrl &url)
{
    if (m_requested.contains(url))
        return;
    m_requested.append(url);
    // Queued: this may run in the middle of a layout pass.
    QTimer::singleShot(0, this, [this, url] { Q_EMIT remoteImageNeeded(url); });
}

bool BodyView::isRemote(const QUrl &url)
{
    const QString scheme = url.scheme().toLower();
    return scheme == QLatin1String("http") || scheme == QLatin1String("https")
        || scheme == QLatin1String("ftp") || url.toString().startsWith(QLatin1String("//"));
}

QVariant BodyView::loadResource(int type, const QUrl &name)
{
    if (name.scheme().compare(QLatin1String("data"), Qt::CaseInsensitive) == 0) {
        const QImage image = decodeDataUrl(name);
        return image.isNull() ? QVariant() : QVariant(image);
    }
    if (name.scheme().compare(QLatin1String("cid"), Qt::CaseInsensitive) == 0) {
        // A part of the message: shown once the app has fetched it.
        const auto it = m_inline.constFind(name.path());
        return it != m_inline.constEnd() && type == QTextDocument::ImageResource ? QVariant(*it) : QVariant();
    }
    if (!isRemote(name))
        return {}; // no local files
    if (const auto it = m_images.constFind(name); it != m_images.constEnd())
        return type == QTextDocument::ImageResource ? QVariant(*it) : QVariant();
    if (!m_remoteAllowed) {
        // Something the scan in render() did not see (a background image):
        // record it and tell the card, after the current layout pass.
        if (!m_blocked.contains(name)) {
            block(name);
            QTimer::singleShot(0, this, &BodyView::remoteContentBlocked);
        }
        return {};
    }
    // Only images are fetched; remote style sheets stay out.
    if (type == QTextDocument::ImageResource)
        request(name);
    return {};
}

void BodyView::openLink(const QUrl &url)
{
    const QString scheme = url.scheme().toLower();
    if (scheme == QLatin1String("http") || scheme == QLatin1String("https")
        || scheme == QLatin1String("mailto"))
        QDesktopServices::openUrl(url);
}

void BodyView::resizeEvent(QResizeEvent *event)
{
    QTextBrowser::resizeEvent(event);
    fitHeight();
}

void BodyView::fitHeight()
{
    const int height = sizeHint().height();
    if (height != this->height())
        setFixedHeight(height);
}

QSize BodyView::sizeHint() const
{
    const QMargins margins = contentsMargins();
    int height = int(document()->size().height()) + margins.top() + margins.bottom();
    if (horizontalScrollBar()->isVisible())
        height += horizontalScrollBar()->height();
    return {QTextBrowser::sizeHint().width(), qMax(height, fontMetrics().height())};
}

QSize BodyView::minimumSizeHint() const
{
    return {100, fontMetrics().height()};
}

} // namespace skein::ui
