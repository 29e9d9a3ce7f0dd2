#include "core/hash.hpp"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <memory>
#include <vector>

namespace juesuan {

namespace fs = std::filesystem;

Hasher& Hasher::add(std::string_view bytes) {
  for (unsigned char c : bytes) {
    h_ ^= c;
    h_ *= 1099511628211ULL;
  }
  // Separate consecutive pieces so ("ab","c") and ("a","bc") differ.
  h_ ^= 0xff;
  h_ *= 1099511628211ULL;
  return *this;
}

Hasher& Hasher::add_content(std::string_view bytes) {
  // Each 8-byte word mixed in as xxHash64's round does (multiply, rotate,
  // multiply), so that every bit of a word reaches every bit of the state;
  // the tail and the length through add().
  constexpr std::uint64_t k1 = 0x9E3779B185EBCA87ULL, k2 = 0xC2B2AE3D27D4EB4FULL;
  std::size_t i = 0;
  for (; i + 8 <= bytes.size(); i += 8) {
    std::uint64_t w;
    std::memcpy(&w, bytes.data() + i, 8);
    w *= k2;
    w = (w << 31) | (w >> 33);
    h_ ^= w * k1;
    h_ = ((h_ << 27) | (h_ >> 37)) * k1 + 0x85EBCA77C2B2AE63ULL;
  }
  add(bytes.substr(i));
  return add(std::to_string(bytes.size()));
}

Hasher& Hasher::add_file(const fs::path& p, const fs::path& base) {
  add(base.empty() ? p.string() : fs::relative(p, base).string());
  std::ifstream in(p, std::ios::binary);
  if (!in) return add("(missing)");
  constexpr std::size_t size = 1 << 16;
  std::unique_ptr<char[]> buf(new char[size]);   // not zero-filled: 64 KB a file was most of the cost
  while (in) {
    in.read(buf.get(), static_cast<std::streamsize>(size));
    add_content(std::string_view(buf.get(), static_cast<std::size_t>(in.gcount())));
  }
  return *this;
}

Hasher& Hasher::add_file_stamp(const fs::path& p) {
  add(p.string());
  std::error_code ec;
  auto size = fs::file_size(p, ec);
  if (ec) return add("(missing)");
  auto time = fs::last_write_time(p, ec);
  add(std::to_string(size));
  return add(std::to_string(time.time_since_epoch().count()));
}

Hasher& Hasher::add_tree(const fs::path& dir) {
  std::vector<fs::path> files;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec))
    if (it->is_regular_file()) files.push_back(it->path());
  std::sort(files.begin(), files.end());
  for (const auto& f : files) add_file(f, dir);
  return *this;
}

std::string Hasher::hex() const {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h_));
  return buf;
}

}  // namespace juesuan
