// encode(): builds a libwbxml tree by (page, token), never by name, because
// names are ambiguous across code pages in libwbxml's table.
//
// libwbxml only emits OPAQUE for its BINARY-flagged elements and cuts STR_I
// text at the first 0x00, so anything it would alter is refused up front with
// an error instead of being sent truncated. Conversely, text in a
// BINARY-flagged element always goes out as OPAQUE (libwbxml has no choice
// there); EAS servers expect exactly that for those elements.
//
// The bytes are written here, not by libwbxml: building its tree walks all
// earlier siblings for every node (O(n^2) in a Sync response's items) and its
// encoder copies every node again; together they were a third of skein-
// server's time per synced message. The writer emits exactly what libwbxml
// 0.11.8 emits for these documents (SWITCH_PAGE on page changes, STR_I text,
// OPAQUE for BINARY-flagged elements, no content bit when empty) and keeps
// its refusals; encodeWithLibwbxml() stays as the reference the unit tests
// compare it with.
#include "WbxmlCodec.h"

#include "LibwbxmlTree.h"
#include "WbxmlReader.h"
#include "WbxmlTable.h"

#include <memory>

namespace skein::wbxml {

namespace {

struct TreeDeleter {
    void operator()(WBXMLTree *tree) const { wbxml_tree_destroy(tree); }
};
using TreePtr = std::unique_ptr<WBXMLTree, TreeDeleter>;

struct TagDeleter {
    void operator()(WBXMLTag *tag) const { wbxml_tag_destroy(tag); }
};
using TagPtr = std::unique_ptr<WBXMLTag, TagDeleter>;

struct LibwbxmlFree {
    void operator()(WB_UTINY *p) const { wbxml_free(p); }
};
using OutputPtr = std::unique_ptr<WB_UTINY, LibwbxmlFree>;

constexpr char EasHeader[] = {0x03, 0x01, 0x6A, 0x00};

QString describe(Tag tag)
{
    return QStringLiteral("%1 (page %2, token 0x%3)")
        .arg(detail::tagName(tag))
        .arg(tag.page)
        .arg(tag.token, 2, 16, QLatin1Char('0'));
}

class TreeBuilder
{
public:
    TreeBuilder() : m_tree(wbxml_tree_create(WBXML_LANG_ACTIVESYNC, WBXML_CHARSET_UTF_8)) {}

    bool build(const Element &root)
    {
        if (!m_tree)
            return fail(QStringLiteral("libwbxml could not create a tree"));
        return addElement(root, nullptr, 0);
    }

    WBXMLTree *tree() const { return m_tree.get(); }
    const QString &error() const { return m_error; }

private:
    bool fail(const QString &what)
    {
        m_error = what;
        return false;
    }

    bool checkContent(const Element &e, const WBXMLTagEntry *entry)
    {
        const bool binary = detail::isBinaryEntry(entry);
        if (e.isOpaque() && !binary)
            return fail(QStringLiteral("%1 cannot be sent as OPAQUE: libwbxml 0.11.8 emits OPAQUE only for "
                                       "its BINARY-flagged elements")
                            .arg(describe(e.tag())));
        if (!binary && e.data().contains('\0'))
            return fail(QStringLiteral("text of %1 contains a 0x00 byte, which STR_I cannot carry")
                            .arg(describe(e.tag())));
        return true;
    }

    bool addElement(const Element &e, WBXMLTreeNode *parent, int depth)
    {
        if (depth >= detail::MaxDepth)
            return fail(QStringLiteral("elements nested deeper than %1").arg(detail::MaxDepth));
        const WBXMLTagEntry *entry = detail::findTagEntry(e.tag());
        if (!entry)
            return fail(QStringLiteral("%1 is not in libwbxml 0.11.8's ActiveSync table, so it cannot be "
                                       "encoded as a token")
                            .arg(describe(e.tag())));
        if (!checkContent(e, entry))
            return false;

        const TagPtr tag(wbxml_tag_create_token(entry));
        WBXMLTreeNode *node = tag ? wbxml_tree_add_elt(m_tree.get(), parent, tag.get()) : nullptr;
        if (!node)
            return fail(QStringLiteral("libwbxml could not add %1").arg(describe(e.tag())));
        // No text node for empty content, so the tag goes out without the content bit.
        if (!e.data().isEmpty() && !addText(node, e.data()))
            return fail(QStringLiteral("libwbxml could not add the text of %1").arg(describe(e.tag())));
        for (const Element &child : e.children())
            if (!addElement(child, node, depth + 1))
                return false;
        return true;
    }

    bool addText(WBXMLTreeNode *node, const QByteArray &data)
    {
        const auto *bytes = reinterpret_cast<const WB_UTINY *>(data.constData());
        return wbxml_tree_add_text(m_tree.get(), node, bytes, static_cast<WB_ULONG>(data.size())) != nullptr;
    }

    TreePtr m_tree;
    QString m_error;
};

EncodeResult encodeError(const QString &what)
{
    return EncodeResult{{}, QStringLiteral("WBXML encode: ") + what};
}

// WBXML global tokens (WAP-192 5.8.1).
constexpr char SwitchPage = 0x00, End = 0x01, StrI = 0x03, Opaque = char(0xC3);
constexpr quint8 ContentBit = 0x40;

class Writer
{
public:
    explicit Writer(QByteArray &out) : m_out(out) {}

    bool write(const Element &e, int depth)
    {
        if (depth >= detail::MaxDepth)
            return fail(QStringLiteral("elements nested deeper than %1").arg(detail::MaxDepth));
        const WBXMLTagEntry *entry = detail::findTagEntry(e.tag());
        if (!entry)
            return fail(QStringLiteral("%1 is not in libwbxml 0.11.8's ActiveSync table, so it cannot be "
                                       "encoded as a token")
                            .arg(describe(e.tag())));
        const bool binary = detail::isBinaryEntry(entry);
        if (e.isOpaque() && !binary)
            return fail(QStringLiteral("%1 cannot be sent as OPAQUE: libwbxml 0.11.8 emits OPAQUE only for "
                                       "its BINARY-flagged elements")
                            .arg(describe(e.tag())));
        if (!binary && e.data().contains('\0'))
            return fail(QStringLiteral("text of %1 contains a 0x00 byte, which STR_I cannot carry")
                            .arg(describe(e.tag())));
        if (e.tag().page != m_page) {
            m_out.append(SwitchPage).append(char(e.tag().page));
            m_page = e.tag().page;
        }
        const bool content = !e.data().isEmpty() || !e.children().empty();
        m_out.append(char(e.tag().token | (content ? ContentBit : 0)));
        if (!e.data().isEmpty())
            binary ? writeOpaque(e.data()) : writeString(e.data());
        for (const Element &child : e.children())
            if (!write(child, depth + 1))
                return false;
        if (content)
            m_out.append(End);
        return true;
    }

    const QString &error() const { return m_error; }

private:
    bool fail(const QString &what)
    {
        m_error = what;
        return false;
    }

    void writeString(const QByteArray &text)
    {
        m_out.append(StrI).append(text).append('\0');
    }

    // mb_u_int32: 7 bits a byte, most significant first, high bit = more.
    void writeOpaque(const QByteArray &bytes)
    {
        m_out.append(Opaque);
        char length[5];
        int at = 5;
        quint32 n = quint32(bytes.size());
        length[--at] = char(n & 0x7F); // the last byte has no "more" bit
        for (n >>= 7; n; n >>= 7)
            length[--at] = char((n & 0x7F) | 0x80);
        m_out.append(length + at, 5 - at).append(bytes);
    }

    QByteArray &m_out;
    quint8 m_page = 0;
    QString m_error;
};

// Rough size of the encoding, so the output grows once or twice, not per node.
qsizetype sizeHint(const Element &e)
{
    qsizetype n = 4 + e.data().size();
    for (const Element &child : e.children())
        n += sizeHint(child);
    return n;
}

} // namespace

EncodeResult encode(const Element &root)
{
    QByteArray bytes;
    bytes.reserve(sizeof EasHeader + sizeHint(root));
    bytes.append(EasHeader, sizeof EasHeader);
    Writer writer(bytes);
    if (!writer.write(root, 0))
        return encodeError(writer.error());
    return EncodeResult{std::move(bytes), {}};
}

namespace detail {

EncodeResult encodeWithLibwbxml(const Element &root)
{
    TreeBuilder builder;
    if (!builder.build(root))
        return encodeError(builder.error());

    // EAS: WBXML 1.3, anonymous (public id 1), no string table, blanks kept.
    WBXMLGenWBXMLParams params{WBXML_VERSION_13, TRUE, FALSE, TRUE};
    WB_UTINY *raw = nullptr;
    WB_ULONG length = 0;
    const WBXMLError rc = wbxml_tree_to_wbxml(builder.tree(), &raw, &length, &params);
    const OutputPtr output(raw);
    if (rc != WBXML_OK || !output)
        return encodeError(QStringLiteral("libwbxml: %1")
                               .arg(QString::fromLatin1(reinterpret_cast<const char *>(wbxml_errors_string(rc)))));

    QByteArray bytes(reinterpret_cast<const char *>(output.get()), qsizetype(length));
    if (!bytes.startsWith(QByteArrayView(EasHeader, sizeof EasHeader)))
        return encodeError(QStringLiteral("libwbxml wrote an unexpected header %1")
                               .arg(QString::fromLatin1(bytes.left(4).toHex(' '))));
    return EncodeResult{std::move(bytes), {}};
}

} // namespace detail

} // namespace skein::wbxml
