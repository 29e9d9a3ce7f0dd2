// Cells as YAML values (see cells.hpp).
#include "workbook/cells.hpp"

#include <algorithm>

#include "core/messages.hpp"

namespace juesuan::book {

std::optional<std::string> number_text(const std::string& stored) {
  std::size_t i = 0;
  bool neg = false;
  if (i < stored.size() && (stored[i] == '-' || stored[i] == '+')) neg = stored[i++] == '-';
  std::string digits;
  long point = -1;   // digits before the decimal point
  bool any = false;
  for (; i < stored.size(); ++i) {
    char c = stored[i];
    if (c >= '0' && c <= '9') { digits += c; any = true; }
    else if (c == '.' && point < 0) point = static_cast<long>(digits.size());
    else break;
  }
  if (!any) return std::nullopt;
  if (point < 0) point = static_cast<long>(digits.size());
  if (i < stored.size()) {
    if (stored[i] != 'e' && stored[i] != 'E') return std::nullopt;
    ++i;
    bool eneg = false;
    if (i < stored.size() && (stored[i] == '-' || stored[i] == '+')) eneg = stored[i++] == '-';
    if (i >= stored.size() || stored.size() - i > 3) return std::nullopt;
    long e = 0;
    for (; i < stored.size(); ++i) {
      if (stored[i] < '0' || stored[i] > '9') return std::nullopt;
      e = e * 10 + (stored[i] - '0');
    }
    point += eneg ? -e : e;
  }
  // Leading zeros off; the point moves with them.
  std::size_t lead = digits.find_first_not_of('0');
  if (lead == std::string::npos) return std::string("0");
  digits.erase(0, lead);
  point -= static_cast<long>(lead);
  // 15 significant digits, rounded half away from zero.
  if (digits.size() > 15) {
    bool up = digits[15] >= '5';
    digits.resize(15);
    if (up) {
      int k = 14;
      while (k >= 0 && digits[k] == '9') digits[k--] = '0';
      if (k < 0) { digits.insert(digits.begin(), '1'); ++point; digits.pop_back(); }
      else ++digits[k];
    }
  }
  while (!digits.empty() && static_cast<long>(digits.size()) > point && digits.back() == '0') digits.pop_back();
  std::string out;
  if (point <= 0) out = "0." + std::string(-point, '0') + digits;
  else if (static_cast<long>(digits.size()) <= point) out = digits + std::string(point - digits.size(), '0');
  else out = digits.substr(0, point) + "." + digits.substr(point);
  if (out.back() == '.') out.pop_back();
  return (neg && out != "0" ? "-" : "") + out;
}

namespace {
std::string trim(const std::string& s) {
  std::size_t a = s.find_first_not_of(" \t\r\n"), b = s.find_last_not_of(" \t\r\n");
  return a == std::string::npos ? std::string() : s.substr(a, b - a + 1);
}
}  // namespace

ParsedAmount cell_amount(const xlsx::Cell& cell, Unit unit) {
  if (cell.is_number()) {
    auto t = number_text(cell.text);
    if (!t) return ParsedAmount{std::nullopt, AmountError::NotANumber};
    return parse_amount(*t, unit);
  }
  return parse_amount(trim(cell.text), unit);
}

std::optional<YNode> CellReader::read(const std::string& sheet, int row, int col, const xlsx::Cell& cell, Kind kind,
                                      const std::string& what, Unit unit, const std::vector<std::string>* choices,
                                      const std::vector<std::string>* values) {
  auto fail = [&](std::string message) -> std::optional<YNode> {
    problems_.push_back({sheet, row, col, std::move(message)});
    return std::nullopt;
  };
  // The text as the officer sees it: a number by its shortest decimal.
  std::string text = cell.text;
  if (cell.is_number()) {
    auto t = number_text(cell.text);
    if (!t) return fail(msg::bad_amount(cell.text, AmountError::NotANumber, unit));
    text = *t;
  }
  switch (kind) {
    case Kind::Amount:
    case Kind::SignedAmount: {
      ParsedAmount p = cell_amount(cell, unit);
      if (!p.value) return fail(msg::bad_amount(cell.is_number() ? text : trim(cell.text), p.error, unit));
      if (kind == Kind::Amount && p.value->fen() < 0) return fail(msg::negative_amount(what));
      return YNode::scalar(money_text(*p.value, unit), YNode::Style::Plain);
    }
    case Kind::Count: {
      std::string t = trim(text);
      if (t.empty() || t.size() > 9 || t.find_first_not_of("0123456789") != std::string::npos)
        return fail(msg::bad_count(t, what));
      return YNode::scalar(std::to_string(std::stoll(t)), YNode::Style::Plain);
    }
    case Kind::Year: {
      std::string t = trim(text);
      if (t.size() != 4 || t.find_first_not_of("0123456789") != std::string::npos) return fail(msg::bad_year(t));
      return YNode::scalar(t, YNode::Style::Plain);
    }
    case Kind::Code: {
      std::string t = trim(text);
      return YNode::scalar(t, YNode::Style::Quoted);
    }
    case Kind::Choice: {
      std::string t = trim(text);
      if (!choices) return YNode::scalar(t);
      auto it = std::find(choices->begin(), choices->end(), t);
      if (it == choices->end()) {
        // 层级 is free text in the schema: the list only suggests.
        if (what == "部门所属层级") return YNode::scalar(t);
        return fail(msg::bad_choice(t, *choices));
      }
      std::size_t i = it - choices->begin();
      if (values && i < values->size()) return YNode::scalar((*values)[i], YNode::Style::Plain);
      return YNode::scalar(t);
    }
    case Kind::Score:
    case Kind::Text:
      return YNode::scalar(text);
  }
  return std::nullopt;
}

}  // namespace juesuan::book
