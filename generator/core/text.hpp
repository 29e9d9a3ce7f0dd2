// UTF-8 text, through ICU: encoding and decoding code points, and the
// column a byte offset falls on. The one place that knows how UTF-8 is
// laid out; every column the program reports is computed here, every
// line by the line index of core/diag (SourceFile::locate, text_position).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>

namespace juesuan {

// One code point as UTF-8 (nothing for a value that is not a code point).
std::string utf8_encode(char32_t c);
// A UTF-8 string as code points; an ill-formed sequence becomes U+FFFD.
std::u32string utf8_decode(std::string_view s);
// The 1-based column, in characters, of byte `offset` of a line (an offset
// past the end counts one column per byte beyond it).
int char_column(std::string_view line, std::size_t offset);
// The 1-based line and column (in characters) of byte `offset` of a text
// that has no SourceFile (a template, a manifest): SourceFile::locate's
// conversion (defined in core/diag.cpp).
std::pair<int, int> text_position(std::string_view text, std::size_t offset);

}  // namespace juesuan
