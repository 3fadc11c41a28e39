#include "ElementBlob.h"

#include <QDataStream>
#include <QIODevice>

namespace skein::server {

namespace {

void write(QDataStream &out, const wbxml::Element &e)
{
    out << e.tag().page << e.tag().token << quint8(e.isOpaque() ? 1 : 0) << e.data()
        << quint32(e.children().size());
    for (const auto &c : e.children())
        write(out, c);
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
    QDataStream out(&blob, QIODevice::WriteOnly);
    out.setVersion(QDataStream::Qt_6_0);
    write(out, element);
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
