#pragma once

#include <QByteArray>
#include <QString>

namespace skein::server::demo {

// A one-page PDF 1.4 showing `line` in Helvetica, with a correct xref table
// (byte offsets computed, not guessed) so viewers open it without repair.
// Starts with "%PDF-" and ends with "%%EOF\n".
QByteArray minimalPdf(const QString &line);

// A width x height PNG filled with one RGB colour: signature, IHDR, one
// zlib IDAT, IEND, each chunk with its CRC-32.
QByteArray solidPng(int width, int height, quint32 rgb);

} // namespace skein::server::demo
