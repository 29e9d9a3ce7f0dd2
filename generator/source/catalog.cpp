#include "source/catalog.hpp"

#include <charconv>

#include "core/messages.hpp"
#include "core/diag.hpp"
#include "core/file.hpp"
#include "yaml/yaml_tree.hpp"

namespace juesuan {

namespace {

yaml::Node parse_setup(const std::filesystem::path& path) {
  try {
    return yaml::parse(read_source_file(path));
  } catch (const Error& e) {
    throw Error(Failure::Setup, e.loc(), e.message());
  }
}

std::map<std::string, std::string> code_map(const std::filesystem::path& path) {
  yaml::Node root = parse_setup(path);
  std::map<std::string, std::string> out;
  if (!root.is_map()) throw Error(Failure::Setup, root.loc, msg::catalog_not_map());
  for (const auto& [k, v] : root.entries) {
    if (!v.is_scalar()) throw Error(Failure::Setup, v.loc, msg::catalog_value_not_text());
    out.emplace(k.text, v.text);
  }
  return out;
}

std::vector<std::string> string_list(const yaml::Node& root, const char* key) {
  std::vector<std::string> out;
  const yaml::Node* n = root.find(key);
  if (!n || !n->is_seq()) throw Error(Failure::Setup, root.loc, msg::catalog_missing_list(key));
  for (const auto& i : n->items) out.push_back(i.text);
  return out;
}

int year_of(const yaml::Node& n) {
  int y = 0;
  const std::string& t = n.text;
  auto [p, ec] = std::from_chars(t.data(), t.data() + t.size(), y);
  if (!n.is_scalar() || ec != std::errc() || p != t.data() + t.size() || y < 1900 || y > 2999)
    throw Error(Failure::Setup, n.loc, msg::catalog_bad_year());
  return y;
}

// functional-budgets.yaml: government_fund / state_capital, each a list of
// 类, 款 or 项 codes. Everything not listed is 一般公共预算.
void load_budgets(const std::filesystem::path& path, Catalog& c) {
  if (!std::filesystem::exists(path)) return;
  yaml::Node root = parse_setup(path);
  if (!root.is_map()) throw Error(Failure::Setup, root.loc, msg::budgets_not_map());
  for (const auto& [k, v] : root.entries) {
    Budget b;
    if (k.text == "government_fund") b = Budget::GovernmentFund;
    else if (k.text == "state_capital") b = Budget::StateCapital;
    else throw Error(Failure::Setup, k.loc, msg::unknown_budget(k.text));
    if (!v.is_seq()) throw Error(Failure::Setup, v.loc, msg::budget_not_list());
    for (const auto& i : v.items) {
      auto [pos, fresh] = c.budgets.emplace(i.text, b);
      if (!fresh) throw Error(Failure::Setup, i.loc, msg::code_listed_twice(i.text));
    }
  }
}

// years.yaml: functional / economic, each a mapping of code to
// {since: Y, until: Y, names: {Y: name}}.
void load_year_rules(const yaml::Node& root, const char* key, std::map<std::string, YearRule>& out) {
  const yaml::Node* n = root.find(key);
  if (!n || n->is_null()) return;
  if (!n->is_map()) throw Error(Failure::Setup, n->loc, msg::year_rules_not_map(key));
  for (const auto& [code, rule] : n->entries) {
    if (!rule.is_map()) throw Error(Failure::Setup, rule.loc, msg::year_rule_not_map());
    YearRule r;
    for (const auto& [k, v] : rule.entries) {
      if (k.text == "since") r.since = year_of(v);
      else if (k.text == "until") r.until = year_of(v);
      else if (k.text == "names") {
        if (!v.is_map()) throw Error(Failure::Setup, v.loc, msg::year_names_not_map());
        for (const auto& [y, name] : v.entries) {
          if (!name.is_scalar() || name.text.empty()) throw Error(Failure::Setup, name.loc, msg::year_name_not_text());
          r.names[year_of(y)] = name.text;
        }
      } else {
        throw Error(Failure::Setup, k.loc, msg::unknown_year_rule_key(k.text));
      }
    }
    if (r.since && r.until && r.since > r.until) throw Error(Failure::Setup, rule.loc, msg::since_after_until());
    out[code.text] = std::move(r);
  }
}

void load_years(const std::filesystem::path& path, Catalog& c) {
  if (!std::filesystem::exists(path)) return;
  yaml::Node root = parse_setup(path);
  if (root.is_null()) return;
  if (!root.is_map()) throw Error(Failure::Setup, root.loc, msg::years_not_map());
  load_year_rules(root, "functional", c.functional_years);
  load_year_rules(root, "economic", c.economic_years);
}

const std::string* find_name(const std::map<std::string, std::string>& names, const std::string& code) {
  auto it = names.find(code);
  return it == names.end() ? nullptr : &it->second;
}

const std::string* name_in_year(const std::map<std::string, std::string>& names,
                                const std::map<std::string, YearRule>& rules, const std::string& code, int year) {
  const std::string* name = find_name(names, code);
  if (!name) return nullptr;
  auto r = rules.find(code);
  if (r == rules.end()) return name;
  const YearRule& rule = r->second;
  if (rule.since && year < rule.since) return nullptr;
  if (rule.until && year > rule.until) return nullptr;
  auto n = rule.names.find(year);
  return n == rule.names.end() ? name : &n->second;
}

}  // namespace

const char* budget_name(Budget b) {
  switch (b) {
    case Budget::General: return "一般公共预算";
    case Budget::GovernmentFund: return "政府性基金预算";
    case Budget::StateCapital: return "国有资本经营预算";
  }
  return "";
}

Catalog Catalog::load(const std::filesystem::path& dir) {
  Catalog c;
  c.functional = code_map(dir / "functional.yaml");
  c.economic = code_map(dir / "economic.yaml");
  yaml::Node groups = parse_setup(dir / "economic-groups.yaml");
  c.personnel = string_list(groups, "personnel");
  c.public_funds = string_list(groups, "public");
  c.item_descriptions = code_map(dir / "item-descriptions.yaml");
  load_budgets(dir / "functional-budgets.yaml", c);
  load_years(dir / "years.yaml", c);
  return c;
}

const std::string* Catalog::functional_name(const std::string& code) const { return find_name(functional, code); }

const std::string* Catalog::economic_name(const std::string& code) const { return find_name(economic, code); }

const std::string* Catalog::functional_name(const std::string& code, int year) const {
  return name_in_year(functional, functional_years, code, year);
}

const std::string* Catalog::economic_name(const std::string& code, int year) const {
  return name_in_year(economic, economic_years, code, year);
}

Budget Catalog::functional_budget(const std::string& code) const {
  for (std::size_t len : {std::size_t{7}, std::size_t{5}, std::size_t{3}}) {
    if (code.size() < len) continue;
    auto it = budgets.find(code.substr(0, len));
    if (it != budgets.end()) return it->second;
  }
  return Budget::General;
}

}  // namespace juesuan
