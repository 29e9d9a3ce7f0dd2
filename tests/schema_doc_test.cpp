// docs/SCHEMA.md documents every key of the source file, and no other:
//  - every key that generator/source/load.cpp lists in a map() call (its
//    {"key", "…"} fields), and every vehicle use it accepts, is written in
//    SCHEMA.md as `key` or as a YAML line "key:";
//  - every performance: key a template reads (performance.a.b) is written
//    there too;
//  - every key written in a ```yaml block of SCHEMA.md is one the loader
//    accepts or a performance key a template reads.
// load.cpp is read as text, so a key added to the loader without a line in
// SCHEMA.md fails here.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

const fs::path kRoot = JUESUAN_SOURCE_DIR;

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  REQUIRE(in.good());
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The end of the parenthesised argument list that opens at `open` (the
// position of its '('), skipping string and character literals.
std::size_t closing_paren(const std::string& s, std::size_t open) {
  int depth = 0;
  for (std::size_t i = open; i < s.size(); ++i) {
    char c = s[i];
    if (c == '"' || c == '\'') {
      for (++i; i < s.size() && s[i] != c; ++i)
        if (s[i] == '\\') ++i;
      continue;
    }
    if (c == '(') ++depth;
    if (c == ')' && --depth == 0) return i;
  }
  return std::string::npos;
}

// The keys of every map() field list in load.cpp, and the vehicle uses.
std::set<std::string> loader_keys() {
  const std::string src = slurp(kRoot / "generator/source/load.cpp");
  std::set<std::string> keys;
  const std::regex field(R"re(\{"([A-Za-z_][A-Za-z0-9_]*)",\s*")re");
  int calls = 0;
  for (std::size_t at = src.find("map("); at != std::string::npos; at = src.find("map(", at + 4)) {
    std::size_t end = closing_paren(src, at + 3);
    if (end == std::string::npos) break;
    std::string args = src.substr(at, end - at);
    bool any = false;
    for (std::sregex_iterator m(args.begin(), args.end(), field), e; m != e; ++m) {
      keys.insert((*m)[1]);
      any = true;
    }
    calls += any;
  }
  CHECK(calls >= 20);
  std::size_t v = src.find("kVehicleUses = {");
  REQUIRE(v != std::string::npos);
  std::string uses = src.substr(v, src.find("};", v) - v);
  const std::regex literal(R"re("([A-Za-z_]+)")re");
  int vehicle_uses = 0;
  for (std::sregex_iterator m(uses.begin(), uses.end(), literal), e; m != e; ++m, ++vehicle_uses)
    keys.insert((*m)[1]);
  CHECK(vehicle_uses >= 9);
  return keys;
}

// performance.a.b as read by the templates: every dotted path after
// "performance." (without the leading "performance").
std::set<std::string> performance_paths() {
  std::set<std::string> paths;
  const std::regex name(R"re(performance((?:\.[A-Za-z_][A-Za-z0-9_]*)+))re");
  for (const auto& e : fs::recursive_directory_iterator(kRoot / "templates")) {
    if (e.path().extension() != ".mustache") continue;
    const std::string text = slurp(e.path());
    for (std::sregex_iterator m(text.begin(), text.end(), name), end; m != end; ++m)
      paths.insert(std::string((*m)[1]).substr(1));
  }
  return paths;
}

std::set<std::string> leaves(const std::set<std::string>& paths) {
  std::set<std::string> out;
  for (const auto& p : paths) {
    std::size_t b = 0;
    for (std::size_t d; (d = p.find('.', b)) != std::string::npos; b = d + 1) out.insert(p.substr(b, d - b));
    out.insert(p.substr(b));
  }
  return out;
}

// The lines of every ```yaml block of the document.
std::vector<std::string> yaml_lines(const std::string& doc) {
  std::vector<std::string> out;
  std::istringstream in(doc);
  bool inside = false;
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("```", 0) == 0) {
      inside = !inside && line.rfind("```yaml", 0) == 0;
      continue;
    }
    if (inside) out.push_back(line);
  }
  return out;
}

std::set<std::string> yaml_keys(const std::string& doc) {
  std::set<std::string> keys;
  const std::regex key(R"re(^\s*(?:-\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*:(?:\s|$))re");
  for (const auto& line : yaml_lines(doc)) {
    std::smatch m;
    if (std::regex_search(line, m, key)) keys.insert(m[1]);
  }
  return keys;
}

bool documented(const std::string& doc, const std::set<std::string>& yaml, const std::string& key) {
  return doc.find("`" + key + "`") != std::string::npos || yaml.count(key);
}

}  // namespace

TEST_CASE("schema doc: every key the loader accepts is documented in docs/SCHEMA.md") {
  const std::string doc = slurp(kRoot / "docs/SCHEMA.md");
  const std::set<std::string> yaml = yaml_keys(doc);
  const std::set<std::string> keys = loader_keys();
  // The parse of load.cpp still finds the keys of each level.
  for (const char* k : {"department", "items", "code", "income", "affiliated", "year_start_budget", "staff",
                        "retired_off", "last_year_reason", "reception_domestic", "provincial_leaders", "header_rows",
                        "colspan"})
    CHECK(keys.count(k));
  for (const auto& k : keys) {
    INFO("key from generator/source/load.cpp: " << k);
    CHECK(documented(doc, yaml, k));
  }
}

TEST_CASE("schema doc: every performance key a template reads is documented in docs/SCHEMA.md") {
  const std::string doc = slurp(kRoot / "docs/SCHEMA.md");
  const std::set<std::string> yaml = yaml_keys(doc);
  const std::set<std::string> paths = performance_paths();
  CHECK(paths.count("management.project_count"));
  for (const auto& k : leaves(paths)) {
    INFO("performance key read by a template: " << k);
    CHECK(documented(doc, yaml, k));
  }
}

TEST_CASE("schema doc: the YAML of docs/SCHEMA.md uses only keys the loader accepts") {
  const std::string doc = slurp(kRoot / "docs/SCHEMA.md");
  std::set<std::string> known = loader_keys();
  for (const auto& k : leaves(performance_paths())) known.insert(k);
  const std::set<std::string> yaml = yaml_keys(doc);
  CHECK(yaml.size() >= 100);
  for (const auto& k : yaml) {
    INFO("key written in a ```yaml block of docs/SCHEMA.md: " << k);
    CHECK(known.count(k));
  }
}

// data/schema/department.schema.json, the JSON Schema editors check the
// YAML with, names the same keys as the loader: every key load.cpp accepts
// is a property of the schema, and every property of the schema is a key
// the loader accepts or a performance key a template reads; each has its
// Chinese description. (scripts/check_schema.py validates the departments
// and the bad inputs against it.)
namespace {

// Every property name of the schema, with its description.
void schema_properties(const nlohmann::json& node, std::map<std::string, std::vector<std::string>>& out) {
  if (node.is_object()) {
    if (auto p = node.find("properties"); p != node.end() && p->is_object())
      for (const auto& [key, sub] : p->items()) out[key].push_back(sub.value("description", std::string()));
    for (const auto& [key, sub] : node.items()) schema_properties(sub, out);
  } else if (node.is_array()) {
    for (const auto& sub : node) schema_properties(sub, out);
  }
}

bool has_cjk(const std::string& s) {
  // U+4E00–U+9FFF are E4 B8 80 – E9 BF BF in UTF-8.
  for (std::size_t i = 0; i < s.size(); ++i)
    if (static_cast<unsigned char>(s[i]) >= 0xE4 && static_cast<unsigned char>(s[i]) <= 0xE9) return true;
  return false;
}

}  // namespace

TEST_CASE("schema doc: the JSON Schema names every key the loader accepts, and only those") {
  const nlohmann::json schema = nlohmann::json::parse(slurp(kRoot / "data/schema/department.schema.json"));
  CHECK(schema.at("$schema") == "http://json-schema.org/draft-07/schema#");
  std::map<std::string, std::vector<std::string>> props;
  schema_properties(schema, props);
  std::set<std::string> keys = loader_keys();
  for (const auto& k : keys) {
    INFO("key from generator/source/load.cpp: " << k);
    CHECK(props.count(k));
  }
  // Keys the loader looks up without a map() field list (performance.projects).
  const std::string src = slurp(kRoot / "generator/source/load.cpp");
  const std::regex find(R"re(find\("([a-z_]+)"\))re");
  for (std::sregex_iterator m(src.begin(), src.end(), find), e; m != e; ++m) keys.insert((*m)[1]);
  const std::set<std::string> perf = leaves(performance_paths());
  CHECK(props.size() >= 140);
  for (const auto& [k, descriptions] : props) {
    INFO("property of data/schema/department.schema.json: " << k);
    CHECK((keys.count(k) || perf.count(k)));
    for (const auto& d : descriptions) CHECK(has_cjk(d));
  }
}
