#include "core/diag.hpp"

#include "core/messages.hpp"
#include "core/text.hpp"

#include <algorithm>
#include <cstring>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace juesuan {

namespace {
bool has_bom(std::string_view t) { return t.size() >= 3 && t.substr(0, 3) == "\xEF\xBB\xBF"; }
}  // namespace

const std::vector<std::size_t>& detail::LineIndex::starts(std::string_view text) const {
  std::lock_guard lock(mutex_);
  if (starts_.empty() || size_ != text.size() || data_ != text.data()) {
    starts_.clear();
    starts_.push_back(has_bom(text) ? 3 : 0);
    for (const char* p = text.data() + starts_.front(); (p = static_cast<const char*>(std::memchr(
                                                             p, '\n', text.data() + text.size() - p)));)
      starts_.push_back(static_cast<std::size_t>(++p - text.data()));
    size_ = text.size();
    data_ = text.data();
  }
  return starts_;
}

int SourceFile::line_count() const { return static_cast<int>(lines_.starts(text).size()); }

std::string_view SourceFile::line(int n) const {
  const auto& starts = lines_.starts(text);
  if (n < 1 || static_cast<std::size_t>(n) > starts.size()) return {};
  std::size_t b = starts[n - 1];
  std::size_t e = static_cast<std::size_t>(n) < starts.size() ? starts[n] - 1 : text.size();
  std::string_view t(text.data() + b, e - b);
  if (!t.empty() && t.back() == '\r') t.remove_suffix(1);
  return t;
}

namespace {
// The one conversion of a byte offset to a 1-based line and character
// column, given the text's line starts (LineIndex).
std::pair<int, int> position_of(std::string_view text, const std::vector<std::size_t>& starts, std::size_t offset) {
  if (offset > text.size()) offset = text.size();
  if (offset < starts.front()) return {1, 1};
  auto it = std::upper_bound(starts.begin(), starts.end(), offset);
  int line = static_cast<int>(it - starts.begin());
  std::string_view from_line(text.data() + starts[line - 1], text.size() - starts[line - 1]);
  return {line, char_column(from_line, offset - starts[line - 1])};
}
}  // namespace

std::pair<int, int> SourceFile::locate(std::size_t offset) const { return position_of(text, lines_.starts(text), offset); }

// Declared in core/text.hpp: the same conversion for a text without a SourceFile.
std::pair<int, int> text_position(std::string_view text, std::size_t offset) {
  detail::LineIndex index;
  return position_of(text, index.starts(text), offset);
}

Error::Error(Failure kind, Loc loc, std::string message)
    : std::runtime_error(message), kind_(kind), loc_(std::move(loc)), message_(std::move(message)) {}

Error Error::several(std::vector<Error> errors, std::size_t limit) {
  std::stable_sort(errors.begin(), errors.end(), [](const Error& a, const Error& b) {
    return std::pair(a.loc_.line, a.loc_.col) < std::pair(b.loc_.line, b.loc_.col);
  });
  Error first = errors.front();
  first.count_ = errors.size();
  for (std::size_t i = 1; i < errors.size() && i < limit; ++i)
    first.further_.push_back(Further{errors[i].loc_, errors[i].message_});
  return first;
}

std::string Error::render() const {
  std::string out = render_diagnostic(Severity::Error, loc_, message_);
  for (const auto& f : further_) out += render_diagnostic(Severity::Error, f.loc, f.message);
  if (count_ > 1) out += location_prefix(Loc{loc_.file, 0, 0}) + ": " + msg::error_count(count_, 1 + further_.size()) + "\n";
  return out;
}

std::string printable_name(std::string_view name) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  int32_t i = 0, n = static_cast<int32_t>(name.size());
  while (i < n) {
    int32_t start = i;
    UChar32 c;
    U8_NEXT(reinterpret_cast<const uint8_t*>(name.data()), i, n, c);
    bool bad = c < 0 || c < 0x20 || (c >= 0x7f && c < 0xa0);
    if (!bad) {
      out.append(name.substr(start, i - start));
      continue;
    }
    for (int32_t k = start; k < i; ++k) {
      auto b = static_cast<unsigned char>(name[k]);
      out += "\\x";
      out += hex[b >> 4];
      out += hex[b & 15];
    }
  }
  return out;
}

std::string location_prefix(const Loc& loc) {
  std::string s = loc.file ? printable_name(loc.file->path) : std::string("juesuan");
  if (loc.line > 0) s += ":" + std::to_string(loc.line) + ":" + std::to_string(loc.col);
  return s;
}

int display_width(std::string_view s) {
  int w = 0;
  int32_t i = 0, n = static_cast<int32_t>(s.size());
  while (i < n) {
    UChar32 c;
    U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), i, n, c);
    if (c < 0) { ++w; continue; }
    if (c == '\t') { w += 1; continue; }
    int ea = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
    w += (ea == U_EA_WIDE || ea == U_EA_FULLWIDTH) ? 2 : 1;
  }
  return w;
}

namespace {

// The prefix of a line up to a 1-based character column.
std::string_view prefix_chars(std::string_view line, int col) {
  int32_t i = 0, n = static_cast<int32_t>(line.size());
  for (int k = 1; k < col && i < n; ++k) {
    UChar32 c;
    U8_NEXT(reinterpret_cast<const uint8_t*>(line.data()), i, n, c);
  }
  return line.substr(0, i);
}

// Control characters and invalid bytes would garble a terminal: show them
// as visible placeholders so the caret still lines up.
std::string printable(std::string_view line) {
  std::string out;
  int32_t i = 0, n = static_cast<int32_t>(line.size());
  while (i < n) {
    int32_t start = i;
    UChar32 c;
    U8_NEXT(reinterpret_cast<const uint8_t*>(line.data()), i, n, c);
    if (c < 0) out += "?";
    else if (c == '\t') out += " ";
    else if (c < 0x20 || c == 0x7f) out += "?";
    else out.append(line.substr(start, i - start));
  }
  return out;
}

}  // namespace

std::string render_diagnostic(Severity severity, const Loc& loc, std::string_view message) {
  std::string out = location_prefix(loc) + ": " + msg::severity_word(static_cast<int>(severity)) + "：" +
                    std::string(message) + "\n";
  if (loc.file && loc.line > 0) {
    std::string_view raw = loc.file->line(loc.line);
    // A very long line is shown as a window of characters around the column.
    constexpr int kBefore = 40, kAfter = 40;
    int first = std::max(1, loc.col - kBefore);
    std::string_view head = prefix_chars(raw, first);
    std::string_view rest = raw.substr(head.size());
    std::string_view upto = prefix_chars(rest, loc.col - first + 1);
    std::string_view shown_part = prefix_chars(rest, loc.col - first + 1 + kAfter);
    std::string prefix = first > 1 ? "…" : "";
    std::string suffix = shown_part.size() < rest.size() ? "…" : "";
    std::string num = std::to_string(loc.line);
    std::string gutter(num.size(), ' ');
    out += " " + num + " | " + prefix + printable(shown_part) + suffix + "\n";
    int pad = display_width(prefix) + display_width(printable(upto));
    out += " " + gutter + " | " + std::string(pad, ' ') + "^\n";
  }
  return out;
}

}  // namespace juesuan
