// The source data of one department and year: exactly what its finance
// officer typed, typed and located, nothing computed.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/diag.hpp"
#include "core/money.hpp"

namespace juesuan {

// An input value and where it was written. `present` is false for a value
// the file left out (it then counts as zero / empty).
template <class T>
struct In {
  T value{};
  Loc loc;
  bool present = false;
};

using Amount = In<Money>;
using Text = In<std::string>;
using Count = In<std::int64_t>;

// Money of the three fiscal funds and non-fiscal money.
struct ByFund {
  Amount general;   // 一般公共预算财政拨款
  Amount fund;      // 政府性基金预算财政拨款
  Amount capital;   // 国有资本经营预算财政拨款
  Amount other;     // 非财政拨款
};

struct ItemIncome {
  Amount general, fund, capital, superior, service, business, affiliated, other;
};

struct Balance {
  Amount opening, closing;
};

// One 功能分类 项 (7-digit code).
struct Item {
  Text code;
  Text name;             // override of the catalog name
  ItemIncome income;
  ByFund basic;          // 基本支出 by source of funds
  ByFund project;        // 项目支出 by source of funds
  Amount to_superior;    // 上缴上级支出
  Amount business;       // 经营支出
  Amount to_affiliated;  // 对附属单位补助支出
  Balance fund_balance;     // 政府性基金预算财政拨款结转和结余
  Balance capital_balance;  // 国有资本经营预算财政拨款结转和结余
  Amount budget;         // 年初预算 (一般公共预算财政拨款)
  Amount fund_budget;    // 年初预算 (政府性基金预算财政拨款)
  Amount capital_budget; // 年初预算 (国有资本经营预算财政拨款)
  Text reason;           // why 决算 differs from 年初预算
  Loc loc;               // the item as a whole
};

struct Balances {
  Amount opening_general, opening_other;
  Amount closing_general, closing_other;
  Amount use_of_nonfiscal_surplus;
  Amount surplus_distribution;
};

struct LastYear {
  Amount total, fiscal_total, general_spending;
  Amount income_total, spending_total;   // 本年收入合计 / 本年支出合计 of last year
  Text total_reason, fiscal_reason, general_reason;
  // For formats that compare every part with last year: each part of
  // 收入总计 (keys as the model's income sources: fiscal, general, fund,
  // capital, superior, service, business, affiliated, other; and
  // nonfiscal_surplus, opening) and each 类 of spending, with the reasons
  // of their changes.
  std::map<std::string, Amount> income;
  std::map<std::string, Text> income_reasons;
  std::map<std::string, Amount> classes;
  std::map<std::string, Text> class_reasons;
};

// The department's year-start budget in total (财决: 年初预算数合计). It
// includes 项 budgeted but not spent, which the item list may leave out;
// each total must be at least the sum of the listed items' budgets.
struct YearStartBudget {
  Amount general, fund, capital;
};

// Staff at the year's end (实有人数), where a format prints them.
struct Staff {
  Count in_service, retired_off, retired;   // 在职、离休、退休
  Count posts;                              // 编制数
};

struct ThreePublic {
  Amount budget_abroad, budget_vehicle_purchase, budget_vehicle_operation, budget_reception;
  Amount abroad, vehicle_purchase, vehicle_operation, reception_foreign, reception_domestic;
  Text reason, abroad_reason, vehicle_reason, reception_reason;
  Count abroad_groups, abroad_persons, vehicles_bought, vehicles_held;
  Text vehicles_bought_note, vehicle_operation_use;
  Count foreign_groups, foreign_persons, domestic_groups, domestic_persons;
  Text foreign_use, domestic_use;
  // Last year's 决算 of each part, where a format compares with last year.
  Amount last_abroad, last_vehicle_purchase, last_vehicle_operation, last_reception;
  Text last_year_reason;
  // Each part's own reason (abroad, vehicle_purchase, vehicle_operation,
  // reception), for formats that compare each part with last year.
  std::map<std::string, Text> last_year_reasons;
};

struct OperatingCosts {
  Amount amount, budget, last_year;
  Text reason;
};

struct Procurement {
  Amount goods, works, services, sme, small_micro;
  Text use;   // what the purchases were mainly for (主要用于……)
};

struct Assets {
  std::map<std::string, Count> vehicles;  // by use key (see SCHEMA.md)
  Text other_vehicles_use;
  Count equipment_over_1m, general_equipment_over_500k, special_equipment_over_1m;
};

// A free-form value tree (performance section, attachments), kept as typed
// YAML so templates can read it; scalars stay text.
struct FreeNode {
  enum class Kind { Null, Scalar, Sequence, Map } kind = Kind::Null;
  std::string text;
  std::vector<FreeNode> items;
  std::vector<std::pair<std::string, FreeNode>> entries;
  Loc loc;
};

// 预算绩效 as data: the department's overall self-assessment (部门整体支出
// 绩效自评) and each project's (项目支出绩效自评); 十三 is generated from them.
struct OverallEval {
  Text score;                       // 自评得分, e.g. 91.88
  Amount budget, full_year_budget, actual;  // 年初预算数, 全年预算数, 全年执行数
  Text targets, problems, measures; // 年度目标完成情况, 存在的问题, 改进措施
  bool present = false;
};

struct ProjectEval {
  Text name, score, grade;          // grade: 优, 良, 中 or 差, as written
  int grade_rank = 0;               // 0 优, 1 良, 2 中, 3 差
  Amount budget, actual;            // 全年预算数, 全年执行数
  Text analysis, problems, measures;
  Loc loc;
};

struct AttachmentCell {
  std::string text;
  int colspan = 1, rowspan = 1;
};

struct AttachmentBlock {
  enum class Kind { Heading, Paragraph, Table } kind = Kind::Paragraph;
  std::string text;                                   // heading / paragraph
  std::vector<std::vector<AttachmentCell>> rows;      // table
  int header_rows = 0;                                // of rows, how many are header rows
  Loc loc;
};

struct Attachment {
  Text title;
  std::vector<AttachmentBlock> blocks;
};

// A figure the department supplies although the generator computes it (a
// total copied from its own spreadsheet). Never used to build the report:
// `check` compares it with the computed figure.
struct Supplied {
  std::string figure;   // a figure name, e.g. "spend.total" or "dept.grand_income"
  std::string code;     // for 功能分类 figures: the 类/款/项 code ("" = 合计)
  Amount amount;
  Loc loc;              // the key
};

struct Overview {
  Text composition;       // 决算单位构成, e.g. 本级决算、所属事业单位决算
  Text duties_intro;
  std::vector<Text> duties;
  Text organisation;
  std::vector<Text> units;
};

// The values of Source::kind.
inline constexpr const char* kKindDepartment = "部门";   // a 主管部门's consolidated 部门决算
inline constexpr const char* kKindUnit = "单位";         // one unit's 单位决算

struct Source {
  std::shared_ptr<const SourceFile> file;
  Text department;
  Text level;             // 市级、区级、县级、乡镇级 … (default: the profile's)
  Text profile;           // a bureau's profile of the format (templates/<profile>/)
  Text short_name;        // the department's name in headings (default: department)
  // Which kind of file this is, for a city's 汇总: "部门" (a 主管部门's
  // consolidated 部门决算) or "单位" (one unit's 单位决算), and a unit's
  // 主管部门. Absent: batch infers them from the folder (docs/SCHEMA.md).
  Text kind;
  Text supervisor;
  Count year;
  Text format;
  Unit unit = Unit::WanYuan;
  Text publish_date;      // "2023-09"
  In<bool> item_glossary;
  Overview overview;
  std::vector<Item> items;
  // Names the department gives to 科目 (功能分类 类/款/项, 经济分类 类/款):
  // codes the catalog lacks, or its own wording of a catalog name.
  std::map<std::string, Text> names;
  // What each 类 of spending was mainly for (formats that describe every 类).
  std::map<std::string, Text> class_uses;
  YearStartBudget year_start_budget;
  Staff staff;
  std::map<std::string, Amount> basic_economic;  // 5-digit 经济分类 款 -> amount
  Balances balances;
  LastYear last_year;
  ThreePublic three_public;
  OperatingCosts operating_costs;
  Procurement procurement;
  Assets assets;
  FreeNode performance;          // as written (templates read its free keys)
  OverallEval overall_eval;      // performance.overall
  std::vector<ProjectEval> project_evals;  // performance.projects
  std::vector<Attachment> attachments;
  std::vector<Supplied> supplied;
  // The top-level keys the file has, with where each is written.
  std::map<std::string, Loc> blocks;
};

// Calls f on every amount of the source (items, 06表, balances, last year,
// "三公", 机关运行经费, 政府采购, 年初预算, supplied figures excluded): one
// list, so nothing that counts inputs can forget one.
template <class S, class F>
void for_each_amount(S& s, F&& f) {
  for (auto& it : s.items)
    for (auto* a : {&it.income.general, &it.income.fund, &it.income.capital, &it.income.superior,
                    &it.income.service, &it.income.business, &it.income.affiliated, &it.income.other,
                    &it.basic.general, &it.basic.fund, &it.basic.capital, &it.basic.other, &it.project.general,
                    &it.project.fund, &it.project.capital, &it.project.other, &it.to_superior, &it.business,
                    &it.to_affiliated, &it.fund_balance.opening, &it.fund_balance.closing,
                    &it.capital_balance.opening, &it.capital_balance.closing, &it.budget, &it.fund_budget,
                    &it.capital_budget})
      f(*a);
  for (auto& [code, a] : s.basic_economic) f(a);
  auto& b = s.balances;
  for (auto* a : {&b.opening_general, &b.opening_other, &b.closing_general, &b.closing_other,
                  &b.use_of_nonfiscal_surplus, &b.surplus_distribution})
    f(*a);
  auto& l = s.last_year;
  for (auto* a : {&l.total, &l.fiscal_total, &l.general_spending, &l.income_total, &l.spending_total}) f(*a);
  for (auto& [key, a] : l.income) f(a);
  for (auto& [code, a] : l.classes) f(a);
  auto& y = s.year_start_budget;
  for (auto* a : {&y.general, &y.fund, &y.capital}) f(*a);
  auto& t = s.three_public;
  for (auto* a : {&t.budget_abroad, &t.budget_vehicle_purchase, &t.budget_vehicle_operation, &t.budget_reception,
                  &t.abroad, &t.vehicle_purchase, &t.vehicle_operation, &t.reception_foreign,
                  &t.reception_domestic, &t.last_abroad, &t.last_vehicle_purchase, &t.last_vehicle_operation,
                  &t.last_reception})
    f(*a);
  auto& o = s.operating_costs;
  for (auto* a : {&o.amount, &o.budget, &o.last_year}) f(*a);
  for (auto* a : {&s.overall_eval.budget, &s.overall_eval.full_year_budget, &s.overall_eval.actual}) f(*a);
  for (auto& pe : s.project_evals)
    for (auto* a : {&pe.budget, &pe.actual}) f(*a);
  auto& p = s.procurement;
  for (auto* a : {&p.goods, &p.works, &p.services, &p.sme, &p.small_micro}) f(*a);
}

}  // namespace juesuan
