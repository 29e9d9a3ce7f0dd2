// The classification catalogs of data/catalog/: names of 功能分类 and 经济分类
// 科目, the budget (一般公共预算 / 政府性基金预算 / 国有资本经营预算) each
// 功能分类 科目 belongs to, the years in which a 科目 exists or bears another
// name, the 人员经费/公用经费 groups and the official 科目说明. Loaded once per
// process and shared read-only.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace juesuan {

// The budget a 功能分类 科目 belongs to.
enum class Budget { General, GovernmentFund, StateCapital };

// 一般公共预算, 政府性基金预算, 国有资本经营预算.
const char* budget_name(Budget b);

// When a 科目 exists, and what it was called in a year that named it
// otherwise (data/catalog/years.yaml). since/until 0 = no bound.
struct YearRule {
  int since = 0;
  int until = 0;
  std::map<int, std::string> names;  // year -> that year's name
};

struct Catalog {
  std::map<std::string, std::string> functional;        // "2010301" -> 行政运行
  std::map<std::string, std::string> economic;          // "30101" -> 基本工资
  std::vector<std::string> personnel;                   // 经济分类 类 of 人员经费
  std::vector<std::string> public_funds;                // 经济分类 类 of 公用经费
  std::map<std::string, std::string> item_descriptions; // 项 -> 科目说明
  std::map<std::string, Budget> budgets;                // listed 类/款/项 -> budget; others general
  std::map<std::string, YearRule> functional_years;     // only codes with a rule
  std::map<std::string, YearRule> economic_years;

  // Throws Error(Failure::Setup) naming the file when a catalog is missing
  // or malformed. functional-budgets.yaml and years.yaml may be absent.
  static Catalog load(const std::filesystem::path& dir);

  // The name in the newest edition, whatever the year.
  const std::string* functional_name(const std::string& code) const;
  const std::string* economic_name(const std::string& code) const;

  // The name in the given year's edition; nullptr when the code is not in
  // the catalog or does not exist in that year.
  const std::string* functional_name(const std::string& code, int year) const;
  const std::string* economic_name(const std::string& code, int year) const;

  // The budget of a 功能分类 类, 款 or 项: the entry of functional-budgets.yaml
  // for the code itself, else for its 款, else for its 类, else 一般公共预算.
  // Also answers for codes that are not in the catalog.
  Budget functional_budget(const std::string& code) const;
};

}  // namespace juesuan
