#include "BodyView.h"

#include <QAbstractTextDocumentLayout>
#include <QDesktopServices>
#include <QPainter>
#include <QScrollBar>
#include <QTextBlock>
#include <QTextCursor>
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

// The resource name a blocked image's box is stored under: not a URL any
// loader understands, so nothing ever fetches it.
const QString placeholderScheme = QStringLiteral("skein-blocked");
// A box wider than this is no tidier, only emptier.
constexpr int maxPlaceholderWidth = 420;

// The <img> width and height; 0 where the HTML does not say.
QSize declaredSize(const QTextImageFormat &format)
{
    return {qMax(0, qRound(format.width())), qMax(0, qRound(format.height()))};
}

// A tracking pixel: the sender meant it to be invisible.
bool isInvisible(const QSize &declared)
{
    return declared.width() == 1 || declared.height() == 1;
}

QStringList placeholderLines(const QString &alt, const QSize &declared)
{
    const int width = declared.width(), height = declared.height();
    const QString what = width > 0 && height > 0 ? BodyView::tr("Blocked image, %1 \u00d7 %2").arg(width).arg(height)
        : width > 0                              ? BodyView::tr("Blocked image, %1 pixels wide").arg(width)
        : height > 0                             ? BodyView::tr("Blocked image, %1 pixels high").arg(height)
                                                 : BodyView::tr("Blocked image");
    const QString altText = alt.simplified();
    return altText.isEmpty() ? QStringList{what} : QStringList{altText, what};
}

// A framed box with the lines in it (elided to fit), at most maxWidth wide.
QImage drawPlaceholder(const QStringList &lines, const QFont &font, const QPalette &palette, int maxWidth,
                       qreal devicePixelRatio)
{
    const QFontMetrics metrics(font);
    const int padding = metrics.height() / 2;
    int textWidth = 0;
    for (const QString &line : lines)
        textWidth = qMax(textWidth, metrics.horizontalAdvance(line));
    const QSize size(qMin(textWidth + 2 * padding, maxWidth), int(lines.size()) * metrics.height() + 2 * padding);
    QImage image(size * devicePixelRatio, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(devicePixelRatio);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(palette.color(QPalette::Mid), 1, Qt::DashLine));
    painter.setBrush(palette.color(QPalette::AlternateBase));
    painter.drawRoundedRect(QRectF(0.5, 0.5, size.width() - 1, size.height() - 1), 3, 3);
    painter.setFont(font);
    painter.setPen(palette.color(QPalette::PlaceholderText));
    const int lineWidth = size.width() - 2 * padding;
    for (int i = 0; i < lines.size(); ++i)
        painter.drawText(QRect(padding, padding + i * metrics.height(), lineWidth, metrics.height()),
                         Qt::AlignLeft | Qt::AlignVCenter, metrics.elidedText(lines.at(i), Qt::ElideRight, lineWidth));
    return image;
}

QImage invisiblePlaceholder()
{
    QImage image(1, 1, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    return image;
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
    setObjectName(QStringLiteral("messageBody"));
    document()->setUndoRedoEnabled(false); // shown, never edited: placeholders need no undo
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
    if (!m_blocked.isEmpty()) {
        showPlaceholders();
        Q_EMIT remoteContentBlocked();
    }
    fitHeight();
}

// Qt draws an image it cannot load as a broken-file icon stretched to the
// declared size (a large grey block, often wider than the view): each
// blocked image becomes a box of its own instead, sized to its words.
void BodyView::showPlaceholders()
{
    struct Replacement {
        int position;
        int length;
        QTextImageFormat format;
    };
    QList<Replacement> replacements;
    for (QTextBlock textBlock = document()->begin(); textBlock.isValid(); textBlock = textBlock.next()) {
        for (auto it = textBlock.begin(); !it.atEnd(); ++it) {
            const QTextFragment fragment = it.fragment();
            if (!fragment.charFormat().isImageFormat())
                continue;
            const QTextImageFormat format = fragment.charFormat().toImageFormat();
            if (m_blocked.contains(QUrl(format.name())))
                replacements.append({fragment.position(), fragment.length(), format});
        }
    }
    const int margins = 2 * int(document()->documentMargin()) + 2;
    const int maxWidth = qBound(80, viewport()->width() - margins, maxPlaceholderWidth);
    QTextCursor cursor(document());
    for (int i = 0; i < replacements.size(); ++i) {
        QTextImageFormat format = replacements.at(i).format;
        const QSize declared = declaredSize(format);
        const QStringList lines =
            placeholderLines(format.property(QTextFormat::ImageAltText).toString(), declared);
        const QImage image = isInvisible(declared)
            ? invisiblePlaceholder()
            : drawPlaceholder(lines, font(), palette(), maxWidth, devicePixelRatioF());
        const QUrl name(QStringLiteral("%1:%2").arg(placeholderScheme).arg(i));
        document()->addResource(QTextDocument::ImageResource, name, image);
        format.setName(name.toString());
        format.setWidth(image.deviceIndependentSize().width());
        format.setHeight(image.deviceIndependentSize().height());
        format.setToolTip(lines.join(QStringLiteral(" \u2014 ")));
        cursor.setPosition(replacements.at(i).position);
        cursor.setPosition(replacements.at(i).position + replacements.at(i).length, QTextCursor::KeepAnchor);
        cursor.setCharFormat(format);
    }
}

QStringList BodyView::placeholderTexts() const
{
    QStringList texts;
    for (QTextBlock textBlock = document()->begin(); textBlock.isValid(); textBlock = textBlock.next()) {
        for (auto it = textBlock.begin(); !it.atEnd(); ++it) {
            const QTextCharFormat format = it.fragment().charFormat();
            if (format.isImageFormat()
                && QUrl(format.toImageFormat().name()).scheme() == placeholderScheme)
                texts.append(format.toolTip());
        }
    }
    return texts;
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
