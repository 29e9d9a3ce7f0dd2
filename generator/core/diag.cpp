#include "core/diag.hpp"

#include <algorithm>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace juesuan {

std::string_view SourceFile::line(int n) const {
  std::string_view t = text;
  if (t.size() >= 3 && t.substr(0, 3) == "\xEF\xBB\xBF") t.remove_prefix(3);
  for (int k = 1; k < n; ++k) {
    auto p = t.find('\n');
    if (p == std::string_view::npos) return {};
    t.remove_prefix(p + 1);
  }
  auto e = t.find('\n');
  if (e != std::string_view::npos) t = t.substr(0, e);
  if (!t.empty() && t.back() == '\r') t.remove_suffix(1);
  return t;
}

Error::Error(Failure kind, Loc loc, std::string message)
    : std::runtime_error(message), kind_(kind), loc_(std::move(loc)), message_(std::move(message)) {}

std::string Error::render() const { return render_diagnostic(Severity::Error, loc_, message_); }

std::string location_prefix(const Loc& loc) {
  std::string s = loc.file ? loc.file->path : std::string("juesuan");
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
  const char* sev = severity == Severity::Error ? "error" : severity == Severity::Warning ? "warning" : "note";
  std::string out = location_prefix(loc) + ": " + sev + ": " + std::string(message) + "\n";
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
