// Target "wbxml": decode -> encode -> decode. A body the decoder refuses, or
// a tree the encoder refuses (unknown tokens, OPAQUE or 0x00 where libwbxml
// cannot write them), is fine; anything it accepts must come back as the
// same tree, encode to the same bytes again, and be written identically by
// the libwbxml reference encoder.
#include "FuzzTargets.h"

#include <WbxmlCodec.h>
#include <WbxmlTable.h>

namespace skein::fuzz {

namespace {

using wbxml::Element;

// What the decoder reads back from encode(root): text of a BINARY-flagged
// element goes out as OPAQUE, and empty content as a tag without content,
// so only the OPAQUE flag may change, in exactly those two ways.
Element expectedAfterEncoding(const Element &e)
{
    Element out(e.tag());
    const bool binary = wbxml::detail::isBinaryEntry(wbxml::detail::findTagEntry(e.tag()));
    if (binary && !e.data().isEmpty())
        out.setOpaque(e.data());
    else
        out.setText(e.data());
    for (const Element &child : e.children())
        out.children().push_back(expectedAfterEncoding(child));
    return out;
}

QByteArray describe(const Element &first, const Element &second)
{
    return "first decode:\n" + wbxml::dump(first).toUtf8() + "second decode:\n" + wbxml::dump(second).toUtf8();
}

} // namespace

int wbxmlRoundTrip(const uint8_t *data, size_t size)
{
    const wbxml::DecodeResult first = wbxml::decode(bytes(data, size));
    if (!first.ok()) {
        SKEIN_FUZZ_CHECK(!first.error.isEmpty(), QByteArray("a refusal without a reason"));
        return 0;
    }
    const Element &root = *first.root;
    (void)wbxml::dump(root);

    const wbxml::EncodeResult encoded = wbxml::encode(root);
    const wbxml::EncodeResult reference = wbxml::detail::encodeWithLibwbxml(root);
    SKEIN_FUZZ_CHECK(encoded.ok() == reference.ok(),
                     "encode: " + encoded.error.toUtf8() + "\nlibwbxml: " + reference.error.toUtf8());
    if (!encoded.ok())
        return 0;
    SKEIN_FUZZ_CHECK(encoded.bytes == reference.bytes,
                     "encode:   " + encoded.bytes.toHex(' ') + "\nlibwbxml: " + reference.bytes.toHex(' '));

    const wbxml::DecodeResult second = wbxml::decode(encoded.bytes);
    SKEIN_FUZZ_CHECK(second.ok(), "our own encoding does not decode: " + second.error.toUtf8());
    const Element expected = expectedAfterEncoding(root);
    SKEIN_FUZZ_CHECK(*second.root == expected, describe(expected, *second.root));

    const wbxml::EncodeResult again = wbxml::encode(*second.root);
    SKEIN_FUZZ_CHECK(again.ok() && again.bytes == encoded.bytes,
                     "re-encoding differs: " + again.error.toUtf8() + "\n" + again.bytes.toHex(' ') + "\n"
                         + encoded.bytes.toHex(' '));
    return 0;
}

} // namespace skein::fuzz
