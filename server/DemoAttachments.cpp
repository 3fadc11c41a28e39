#include "DemoAttachments.h"

#include <QList>
#include <QtEndian>

namespace skein::server::demo {

namespace {

// PDF string literal: backslash, parentheses escaped; non-Latin-1 dropped
// (the standard Helvetica encoding cannot show it anyway).
QByteArray pdfString(const QString &text)
{
    QByteArray out;
    for (const QChar c : text) {
        const ushort u = c.unicode();
        if (u < 0x20 || u > 0x7e)
            continue;
        if (u == '\\' || u == '(' || u == ')')
            out += '\\';
        out += char(u);
    }
    return out;
}

quint32 crc32(const QByteArray &bytes)
{
    quint32 crc = 0xffffffffu;
    for (const char ch : bytes) {
        crc ^= quint8(ch);
        for (int k = 0; k < 8; ++k)
            crc = (crc >> 1) ^ (0xedb88320u & (0u - (crc & 1u)));
    }
    return crc ^ 0xffffffffu;
}

QByteArray bigEndian32(quint32 v)
{
    QByteArray out(4, '\0');
    qToBigEndian(v, out.data());
    return out;
}

QByteArray pngChunk(const char *type, const QByteArray &data)
{
    const QByteArray typed = QByteArray(type) + data;
    return bigEndian32(quint32(data.size())) + typed + bigEndian32(crc32(typed));
}

} // namespace

QByteArray minimalPdf(const QString &line)
{
    const QByteArray stream = "BT /F1 18 Tf 72 720 Td (" + pdfString(line) + ") Tj ET\n";
    const QList<QByteArray> objects = {
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> "
        "/Contents 4 0 R >>",
        "<< /Length " + QByteArray::number(stream.size()) + " >>\nstream\n" + stream + "endstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    };
    QByteArray pdf = "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"; // the binary comment marks the file as binary for transfers
    QList<qsizetype> offsets;
    for (int i = 0; i < objects.size(); ++i) {
        offsets.append(pdf.size());
        pdf += QByteArray::number(i + 1) + " 0 obj\n" + objects.at(i) + "\nendobj\n";
    }
    const qsizetype xref = pdf.size();
    pdf += "xref\n0 " + QByteArray::number(objects.size() + 1) + "\n0000000000 65535 f \n";
    for (const qsizetype offset : offsets)
        pdf += QByteArray::number(qint64(offset)).rightJustified(10, '0') + " 00000 n \n";
    pdf += "trailer\n<< /Size " + QByteArray::number(objects.size() + 1) + " /Root 1 0 R >>\nstartxref\n"
        + QByteArray::number(qint64(xref)) + "\n%%EOF\n";
    return pdf;
}

QByteArray solidPng(int width, int height, quint32 rgb)
{
    QByteArray header = bigEndian32(quint32(width)) + bigEndian32(quint32(height));
    header += char(8); // bit depth
    header += char(2); // colour type: truecolour RGB
    header += QByteArray(3, '\0'); // compression, filter, interlace
    QByteArray row(1, '\0'); // filter type None
    for (int x = 0; x < width; ++x) {
        row += char((rgb >> 16) & 0xff);
        row += char((rgb >> 8) & 0xff);
        row += char(rgb & 0xff);
    }
    QByteArray raw;
    for (int y = 0; y < height; ++y)
        raw += row;
    // qCompress = 4-byte big-endian length + a zlib stream, which IDAT wants.
    const QByteArray zlib = qCompress(raw, 9).mid(4);
    return QByteArray("\x89PNG\r\n\x1a\n", 8) + pngChunk("IHDR", header) + pngChunk("IDAT", zlib)
        + pngChunk("IEND", QByteArray());
}

} // namespace skein::server::demo
