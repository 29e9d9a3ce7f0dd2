// A relative link in an HTML page: each byte outside the unreserved set
// (A–Z a–z 0–9 - _ . ~) percent-encoded, '/' kept. A file name with
// spaces, '#', '?', quotes, control characters or Chinese is then a valid
// URL that points at that very file.
#pragma once

#include <string>
#include <string_view>

namespace juesuan {

inline std::string url_encode_path(std::string_view path) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : path) {
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
        c == '.' || c == '~' || c == '/') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

}  // namespace juesuan
