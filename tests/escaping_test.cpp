// Escaping: text from a department's YAML can never become markup. Every
// text field of a department (names, duties, organisation, units, item names
// and reasons, "三公" and operating-cost texts, performance texts, attachment
// titles, headings, paragraphs and cells) holds a payload of HTML, Mustache,
// shell-style and line-markup syntax. The generated HTML is parsed (a small
// tolerant parser: tags with their attributes, text nodes with entities
// decoded) and must
//   - show each payload as literal text, and
//   - have exactly the elements and attributes, in the same order, as the
//     same department whose payloads are harmless letters with the newlines
//     in the same places (so nothing was injected, and no directive such as
//     "@table t01" or "@part | x" took effect).
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <string>
#include <vector>

#include "build/build.hpp"
#include "html/html_writer.hpp"

namespace fs = std::filesystem;
using namespace juesuan;

namespace {

// Everything a template or the line markup could take for its own syntax.
const std::string kPayload =
    "<script>alert(\"x\")</script> <b onclick='y'>粗</b> & &amp; &#60; \"双\" '单' "
    "{{department}} {{{year}}} {{&year}} ${HOME} $(id) `id` {{> part1}} {{#x}}y{{/x}} {{^x}}z{{/x}} {{! c }} "
    "{{=<% %>=}} <!-- c --> <![CDATA[ ]]> \\@ \\n \\ |"
    "\n@table t01"
    "\n@part id=p9 newpage | x"
    "\n@item 1. | y @pagebreak"
    "\n@attachment 0"
    "\n  @toc | 目录";

// A YAML double-quoted scalar.
std::string yaml_quote(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += "\\\"";
    else if (c == '\\') out += "\\\\";
    else if (c == '\n') out += "\\n";
    else out += c;
  }
  return out + "\"";
}

// Every text field of a 2022-format department, F01 … F36 in the template
// below. Amounts are chosen so that every reason is printed (决算 ≠ 预算,
// this year ≠ last year) and the audit passes.
const char* kDepartment = R"(department: @F01
short_name: @F02
year: 2022
format: "2022"
amount_unit: 万元
publish_date: 2023-09
overview:
  duties_intro: @F03
  duties:
    - @F04
    - @F05
  composition: @F06
  organisation: @F07
  units:
    - @F08
    - @F09
items:
  - code: "2010301"
    name: @F10
    income: {general: 100}
    basic: {general: 100}
    budget: 90
    reason: @F11
  - code: "2080505"
    name: @F12
    income: {general: 50}
    project: {general: 50}
    budget: 60
    reason: @F13
basic_economic:
  "30101": 60
  "30201": 40
balances: {}
last_year:
  total: 100
  total_reason: @F14
  fiscal_total: 100
  fiscal_reason: @F15
  general_spending: 100
  general_reason: @F16
three_public:
  budget: {abroad: 10, vehicle_purchase: 20, vehicle_operation: 10, reception: 5}
  actual: {abroad: 5, vehicle_purchase: 15, vehicle_operation: 8, reception_foreign: 1, reception_domestic: 2}
  reason: @F17
  abroad_reason: @F18
  vehicle_reason: @F19
  reception_reason: @F20
  abroad_groups: 1
  abroad_persons: 2
  vehicles_bought: 1
  vehicles_bought_note: @F21
  vehicles_held: 2
  vehicle_operation_use: @F22
  foreign_groups: 1
  foreign_persons: 3
  foreign_use: @F23
  domestic_groups: 2
  domestic_persons: 10
  domestic_use: @F24
operating_costs:
  amount: 20
  budget: 25
  reason: @F25
procurement: {goods: 10, works: 0, services: 5, sme: 10, small_micro: 5}
assets:
  vehicles: {leaders: 1, other: 1}
  other_vehicles_use: @F26
  equipment_over_1m: 1
performance:
  management:
    project_count: 1
    project_self_eval_covers_all: true
    overall_self_eval_funds: 150
    overall_score: 90
    overall_summary: @F27
  project_results:
    grade_excellent: 1
    summary: @F28
  key_evaluation:
    text: @F29
attachments:
  - title: @F30
    blocks:
      - heading: @F31
      - paragraph: @F32
      - table:
          header_rows: 1
          rows:
            - [@F33, {text: @F34, colspan: 2}]
            - [@F35, "b", {text: @F36}]
)";
constexpr int kFields = 36;

std::string field_text(int n, bool attack) {
  char tag[8];
  std::snprintf(tag, sizeof tag, "F%02d:", n);
  if (attack) return tag + kPayload;
  // The harmless twin: letters, with the payload's newlines where they were.
  std::string s = kPayload;
  for (char& c : s)
    if (c != '\n') c = 'x';
  return tag + s;
}

std::string department(bool attack) {
  std::string y = kDepartment;
  for (int n = kFields; n >= 1; --n) {
    char key[8];
    std::snprintf(key, sizeof key, "@F%02d", n);
    for (std::size_t p; (p = y.find(key)) != std::string::npos;) y.replace(p, 4, yaml_quote(field_text(n, attack)));
  }
  return y;
}

// --- a small tolerant HTML parser -------------------------------------------

struct Tag {
  bool closing = false;
  std::string name;
  std::vector<std::string> attributes;   // names, in order
  bool operator==(const Tag&) const = default;
};

struct Parsed {
  std::vector<Tag> tags;
  std::string text;        // every text node, entities decoded, concatenated
  std::vector<std::string> problems;
};

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

void append_utf8(std::string& out, unsigned long cp) {
  if (cp < 0x80) out += static_cast<char>(cp);
  else if (cp < 0x800) { out += static_cast<char>(0xC0 | (cp >> 6)); out += static_cast<char>(0x80 | (cp & 0x3F)); }
  else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

std::string decode_entities(std::string_view s, std::vector<std::string>& problems) {
  static const std::map<std::string, std::string, std::less<>> named = {
      {"amp", "&"}, {"lt", "<"}, {"gt", ">"}, {"quot", "\""}, {"apos", "'"}, {"nbsp", "\xC2\xA0"}};
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '&') { out += s[i]; continue; }
    std::size_t semi = s.find(';', i);
    if (semi == std::string_view::npos || semi - i > 10) {
      problems.push_back("a bare & in text: " + std::string(s.substr(i, 20)));
      out += '&';
      continue;
    }
    std::string_view ent = s.substr(i + 1, semi - i - 1);
    if (!ent.empty() && ent[0] == '#') {
      bool hex = ent.size() > 1 && (ent[1] == 'x' || ent[1] == 'X');
      append_utf8(out, std::stoul(std::string(ent.substr(hex ? 2 : 1)), nullptr, hex ? 16 : 10));
    } else if (auto it = named.find(ent); it != named.end()) {
      out += it->second;
    } else {
      problems.push_back("unknown entity &" + std::string(ent) + ";");
    }
    i = semi;
  }
  return out;
}

Parsed parse_html(const std::string& h) {
  Parsed p;
  std::size_t i = 0;
  while (i < h.size()) {
    if (h[i] != '<') {
      std::size_t e = h.find('<', i);
      if (e == std::string::npos) e = h.size();
      p.text += decode_entities(std::string_view(h).substr(i, e - i), p.problems);
      i = e;
      continue;
    }
    if (h.compare(i, 4, "<!--") == 0) {
      std::size_t e = h.find("-->", i);
      p.tags.push_back(Tag{false, "!--", {}});
      i = e == std::string::npos ? h.size() : e + 3;
      continue;
    }
    Tag t;
    std::size_t j = i + 1;
    if (j < h.size() && h[j] == '/') { t.closing = true; ++j; }
    std::size_t n = j;
    while (n < h.size() && (std::isalnum(static_cast<unsigned char>(h[n])) || h[n] == '!' || h[n] == '-')) ++n;
    t.name = lower(h.substr(j, n - j));
    if (t.name.empty()) {
      p.problems.push_back("a bare < in text at byte " + std::to_string(i));
      p.text += '<';
      ++i;
      continue;
    }
    // Attributes: name, name=value, name="value", name='value'.
    std::size_t k = n;
    while (k < h.size() && h[k] != '>') {
      if (std::isspace(static_cast<unsigned char>(h[k])) || h[k] == '/') { ++k; continue; }
      std::size_t a = k;
      while (k < h.size() && !std::isspace(static_cast<unsigned char>(h[k])) && h[k] != '=' && h[k] != '>') ++k;
      t.attributes.push_back(lower(h.substr(a, k - a)));
      if (k < h.size() && h[k] == '=') {
        ++k;
        if (k < h.size() && (h[k] == '"' || h[k] == '\'')) {
          char q = h[k];
          std::size_t e = h.find(q, k + 1);
          std::string value = h.substr(k + 1, e - k - 1);
          if (value.find('<') != std::string::npos) p.problems.push_back("a < inside the attribute value " + value);
          k = e == std::string::npos ? h.size() : e + 1;
        } else {
          while (k < h.size() && !std::isspace(static_cast<unsigned char>(h[k])) && h[k] != '>') ++k;
        }
      }
    }
    p.tags.push_back(t);
    i = k + 1;
    // Raw text elements: their content is not HTML.
    if (!t.closing && (t.name == "style" || t.name == "script")) {
      std::size_t e = h.find("</" + t.name, i);
      i = e == std::string::npos ? h.size() : e;
    }
  }
  return p;
}

std::string collapse_spaces(const std::string& s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') { space = true; continue; }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

std::string render(const Resources& res, const std::string& yaml, const fs::path& dir, const std::string& name) {
  fs::path file = dir / (name + ".yaml");
  std::ofstream(file) << yaml;
  auto built = build_document(res, file);
  auto findings = check(built->source, built->model);
  std::string listed;
  for (const auto& f : findings) listed += render_finding(f) + "\n";
  INFO(listed);
  REQUIRE_FALSE(has_errors(findings));
  return html::write_html(built->document);
}

}  // namespace

TEST_CASE("escaping: template and markup syntax in every text field stays literal text in the HTML") {
  fs::path dir = fs::temp_directory_path() / ("juesuan-escaping-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  Resources res = Resources::load(JUESUAN_SOURCE_DIR);
  std::string attack_html = render(res, department(true), dir, "attack");
  std::string twin_html = render(res, department(false), dir, "twin");
  fs::remove_all(dir);

  Parsed attack = parse_html(attack_html), twin = parse_html(twin_html);
  for (const auto& problem : attack.problems) FAIL_CHECK(problem);
  CHECK(twin.problems.empty());

  // No element or attribute was injected: the same tags, in the same order,
  // as the harmless twin's.
  REQUIRE(attack.tags.size() == twin.tags.size());
  for (std::size_t i = 0; i < attack.tags.size(); ++i) {
    INFO("tag " << i << ": <" << (attack.tags[i].closing ? "/" : "") << attack.tags[i].name << "> vs <"
                << (twin.tags[i].closing ? "/" : "") << twin.tags[i].name << ">");
    REQUIRE(attack.tags[i] == twin.tags[i]);
  }
  std::size_t scripts = 0;
  for (const auto& t : attack.tags) scripts += t.name == "script";
  CHECK(scripts == 0);

  // Each payload is there, literally (a newline may be any white space: the
  // organisation is one paragraph per line, and HTML folds white space).
  const std::string text = collapse_spaces(attack.text);
  for (int n = 1; n <= kFields; ++n) {
    std::string expected = collapse_spaces(field_text(n, true));
    INFO("field F" << n << ": " << expected);
    CHECK(text.find(expected) != std::string::npos);
  }
  // And the twin's text has none of the payload's syntax (the check above
  // would pass vacuously if the writer printed the YAML file itself).
  CHECK(twin.text.find("{{") == std::string::npos);
  CHECK(twin.text.find("@table") == std::string::npos);
}
