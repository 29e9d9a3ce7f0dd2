// The document never contradicts itself, for every example, slip variant
// and a synthetic city (both formats, 万元 and 元, fund items, several
// units): the printed rows of every table add up to its printed totals
// within the rounding the unit implies, every non-zero input has its row,
// 收入总计 = 支出总计 as printed, and every amount a sentence of 第三部分
// 一 to 九 states is a printed table cell (the year-start budgets and the
// changes against last year excepted: no table prints them).
//
// Nothing here is a copy of the program's output: each check is arithmetic
// on the printed document, or a lookup of an input in it.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <map>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "build/build.hpp"
#include "support.hpp"
#include "support_build.hpp"

using namespace juesuan;
namespace fs = std::filesystem;

namespace {

const std::string kRoot = JUESUAN_SOURCE_DIR;

const Resources& resources() { return test::shared_resources(); }

using test::cents;

bool is_code(const std::string& s, std::size_t len) {
  return s.size() == len && s.find_first_not_of("0123456789") == std::string::npos;
}

// How far a printed sum of n printed figures may be from a printed total:
// nothing for 万元 input (its figures are exact in 0.01 万元, and the 尾差
// rule puts a residue on one stated total, within the rounding of the 万元
// inputs), each figure rounded by at most half a cent for 元 input.
std::int64_t slack(const Source& s, std::size_t n) { return s.unit == Unit::Yuan ? (static_cast<std::int64_t>(n) + 1) / 2 : 0; }

struct Checked {
  std::size_t sums = 0, inputs = 0, sentences = 0;
  bool yuan = false, fund = false;   // the department's unit is 元; it has 政府性基金 income
};

// 02、03、05、07、08表: a 类 is the sum of its 款, a 款 of its 项, 合计 of the 类.
void classified_sums(const Source& s, const doc::Table& t, Checked& n) {
  if (t.body.empty()) return;
  // Amount columns counted from the right: the 合计 row may merge its code
  // and name cells into one.
  std::size_t columns = 0;
  for (const auto& row : t.body) columns = std::max(columns, row.size());
  if (columns < 3) return;
  for (std::size_t j = 0; j + 2 < columns; ++j) {
    std::map<std::string, std::int64_t> value;
    std::map<std::string, std::pair<std::int64_t, std::size_t>> sum_of_children;  // parent -> (sum, count)
    std::optional<std::int64_t> total;
    for (const auto& row : t.body) {
      if (row.size() < j + 2) continue;
      const std::string& text = row[row.size() - 1 - j].text;
      auto v = cents(text);
      if (!v && !text.empty()) continue;
      const std::string& code = row[0].text;
      if (is_code(code, 3) || is_code(code, 5) || is_code(code, 7)) {
        value[code] = v.value_or(0);
        auto& p = sum_of_children[code.size() == 3 ? "合计" : code.substr(0, code.size() == 5 ? 3 : 5)];
        p.first += v.value_or(0);
        ++p.second;
      } else if (total == std::nullopt) {
        total = v.value_or(0);  // the 合计 row comes first
      }
    }
    if (total) value["合计"] = *total;
    for (const auto& [parent, p] : sum_of_children) {
      if (!value.count(parent)) continue;
      INFO(t.number << " column " << j << " from the right, row " << parent << ": printed " << value[parent]
                    << ", its rows add up to " << p.first);
      CHECK(std::llabs(value[parent] - p.first) <= slack(s, p.second));
      ++n.sums;
    }
  }
}

// 06表: 人员经费合计 is the sum of the 301 and 303 款, 公用经费合计 of the others.
void economic_sums(const Source& s, const doc::Table& t, Checked& n) {
  std::int64_t personnel = 0, public_funds = 0;
  std::size_t np = 0, nq = 0;
  std::set<std::string> printed;
  const doc::Row* footer = nullptr;
  for (const auto& row : t.body) {
    bool any_code = false;
    for (std::size_t i = 0; i + 2 < row.size(); i += 3) {
      const std::string& code = row[i].text;
      if (!is_code(code, 5) && !is_code(code, 3)) continue;
      any_code = true;
      printed.insert(code);
      if (code.size() != 5) continue;
      std::int64_t v = cents(row[i + 2].text).value_or(0);
      if (code.rfind("301", 0) == 0 || code.rfind("303", 0) == 0) personnel += v, ++np;
      else public_funds += v, ++nq;
    }
    if (!any_code) footer = &row;
  }
  REQUIRE(footer);
  std::vector<std::int64_t> totals;
  for (const auto& c : *footer)
    if (auto v = cents(c.text)) totals.push_back(*v);
  REQUIRE(totals.size() == 2);
  // The 尾差 rule evens 公用经费合计 with 05表 基本支出; within the rounding of the 万元 inputs.
  const std::int64_t tail_room = s.unit == Unit::Yuan ? 0 : static_cast<std::int64_t>(np + nq + s.items.size()) / 2;
  INFO("06表 人员经费合计 " << totals[0] << " vs its 款 " << personnel << "; 公用经费合计 " << totals[1] << " vs "
                           << public_funds);
  CHECK(std::llabs(totals[0] - personnel) <= slack(s, np));
  CHECK(std::llabs(totals[1] - public_funds) <= slack(s, nq) + tail_room);
  n.sums += 2;
  // Every non-zero 经济分类 input has its row.
  for (const auto& [code, a] : s.basic_economic) {
    if (a.value.printed_wan_cents() == 0) continue;
    INFO("06表 lacks " << code);
    CHECK(printed.count(code));
    ++n.inputs;
  }
}

std::set<std::string> row_codes(const doc::Table& t) {
  std::set<std::string> out;
  for (const auto& row : t.body)
    if (!row.empty()) out.insert(row[0].text);
  return out;
}

// Every 项 with a non-zero figure in a table's columns has its row there.
void inputs_have_rows(const Source& s, const std::map<std::string, const doc::Table*>& by_title, Checked& n) {
  auto table = [&](const std::string& title) -> const doc::Table* {
    auto it = by_title.find(title);
    return it == by_title.end() ? nullptr : it->second;
  };
  auto nz = [](std::initializer_list<const Amount*> l) {
    for (const Amount* a : l)
      if (a->value.printed_wan_cents() != 0) return true;
    return false;
  };
  const doc::Table* income = table("收入决算表");
  const doc::Table* spending = table("支出决算表");
  const doc::Table* general = table("一般公共预算财政拨款支出决算表");
  REQUIRE(income);
  REQUIRE(spending);
  REQUIRE(general);
  auto in02 = row_codes(*income), in03 = row_codes(*spending), in05 = row_codes(*general);
  for (const auto& it : s.items) {
    const std::string& c = it.code.value;
    const auto& i = it.income;
    if (nz({&i.general, &i.fund, &i.capital, &i.superior, &i.service, &i.business, &i.affiliated, &i.other})) {
      INFO("02表 lacks " << c);
      CHECK(in02.count(c));
      ++n.inputs;
    }
    if (nz({&it.basic.general, &it.basic.fund, &it.basic.capital, &it.basic.other, &it.project.general,
            &it.project.fund, &it.project.capital, &it.project.other, &it.to_superior, &it.business,
            &it.to_affiliated})) {
      INFO("03表 lacks " << c);
      CHECK(in03.count(c));
      ++n.inputs;
    }
    if (nz({&it.basic.general, &it.project.general})) {
      INFO("05表 lacks " << c);
      CHECK(in05.count(c));
      ++n.inputs;
    }
  }
}

// Every amount of a sentence of 第三部分 一 to 九 is a printed cell, unless it
// is a year-start budget or a change against last year.
void sentences_from_cells(const doc::Document& d, const std::set<std::int64_t>& cells, Checked& n) {
  static const std::regex amount(R"(([0-9][0-9,]*\.[0-9]{2})万元)");
  bool in_part3 = false, in_scope = false;
  static const char* const kScope[] = {"一、", "二、", "三、", "四、", "五、", "六、", "七、", "八、", "九、"};
  auto check_text = [&](const std::string& text) {
    for (auto m = std::sregex_iterator(text.begin(), text.end(), amount); m != std::sregex_iterator(); ++m) {
      const std::string before = text.substr(0, static_cast<std::size_t>(m->position()));
      bool exempt = false;
      for (const char* w : {"增加", "减少", "年初预算为"})
        if (before.size() >= std::string(w).size() &&
            before.compare(before.size() - std::string(w).size(), std::string::npos, w) == 0)
          exempt = true;
      if (exempt) continue;
      INFO("第三部分: " << text << " — " << (*m)[1].str() << " is in no table");
      CHECK(cells.count(*cents((*m)[1].str())));
      ++n.sentences;
    }
  };
  for (const auto& b : d.blocks) {
    if (const auto* h = std::get_if<doc::Heading>(&b)) {
      if (h->level == 0) in_part3 = h->text.rfind("第三部分", 0) == 0;
      if (h->level == 1) {
        in_scope = false;
        for (const char* s : kScope)
          if (h->text.rfind(s, 0) == 0) in_scope = true;
      }
      continue;
    }
    if (!in_part3 || !in_scope) continue;
    if (const auto* p = std::get_if<doc::Paragraph>(&b)) check_text(p->text);
    if (const auto* l = std::get_if<doc::List>(&b))
      for (const auto& item : l->items) check_text(item.text);
  }
}

Checked check_department(const fs::path& yaml) {
  INFO(yaml.string());
  auto built = build_document(resources(), yaml);
  const Source& s = built->source;
  const doc::Document& d = built->document;
  Checked n;
  n.yuan = s.unit == Unit::Yuan;
  for (const auto& it : s.items) n.fund = n.fund || !it.income.fund.value.is_zero();
  std::map<std::string, const doc::Table*> by_title;
  std::set<std::int64_t> cells;
  const doc::Table* t01 = nullptr;
  for (const auto& b : d.blocks) {
    const auto* t = std::get_if<doc::Table>(&b);
    if (!t || t->number.empty()) continue;
    by_title[t->title] = t;
    if (t->title == "收入支出决算总表") t01 = t;
    for (const auto& row : t->body)
      for (const auto& c : row)
        if (auto v = cents(c.text)) cells.insert(*v);
    // 06表 (基本支出 by 经济分类) sets its codes side by side in panels of three columns.
    bool economic = std::any_of(t->body.begin(), t->body.end(), [](const doc::Row& r) {
      return r.size() >= 6 && (is_code(r[3].text, 3) || is_code(r[3].text, 5));
    });
    bool classified = !economic && !t->body.empty() && t->body.front().size() > 2 &&
                      std::any_of(t->head.begin(), t->head.end(), [](const doc::Row& r) {
                        return std::any_of(r.begin(), r.end(), [](const doc::Cell& c) {
                          return c.text.find("科目编码") != std::string::npos || c.text == "科目代码";
                        });
                      });
    if (economic) economic_sums(s, *t, n);
    else if (classified) classified_sums(s, *t, n);
  }
  inputs_have_rows(s, by_title, n);
  // 01表: 收入总计 = 支出总计 as printed.
  REQUIRE(t01);
  std::vector<std::int64_t> grand;
  for (const auto& row : t01->body)
    for (std::size_t i = 0; i + 1 < row.size(); ++i)
      if (row[i].text == "总计" || row[i].text == "收入总计" || row[i].text == "支出总计")
        for (std::size_t k = i + 1; k < row.size(); ++k)
          if (auto v = cents(row[k].text)) {
            grand.push_back(*v);
            break;
          }
  REQUIRE(grand.size() == 2);
  CHECK(grand[0] == grand[1]);
  sentences_from_cells(d, cells, n);
  return n;
}

}  // namespace

TEST_CASE("consistency: the examples and their as-published variants add up and their sentences quote the tables",
          "[consistency]") {
  for (const char* f : {"data/examples/2021-jiaozuo-gongxinju.yaml", "data/examples/2022-jiaozuo-zhengwu-dashuju.yaml",
                        "data/slips/2021-jiaozuo-gongxinju-as-published.yaml",
                        "data/slips/2022-jiaozuo-zhengwu-dashuju-as-published.yaml", "tests/departments/district-fund.yaml"}) {
    Checked n = check_department(kRoot + "/" + f);
    CHECK(n.sums > 20);
    CHECK(n.inputs > 10);
    CHECK(n.sentences > 8);
  }
}

TEST_CASE("consistency: a synthetic city of 200 departments adds up and its sentences quote its tables",
          "[consistency][city]") {
  fs::path dir = fs::temp_directory_path() / ("juesuan-consistency-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  std::string cmd = "python3 '" + kRoot + "/scripts/synth_city.py' 200 '" + dir.string() + "' --seed 11 >/dev/null";
  REQUIRE(std::system(cmd.c_str()) == 0);
  std::size_t departments = 0, yuan = 0, fund = 0;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (e.path().extension() != ".yaml") continue;
    Checked n = check_department(e.path());
    ++departments;
    yuan += n.yuan;
    fund += n.fund;
  }
  fs::remove_all(dir);
  CHECK(departments == 200);
  CHECK(yuan > 0);   // both units
  CHECK(fund > 0);   // fund items
}

namespace {

std::string part3_text(const doc::Document& d) {
  std::string out;
  bool in = false;
  for (const auto& b : d.blocks) {
    if (const auto* h = std::get_if<doc::Heading>(&b)) {
      if (h->level == 0) in = h->text.rfind("第三部分", 0) == 0;
      if (in) out += h->text + "\n";
    } else if (!in) {
      continue;
    } else if (const auto* p = std::get_if<doc::Paragraph>(&b)) {
      out += p->text + "\n";
    } else if (const auto* l = std::get_if<doc::List>(&b)) {
      for (const auto& i : l->items) out += i.label + " " + i.text + "\n";
    }
  }
  return out;
}

}  // namespace

// Both references print their year-start budget in total, which includes 项
// budgeted but not spent (year_start_budget), and the rate against it, as
// published: 2,334.61 / 2,520.90 = 92.61%; 4,233.22 / 2,470.77 = 171.33%.
TEST_CASE("consistency: the references print their published year-start budgets and completion rates", "[consistency]") {
  auto d22 = build_document(resources(), kRoot + "/data/examples/2022-jiaozuo-zhengwu-dashuju.yaml");
  CHECK(part3_text(d22->document).find("2022年度一般公共预算财政拨款支出年初预算为2,520.90万元，支出决算为2,334.61万元，"
                                       "完成年初预算的92.61%。") != std::string::npos);
  auto d21 = build_document(resources(), kRoot + "/data/examples/2021-jiaozuo-gongxinju.yaml");
  const std::string t21 = part3_text(d21->document);
  CHECK(t21.find("年初预算为2470.77万元，支出决算为4233.22万元，完成年初预算的171.33%。") != std::string::npos);  // no separators in 2021 sentences
  CHECK(t21.find("完成年初预算的171.33%") != std::string::npos);
}

// A department unlike the references (tests/departments/district-fund.yaml):
// 元 input, a 政府性基金 项 with its year-start budget, a 项 budgeted and not
// spent, a 项 the catalog lacks, a 06表 款 outside the standard rows. Each
// sentence worked out by hand from the file.
TEST_CASE("consistency: a district department with fund items, a budget-only 项 and 科目 the catalog lacks",
          "[consistency]") {
  auto b = build_document(resources(), kRoot + "/tests/departments/district-fund.yaml");
  const std::string t = part3_text(b->document);
  // 五（三）: 年初预算 1,000,000 + 200,000 (2010302, not spent) = 120.00 万元; 决算 1,000,000 + 50,000 =
  // 105.00; 105 / 120 = 87.50%. 2010302 is not listed (the format lists spent 项 only).
  CHECK(t.find("2022年度一般公共预算财政拨款支出年初预算为120.00万元，支出决算为105.00万元，完成年初预算的87.50%。") !=
        std::string::npos);
  CHECK(t.find("一般行政管理事务（项）") == std::string::npos);
  // The 项 the catalog lacks, under its catalog 类 and 款, with the department's name; 年初预算 0: no rate.
  CHECK(t.find("一般公共服务支出（类）政府办公厅（室）及相关机构事务（款）数据共享交换服务（项）。年初预算为0.00万元，"
               "支出决算为5.00万元。决算数与年初预算数存在差异的主要原因是年中追加数据共享平台运维经费。") != std::string::npos);
  // 六: 人员经费 30101 60.00; 公用经费 30201 30.00 + 31204 10.00 = 40.00.
  CHECK(t.find("人员经费60.00万元，主要包括：基本工资；公用经费40.00万元，主要包括：办公费、费用补贴。") != std::string::npos);
  // 七: income 50.00, spending 40.00 (all 项目), closing 10.00; budget 60.00: 40 / 60 = 66.67%.
  CHECK(t.find("2022年度政府性基金预算财政拨款收入50.00万元，年初结转和结余0.00万元；支出40.00万元，其中：基本支出0.00万元，"
               "项目支出40.00万元；年末结转和结余10.00万元。政府性基金预算财政拨款支出年初预算为60.00万元，"
               "支出决算为40.00万元，完成年初预算的66.67%。") != std::string::npos);
  // 十三 from performance.projects: 1 优, 1 良; budgets 50,000 + 600,000 = 65.00 万元, actual 50,000 +
  // 400,000 = 45.00; rates 5 / 5 = 100.00%, 40 / 60 = 66.67%; overall 145 / 150 = 96.67%.
  CHECK(t.find("通过科学、规范的方法，基于项目的预算执行情况、目标实现程度等，我部门2022年度2个项目支出绩效自评中，"
               "1个项目自评等级为优，1个项目自评等级为良。各项目全年预算数合计65.00万元，执行数合计45.00万元。") !=
        std::string::npos);
  CHECK(t.find("1. 数据共享平台运维：自评得分95分，自评等级为优；全年预算数5.00万元，执行数5.00万元，执行率100.00%。"
               "平台全年稳定运行。") != std::string::npos);
  CHECK(t.find("2. 征地和拆迁补偿：自评得分82.5分，自评等级为良；全年预算数60.00万元，执行数40.00万元，执行率66.67%。"
               "存在的问题：部分补偿款未支付。改进措施：加快支付进度。") != std::string::npos);
  CHECK(t.find("2022年度部门整体支出全年预算数150.00万元（年初预算数140.00万元），全年执行数145.00万元，执行率96.67%，"
               "自评得分92.5分。全年各项工作目标基本完成。存在的问题：预算编制不够精细。改进措施：加强预算编制。") !=
        std::string::npos);
  // 31204 费用补贴 has a row in 06表 although the format's standard rows lack it.
  bool row = false;
  for (const auto& blk : b->document.blocks)
    if (const auto* tb = std::get_if<doc::Table>(&blk))
      for (const auto& r : tb->body)
        for (std::size_t i = 0; i + 2 < r.size(); ++i)
          row = row || (r[i].text == "31204" && r[i + 1].text == "费用补贴" && r[i + 2].text == "10.00");
  CHECK(row);
}
