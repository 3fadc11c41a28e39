// decode() and dump(); encode() is in WbxmlEncode.cpp.
//
// Decoding deliberately does NOT use libwbxml's parser, only its tag table
// (for isKnown()). We first validated bodies with our own token walk and then
// parsed them with wbxml_tree_from_wbxml(), but 0.11.8's tree cannot hold EAS
// documents safely:
//  * it abort()s on a malformed ENTITY (fixed upstream in 0.11.9);
//  * wbxml_tree_add_node() walks all earlier siblings for every new node, so a
//    flat body of n elements costs O(n^2): 160 000 empty siblings (160 kB)
//    took 90 s here, a hostile multi-megabyte body would hang the client;
//  * a SyncML hack applies to every language: the text of any element named
//    "Data" whose grandparent is named "Add" (AirSync Add > ... > AirSyncBase
//    Data) is put into a CDATA node, and a second text chunk there leaves the
//    parser at the wrong parent, attaching later elements to the wrong node;
//  * two SWITCH_PAGE tokens before the root lose all children of the root;
//  * OPAQUE vs STR_I and the real token of unknown (16.1) tags are lost.
// The walk we needed anyway to keep libwbxml safe already sees every token, so
// it builds the Element tree itself (WbxmlReader.cpp), in linear time.
#include "WbxmlCodec.h"

#include "WbxmlReader.h"
#include "WbxmlTable.h"

namespace skein::wbxml {

namespace {

QString escapeText(const QByteArray &utf8)
{
    return QString::fromUtf8(utf8).toHtmlEscaped();
}

} // namespace

DecodeResult decode(const QByteArray &body)
{
    return detail::readDocument(body);
}

QString dump(const Element &e, int indent)
{
    const QString pad(indent * 2, QLatin1Char(' '));
    QString name = detail::tagName(e.tag());
    if (!e.isKnown())
        name += QStringLiteral(" unknown=\"true\"");
    const QString close = QStringLiteral("</%1>").arg(name.section(QLatin1Char(' '), 0, 0));

    if (e.children().empty() && e.data().isEmpty())
        return QStringLiteral("%1<%2/>\n").arg(pad, name);
    QString content;
    if (!e.data().isEmpty())
        content = e.isOpaque() ? QStringLiteral("[opaque %1 bytes: %2]")
                                     .arg(e.data().size())
                                     .arg(QString::fromLatin1(e.data().toHex(' ')))
                               : escapeText(e.data());
    if (e.children().empty())
        return QStringLiteral("%1<%2>%3%4\n").arg(pad, name, content, close);

    QString out = QStringLiteral("%1<%2>%3\n").arg(pad, name, content);
    for (const Element &child : e.children())
        out += dump(child, indent + 1);
    return out + pad + close + QLatin1Char('\n');
}

} // namespace skein::wbxml
