// The classification catalogs of data/catalog/: what they hold, per 类 and
// per budget, the budget of each 科目, and the names by year.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/diag.hpp"
#include "source/catalog.hpp"

using namespace juesuan;

namespace {

const Catalog& catalog() {
  static const Catalog c = Catalog::load(std::filesystem::path(JUESUAN_SOURCE_DIR) / "data" / "catalog");
  return c;
}

std::size_t count_of(const std::map<std::string, std::string>& m, std::size_t len, const std::string& prefix = "") {
  std::size_t n = 0;
  for (const auto& [code, name] : m)
    if (code.size() == len && code.compare(0, prefix.size(), prefix) == 0) ++n;
  return n;
}

struct ClassCount {
  const char* lei;
  std::size_t kuan, xiang;
};

// Written from the lists of 《2022年政府收支分类科目》 (一般公共预算、政府性基金
// 预算、国有资本经营预算支出功能分类) taken into the catalog: every 款 of the
// edition for the 类 whose 款 are complete, and the 项 whose names are certain.
// A change of the catalog must change this table with it.
const std::vector<ClassCount> kClasses = {
    {"201", 26, 181}, {"202", 9, 0},  {"203", 5, 7},   {"204", 11, 31}, {"205", 10, 30}, {"206", 11, 37},
    {"207", 9, 48},   {"208", 23, 93}, {"210", 13, 55}, {"211", 17, 42}, {"212", 16, 44}, {"213", 12, 61},
    {"214", 16, 44},  {"215", 7, 36},  {"216", 3, 11},  {"217", 5, 5},   {"219", 9, 0},   {"220", 3, 15},
    {"221", 3, 11},   {"222", 4, 5},   {"223", 4, 21},  {"224", 6, 31},  {"229", 5, 16},  {"231", 2, 4},
    {"232", 2, 4},    {"233", 2, 0},   {"234", 2, 18},
};

// The 款 of the 政府性基金预算支出功能分类 (2022) held in the catalog.
const std::set<std::string> kFundKuan = {
    "20610", "20707", "20709", "20710", "20822", "20823", "20829", "21160", "21161", "21208", "21210",
    "21211", "21213", "21214", "21215", "21216", "21217", "21218", "21219", "21366", "21367", "21369",
    "21370", "21371", "21460", "21462", "21464", "21468", "21469", "21470", "21471", "21472", "21473",
    "21562", "22904", "22908", "22960", "23104", "23204", "23304", "23401", "23402",
};

// The 款 of the 国有资本经营预算支出功能分类 (2022).
const std::set<std::string> kCapitalKuan = {"22301", "22302", "22303", "22399"};

// The 10 类 of the 部门预算支出经济分类.
const std::vector<std::string> kEconomicClasses = {"301", "302", "303", "307", "309",
                                                   "310", "311", "312", "313", "399"};

// A small catalog in a directory of its own, removed at the end.
struct SmallCatalog {
  std::filesystem::path path;
  explicit SmallCatalog(const std::string& years) {
    static int serial = 0;
    path = std::filesystem::temp_directory_path() /
           ("juesuan-catalog-test-" + std::to_string(getpid()) + "-" + std::to_string(++serial));
    std::filesystem::create_directories(path);
    write("functional.yaml", "\"201\": 一般公共服务支出\n\"20101\": 人大事务\n\"2010101\": 行政运行\n");
    write("economic.yaml", "\"301\": 工资福利支出\n\"30101\": 基本工资\n");
    write("economic-groups.yaml", "personnel: [\"301\"]\npublic: []\n");
    write("item-descriptions.yaml", "{}\n");
    if (!years.empty()) write("years.yaml", years);
  }
  SmallCatalog(const SmallCatalog&) = delete;
  SmallCatalog& operator=(const SmallCatalog&) = delete;
  ~SmallCatalog() { std::filesystem::remove_all(path); }
  void write(const char* name, const std::string& text) const { std::ofstream(path / name) << text; }
};

}  // namespace

TEST_CASE("catalog: 功能分类 类, 款 and 项 counted per 类", "[catalog]") {
  const Catalog& c = catalog();
  CHECK(count_of(c.functional, 3) == kClasses.size());
  std::size_t kuan = 0, xiang = 0;
  for (const auto& k : kClasses) {
    INFO("类 " << k.lei);
    REQUIRE(c.functional_name(k.lei) != nullptr);
    CHECK(count_of(c.functional, 5, k.lei) == k.kuan);
    CHECK(count_of(c.functional, 7, k.lei) == k.xiang);
    kuan += k.kuan;
    xiang += k.xiang;
  }
  CHECK(count_of(c.functional, 5) == kuan);
  CHECK(count_of(c.functional, 7) == xiang);
}

TEST_CASE("catalog: 功能分类 counted per budget", "[catalog]") {
  const Catalog& c = catalog();
  std::set<std::string> fund, capital;
  std::map<Budget, std::size_t> kuan, xiang;
  for (const auto& [code, name] : c.functional) {
    Budget b = c.functional_budget(code);
    if (code.size() == 5) {
      ++kuan[b];
      if (b == Budget::GovernmentFund) fund.insert(code);
      if (b == Budget::StateCapital) capital.insert(code);
    }
    if (code.size() == 7) ++xiang[b];
  }
  CHECK(fund == kFundKuan);
  CHECK(capital == kCapitalKuan);
  CHECK(kuan[Budget::General] == 189);
  CHECK(kuan[Budget::GovernmentFund] == 42);
  CHECK(kuan[Budget::StateCapital] == 4);
  CHECK(xiang[Budget::General] == 692);
  CHECK(xiang[Budget::GovernmentFund] == 137);
  CHECK(xiang[Budget::StateCapital] == 21);
}

TEST_CASE("catalog: every 项 has its 款 and 类, every 款 its 类, every name is text", "[catalog]") {
  const Catalog& c = catalog();
  for (const auto& [code, name] : c.functional) {
    INFO("功能分类 " << code);
    CHECK((code.size() == 3 || code.size() == 5 || code.size() == 7));
    CHECK_FALSE(name.empty());
    CHECK(name.find_first_of(" \t") == std::string::npos);
    if (code.size() >= 5) CHECK(c.functional_name(code.substr(0, 3)) != nullptr);
    if (code.size() == 7) CHECK(c.functional_name(code.substr(0, 5)) != nullptr);
  }
  for (const auto& [code, name] : c.economic) {
    INFO("经济分类 " << code);
    CHECK((code.size() == 3 || code.size() == 5));
    CHECK_FALSE(name.empty());
    if (code.size() == 5) CHECK(c.economic_name(code.substr(0, 3)) != nullptr);
  }
  for (const auto& [code, text] : c.item_descriptions) {
    INFO("科目说明 " << code);
    CHECK(c.functional_name(code) != nullptr);
  }
}

TEST_CASE("catalog: the budget of a 科目 goes by its 项, 款, then 类", "[catalog]") {
  const Catalog& c = catalog();
  CHECK(c.functional_budget("2080505") == Budget::General);
  CHECK(c.functional_budget("208") == Budget::General);
  CHECK(c.functional_budget("20822") == Budget::GovernmentFund);
  CHECK(c.functional_budget("2082201") == Budget::GovernmentFund);
  CHECK(c.functional_budget("2120801") == Budget::GovernmentFund);
  CHECK(c.functional_budget("2120101") == Budget::General);
  CHECK(c.functional_budget("229") == Budget::General);
  CHECK(c.functional_budget("2299999") == Budget::General);
  CHECK(c.functional_budget("2296002") == Budget::GovernmentFund);
  CHECK(c.functional_budget("234") == Budget::GovernmentFund);
  CHECK(c.functional_budget("2340101") == Budget::GovernmentFund);
  CHECK(c.functional_budget("223") == Budget::StateCapital);
  CHECK(c.functional_budget("2230101") == Budget::StateCapital);
  // A 项 not in the catalog takes its 款's budget.
  CHECK(c.functional_budget("2120898") == Budget::GovernmentFund);
  CHECK(std::string(budget_name(Budget::General)) == "一般公共预算");
  CHECK(std::string(budget_name(Budget::GovernmentFund)) == "政府性基金预算");
  CHECK(std::string(budget_name(Budget::StateCapital)) == "国有资本经营预算");
}

TEST_CASE("catalog: 经济分类 has every 类, each in one group", "[catalog]") {
  const Catalog& c = catalog();
  std::vector<std::string> classes;
  for (const auto& [code, name] : c.economic)
    if (code.size() == 3) classes.push_back(code);
  CHECK(classes == kEconomicClasses);
  CHECK(c.personnel == std::vector<std::string>{"301", "303"});
  for (const auto& lei : kEconomicClasses) {
    INFO("类 " << lei);
    int groups = 0;
    for (const auto& g : c.personnel) groups += g == lei;
    for (const auto& g : c.public_funds) groups += g == lei;
    CHECK(groups == 1);
  }
  CHECK(*c.economic_name("309") == "资本性支出（基本建设）");
  CHECK(*c.economic_name("311") == "对企业补助（基本建设）");
}

TEST_CASE("catalog: names by year — 39906 赠与 until 2021, 39909 and 39910 from 2022", "[catalog]") {
  const Catalog& c = catalog();
  REQUIRE(c.economic_name("39906", 2021) != nullptr);
  CHECK(*c.economic_name("39906", 2021) == "赠与");
  CHECK(c.economic_name("39906", 2022) == nullptr);
  CHECK(c.economic_name("39909", 2021) == nullptr);
  CHECK(c.economic_name("39910", 2021) == nullptr);
  CHECK(*c.economic_name("39909", 2022) == "经常性赠与");
  CHECK(*c.economic_name("39910", 2023) == "资本性赠与");
  // Without a year: the catalog's name, as before.
  CHECK(*c.economic_name("39906") == "赠与");
  CHECK(*c.economic_name("39909") == "经常性赠与");
  // Codes without a rule are the same in every year.
  CHECK(*c.functional_name("2010301", 2021) == "行政运行");
  CHECK(*c.functional_name("2010301", 2022) == "行政运行");
  CHECK(c.functional_name("2010398", 2022) == nullptr);
}

TEST_CASE("catalog: a year rule can rename a 科目 for one year", "[catalog]") {
  SmallCatalog d(
      "functional:\n  \"2010101\": {names: {2021: 旧名称}}\n"
      "economic:\n  \"30101\": {since: 2022}\n");
  Catalog c = Catalog::load(d.path);
  CHECK(*c.functional_name("2010101", 2021) == "旧名称");
  CHECK(*c.functional_name("2010101", 2022) == "行政运行");
  CHECK(*c.functional_name("2010101") == "行政运行");
  CHECK(c.economic_name("30101", 2021) == nullptr);
  CHECK(*c.economic_name("30101", 2022) == "基本工资");
  // No functional-budgets.yaml: everything is 一般公共预算.
  CHECK(c.functional_budget("2010101") == Budget::General);
}

TEST_CASE("catalog: a malformed year rule is a setup error", "[catalog]") {
  SmallCatalog d("economic:\n  \"30101\": {since: 二〇二二}\n");
  CHECK_THROWS_AS(Catalog::load(d.path), Error);
  SmallCatalog e("economic:\n  \"30101\": {since: 2022, until: 2021}\n");
  CHECK_THROWS_AS(Catalog::load(e.path), Error);
  SmallCatalog f("economic:\n  \"30101\": {from: 2022}\n");
  CHECK_THROWS_AS(Catalog::load(f.path), Error);
  // In the maintainer's language, where the mistake is: in
  // `  "30101": {since: 二〇二二}` the key opens at column 13, the year at 20.
  auto error_of = [](const SmallCatalog& c) -> Error {
    try {
      Catalog::load(c.path);
    } catch (const Error& e) {
      return e;
    }
    return Error(Failure::Internal, "no error");
  };
  Error de = error_of(d);
  CHECK(de.kind() == Failure::Setup);
  CHECK(de.message() == "年份应写成四位数字，例如 2022");
  CHECK((de.loc().line == 2 && de.loc().col == 20));
  Error ee = error_of(e);
  CHECK(ee.message() == "since（起用年份）晚于 until（停用年份）");
  CHECK(ee.loc().line == 2);
  Error fe = error_of(f);
  CHECK(fe.message() == "年度规则中有未知的键 “from”：只能是 since、until、names");
  CHECK((fe.loc().line == 2 && fe.loc().col == 13));
}
