#pragma once

#include <QList>
#include <QStringList>
#include <QWidget>

class QToolButton;

namespace skein::ui {

// A compact sort bar above the conversation list: "Sort: Date ▼ | From |
// Subject". The list draws each conversation as one two-line card in a
// single column, so column-like header sections would line up with nothing;
// this reads as what it is, a choice of order. Clicking a key sorts by it
// (newest first for the date, A to Z otherwise); clicking the current key
// again reverses. The arrow shows the order: ▼ descending, ▲ ascending.
class SortHeader : public QWidget
{
    Q_OBJECT
public:
    enum Key { Date, Sender, Subject };

    explicit SortHeader(QWidget *parent = nullptr);

    void setSort(Key key, Qt::SortOrder order);
    Key key() const { return m_key; }
    Qt::SortOrder order() const { return m_order; }
    QToolButton *button(Key key) const { return m_buttons.at(int(key)); }
    // The arrow the current key's button shows: ▼ descending, ▲ ascending.
    static QString arrow(Qt::SortOrder order);

Q_SIGNALS:
    void sortRequested(skein::ui::SortHeader::Key key, Qt::SortOrder order);

protected:
    void changeEvent(QEvent *event) override;

private:
    void clicked(Key key);
    void refresh();

    QList<QToolButton *> m_buttons; // by Key
    QStringList m_names;
    Key m_key = Date;
    Qt::SortOrder m_order = Qt::DescendingOrder;
};

} // namespace skein::ui
