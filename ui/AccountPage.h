#pragma once

#include <QFont>
#include <QLabel>
#include <QWidget>

namespace skein::ui {

// A page of the account dialog's QStackedWidget. QStackedLayout sizes
// itself by its largest page, hidden or not; a page that is not shown
// claims no size here, so a short page never sits above the empty space
// of a tall one (the email page below Advanced's fields).
class AccountPage : public QWidget
{
public:
    using QWidget::QWidget;
    QSize sizeHint() const override { return isHidden() ? QSize(0, 0) : QWidget::sizeHint(); }
    QSize minimumSizeHint() const override { return isHidden() ? QSize(0, 0) : QWidget::minimumSizeHint(); }
    int heightForWidth(int width) const override { return isHidden() ? 0 : QWidget::heightForWidth(width); }
};

// The title line of each page: bold and a little larger, so each page says
// first what it is for.
inline QLabel *makePageHeading(const QString &text, const char *objectName, QWidget *parent)
{
    auto *heading = new QLabel(text, parent);
    heading->setObjectName(QString::fromLatin1(objectName));
    heading->setAccessibleName(text);
    heading->setWordWrap(true);
    QFont font = heading->font();
    font.setBold(true);
    font.setPointSizeF(font.pointSizeF() * 1.2);
    heading->setFont(font);
    return heading;
}

} // namespace skein::ui
