#include "WbxmlReader.h"

#include "WbxmlTable.h"

#include <utility>
#include <vector>

namespace skein::wbxml::detail {

namespace {

enum Token : quint8 {
    SwitchPage = 0x00,
    End = 0x01,
    StrI = 0x03,
    Opaque = 0xC3,
};

constexpr quint8 ContentBit = 0x40;
constexpr quint8 AttributeBit = 0x80;
constexpr quint8 FirstTagToken = 0x05;
constexpr quint32 CharsetUtf8 = 106;

QString hexByte(quint8 b)
{
    return QStringLiteral("0x%1").arg(b, 2, 16, QLatin1Char('0'));
}

// Names of the WBXML global tokens EAS does not use, for error messages.
const char *globalTokenName(quint8 b)
{
    switch (b) {
    case 0x02: return "ENTITY";
    case 0x04: return "LITERAL";
    case 0x40: return "EXT_I_0";
    case 0x41: return "EXT_I_1";
    case 0x42: return "EXT_I_2";
    case 0x43: return "PI";
    case 0x44: return "LITERAL_C";
    case 0x80: return "EXT_T_0";
    case 0x81: return "EXT_T_1";
    case 0x82: return "EXT_T_2";
    case 0x83: return "STR_T";
    case 0x84: return "LITERAL_A";
    case 0xC0: return "EXT_0";
    case 0xC1: return "EXT_1";
    case 0xC2: return "EXT_2";
    case 0xC4: return "LITERAL_AC";
    default: return nullptr;
    }
}

// One element still waiting for its END; its content may come in pieces.
struct OpenElement {
    Element *element;
    QByteArray content;
    bool opaque = false;
};

class Reader
{
public:
    explicit Reader(const QByteArray &body) : m_data(body) {}

    DecodeResult run()
    {
        if (readHeader() && readBody())
            return DecodeResult{std::move(m_root), {}};
        return DecodeResult{std::nullopt, QStringLiteral("WBXML decode: ") + m_error};
    }

private:
    bool fail(const QString &what, qsizetype offset)
    {
        m_error = QStringLiteral("%1 at offset %2").arg(what).arg(offset);
        return false;
    }

    bool atEnd() const { return m_pos >= m_data.size(); }
    quint8 byteAt(qsizetype i) const { return static_cast<quint8>(m_data.at(i)); }

    bool readByte(quint8 &b, const char *what)
    {
        if (atEnd())
            return fail(QStringLiteral("truncated %1").arg(QLatin1String(what)), m_pos);
        b = byteAt(m_pos++);
        return true;
    }

    // WBXML mb_u_int32: big-endian base 128, continuation bit 0x80, ≤ 5 bytes.
    bool readMbUint32(quint32 &value, const char *what)
    {
        const qsizetype start = m_pos;
        quint64 v = 0;
        for (int i = 0; i < 5; ++i) {
            quint8 b = 0;
            if (!readByte(b, what))
                return false;
            v = (v << 7) | (b & 0x7F);
            if (!(b & 0x80)) {
                if (v > 0xFFFFFFFFull)
                    return fail(QStringLiteral("%1 overflows 32 bits").arg(QLatin1String(what)), start);
                value = static_cast<quint32>(v);
                return true;
            }
        }
        return fail(QStringLiteral("%1 longer than 5 bytes").arg(QLatin1String(what)), start);
    }

    bool readHeader()
    {
        if (m_data.isEmpty())
            return fail(QStringLiteral("empty body (not WBXML)"), 0);
        quint8 version = 0;
        readByte(version, "version");
        if (version != 0x03)
            return fail(QStringLiteral("unsupported WBXML version %1 (want 0x03)").arg(hexByte(version)), 0);
        quint32 publicId = 0;
        qsizetype offset = m_pos;
        if (!readMbUint32(publicId, "public id"))
            return false;
        // Public id 0 means "name in the string table", which EAS never has.
        if (publicId == 0)
            return fail(QStringLiteral("public id refers to a string table"), offset);
        quint32 charset = 0;
        offset = m_pos;
        if (!readMbUint32(charset, "charset"))
            return false;
        if (charset != CharsetUtf8)
            return fail(QStringLiteral("charset MIBenum %1 is not UTF-8 (106)").arg(charset), offset);
        quint32 stringTableLength = 0;
        offset = m_pos;
        if (!readMbUint32(stringTableLength, "string table length"))
            return false;
        if (stringTableLength != 0)
            return fail(QStringLiteral("non-empty string table (%1 bytes)").arg(stringTableLength), offset);
        return true;
    }

    bool readBody()
    {
        while (!atEnd()) {
            const qsizetype offset = m_pos;
            const quint8 b = byteAt(m_pos++);
            if (m_rootClosed)
                return fail(QStringLiteral("trailing data %1 after the root element").arg(hexByte(b)), offset);
            if (!readToken(b, offset))
                return false;
        }
        if (!m_root)
            return fail(QStringLiteral("no root element"), m_pos);
        if (!m_open.empty())
            return fail(QStringLiteral("truncated: %1 element(s) not closed").arg(m_open.size()), m_pos);
        return true;
    }

    bool readToken(quint8 b, qsizetype offset)
    {
        // WBXML 1.3 grammar: a switchPage only ever precedes a tag.
        const bool afterSwitch = std::exchange(m_switchPending, b == SwitchPage);
        if (afterSwitch && (b == SwitchPage || b == End || b == StrI || b == Opaque))
            return fail(QStringLiteral("SWITCH_PAGE not followed by a tag (%1)").arg(hexByte(b)), offset);
        switch (b) {
        case SwitchPage: return readByte(m_page, "SWITCH_PAGE");
        case End: return closeElement(offset);
        case StrI: return readInlineString(offset);
        case Opaque: return readOpaque(offset);
        default: return openElement(b, offset);
        }
    }

    bool closeElement(qsizetype offset)
    {
        if (m_open.empty())
            return fail(QStringLiteral("END without an open element"), offset);
        finish(m_open.back());
        m_open.pop_back();
        m_rootClosed = m_open.empty();
        return true;
    }

    bool requireOpenElement(const char *token, qsizetype offset)
    {
        if (m_open.empty())
            return fail(QStringLiteral("%1 outside the root element").arg(QLatin1String(token)), offset);
        return true;
    }

    bool readInlineString(qsizetype offset)
    {
        if (!requireOpenElement("STR_I", offset))
            return false;
        const qsizetype terminator = m_data.indexOf('\0', m_pos);
        if (terminator < 0)
            return fail(QStringLiteral("unterminated STR_I"), offset);
        m_open.back().content += m_data.mid(m_pos, terminator - m_pos);
        m_pos = terminator + 1;
        return true;
    }

    bool readOpaque(qsizetype offset)
    {
        if (!requireOpenElement("OPAQUE", offset))
            return false;
        quint32 length = 0;
        if (!readMbUint32(length, "OPAQUE length"))
            return false;
        if (length > quint64(m_data.size() - m_pos))
            return fail(QStringLiteral("OPAQUE length %1 runs past the end (%2 bytes left)")
                            .arg(length)
                            .arg(m_data.size() - m_pos),
                        offset);
        m_open.back().content += m_data.mid(m_pos, length);
        m_open.back().opaque = true;
        m_pos += length;
        return true;
    }

    bool openElement(quint8 b, qsizetype offset)
    {
        if (const char *name = globalTokenName(b))
            return fail(QStringLiteral("unsupported global token %1 (%2)").arg(hexByte(b), QLatin1String(name)), offset);
        if (b & AttributeBit)
            return fail(QStringLiteral("tag %1 has the attribute bit set").arg(hexByte(b)), offset);
        const quint8 token = b & 0x3F;
        if (token < FirstTagToken)
            return fail(QStringLiteral("unexpected byte %1").arg(hexByte(b)), offset);
        OpenElement open{addElement(Tag{m_page, token}), {}, false};
        if (b & ContentBit) {
            if (m_open.size() >= size_t(MaxDepth))
                return fail(QStringLiteral("elements nested deeper than %1").arg(MaxDepth), offset);
            m_open.push_back(std::move(open));
        } else {
            finish(open);
            m_rootClosed = m_open.empty();
        }
        return true;
    }

    // Pointers on m_open stay valid: only the innermost open element gains
    // children, and that only moves its children, never itself or ancestors.
    Element *addElement(Tag tag)
    {
        Element *e = nullptr;
        if (m_open.empty()) {
            m_root.emplace(tag);
            e = &*m_root;
        } else {
            e = &m_open.back().element->add(tag);
        }
        e->setKnown(findTagEntry(tag) != nullptr);
        return e;
    }

    static void finish(OpenElement &open)
    {
        if (open.opaque)
            open.element->setOpaque(open.content);
        else
            open.element->setText(open.content);
    }

    const QByteArray &m_data;
    qsizetype m_pos = 0;
    quint8 m_page = 0;
    bool m_rootClosed = false;
    bool m_switchPending = false;
    std::optional<Element> m_root;
    std::vector<OpenElement> m_open;
    QString m_error;
};

} // namespace

DecodeResult readDocument(const QByteArray &body)
{
    return Reader(body).run();
}

} // namespace skein::wbxml::detail
