// The template vocabulary (issue 13): the names a template may use are
// collected from build_context itself (compose/context.hpp context_names),
// never listed by hand; templates are checked against them when they load,
// and templates/README.md (五) documents exactly these names.
#include <catch2/catch.hpp>

#include <algorithm>
#include <regex>
#include <set>
#include <sstream>

#include "compose/context.hpp"
#include "compose/templates.hpp"
#include "core/diag.hpp"
#include "support.hpp"

using namespace juesuan;

namespace {

bool provided(const std::string& name) {
  const auto& names = context_names();
  return std::find(names.begin(), names.end(), name) != names.end();
}

// The names `text` may use, checked as a template file is when it loads.
bool loads(const std::string& text) {
  auto f = std::make_shared<SourceFile>();
  f->path = "probe.mustache";
  f->text = text;
  try {
    check_mustache(f, context_names(), {});
    return true;
  } catch (const Error&) {
    return false;
  }
}

// templates/README.md section 五: the backquoted names, with the short
// forms expanded (`fiscal.opening_general` / `_fund` is fiscal.opening_fund),
// and of them those in the first column of its tables (the names it
// describes, not the source keys and labels.yaml groups it mentions).
struct Documented {
  std::set<std::string> all, described, prefixes;  // prefixes: `total.<数名>` gives "total."
};

Documented documented() {
  std::istringstream in(test::slurp(test::kSourceDir / "templates/README.md"));
  Documented d;
  const std::regex quoted("`([^`]+)`");
  bool in_section = false;
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("## ", 0) == 0) in_section = line.rfind("## 五、", 0) == 0;
    if (!in_section) continue;
    // The first column of a table row ends at its second '|'.
    const std::size_t first_cell_end = line.rfind("| ", 0) == 0 ? line.find('|', 1) : 0;
    std::string last_full;
    for (std::sregex_iterator it(line.begin(), line.end(), quoted), end; it != end; ++it) {
      std::string token = (*it)[1];
      const bool first_cell = static_cast<std::size_t>(it->position()) < first_cell_end;
      if (auto lt = token.find('<'); lt != std::string::npos) {
        d.prefixes.insert(token.substr(0, lt));
        continue;
      }
      if (token[0] == '_' && !last_full.empty()) token = last_full.substr(0, last_full.rfind('_')) + token;
      else last_full = token;
      d.all.insert(token);
      if (first_cell) d.described.insert(token);
    }
  }
  return d;
}

bool is_documented(const std::string& name, const Documented& d) {
  if (d.all.count(name)) return true;
  for (const auto& n : d.all)  // a group: `tp.budget` documents tp
    if (n.rfind(name + ".", 0) == 0) return true;
  for (const auto& p : d.prefixes)
    if (name.rfind(p, 0) == 0) return true;
  // "tp.abroad.budget": `tp.abroad` documented with its member `budget`.
  const auto dot = name.rfind('.');
  return dot != std::string::npos && d.all.count(name.substr(dot + 1)) && is_documented(name.substr(0, dot), d);
}

}  // namespace

TEST_CASE("vocabulary: collected from what build_context sets", "[vocabulary]") {
  // Every figure the model names, by its own lists.
  for (const auto& n : scalar_names()) CHECK(provided(n));
  for (const auto& n : fig_names()) CHECK(provided("total." + n));
  // Names set on the elements of lists, bare and by their path.
  for (const char* n : {"kuan_name", "class_name", "budget_only", "has_share", "note", "change", "change.current",
                        "current", "term", "is_item", "in_part3", "toc", "tp.abroad.groups", "tp.vehicle.held",
                        "perf.projects", "perf.overall.score", "assets.vehicles", "fund.budget_over", "performance"})
    CHECK(provided(n));
  // Nothing build_context does not set.
  for (const char* n : {"operating.amout", "bogus", "tp.abroad.held", "dept.nothing"}) CHECK_FALSE(provided(n));
  CHECK(std::is_sorted(context_names().begin(), context_names().end()));
}

TEST_CASE("vocabulary: a template may use only names the context provides", "[vocabulary]") {
  CHECK(loads("{{operating.amount}}{{#items}}{{kuan_name}}{{#has_reason}}{{reason}}{{/has_reason}}{{/items}}"));
  CHECK(loads("{{#tp.abroad}}{{groups}}{{/tp.abroad}}{{total.spend.basic}}{{dept.grand_income}}"));
  CHECK(loads("{{performance.anything.the_file_has}}"));  // the department's own keys
  CHECK_FALSE(loads("{{operating.amout}}"));
  CHECK_FALSE(loads("{{#items}}{{kuan}}{{/items}}"));
  CHECK_FALSE(loads("{{total.spend.nothing}}"));
}

TEST_CASE("vocabulary: templates/README.md documents every name, and only those", "[vocabulary]") {
  const Documented d = documented();
  REQUIRE(d.described.size() > 100);
  REQUIRE(d.prefixes.count("total."));
  const auto& names = context_names();
  auto nested_only = [&](const std::string& n) {  // a member's bare form ("budget" of tp.budget)
    return n.find('.') == std::string::npos && std::any_of(names.begin(), names.end(), [&](const std::string& full) {
             return full.size() > n.size() + 1 && full.compare(full.size() - n.size() - 1, std::string::npos, "." + n) == 0;
           });
  };
  for (const auto& n : names) {
    if (nested_only(n)) continue;
    INFO("provided but not documented in templates/README.md 五: " << n);
    CHECK(is_documented(n, d));
  }
  for (const auto& n : d.described) {
    INFO("documented in templates/README.md 五 but not provided: " << n);
    CHECK(provided(n));
  }
}
