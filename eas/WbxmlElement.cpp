#include "WbxmlElement.h"

namespace skein::wbxml {

Element &Element::add(Tag t)
{
    m_children.emplace_back(t);
    return m_children.back();
}

Element &Element::add(Tag t, const QByteArray &utf8Text)
{
    Element &e = add(t);
    e.setText(utf8Text);
    return e;
}

Element &Element::addOpaque(Tag t, const QByteArray &bytes)
{
    Element &e = add(t);
    e.setOpaque(bytes);
    return e;
}

const Element *Element::child(Tag t) const
{
    for (const Element &c : m_children)
        if (c.is(t))
            return &c;
    return nullptr;
}

QList<const Element *> Element::all(Tag t) const
{
    QList<const Element *> found;
    for (const Element &c : m_children)
        if (c.is(t))
            found.append(&c);
    return found;
}

QByteArray Element::childData(Tag t, const QByteArray &fallback) const
{
    const Element *c = child(t);
    return c ? c->data() : fallback;
}

QString Element::childText(Tag t, const QString &fallback) const
{
    const Element *c = child(t);
    return c ? c->text() : fallback;
}

int Element::childInt(Tag t, int fallback) const
{
    bool ok = false;
    const int v = childData(t).trimmed().toInt(&ok);
    return ok ? v : fallback;
}

const Element *Element::find(std::initializer_list<Tag> path) const
{
    const Element *e = this;
    for (Tag t : path) {
        e = e->child(t);
        if (!e)
            return nullptr;
    }
    return e;
}

} // namespace skein::wbxml
