#pragma once

#include "WbxmlElement.h"

#include <optional>

namespace skein::wbxml {

struct DecodeResult {
    std::optional<Element> root;
    QString error; // set when root is empty: says what was wrong and where

    bool ok() const { return root.has_value(); }
};

struct EncodeResult {
    QByteArray bytes;
    QString error;

    bool ok() const { return error.isEmpty(); }
};

// EAS WBXML 1.3: no string table, anonymous public id, UTF-8, whitespace kept.
// Never crashes on malformed input: the token stream is validated before
// libwbxml sees it.
DecodeResult decode(const QByteArray &body);
EncodeResult encode(const Element &root);

namespace detail {
// encode() through libwbxml's tree and encoder, which encode() replaced for
// speed; the tests check both write the same bytes.
EncodeResult encodeWithLibwbxml(const Element &root);
} // namespace detail

// Human-readable XML-like dump for logs and test failure messages.
QString dump(const Element &root, int indent = 0);

} // namespace skein::wbxml
