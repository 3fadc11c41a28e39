#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <functional>

namespace skein::eas {

// Reads an ItemOperations answer as it arrives: application/vnd.ms-sync.
// multipart ([MS-ASCMD] 2.2.2.10.1: PartsCount, Offset/Length pairs, 32-bit
// little-endian, then the parts) keeps part 0, the WBXML, and hands the
// bytes of part 1, the fetched file, straight on, never holding them. A
// server that ignored MS-ASAcceptMultiPart answers plain WBXML (it starts
// with version byte 0x03): that is kept whole, Data inline, for the caller.
class MultiPartReader
{
public:
    explicit MultiPartReader(std::function<bool(const QByteArray &)> writeFile) : m_writeFile(std::move(writeFile)) {}

    // False: stop reading (the file could not be written, or the answer is
    // malformed: error() says which).
    bool feed(const QByteArray &chunk);

    bool isMultiPart() const { return m_state == State::Parts; }
    const QByteArray &wbxml() const { return m_wbxml; } // part 0, or the whole plain answer
    qint64 fileBytes() const { return m_fileBytes; }
    qint64 fileLength() const { return m_parts.size() > 1 ? m_parts.at(1).length : -1; }
    bool complete() const; // every byte the part table promised has arrived
    const QString &error() const { return m_error; }

private:
    struct Part {
        qint64 offset = 0;
        qint64 length = 0;
    };
    enum class State { Header, Plain, Parts };
    bool readHeader();
    bool feedParts(const QByteArray &chunk);

    std::function<bool(const QByteArray &)> m_writeFile;
    State m_state = State::Header;
    QByteArray m_head;
    QByteArray m_wbxml;
    QList<Part> m_parts;
    qint64 m_position = 0; // offset in the answer of the next byte
    qint64 m_fileBytes = 0;
    QString m_error;
};

} // namespace skein::eas
