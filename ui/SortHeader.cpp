#include "SortHeader.h"

#include <QStandardItemModel>

namespace skein::ui {

SortHeader::SortHeader(QWidget *parent)
    : QHeaderView(Qt::Horizontal, parent)
{
    setObjectName(QStringLiteral("sortHeader"));
    setAccessibleName(tr("Sort conversations"));
    m_sections = new QStandardItemModel(0, 3, this);
    m_sections->setHorizontalHeaderLabels({tr("Date"), tr("From"), tr("Subject")});
    setModel(m_sections);
    setSectionsClickable(true);
    setHighlightSections(false);
    setSortIndicatorShown(true);
    setSectionResizeMode(QHeaderView::Stretch);
    setSortIndicator(Date, Qt::DescendingOrder);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setFixedHeight(fontMetrics().height() + 10); // no rows below it: size it by hand
    connect(this, &QHeaderView::sectionClicked, this, &SortHeader::clicked);
}

void SortHeader::setSort(Key key, Qt::SortOrder order)
{
    m_key = key;
    m_order = order;
    setSortIndicator(int(key), order);
}

void SortHeader::clicked(int section)
{
    const Key key = Key(section);
    Qt::SortOrder order;
    if (key == m_key)
        order = m_order == Qt::AscendingOrder ? Qt::DescendingOrder : Qt::AscendingOrder;
    else
        order = key == Date ? Qt::DescendingOrder : Qt::AscendingOrder; // newest first; A to Z
    setSort(key, order);
    Q_EMIT sortRequested(key, order);
}

} // namespace skein::ui
