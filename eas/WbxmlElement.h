#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QtGlobal>

#include <vector>

namespace skein::wbxml {

// An EAS element is identified by its code page and token, never by name:
// names are ambiguous across pages (see docs/protocol.md).
struct Tag {
    quint8 page = 0;
    quint8 token = 0;
    friend constexpr bool operator==(Tag, Tag) = default;
};

// One node of a decoded or to-be-encoded EAS document. EAS uses no attributes
// and no mixed content, so an element has either text or children.
class Element
{
public:
    Element() = default;
    explicit Element(Tag tag) : m_tag(tag) {}

    Tag tag() const { return m_tag; }
    bool is(Tag t) const { return m_tag == t; }

    // Raw content bytes. For OPAQUE data every byte is kept, 0x00 included.
    const QByteArray &data() const { return m_data; }
    QString text() const { return QString::fromUtf8(m_data); }
    bool isOpaque() const { return m_opaque; }
    // False when the token is unknown to the decoder's table (e.g. a 16.1
    // addition); such elements are kept so callers can skip them.
    bool isKnown() const { return m_known; }

    void setText(const QByteArray &utf8) { m_data = utf8; m_opaque = false; }
    void setOpaque(const QByteArray &bytes) { m_data = bytes; m_opaque = true; }
    void setKnown(bool known) { m_known = known; }

    const std::vector<Element> &children() const { return m_children; }
    std::vector<Element> &children() { return m_children; }

    // Builders; they return the new child so requests read top-down.
    Element &add(Tag t);
    Element &add(Tag t, const QByteArray &utf8Text);
    Element &add(Tag t, const QString &text) { return add(t, text.toUtf8()); }
    Element &add(Tag t, const char *text) { return add(t, QByteArray(text)); }
    Element &add(Tag t, qint64 number) { return add(t, QByteArray::number(number)); }
    Element &addOpaque(Tag t, const QByteArray &bytes);

    // Lookups among direct children.
    const Element *child(Tag t) const;
    QList<const Element *> all(Tag t) const;
    bool has(Tag t) const { return child(t) != nullptr; }
    QByteArray childData(Tag t, const QByteArray &fallback = {}) const;
    QString childText(Tag t, const QString &fallback = {}) const;
    int childInt(Tag t, int fallback = 0) const;
    // Follows a path of tags from this element; nullptr if any step is missing.
    const Element *find(std::initializer_list<Tag> path) const;

    friend bool operator==(const Element &, const Element &) = default;

private:
    Tag m_tag;
    QByteArray m_data;
    bool m_opaque = false;
    bool m_known = true;
    std::vector<Element> m_children;
};

} // namespace skein::wbxml
