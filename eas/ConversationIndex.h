#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>

namespace skein {

// email2:ConversationIndex / PidTagConversationIndex, parsed
// (docs/conversation-index.md, whose sections the § numbers cite). The raw bytes are kept
// untouched; the client must never change or resend them (MS-ASCON 3.1.1).
// Decoded times are approximate display hints only; the tree structure
// comes from key() alone.
class ConversationIndex
{
public:
    enum class Form {
        None, // no usable index: empty or shorter than 5 bytes
        Eas,  // 5-byte header + 5-byte blocks (what Sync delivers)
        Mapi, // 0x01 + 5 FILETIME bytes + 16-byte GUID + 5-byte blocks
    };

    ConversationIndex() = default;
    explicit ConversationIndex(const QByteArray &raw);

    bool isValid() const { return m_form != Form::None; }
    Form form() const { return m_form; }
    // A trailing partial block was ignored, or 1..4 bytes that are no index.
    bool isDamaged() const { return m_damaged; }
    // Header written with FILETIME >> 24 (first byte 0x01) rather than the
    // classic FILETIME bits 55..16 (§2.3).
    bool isModernHeader() const { return m_modern; }
    // Number of response levels (0 for a thread starter).
    int depth() const { return m_depth; }

    const QByteArray &raw() const { return m_raw; }
    // Normalised bytes for tree building: EAS header (MAPI bytes 1..5) plus
    // whole blocks, so MAPI and EAS copies of one message compare equal.
    const QByteArray &key() const { return m_key; }
    // key() minus the last block; empty for a root or an invalid index.
    QByteArray parentKey() const;
    // MAPI form only: the 16 conversation GUID bytes as stored.
    QByteArray guid() const;

    QDateTime headerTime() const;
    // One entry per response level, decoded cumulatively (§3).
    QList<QDateTime> replyTimes() const;
    // Time of the last level (headerTime() for a thread starter).
    QDateTime time() const;
    // 100 ns ticks since 1601; exact values for encoders and sorting.
    quint64 headerFileTime() const { return m_headerTicks; }
    quint64 fileTime() const;
    // fileTime() given the decoded time at `level` (0 = header): lets a
    // tree decode each block once instead of once per descendant.
    quint64 fileTimeFrom(int level, quint64 ticksAtLevel) const;

    // Encoder for tests and the reference server.
    // Modern 5-byte EAS header for a thread started at `sent`.
    static QByteArray makeHeader(const QDateTime &sent);
    // parentIndex (whole blocks) plus one block whose delta is measured from
    // the parent's decoded time, as the worked example does (§4). Empty if the parent
    // is not a valid index.
    static QByteArray appendReply(const QByteArray &parentIndex, const QDateTime &replyTime,
                                  quint8 randomByte);

    static QDateTime fileTimeToDateTime(quint64 ticks);
    static quint64 dateTimeToFileTime(const QDateTime &time);

private:
    int wholeLength() const;

    QByteArray m_raw;
    QByteArray m_key;
    quint64 m_headerTicks = 0;
    int m_depth = 0;
    Form m_form = Form::None;
    bool m_damaged = false;
    bool m_modern = false;
};

} // namespace skein
