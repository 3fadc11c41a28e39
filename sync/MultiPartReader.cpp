#include "MultiPartReader.h"

#include <QtEndian>

namespace skein::eas {

namespace {

constexpr qint64 kMaxParts = 1000; // one Fetch per part; far more than Skein asks for
constexpr char kWbxmlVersion13 = 0x03;

qint64 le32(const QByteArray &bytes, qsizetype at)
{
    return qint64(qFromLittleEndian<qint32>(bytes.constData() + at));
}

} // namespace

bool MultiPartReader::feed(const QByteArray &chunk)
{
    switch (m_state) {
    case State::Plain:
        m_wbxml += chunk;
        return true;
    case State::Parts:
        return feedParts(chunk);
    case State::Header:
        m_head += chunk;
        return readHeader();
    }
    return false;
}

bool MultiPartReader::readHeader()
{
    if (m_head.size() < 4)
        return true;
    const qint64 count = le32(m_head, 0);
    if (m_head.at(0) == kWbxmlVersion13 && (count < 1 || count > kMaxParts)) {
        m_state = State::Plain;
        m_wbxml = std::exchange(m_head, {});
        return true;
    }
    if (count < 1 || count > kMaxParts) {
        m_error = QStringLiteral("the multipart answer names %1 parts").arg(count);
        return false;
    }
    const qint64 tableEnd = 4 + 8 * count;
    if (m_head.size() < tableEnd)
        return true;
    for (qint64 i = 0; i < count; ++i) {
        const Part p{le32(m_head, 4 + 8 * i), le32(m_head, 8 + 8 * i)};
        if (p.offset < tableEnd || p.length < 0) {
            m_error = QStringLiteral("the multipart answer's part table is malformed");
            return false;
        }
        m_parts.append(p);
    }
    m_state = State::Parts;
    m_position = 0;
    const QByteArray all = std::exchange(m_head, {});
    m_position = tableEnd;
    return feedParts(all.mid(tableEnd));
}

bool MultiPartReader::feedParts(const QByteArray &chunk)
{
    const qint64 start = m_position;
    const qint64 end = start + chunk.size();
    m_position = end;
    for (int i = 0; i < m_parts.size() && i < 2; ++i) {
        const qint64 from = std::max(start, m_parts.at(i).offset);
        const qint64 to = std::min(end, m_parts.at(i).offset + m_parts.at(i).length);
        if (from >= to)
            continue;
        const QByteArray slice = chunk.mid(from - start, to - from);
        if (i == 0) {
            m_wbxml += slice;
        } else {
            if (!m_writeFile(slice))
                return false;
            m_fileBytes += slice.size();
        }
    }
    return true;
}

bool MultiPartReader::complete() const
{
    if (m_state == State::Plain)
        return true;
    if (m_state != State::Parts)
        return false;
    qint64 end = 0;
    for (const Part &p : m_parts)
        end = std::max(end, p.offset + p.length);
    return m_position >= end;
}

} // namespace skein::eas
