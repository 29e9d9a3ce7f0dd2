#include "core/hash.hpp"

#include <algorithm>
#include <cstdio>
#include <fstream>
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

Hasher& Hasher::add_file(const fs::path& p, const fs::path& base) {
  add(base.empty() ? p.string() : fs::relative(p, base).string());
  std::ifstream in(p, std::ios::binary);
  if (!in) return add("(missing)");
  std::vector<char> buf(1 << 16);
  while (in) {
    in.read(buf.data(), static_cast<std::streamsize>(buf.size()));
    add(std::string_view(buf.data(), static_cast<std::size_t>(in.gcount())));
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
