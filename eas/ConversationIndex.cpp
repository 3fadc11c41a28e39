#include "ConversationIndex.h"

#include <QtEndian>

#include <limits>

namespace skein {

namespace {

constexpr qsizetype kHeaderSize = 5;
constexpr qsizetype kBlockSize = 5;
constexpr qsizetype kMapiHeaderSize = 22; // 0x01 + 5 time bytes + GUID
constexpr qsizetype kGuidOffset = 6;
constexpr qsizetype kGuidSize = 16;
constexpr qint64 kMsFrom1601To1970 = 11644473600000;
constexpr quint64 kTicksPerMs = 10000;
constexpr quint64 kDc0Limit = quint64(1) << 49; // 2^31 units of 2^18 ticks
constexpr int kDc0Shift = 18;
constexpr int kDc1Shift = 23;
constexpr quint32 kDeltaMask = 0x7FFFFFFF;
constexpr quint64 kMaxTicks = std::numeric_limits<quint64>::max();

quint64 readBigEndian(const char *bytes, int count)
{
    quint64 value = 0;
    for (int i = 0; i < count; ++i)
        value = (value << 8) | quint8(bytes[i]);
    return value;
}

// §2.3: a leading 0x01 can only be the modern form, since the classic form
// would need a date around 1830 to start with it.
quint64 decodeHeader(const char *header)
{
    const quint64 v = readBigEndian(header, int(kHeaderSize));
    if (quint8(header[0]) == 0x01)
        return v << 24;
    return (quint64(0x01) << 56) | (v << 16);
}

quint64 decodeBlockDelta(const char *block)
{
    const auto raw = qFromBigEndian<quint32>(block);
    const quint64 delta = raw & kDeltaMask;
    return (raw >> 31) == 0 ? delta << kDc0Shift : delta << kDc1Shift;
}

// Corrupt input must not wrap around into plausible-looking early dates.
quint64 addSaturating(quint64 a, quint64 b)
{
    return b > kMaxTicks - a ? kMaxTicks : a + b;
}

QByteArray encodeBlock(quint64 deltaTicks, quint8 randomByte)
{
    quint32 raw = 0;
    if (deltaTicks < kDc0Limit) {
        raw = quint32(deltaTicks >> kDc0Shift);
    } else {
        const quint64 units = deltaTicks >> kDc1Shift;
        raw = (quint32(1) << 31) | quint32(qMin<quint64>(units, kDeltaMask));
    }
    QByteArray block(kBlockSize, Qt::Uninitialized);
    block[0] = char(raw >> 24);
    block[1] = char(raw >> 16);
    block[2] = char(raw >> 8);
    block[3] = char(raw);
    block[4] = char(randomByte);
    return block;
}

// §6: the only defensive MAPI test; since 22 + 5n is never 5 + 5m, a MAPI
// length is always "damaged" when read as EAS, so the two cannot collide.
bool looksLikeMapi(const QByteArray &raw)
{
    return raw.size() >= kMapiHeaderSize && quint8(raw[0]) == 0x01
        && (raw.size() - kMapiHeaderSize) % kBlockSize == 0;
}

} // namespace

ConversationIndex::ConversationIndex(const QByteArray &raw)
    : m_raw(raw)
{
    if (raw.size() < kHeaderSize) {
        m_damaged = !raw.isEmpty();
        return;
    }
    m_form = looksLikeMapi(raw) ? Form::Mapi : Form::Eas;
    const qsizetype headerOffset = m_form == Form::Mapi ? 1 : 0;
    const qsizetype blocksOffset = m_form == Form::Mapi ? kMapiHeaderSize : kHeaderSize;
    const qsizetype blockBytes = raw.size() - blocksOffset;
    m_depth = int(blockBytes / kBlockSize);
    m_damaged = blockBytes % kBlockSize != 0;

    const char *header = raw.constData() + headerOffset;
    m_modern = quint8(header[0]) == 0x01;
    m_headerTicks = decodeHeader(header);

    if (m_form == Form::Mapi)
        m_key = raw.mid(headerOffset, kHeaderSize) + raw.mid(blocksOffset, m_depth * kBlockSize);
    else
        m_key = m_damaged ? raw.left(wholeLength()) : raw; // shares raw's data when whole
}

int ConversationIndex::wholeLength() const
{
    const qsizetype blocksOffset = m_form == Form::Mapi ? kMapiHeaderSize : kHeaderSize;
    return int(blocksOffset + m_depth * kBlockSize);
}

QByteArray ConversationIndex::parentKey() const
{
    if (m_depth == 0)
        return {};
    return m_key.left(m_key.size() - kBlockSize);
}

QByteArray ConversationIndex::guid() const
{
    if (m_form != Form::Mapi)
        return {};
    return m_raw.mid(kGuidOffset, kGuidSize);
}

QDateTime ConversationIndex::headerTime() const
{
    return isValid() ? fileTimeToDateTime(m_headerTicks) : QDateTime();
}

QList<QDateTime> ConversationIndex::replyTimes() const
{
    // Computed on demand: QDateTime is costly and the tree only needs time().
    QList<QDateTime> times;
    if (!isValid())
        return times;
    times.reserve(m_depth);
    quint64 ticks = m_headerTicks;
    const char *blocks = m_key.constData() + kHeaderSize;
    for (int level = 0; level < m_depth; ++level) {
        ticks = addSaturating(ticks, decodeBlockDelta(blocks + level * kBlockSize));
        times.append(fileTimeToDateTime(ticks));
    }
    return times;
}

QDateTime ConversationIndex::time() const
{
    return isValid() ? fileTimeToDateTime(fileTime()) : QDateTime();
}

quint64 ConversationIndex::fileTime() const
{
    return fileTimeFrom(0, m_headerTicks);
}

quint64 ConversationIndex::fileTimeFrom(int level, quint64 ticksAtLevel) const
{
    quint64 ticks = ticksAtLevel;
    const char *blocks = m_key.constData() + kHeaderSize;
    for (int next = qMax(level, 0); next < m_depth; ++next)
        ticks = addSaturating(ticks, decodeBlockDelta(blocks + next * kBlockSize));
    return ticks;
}

QByteArray ConversationIndex::makeHeader(const QDateTime &sent)
{
    const quint64 v = dateTimeToFileTime(sent) >> 24;
    QByteArray header(kHeaderSize, Qt::Uninitialized);
    for (int i = 0; i < kHeaderSize; ++i)
        header[i] = char(v >> (8 * (kHeaderSize - 1 - i)));
    return header;
}

QByteArray ConversationIndex::appendReply(const QByteArray &parentIndex,
                                          const QDateTime &replyTime, quint8 randomByte)
{
    const ConversationIndex parent(parentIndex);
    if (!parent.isValid())
        return {};
    // Measured from the parent's decoded (truncated) time, not the true send
    // time, which is what makes the worked example's bytes come out (§4).
    const quint64 reply = dateTimeToFileTime(replyTime);
    const quint64 base = parent.fileTime();
    const quint64 delta = reply > base ? reply - base : 0;
    return parentIndex.left(parent.wholeLength()) + encodeBlock(delta, randomByte);
}

QDateTime ConversationIndex::fileTimeToDateTime(quint64 ticks)
{
    // Rounded to the nearest millisecond: the capture Ac+A3zE= decodes to
    // ...10.5179648 s, documented as 10.518.
    const quint64 ms1601 = ticks / kTicksPerMs + (ticks % kTicksPerMs >= kTicksPerMs / 2 ? 1 : 0);
    return QDateTime::fromMSecsSinceEpoch(qint64(ms1601) - kMsFrom1601To1970, Qt::UTC);
}

quint64 ConversationIndex::dateTimeToFileTime(const QDateTime &time)
{
    if (!time.isValid())
        return 0;
    const qint64 ms = time.toMSecsSinceEpoch();
    if (ms < -kMsFrom1601To1970)
        return 0;
    if (ms > std::numeric_limits<qint64>::max() - kMsFrom1601To1970)
        return kMaxTicks;
    const auto ms1601 = quint64(ms + kMsFrom1601To1970);
    return ms1601 > kMaxTicks / kTicksPerMs ? kMaxTicks : ms1601 * kTicksPerMs;
}

} // namespace skein
