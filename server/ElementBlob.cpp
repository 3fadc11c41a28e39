#include "ElementBlob.h"

#include <QDataStream>
#include <QIODevice>

namespace skein::server {

namespace {

// The bytes QDataStream (Qt_6_0) writes for the same fields, appended
// directly: through QDataStream and QBuffer each field cost a virtual write
// and a resize, which made saving a Sync response for replay (prevResponse)
// cost as much as building it. read() still uses QDataStream.
void appendU32(QByteArray &out, quint32 v)
{
    const char bytes[4] = {char(v >> 24), char(v >> 16), char(v >> 8), char(v)};
    out.append(bytes, 4);
}

void write(QByteArray &out, const wbxml::Element &e)
{
    out.append(char(e.tag().page)).append(char(e.tag().token)).append(char(e.isOpaque() ? 1 : 0));
    if (e.data().isNull()) {
        appendU32(out, 0xFFFFFFFF); // QDataStream's null QByteArray
    } else {
        appendU32(out, quint32(e.data().size()));
        out.append(e.data());
    }
    appendU32(out, quint32(e.children().size()));
    for (const auto &c : e.children())
        write(out, c);
}

qsizetype sizeHint(const wbxml::Element &e)
{
    qsizetype n = 11 + e.data().size();
    for (const auto &c : e.children())
        n += sizeHint(c);
    return n;
}

bool read(QDataStream &in, wbxml::Element &e, int depth)
{
    if (depth > 64)
        return false;
    quint8 page = 0, token = 0, opaque = 0;
    QByteArray data;
    quint32 count = 0;
    in >> page >> token >> opaque >> data >> count;
    if (in.status() != QDataStream::Ok || count > 1'000'000)
        return false;
    e = wbxml::Element(wbxml::Tag{page, token});
    if (opaque)
        e.setOpaque(data);
    else
        e.setText(data);
    for (quint32 i = 0; i < count; ++i) {
        wbxml::Element child;
        if (!read(in, child, depth + 1))
            return false;
        e.children().push_back(std::move(child));
    }
    return true;
}

} // namespace

QByteArray elementToBlob(const wbxml::Element &element)
{
    QByteArray blob;
    blob.reserve(sizeHint(element));
    write(blob, element);
    return blob;
}

std::optional<wbxml::Element> elementFromBlob(const QByteArray &blob)
{
    if (blob.isEmpty())
        return std::nullopt;
    QDataStream in(blob);
    in.setVersion(QDataStream::Qt_6_0);
    wbxml::Element e;
    if (!read(in, e, 0))
        return std::nullopt;
    return e;
}

} // namespace skein::server
