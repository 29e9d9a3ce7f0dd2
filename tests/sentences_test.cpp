// 第三部分 情况说明: the sentences the templates make from the figures.
//
// Small hand-made departments (YAML text below) go through the whole
// program (load, compute, compose) and each expected sentence is written
// here by hand from the formulas of docs/DESIGN §2 — not copied from the
// program's output. Every variant the reference documents show is covered,
// for both formats: 增加/增长, 减少/下降 and 持平; 年初预算 0 (no rate);
// 决算 = 年初预算 (no reason); a fund type the department does not have;
// a zero "三公"; the 「主要包括」 lists; 政府采购 shares; vehicles by use in
// labels.yaml order; 机关运行经费 against 年初预算 (2022) or last year (2021).
// Then the 2022 reference department's section 一 and 五（三） item 1 must
// equal the published text, and several 2021 sections too (spaces that the
// PDF extraction put around numbers removed).
#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "build/build.hpp"
#include "support.hpp"
#include "support_build.hpp"
#include "document/plain_text.hpp"

using namespace juesuan;
namespace fs = std::filesystem;

namespace {

const std::string kRoot = JUESUAN_SOURCE_DIR;

const Resources& resources() { return test::shared_resources(); }

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string l; std::getline(in, l);) out.push_back(l);
  return out;
}

// The lines of 第三部分: after its (last) heading, before 第四部分's.
std::vector<std::string> part3_of(const std::string& text) {
  auto lines = lines_of(text);
  std::size_t begin = 0, end = lines.size();
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].rfind("第三部分 ", 0) == 0) begin = i + 1;
    if (lines[i].rfind("第四部分 ", 0) == 0) end = i;
  }
  REQUIRE(begin < end);
  return {lines.begin() + static_cast<std::ptrdiff_t>(begin), lines.begin() + static_cast<std::ptrdiff_t>(end)};
}

// The lines of one section of 第三部分, `heading` being its start ("九、").
std::vector<std::string> section(const std::vector<std::string>& part3, const std::string& heading) {
  static const char* const kHeadings[] = {"一、", "二、", "三、", "四、", "五、", "六、", "七、",
                                         "八、", "九、", "十、", "十一、", "十二、", "十三、"};
  auto is_heading = [](const std::string& l) {
    for (const char* h : kHeadings)
      if (l.rfind(h, 0) == 0) return true;
    return false;
  };
  std::vector<std::string> out;
  bool in = false;
  for (const auto& l : part3) {
    if (is_heading(l)) {
      if (in) break;
      in = l.rfind(heading, 0) == 0;
      continue;
    }
    if (in) out.push_back(l);
  }
  INFO("section " << heading);
  REQUIRE(!out.empty());
  return out;
}

std::string joined(const std::vector<std::string>& lines) {
  std::string s;
  for (const auto& l : lines) s += l + "\n";
  return s;
}

// A department file in a temporary folder; the text of its 第三部分.
struct Dept {
  std::string format = "2022";
  std::string year = "2022";
  std::string items;
  std::string rest;

  std::vector<std::string> part3() const {
    static int counter = 0;
    fs::path dir = fs::temp_directory_path() /
                   ("juesuan-sentences-" + std::to_string(::getpid()) + "-" + std::to_string(++counter));
    fs::create_directories(dir);
    fs::path yaml = dir / "dept.yaml";
    {
      std::ofstream out(yaml, std::ios::binary);
      out << "department: 测试局\n"
          << "year: " << year << "\n"
          << "format: \"" << format << "\"\n"
          << "amount_unit: 万元\n"
          << "overview:\n  duties: [职责一]\n  organisation: 内设机构1个。\n  units: [测试局本级]\n"
          << "items:\n"
          << items << rest;
    }
    std::unique_ptr<Built> built;
    try {
      built = build_document(resources(), yaml);
    } catch (const std::exception& e) {
      fs::remove_all(dir);
      FAIL("build failed: " << e.what());
    }
    fs::remove_all(dir);
    return part3_of(doc::plain_text(built->document));
  }
};

// The department most tests use. By hand:
//   本年收入合计 = 300 + 50 + 30 = 380.00 (all 一般公共预算财政拨款)
//   基本支出 200 + 30 = 230.00 → 230/380 = 60.526… → 60.53%
//   项目支出 100 + 50 = 150.00 → 150/380 = 39.473… → 39.47%
//   类 201: 350.00 → 92.105… → 92.11%; 类 208: 30.00 → 7.894… → 7.89%
//   年初预算 250 + 0 + 30 = 280.00; 380/280 = 1.357142… → 135.71%
//   item 1: 300/250 = 120.00%; item 2: 年初预算 0, no rate; item 3: 30 = 30, no reason
const char* kItems =
    "  - code: \"2010301\"\n"
    "    income: {general: 300}\n"
    "    basic: {general: 200}\n"
    "    project: {general: 100}\n"
    "    budget: 250\n"
    "    reason: 人员经费增加。\n"   // the full stop typed by the officer is not doubled
    "  - code: \"2010302\"\n"
    "    income: {general: 50}\n"
    "    project: {general: 50}\n"
    "    budget: 0\n"
    "    reason: 年中追加专项经费\n"
    "  - code: \"2080505\"\n"
    "    income: {general: 30}\n"
    "    basic: {general: 30}\n"
    "    budget: 30\n"
    "    reason: 这一句不应出现\n";

const char* kEconomic =
    "basic_economic:\n"
    "  \"30101\": 100\n"
    "  \"30102\": 50\n"
    "  \"30103\": 0\n"
    "  \"30201\": 60\n"
    "  \"30211\": 20\n";

// "三公": budget 0 + 0 + 10 + 5 = 15.00, actual 0 + 0 + 8 + 2 = 10.00 → 66.666… → 66.67%;
// shares of 10.00: abroad 0.00%, vehicle 80.00%, reception 20.00%;
// vehicle 8/10 = 80.00%, reception 2/5 = 40.00%; abroad budget 0 → no rate.
const char* kThreePublic =
    "three_public:\n"
    "  budget: {abroad: 0, vehicle_purchase: 0, vehicle_operation: 10, reception: 5}\n"
    "  actual: {abroad: 0, vehicle_purchase: 0, vehicle_operation: 8, reception_foreign: 0, reception_domestic: 2}\n"
    "  reason: 厉行节约\n"
    "  vehicle_reason: 用车次数减少\n"
    "  reception_reason: 接待次数减少\n"
    "  abroad_groups: 0\n"
    "  abroad_persons: 0\n"
    "  vehicles_bought: 0\n"
    "  vehicles_held: 2\n"
    "  vehicle_operation_use: 燃料费、维修费\n"
    "  foreign_groups: 0\n"
    "  foreign_persons: 0\n"
    "  domestic_groups: 3\n"
    "  domestic_persons: 20\n"
    "  domestic_use: 接待调研\n";

// 政府采购 30 + 0 + 70 = 100.00; 中小企业 50 → 50.00%; 小微 20 → 40.00% of 50, 20.00% of 100.
const char* kProcurement = "procurement: {goods: 30, works: 0, services: 70, sme: 50, small_micro: 20}\n";

Dept dept(const std::string& format, const std::string& last_year, const std::string& extra = "") {
  Dept d;
  d.format = format;
  d.year = format;
  d.items = kItems;
  d.rest = std::string(kEconomic) + kThreePublic + kProcurement + last_year + extra;
  return d;
}

// 收支总计 380.00 against 400.00: −20.00, 20/400 = 5.00%; 财政拨款 380.00 against 380.00: 持平;
// 一般公共预算 380.00 against 300.00: +80.00, 80/300 = 26.666… → 26.67%.
const char* kLastYearMixed =
    "last_year:\n"
    "  total: 400\n"
    "  total_reason: 项目减少\n"
    "  fiscal_total: 380\n"
    "  fiscal_reason: 这一句不应出现\n"
    "  general_spending: 300\n"
    "  general_reason: 追加项目\n";

}  // namespace

TEST_CASE("sentences 2022: 一 to 四, decrease, equal year and increase", "[sentences]") {
  auto p = dept("2022", kLastYearMixed).part3();
  CHECK(joined(section(p, "一、")) ==
        "2022年度收、支总计均为380.00万元。与上年度相比，收、支总计各减少20.00万元，下降5.00%，主要原因是：项目减少。\n");
  CHECK(joined(section(p, "二、")) == "2022年度收入合计380.00万元，其中：财政拨款收入380.00万元，占100.00%。\n");
  CHECK(joined(section(p, "三、")) ==
        "2022年度支出合计380.00万元，其中：基本支出230.00万元，占60.53%；项目支出150.00万元，占39.47%。\n");
  CHECK(joined(section(p, "四、")) == "2022年度财政拨款收、支总计均为380.00万元。财政拨款收、支总计与上年度持平。\n");
}

TEST_CASE("sentences 2021: 一 to 四, decrease, equal year and increase", "[sentences]") {
  auto p = dept("2021", kLastYearMixed).part3();
  CHECK(joined(section(p, "一、")) ==
        "2021年度收、支总计均为380.00万元。与上年度相比，收、支总计各减少20.00万元，下降5.00%。主要原因是项目减少。\n");
  CHECK(joined(section(p, "二、")) == "2021年度收入合计380.00万元，其中：财政拨款收入380.00万元，占100.00%。\n");
  CHECK(joined(section(p, "四、")) == "2021年度财政拨款收、支总计均为380.00万元。财政拨款收、支总计与上年度持平。\n");
}

TEST_CASE("sentences: an increase of the totals, and no comparison without last year's figure", "[sentences]") {
  // 380.00 against 300.00: +80.00, 26.67%.
  const std::string up = "last_year:\n  total: 300\n  total_reason: 新增项目\n";
  CHECK(joined(section(dept("2022", up).part3(), "一、")) ==
        "2022年度收、支总计均为380.00万元。与上年度相比，收、支总计各增加80.00万元，增长26.67%，主要原因是：新增项目。\n");
  CHECK(joined(section(dept("2021", up).part3(), "一、")) ==
        "2021年度收、支总计均为380.00万元。与上年度相比，收、支总计各增加80.00万元，增长26.67%。主要原因是新增项目。\n");
  // No reason given: the sentence ends after the rate.
  CHECK(joined(section(dept("2022", "last_year:\n  total: 300\n").part3(), "一、")) ==
        "2022年度收、支总计均为380.00万元。与上年度相比，收、支总计各增加80.00万元，增长26.67%。\n");
  CHECK(joined(section(dept("2022", "").part3(), "一、")) == "2022年度收、支总计均为380.00万元。\n");
}

TEST_CASE("sentences 2022: 五 一般公共预算财政拨款支出", "[sentences]") {
  auto p = dept("2022", kLastYearMixed).part3();
  CHECK(joined(section(p, "五、")) ==
        "（一）总体情况。\n"
        "2022年度一般公共预算财政拨款支出380.00万元，占支出合计的100.00%。"
        "与上年度相比，一般公共预算财政拨款支出增加80.00万元，增长26.67%，主要原因是：追加项目。\n"
        "（二）结构情况。\n"
        "2022年度一般公共预算财政拨款支出380.00万元，主要用于以下方面："
        "一般公共服务（类）支出350.00万元，占92.11%；社会保障和就业（类）支出30.00万元，占7.89%。\n"
        "（三）具体情况。\n"
        "2022年度一般公共预算财政拨款支出年初预算为280.00万元，支出决算为380.00万元，完成年初预算的135.71%。其中：\n"
        "1. 一般公共服务支出（类）政府办公厅（室）及相关机构事务（款）行政运行（项）。"
        "年初预算为250.00万元，支出决算为300.00万元，完成年初预算的120.00%。"
        "决算数与年初预算数存在差异的主要原因是人员经费增加。\n"
        "2. 一般公共服务支出（类）政府办公厅（室）及相关机构事务（款）一般行政管理事务（项）。"
        "年初预算为0.00万元，支出决算为50.00万元。决算数与年初预算数存在差异的主要原因是年中追加专项经费。\n"
        "3. 社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位基本养老保险缴费支出（项）。"
        "年初预算为30.00万元，支出决算为30.00万元，完成年初预算的100.00%。\n");
}

TEST_CASE("sentences 2021: 五 一般公共预算财政拨款支出", "[sentences]") {
  auto p = dept("2021", kLastYearMixed).part3();
  CHECK(joined(section(p, "五、")) ==
        "（一）总体情况\n"
        "2021年度一般公共预算财政拨款支出380.00万元，占本年支出合计的100.00%。"
        "与上年度相比，一般公共预算财政拨款支出增加80.00万元，增长26.67%。主要原因是追加项目。\n"
        "（二）结构情况\n"
        "2021年度一般公共预算财政拨款支出380.00万元，主要用于以下方面："
        "一般公共服务（类）支出350.00万元，占92.11%；社会保障和就业（类）支出30.00万元，占比7.89%。\n"
        "（三）具体情况\n"
        "2021年度一般公共预算财政拨款支出年初预算为280.00万元，支出决算为380.00万元，完成年初预算的135.71%。其中：\n"
        "1. 一般公共服务支出（类）政府办公厅（室）及相关机构事务（款）行政运行（项）。"
        "年初预算为250.00万元，支出决算为300.00万元，完成年初预算的120.00%。"
        "决算数与年初预算数存在差异的主要原因是人员经费增加。\n"
        "2. 一般公共服务支出（类）政府办公厅（室）及相关机构事务（款）一般行政管理事务（项）。"
        "年初预算为0.00万元，支出决算为50.00万元，决算数与年初预算数存在差异的主要原因是年中追加专项经费。\n"
        "3. 社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位基本养老保险缴费支出（项）。"
        "年初预算为30.00万元，支出决算为30.00万元，完成年初预算的100.00%。\n");
}

TEST_CASE("sentences: 五（一） a decrease, and no 年初预算 at all", "[sentences]") {
  // 380.00 against 400.00: −20.00, 5.00%.
  auto p = dept("2022", "last_year:\n  general_spending: 400\n  general_reason: 项目减少\n").part3();
  CHECK(section(p, "五、")[1] ==
        "2022年度一般公共预算财政拨款支出380.00万元，占支出合计的100.00%。"
        "与上年度相比，一般公共预算财政拨款支出减少20.00万元，下降5.00%，主要原因是：项目减少。");
  // 年初预算 0 everywhere: no completion rate for the total either.
  Dept d;
  d.items = "  - code: \"2010301\"\n    income: {general: 10}\n    basic: {general: 10}\n";
  auto q = section(d.part3(), "五、");
  CHECK(q[5] == "2022年度一般公共预算财政拨款支出年初预算为0.00万元，支出决算为10.00万元。其中：");
  CHECK(q[6] == "1. 一般公共服务支出（类）政府办公厅（室）及相关机构事务（款）行政运行（项）。"
                "年初预算为0.00万元，支出决算为10.00万元。");
}

TEST_CASE("sentences: 六 人员经费 and 公用经费 with the non-zero 经济分类 items", "[sentences]") {
  // 人员经费 = 301 = 100 + 50 (30103 is 0: not listed); 公用经费 = 302 = 60 + 20.
  CHECK(joined(section(dept("2022", "").part3(), "六、")) ==
        "2022年度一般公共预算财政拨款基本支出230.00万元，其中：人员经费150.00万元，主要包括：基本工资、津贴补贴；"
        "公用经费80.00万元，主要包括：办公费、差旅费。\n");
  CHECK(joined(section(dept("2021", "").part3(), "六、")) ==
        "2021年度一般公共预算财政拨款基本支出230.00万元。其中：人员经费150.00万元，主要包括：基本工资、津贴补贴；"
        "公用经费80.00万元，主要包括：办公费、差旅费。\n");
}

TEST_CASE("sentences: 政府性基金 and 国有资本经营, absent and present, in each format's place", "[sentences]") {
  auto p22 = dept("2022", "").part3();
  CHECK(joined(section(p22, "七、")) == "我部门2022年度没有政府性基金收入，也没有使用政府性基金安排的支出。\n");
  CHECK(joined(section(p22, "八、")) == "我部门2022年度没有国有资本经营收入，也没有使用国有资本经营安排的支出。\n");
  auto p21 = dept("2021", "").part3();
  CHECK(joined(section(p21, "八、")) == "我部门2021年度没有政府性基金收入，也没有使用政府性基金安排的支出。\n");
  CHECK(joined(section(p21, "九、")) == "我部门2021年度没有国有资本经营收入，也没有使用国有资本经营安排的支出。\n");

  Dept d;
  d.items = std::string(kItems) +
            "  - code: \"2120399\"\n"
            "    income: {fund: 10}\n"
            "    project: {fund: 8}\n"
            "    fund_balance: {opening: 1, closing: 3}\n"
            "  - code: \"2120102\"\n"
            "    income: {capital: 5}\n"
            "    basic: {capital: 5}\n";
  auto p = d.part3();
  CHECK(joined(section(p, "七、")) ==
        "2022年度政府性基金预算财政拨款收入10.00万元，年初结转和结余1.00万元；"
        "支出8.00万元，其中：基本支出0.00万元，项目支出8.00万元；年末结转和结余3.00万元。\n");
  CHECK(joined(section(p, "八、")) ==
        "2022年度国有资本经营预算财政拨款收入5.00万元，年初结转和结余0.00万元；"
        "支出5.00万元，其中：基本支出5.00万元，项目支出0.00万元；年末结转和结余0.00万元。\n");
}

TEST_CASE("sentences 2022: 九 \"三公\" 经费", "[sentences]") {
  CHECK(joined(section(dept("2022", "").part3(), "九、")) ==
        "（一）“三公”经费财政拨款支出决算总体情况说明。\n"
        "2022年度“三公”经费财政拨款支出预算为15.00万元，支出决算为10.00万元，完成预算的66.67%。"
        "2022年度“三公”经费支出决算数与预算数存在差异的主要原因是厉行节约。\n"
        "（二）“三公”经费财政拨款支出决算具体情况说明。\n"
        "2022年度“三公”经费财政拨款支出决算中，因公出国（境）费支出决算0.00万元，占0.00%；"
        "公务用车购置及运行费支出决算8.00万元，完成预算的80.00%，占80.00%；"
        "公务接待费支出决算2.00万元，完成预算的40.00%，占20.00%。具体情况如下：\n"
        "1. 因公出国（境）费 预算数为0.00万元，支出决算数为0.00万元。全年因公出国（境）团组0个，累计0人次。\n"
        "2. 公务用车购置及运行费 预算数为10.00万元，支出决算数为8.00万元，完成预算的80.00%。"
        "决算数与预算数存在差异的主要原因是用车次数减少。其中：\n"
        "公务用车购置支出 0.00万元，购置车辆0台。\n"
        "公务用车运行维护支出 8.00万元。主要用于：燃料费、维修费。2022年期末，部门开支财政拨款的公务用车保有量为2辆。\n"
        "3. 公务接待费 预算数为5.00万元，支出决算数为2.00万元，完成预算的40.00%。"
        "决算数与预算数存在差异的主要原因是接待次数减少。其中：\n"
        "外宾接待支出 0.00万元。2022年共接待国（境）外来访团组0个、来访外宾0人次（不包括陪同人员）。\n"
        "其他国内公务接待支出 2.00万元，主要用于接待调研。2022年共接待国内来访团组3个、来宾20人次（不包括陪同人员）。\n");
}

TEST_CASE("sentences 2021: 七 \"三公\" 经费", "[sentences]") {
  CHECK(joined(section(dept("2021", "").part3(), "七、")) ==
        "（一）“三公”经费财政拨款支出决算总体情况说明\n"
        "2021年度“三公”经费财政拨款支出预算为15.00万元，支出决算为10.00万元，完成“三公”经费预算的66.67%。"
        "2021年度“三公”经费支出决算数与预算数存在差异的主要原因是厉行节约。\n"
        "（二）“三公”经费财政拨款支出决算具体情况说明\n"
        "2021年度“三公”经费财政拨款支出决算10.00万元，其中，因公出国（境）费支出决算0.00万元，占“三公”经费支出0.00%；"
        "公务用车购置及运行费支出决算8.00万元，完成预算的80.00%，占“三公”经费支出80.00%；"
        "公务接待费支出决算2.00万元，完成预算的40.00%，占“三公”经费支出20.00%。具体情况如下：\n"
        "1. 因公出国（境）费预算为0.00万元，支出决算为0.00万元。全年因公出国（境）团组0个，累计0人次。\n"
        "2. 公务用车购置及运行费预算为10.00万元，支出决算为8.00万元，完成预算的80.00%。"
        "决算数与预算数存在差异的主要原因是用车次数减少。其中：\n"
        "公务用车购置支出为0.00万元，购置车辆0辆。\n"
        "公务用车运行支出8.00万元。主要用于燃料费、维修费。2021年期末，部门开支财政拨款的公务用车保有量为2辆。\n"
        "3. 公务接待费预算为5.00万元，支出决算为2.00万元，完成预算的40.00%。"
        "决算数与预算数存在差异的主要原因是接待次数减少。其中：\n"
        "外宾接待支出0.00万元。2021年共接待国（境）外来访团组0个、来访外宾0人次（不包括陪同人员）。\n"
        "其他国内公务接待支出2.00万元。主要用于接待调研。2021年共接待国内来访团组3个、来宾20人次（不包括陪同人员）。\n");
}

TEST_CASE("sentences: a zero \"三公\", and budget equal to actual (no reason)", "[sentences]") {
  Dept d;
  d.items = kItems;
  CHECK(joined(section(d.part3(), "九、")) ==
        "我部门2022年度“三公”经费财政拨款支出预算为0.00万元，支出决算为0.00万元，"
        "没有因公出国（境）费、公务用车购置及运行费和公务接待费支出。\n");
  d.format = d.year = "2021";
  CHECK(joined(section(d.part3(), "七、")) ==
        "我部门2021年度“三公”经费财政拨款支出预算为0.00万元，支出决算为0.00万元，"
        "没有因公出国（境）费、公务用车购置及运行费和公务接待费支出。\n");

  // Only 公务接待费, spent as budgeted: 100.00%, no reason anywhere, shares 0 / 0 / 100.
  Dept e;
  e.items = kItems;
  e.rest = "three_public:\n"
           "  budget: {reception: 3}\n"
           "  actual: {reception_domestic: 3}\n"
           "  reason: 这一句不应出现\n"
           "  reception_reason: 这一句也不应出现\n";
  auto s = section(e.part3(), "九、");
  CHECK(s[1] == "2022年度“三公”经费财政拨款支出预算为3.00万元，支出决算为3.00万元，完成预算的100.00%。");
  CHECK(s[3] == "2022年度“三公”经费财政拨款支出决算中，因公出国（境）费支出决算0.00万元，占0.00%；"
                "公务用车购置及运行费支出决算0.00万元，占0.00%；"
                "公务接待费支出决算3.00万元，完成预算的100.00%，占100.00%。具体情况如下：");
  CHECK(s[8] == "3. 公务接待费 预算数为3.00万元，支出决算数为3.00万元，完成预算的100.00%。其中：");
}

TEST_CASE("sentences: 十 机关运行经费 against 年初预算 (2022) and last year (2021)", "[sentences]") {
  // 2022: 40 of 50 = 80.00%.
  CHECK(joined(section(dept("2022", "", "operating_costs: {amount: 40, budget: 50, reason: 节约开支}\n").part3(),
                       "十、")) ==
        "2022年度机关运行经费年初预算为50.00万元，支出决算为40.00万元，完成年初预算的80.00%。"
        "决算数与年初预算数存在差异的主要原因是节约开支。\n");
  CHECK(joined(section(dept("2022", "", "operating_costs: {amount: 50, budget: 50, reason: 不应出现}\n").part3(),
                       "十、")) ==
        "2022年度机关运行经费年初预算为50.00万元，支出决算为50.00万元，完成年初预算的100.00%。\n");
  CHECK(joined(section(dept("2022", "", "operating_costs: {amount: 40, budget: 0, reason: 年初未安排}\n").part3(),
                       "十、")) ==
        "2022年度机关运行经费年初预算为0.00万元，支出决算为40.00万元。"
        "决算数与年初预算数存在差异的主要原因是年初未安排。\n");
  // 2021: 40 against 32 = +8.00, 25.00%; against 50 = −10.00, 20.00%; against 40 = 持平.
  CHECK(joined(section(dept("2021", "", "operating_costs: {amount: 40, last_year: 32, reason: 人员增加}\n").part3(),
                       "十、")) ==
        "2021年度机关运行经费支出40.00万元，较上年度增加8.00万元，增长25.00%。增加的主要原因是：人员增加。\n");
  CHECK(joined(section(dept("2021", "", "operating_costs: {amount: 40, last_year: 50, reason: 厉行节约}\n").part3(),
                       "十、")) ==
        "2021年度机关运行经费支出40.00万元，较上年度减少10.00万元，下降20.00%。减少的主要原因是：厉行节约。\n");
  CHECK(joined(section(dept("2021", "", "operating_costs: {amount: 40, last_year: 40}\n").part3(), "十、")) ==
        "2021年度机关运行经费支出40.00万元，与上年度持平。\n");
}

TEST_CASE("sentences: 十一 政府采购 shares", "[sentences]") {
  CHECK(joined(section(dept("2022", "").part3(), "十一、")) ==
        "2022年度政府采购支出总额100.00万元，其中：政府采购货物支出30.00万元、政府采购工程支出0.00万元、"
        "政府采购服务支出70.00万元。授予中小企业合同金额50.00万元，占政府采购支出总额的50.00%，"
        "其中：授予小微企业合同金额20.00万元，占授予中小企业合同金额的40.00%。\n");
  CHECK(joined(section(dept("2021", "").part3(), "十一、")) ==
        "2021年度政府采购支出总额100.00万元，其中：政府采购货物支出30.00万元、政府采购工程支出0.00万元、"
        "政府采购服务支出70.00万元。授予中小企业合同金额50.00万元，占政府采购支出总额的50.00%，"
        "其中：授予小微企业合同金额20.00万元，占政府采购支出总额的20.00%。\n");
}

TEST_CASE("sentences: 十二 vehicles by use, in each format's labels.yaml order and names", "[sentences]") {
  const std::string assets22 =
      "assets:\n"
      "  vehicles: {other: 2, law_enforcement: 1}\n"
      "  other_vehicles_use: 公务出行\n"
      "  equipment_over_1m: 1\n";
  CHECK(joined(section(dept("2022", "", assets22).part3(), "十二、")) ==
        "2022年期末，我部门共有车辆3辆，其中：省级领导干部用车0辆、主要领导干部用车0辆、机要通信用车0辆、"
        "应急保障用车0辆、执法执勤用车1辆、特种专业技术用车0辆、离退休干部用车0辆、其他用车2辆，"
        "其他用车主要是：公务出行；单价100万元（含）以上设备（不含车辆）1台（套）。\n");
  const std::string assets21 =
      "assets:\n"
      "  vehicles: {other: 2, leaders: 1, emergency: 1}\n"
      "  general_equipment_over_500k: 2\n"
      "  special_equipment_over_1m: 3\n";
  CHECK(joined(section(dept("2021", "", assets21).part3(), "十二、")) ==
        "2021年期末，我部门共有车辆4辆，其中：领导干部用车1辆、机要通信用车0辆、应急保障车1辆、执法执勤用车0辆、"
        "特种专业技术用车0辆、离退休干部用车0辆、其他用车2辆；"
        "单位价值50万元以上通用设备2台（套），单位价值100万元以上专用设备3台（套）。\n");
}

TEST_CASE("sentences: 十三 项目自评等级 leaves out a grade written 0", "[sentences]") {
  const std::string perf =
      "performance:\n"
      "  management: {project_count: 5, project_self_eval_covers_all: false, overall_self_eval_funds: 400,"
      " overall_score: 90, overall_summary: 总体较好}\n"
      "  project_results: {grade_excellent: 0, grade_good: 4, grade_fair: 0, grade_poor: 1, summary: 执行较好}\n"
      "  key_evaluation: {text: 未开展重点绩效评价。}\n";
  auto s = section(dept("2022", "", perf).part3(), "十三、");
  CHECK(s[1] ==
        "根据预算绩效管理要求，我部门纳入预算绩效管理的支出总额为380.00万元，其中基本支出230.00万元；项目支出150.00万元。"
        "按照“谁用款、谁评价”的原则，对2022年度市级预算项目支出进行全面自评，涵盖项目5个。");
  CHECK(s[4] == "通过科学、规范的方法，基于项目的预算执行情况、目标实现程度等，我部门2022年度5个项目支出绩效自评中，"
                "4个项目自评等级为良，1个项目自评等级为差。");
  CHECK(s[7] == "未开展重点绩效评价。");
}

// The 2022 reference department (data/examples): its published text, word
// for word (焦作市政务服务和大数据管理局 2022年度部门决算, 第三部分).
TEST_CASE("sentences: the 2022 reference department's 一 and 五（三） item 1 equal the published text", "[sentences]") {
  Resources const& res = resources();
  auto built = build_document(res, kRoot + "/data/examples/2022-jiaozuo-zhengwu-dashuju.yaml");
  auto p = part3_of(doc::plain_text(built->document));
  CHECK(joined(section(p, "一、")) ==
        "2022年度收、支总计均为2,337.23万元。与上年度相比，收、支总计各增加62.36万元，增长2.74%，主要原因是："
        "焦作市人民政府电子政务管理中心新增豫事办焦作分行专项经费、“豫正通”平台建设、政务信息化安全平台等预算项目。\n");
  auto five = section(p, "五、");
  auto item1 = std::find_if(five.begin(), five.end(), [](const std::string& l) { return l.rfind("1. ", 0) == 0; });
  REQUIRE(item1 != five.end());
  CHECK(*item1 ==
        "1. 一般公共服务支出（类）政府办公厅（室）及相关机构事务（款）行政运行（项）。"
        "年初预算为664.23万元，支出决算为684.70万元，完成年初预算的103.08%。"
        "决算数与年初预算数存在差异的主要原因是人员经费增加。");
  // Sections whose published text has no slip of the reference's own.
  CHECK(joined(section(p, "二、")) ==
        "2022年度收入合计2,334.99万元，其中：财政拨款收入2,334.61万元，占99.98%；其他收入0.38万元，占0.02%。\n");
  CHECK(joined(section(p, "十、")) ==
        "2022年度机关运行经费年初预算为52.60万元，支出决算为45.45万元，完成年初预算的86.41%。"
        "决算数与年初预算数存在差异的主要原因是厉行节约，减少非必要支出。\n");
  CHECK(joined(section(p, "十二、")) ==
        "2022年期末，我部门共有车辆3辆，其中：省级领导干部用车0辆、主要领导干部用车0辆、机要通信用车0辆、应急保障用车0辆、"
        "执法执勤用车0辆、特种专业技术用车0辆、离退休干部用车0辆、其他用车3辆，其他用车主要是：公务出行；"
        "单价100万元（含）以上设备（不含车辆）2台（套）。\n");
}

TEST_CASE("sentences: the 2021 reference department's sections without slips equal the published text", "[sentences]") {
  Resources const& res = resources();
  auto built = build_document(res, kRoot + "/data/examples/2021-jiaozuo-gongxinju.yaml");
  auto p = part3_of(doc::plain_text(built->document));
  // The published text with the spaces its PDF extraction put around numbers removed.
  CHECK(joined(section(p, "一、")) ==
        "2021年度收、支总计均为4234.24万元。与上年度相比，收、支总计各增加1311.24万元，增长44.86%。"
        "主要原因是2021年新增加省级大气污染防治——合成氨生产线淘汰奖补资金2000万元。\n");
  CHECK(joined(section(p, "四、")) ==
        "2021年度财政拨款收、支总计均为4233.22万元。与上年度相比，财政拨款收、支总计各增加1310.45万元，增长44.84%。"
        "主要原因是2021年新增加省级大气污染防治——合成氨生产线淘汰奖补资金2000万元。\n");
  CHECK(joined(section(p, "八、")) == "我部门2021年度没有政府性基金收入，也没有使用政府性基金安排的支出。\n");
  CHECK(joined(section(p, "十、")) ==
        "2021年度机关运行经费支出107.73万元，较上年度增加3.40万元，增长3.26%。增加的主要原因是：在职人员增加，相关费用增加。\n");
  CHECK(joined(section(p, "十一、")) ==
        "2021年度政府采购支出总额0.94万元，其中：政府采购货物支出0.94万元、政府采购工程支出0.00万元、政府采购服务支出0.00万元。"
        "授予中小企业合同金额0.00万元，占政府采购支出总额的0.00%，其中：授予小微企业合同金额0.00万元，占政府采购支出总额的0.00%。\n");
  CHECK(joined(section(p, "十二、")) ==
        "2021年期末，我部门共有车辆4辆，其中：领导干部用车0辆、机要通信用车0辆、应急保障车0辆、执法执勤用车0辆、"
        "特种专业技术用车0辆、离退休干部用车0辆、其他用车4辆；单位价值50万元以上通用设备0台（套），单位价值100万元以上专用设备0台（套）。\n");
  auto five = section(p, "五、");
  auto item1 = std::find_if(five.begin(), five.end(), [](const std::string& l) { return l.rfind("1. ", 0) == 0; });
  REQUIRE(item1 != five.end());
  CHECK(*item1 == "1. 一般公共服务支出（类）纪检监察事务（款）一般行政管理事务（项）。年初预算为0.00万元，支出决算为1.00万元，"
                  "决算数与年初预算数存在差异的主要原因是年初无预算，2021年追加纪检组专项经费支出。");
}
