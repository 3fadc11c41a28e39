#pragma once

#include <QHeaderView>

class QStandardItemModel;

namespace skein::ui {

// The conversation list's header: Date | From | Subject. Clicking a section
// sorts by it (clicking the sorted one again reverses the order). It stands
// apart from the list's columns because the list draws each row as one
// two-line card in a single column.
class SortHeader : public QHeaderView
{
    Q_OBJECT
public:
    enum Key { Date, Sender, Subject };

    explicit SortHeader(QWidget *parent = nullptr);

    void setSort(Key key, Qt::SortOrder order);
    Key key() const { return m_key; }
    Qt::SortOrder order() const { return m_order; }

Q_SIGNALS:
    void sortRequested(skein::ui::SortHeader::Key key, Qt::SortOrder order);

private:
    void clicked(int section);

    QStandardItemModel *m_sections = nullptr;
    Key m_key = Date;
    Qt::SortOrder m_order = Qt::DescendingOrder;
};

} // namespace skein::ui
