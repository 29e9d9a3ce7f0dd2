// CFF (Adobe TN #5176): INDEX structures, the Top DICT's operators 15
// (charset), 17 (CharStrings) and 12 30 (ROS), and the three charset formats.
#include "pdf/cff.hpp"

namespace juesuan::pdf::detail {

namespace {

struct Reader {
  std::string_view d;
  bool ok = true;
  unsigned u8(std::size_t at) {
    if (at >= d.size()) { ok = false; return 0; }
    return static_cast<unsigned char>(d[at]);
  }
  unsigned uint(std::size_t at, unsigned size) {
    unsigned v = 0;
    for (unsigned i = 0; i < size; ++i) v = (v << 8) | u8(at + i);
    return v;
  }
  // An INDEX at `at`: its items as [begin, end) offsets into d; returns the offset after it.
  std::size_t index(std::size_t at, std::vector<std::pair<std::size_t, std::size_t>>* items) {
    const unsigned count = uint(at, 2);
    if (count == 0) return at + 2;
    const unsigned off_size = u8(at + 2);
    if (off_size < 1 || off_size > 4) { ok = false; return d.size(); }
    const std::size_t offsets = at + 3, data = offsets + (count + 1) * std::size_t(off_size) - 1;
    for (unsigned i = 0; i < count && items; ++i)
      items->emplace_back(data + uint(offsets + i * off_size, off_size),
                          data + uint(offsets + (i + 1) * off_size, off_size));
    return data + uint(offsets + count * off_size, off_size);
  }
};

}  // namespace

CffInfo read_cff(std::string_view cff) {
  CffInfo info;
  Reader r{cff};
  const std::size_t header = r.u8(2);
  std::size_t at = r.index(header, nullptr);  // Name INDEX
  std::vector<std::pair<std::size_t, std::size_t>> top;
  r.index(at, &top);
  if (!r.ok || top.empty()) return info;

  // Top DICT: operands then an operator; only integers matter here.
  long charset = 0, charstrings = -1;
  std::vector<long> operands;
  for (std::size_t p = top[0].first; p < top[0].second && r.ok;) {
    const unsigned b = r.u8(p);
    if (b <= 21) {
      unsigned op = b;
      if (b == 12) op = 1200 + r.u8(p + 1), ++p;
      ++p;
      if (op == 15 && !operands.empty()) charset = operands.back();
      if (op == 17 && !operands.empty()) charstrings = operands.back();
      if (op == 1230) info.cid_keyed = true;
      operands.clear();
    } else if (b == 28) {
      operands.push_back(static_cast<std::int16_t>(r.uint(p + 1, 2))), p += 3;
    } else if (b == 29) {
      operands.push_back(static_cast<std::int32_t>(r.uint(p + 1, 4))), p += 5;
    } else if (b == 30) {  // a real: skip its nibbles up to the 0xf end nibble
      ++p;
      while (r.ok && (r.u8(p) & 0x0F) != 0x0F && (r.u8(p) >> 4) != 0x0F) ++p;
      ++p;
      operands.push_back(0);
    } else if (b >= 32 && b <= 246) {
      operands.push_back(long(b) - 139), ++p;
    } else if (b >= 247 && b <= 250) {
      operands.push_back((long(b) - 247) * 256 + r.u8(p + 1) + 108), p += 2;
    } else if (b >= 251 && b <= 254) {
      operands.push_back(-(long(b) - 251) * 256 - long(r.u8(p + 1)) - 108), p += 2;
    } else {
      r.ok = false;
    }
  }
  if (!r.ok || charstrings < 0) return info;
  const std::size_t n = r.uint(static_cast<std::size_t>(charstrings), 2);  // the CharStrings INDEX's count
  if (!r.ok || n == 0) return info;

  info.cid_of_glyph.assign(n, 0);
  if (!info.cid_keyed) {
    for (std::size_t g = 0; g < n; ++g) info.cid_of_glyph[g] = static_cast<std::uint16_t>(g);
    info.valid = true;
    return info;
  }
  if (charset <= 2) return info;  // the predefined charsets are for name-keyed fonts
  std::size_t p = static_cast<std::size_t>(charset);
  const unsigned format = r.u8(p++);
  std::size_t g = 1;  // glyph 0 is .notdef, CID 0
  if (format == 0) {
    for (; g < n && r.ok; ++g, p += 2) info.cid_of_glyph[g] = static_cast<std::uint16_t>(r.uint(p, 2));
  } else if (format == 1 || format == 2) {
    const unsigned left_size = format == 1 ? 1 : 2;
    while (g < n && r.ok) {
      unsigned first = r.uint(p, 2), left = r.uint(p + 2, left_size);
      p += 2 + left_size;
      for (unsigned k = 0; k <= left && g < n; ++k, ++g) info.cid_of_glyph[g] = static_cast<std::uint16_t>(first + k);
    }
  } else {
    return info;
  }
  info.valid = r.ok;
  return info;
}

}  // namespace juesuan::pdf::detail
