// BodyView's blocked remote images: each one a small framed box with its
// alt text and declared size, never Qt's broken-file icon stretched to that
// size (a large grey block wider than the view, with a sideways scroll bar).
// Screenshot for review: /tmp/skein-bodyview-blocked.png.
#include "BodyView.h"

#include <QScrollBar>
#include <QSignalSpy>
#include <QtTest>

using skein::ui::BodyView;

namespace {

const QUrl banner(QStringLiteral("https://news.example/banner.png"));

QString withImage(const QString &attributes)
{
    return QStringLiteral("<p>Our spring offers:</p><p><img src=\"%1\" %2></p><p>See you soon.</p>")
        .arg(banner.toString(), attributes);
}

} // namespace

class TestBodyView : public QObject
{
    Q_OBJECT

    std::unique_ptr<BodyView> m_view;

    void show(const QString &html)
    {
        m_view = std::make_unique<BodyView>();
        m_view->resize(500, 100);
        m_view->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
        m_view->setBodyHtml(html);
        QCoreApplication::processEvents();
    }

private Q_SLOTS:
    void blockedImageIsABoxWithItsAltTextAndSize()
    {
        show(withImage(QStringLiteral("alt=\"Spring sale banner\" width=\"1200\" height=\"800\"")));
        QCOMPARE(m_view->blockedUrls(), QList<QUrl>{banner});
        QCOMPARE(m_view->placeholderTexts(),
                 QStringList{QStringLiteral("Spring sale banner \u2014 Blocked image, 1200 \u00d7 800")});
        QVERIFY2(m_view->document()->size().width() <= m_view->viewport()->width(),
                 qPrintable(QString::number(m_view->document()->size().width())));
        QVERIFY(!m_view->horizontalScrollBar()->isVisible());
        // The text around it and a box of two lines, not 800 pixels of grey.
        QVERIFY2(m_view->height() < 10 * m_view->fontMetrics().height(), qPrintable(QString::number(m_view->height())));
        QVERIFY(m_view->grab().save(QStringLiteral("/tmp/skein-bodyview-blocked.png")));
    }

    void withoutAltTextOrSizeItSaysBlockedImage()
    {
        show(withImage(QString()));
        QCOMPARE(m_view->placeholderTexts(), QStringList{QStringLiteral("Blocked image")});
        QVERIFY(!m_view->horizontalScrollBar()->isVisible());
    }

    void aWidthAloneIsSaidAsSuch()
    {
        show(withImage(QStringLiteral("alt=\"Skein Mobile banner\" width=\"600\"")));
        QCOMPARE(m_view->placeholderTexts(),
                 QStringList{QStringLiteral("Skein Mobile banner \u2014 Blocked image, 600 pixels wide")});
    }

    void aNarrowViewGetsANarrowerBox()
    {
        show(withImage(QStringLiteral("alt=\"A very long description of a picture that goes on and on and on and on\" "
                                      "width=\"900\" height=\"300\"")));
        m_view->resize(200, 100);
        m_view->setBodyHtml(withImage(QStringLiteral(
            "alt=\"A very long description of a picture that goes on and on and on and on\" width=\"900\" height=\"300\"")));
        QVERIFY2(m_view->document()->size().width() <= m_view->viewport()->width(),
                 qPrintable(QString::number(m_view->document()->size().width())));
        QVERIFY(!m_view->horizontalScrollBar()->isVisible());
    }

    // A tracking pixel was meant to be invisible: it stays so.
    void aOnePixelImageTakesNoRoom()
    {
        show(QStringLiteral("<p>Hello<img src=\"%1\" width=\"1\" height=\"1\"></p>").arg(banner.toString()));
        QCOMPARE(m_view->blockedUrls(), QList<QUrl>{banner});
        QVERIFY(m_view->height() < 3 * m_view->fontMetrics().height());
    }

    void allowedImagesAreAskedForInsteadOfBoxed()
    {
        show(withImage(QStringLiteral("alt=\"Spring sale banner\" width=\"1200\" height=\"800\"")));
        QSignalSpy needed(m_view.get(), &BodyView::remoteImageNeeded);
        m_view->setRemoteContentAllowed(true);
        QVERIFY(m_view->placeholderTexts().isEmpty());
        QVERIFY(m_view->blockedUrls().isEmpty());
        QTRY_COMPARE(needed.count(), 1);
        QCOMPARE(needed.at(0).at(0).toUrl(), banner);
    }
};

QTEST_MAIN(TestBodyView)
#include "tst_bodyview.moc"
