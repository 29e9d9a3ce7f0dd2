#include "core/text.hpp"

#include <unicode/utf8.h>

#include <algorithm>
#include <cstdint>

namespace juesuan {

std::string utf8_encode(char32_t c) {
  char buf[U8_MAX_LENGTH];
  int32_t n = 0;
  UBool error = false;
  U8_APPEND(reinterpret_cast<uint8_t*>(buf), n, U8_MAX_LENGTH, static_cast<UChar32>(c), error);
  return error ? std::string() : std::string(buf, static_cast<std::size_t>(n));
}

std::u32string utf8_decode(std::string_view s) {
  std::u32string out;
  out.reserve(s.size());
  int32_t i = 0, n = static_cast<int32_t>(s.size());
  while (i < n) {
    UChar32 c;
    U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), i, n, c);
    out.push_back(c < 0 ? U'\uFFFD' : static_cast<char32_t>(c));
  }
  return out;
}

int char_column(std::string_view line, std::size_t offset) {
  int col = 1;
  int32_t i = 0, n = static_cast<int32_t>(std::min(offset, line.size()));
  while (i < n) {
    U8_FWD_1(reinterpret_cast<const uint8_t*>(line.data()), i, n);
    ++col;
  }
  if (offset > line.size()) col += static_cast<int>(offset - line.size());
  return col;
}

}  // namespace juesuan
