#include "SortHeader.h"

#include <QEvent>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>

namespace skein::ui {

SortHeader::SortHeader(QWidget *parent)
    : QWidget(parent)
    , m_names{tr("Date"), tr("From"), tr("Subject")}
{
    setObjectName(QStringLiteral("sortHeader"));
    setAccessibleName(tr("Sort conversations"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(6, 0, 6, 0);
    layout->setSpacing(2);
    auto *label = new QLabel(tr("Sort:"), this);
    label->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(label);
    // By what the button does, not by the Key's number (docs/testing.md).
    const char *const objectNames[] = {"actionSortByDate", "actionSortBySender", "actionSortBySubject"};
    for (int key = Date; key <= Subject; ++key) {
        if (key != Date) {
            // A thin rule between the keys, as in "Date ▼ | From | Subject".
            auto *rule = new QFrame(this);
            rule->setFrameShape(QFrame::VLine);
            rule->setFrameShadow(QFrame::Plain);
            rule->setForegroundRole(QPalette::Mid);
            rule->setFixedHeight(fontMetrics().height() - 2);
            layout->addWidget(rule);
        }
        auto *button = new QToolButton(this);
        button->setObjectName(QLatin1String(objectNames[key]));
        button->setAutoRaise(true);
        button->setFocusPolicy(Qt::TabFocus);
        connect(button, &QToolButton::clicked, this, [this, key] { clicked(Key(key)); });
        layout->addWidget(button);
        m_buttons.append(button);
    }
    layout->addStretch(1);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    refresh();
}

QString SortHeader::arrow(Qt::SortOrder order)
{
    return order == Qt::DescendingOrder ? QStringLiteral("\u25BC") : QStringLiteral("\u25B2");
}

void SortHeader::setSort(Key key, Qt::SortOrder order)
{
    m_key = key;
    m_order = order;
    refresh();
}

void SortHeader::clicked(Key key)
{
    Qt::SortOrder order;
    if (key == m_key)
        order = m_order == Qt::AscendingOrder ? Qt::DescendingOrder : Qt::AscendingOrder;
    else
        order = key == Date ? Qt::DescendingOrder : Qt::AscendingOrder; // newest first; A to Z
    setSort(key, order);
    Q_EMIT sortRequested(key, order);
}

void SortHeader::refresh()
{
    for (int key = Date; key <= Subject; ++key) {
        QToolButton *button = m_buttons.at(key);
        const bool current = key == m_key;
        button->setText(current ? m_names.at(key) + QLatin1Char(' ') + arrow(m_order) : m_names.at(key));
        QFont font = this->font();
        font.setBold(current); // the current key stands out even without colour
        button->setFont(font);
        const QString name = m_names.at(key).toLower();
        QString description = tr("Sort by %1").arg(name);
        if (current && key == Date)
            description = m_order == Qt::DescendingOrder ? tr("Sorted by date, newest first")
                                                         : tr("Sorted by date, oldest first");
        else if (current)
            description = tr("Sorted by %1, %2")
                              .arg(name, m_order == Qt::AscendingOrder ? tr("A to Z") : tr("Z to A"));
        button->setToolTip(description);
        button->setAccessibleName(description);
    }
}

void SortHeader::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange)
        refresh();
}

} // namespace skein::ui
