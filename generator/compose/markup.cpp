#include "compose/markup.hpp"

#include <set>

#include "core/messages.hpp"

namespace juesuan::markup {

std::string escape_value(std::string_view v) {
  std::string out;
  out.reserve(v.size());
  for (char c : v) {
    switch (c) {
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': break;
      case '@': out += "\\@"; break;
      default: out += c;
    }
  }
  return out;
}

namespace {

std::string unescape(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\' && i + 1 < s.size()) {
      char n = s[++i];
      out += n == 'n' ? '\n' : n;
    } else {
      out += s[i];
    }
  }
  return out;
}

std::string trim(std::string_view s) {
  std::size_t b = s.find_first_not_of(" \t");
  if (b == std::string_view::npos) return {};
  std::size_t e = s.find_last_not_of(" \t");
  return std::string(s.substr(b, e - b + 1));
}

bool odd_trailing_backslashes(std::string_view s) {
  std::size_t n = 0;
  while (n < s.size() && s[s.size() - 1 - n] == '\\') ++n;
  return n % 2 == 1;
}

const std::set<std::string> kKinds = {"part", "section", "subsection", "item", "table", "chart", "attachment", "toc",
                                      "cover-title", "cover-line", "note", "center", "plain", "pagebreak"};

}  // namespace

std::vector<Directive> parse(std::string_view text, const std::string& origin) {
  std::vector<Directive> out;
  std::string pending;
  int pending_line = 0;
  int line_no = 0;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t e = text.find('\n', start);
    std::string_view raw = text.substr(start, e == std::string_view::npos ? std::string_view::npos : e - start);
    ++line_no;
    start = e == std::string_view::npos ? text.size() + 1 : e + 1;
    if (pending.empty()) pending_line = line_no;
    if (odd_trailing_backslashes(raw)) {
      pending += raw.substr(0, raw.size() - 1);
      continue;
    }
    pending += raw;
    std::string line = trim(pending);
    pending.clear();
    if (line.empty()) continue;
    Directive d;
    d.line = pending_line;
    if (line[0] == '@') {
      std::size_t bar = line.find(" |");
      std::string head = line.substr(1, bar == std::string::npos ? std::string::npos : bar - 1);
      if (bar != std::string::npos) d.text = unescape(trim(std::string_view(line).substr(bar + 2)));
      std::size_t p = 0;
      while (p < head.size()) {
        std::size_t q = head.find(' ', p);
        std::string word = head.substr(p, q == std::string::npos ? std::string::npos : q - p);
        if (!word.empty()) {
          if (d.kind.empty()) d.kind = word;
          else d.args.push_back(unescape(word));
        }
        if (q == std::string::npos) break;
        p = q + 1;
      }
      if (!kKinds.count(d.kind))
        throw Error(Failure::Setup, msg::template_unknown_directive(msg::template_rendered_line(origin, d.line), d.kind));
    } else {
      d.text = unescape(line);
    }
    out.push_back(std::move(d));
  }
  return out;
}

}  // namespace juesuan::markup
