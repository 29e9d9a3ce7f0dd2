// compute: Source -> Model. Pure functions: every row, subtotal, 合计 and
// 总计 of the nine tables, and every share, change and rate the 情况说明
// quotes, computed once here in exact arithmetic. No formatting, no words.
#pragma once

#include <array>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/money.hpp"
#include "source/catalog.hpp"
#include "source/source.hpp"

namespace juesuan {

// The figures every 功能分类 row (项, 款, 类, 合计) carries.
enum class Fig : int {
  IncomeTotal, IncomeFiscal, IncomeGeneral, IncomeFund, IncomeCapital,
  IncomeSuperior, IncomeService, IncomeBusiness, IncomeAffiliated, IncomeOther,
  SpendTotal, SpendBasic, SpendProject, SpendToSuperior, SpendBusiness, SpendToAffiliated,
  FiscalTotal,                                   // 财政拨款支出 (three funds)
  GeneralTotal, GeneralBasic, GeneralProject,    // 一般公共预算财政拨款支出
  FundTotal, FundBasic, FundProject, FundOpening, FundClosing,
  CapitalTotal, CapitalBasic, CapitalProject, CapitalOpening, CapitalClosing,
  Budget,                                        // 年初预算 (一般公共预算)
  FundBudget, CapitalBudget,                     // 年初预算 (政府性基金, 国有资本经营)
  Count_
};
constexpr std::size_t kFigCount = static_cast<std::size_t>(Fig::Count_);

// The figure names templates use ("spend.basic", …); nullopt if unknown.
std::optional<Fig> fig_by_name(std::string_view name);
std::vector<std::string> fig_names();

struct Figures {
  std::array<Money, kFigCount> v{};
  Money operator[](Fig f) const { return v[static_cast<std::size_t>(f)]; }
  Money& operator[](Fig f) { return v[static_cast<std::size_t>(f)]; }
  Figures& operator+=(const Figures& o);
};

// One row of a 功能分类 table: 类 (level 1), 款 (2) or 项 (3).
struct ClassRow {
  std::string code;
  std::string name;
  int level = 3;
  Figures f;
  Text reason;    // level 3: the 项's reason for budget ≠ actual, as written
};

// A change against last year: amounts as printed (0.01 万元 units).
struct Change {
  std::int64_t current = 0, last = 0, diff = 0;   // diff = current - last
  Percent rate;                                   // |diff| / last
  bool known = false;                             // last year's figure given
};

// A part of a whole, as printed: amount and its share of the whole.
struct Share {
  std::string key;                 // what it is (a source, a kind, a 类 code)
  std::string name;
  std::int64_t amount = 0;         // 0.01 万元
  Percent share;                   // amount / the whole
  // Against last year, where the department gave last year's figure for
  // this part (last_year.income, last_year.classes), with its reason; and
  // what it was for (class_uses). Absent where the department wrote none.
  Change change;
  std::optional<Text> reason;
  std::optional<Text> use;
};

// Budget against actual, as printed.
struct Completion {
  std::int64_t budget = 0, actual = 0;
  Percent rate;                   // actual / budget; none when budget is 0
};

struct EconomicRow {
  std::string code, name;
  int level = 2;   // 1 = 类 (3 digits), 2 = 款 (5 digits)
  Money amount;
};

struct ItemLine {              // one numbered item of section 五（三）
  const ClassRow* row = nullptr;
  std::string class_name, kuan_name;
  Completion completion;
  Text reason;                 // the 项's reason, as written (empty: none)
  bool budget_only = false;    // budgeted, nothing spent
};

// What the department wrote that the document prints as written — names,
// texts, counts and flags — taken over from the Source by compute, so that
// compose reads the Model only. No amount: every figure is in the Model's
// own fields.
struct Written {
  Text department, short_name, level, publish_date;
  std::int64_t year = 0;
  std::map<std::string, Text> names;    // the department's names of 科目 (names:)
  bool item_glossary = false;           // 第四部分 lists each 项 used
  Staff staff;                          // counts
  Overview overview;                    // 第一部分
  Text total_reason, fiscal_reason, general_reason;   // last year's changes (一、四、五)
  struct ThreePublicTexts {
    Text reason, abroad_reason, vehicle_reason, reception_reason;
    Count abroad_groups, abroad_persons, vehicles_bought, vehicles_held;
    Text vehicles_bought_note, vehicle_operation_use;
    Count foreign_groups, foreign_persons, domestic_groups, domestic_persons;
    Text foreign_use, domestic_use;
    Text last_year_reason;
    std::map<std::string, Text> last_year_reasons;
  } three_public;
  Text operating_reason;
  bool operating_has_budget = false, operating_has_last_year = false;
  Text procurement_use;
  Assets assets;                        // counts and texts
  FreeNode performance;                 // as written (templates read its free keys)
  struct OverallTexts {
    bool present = false, has_budget = false;
    Text score, targets, problems, measures;
  } overall;
  struct ProjectTexts {
    Text name, score, grade, analysis, problems, measures;
  };
  std::vector<ProjectTexts> projects;   // performance.projects, in the file's order
  std::vector<Attachment> attachments;  // 第五部分
};

// Names the model gives 科目, besides the catalog's: a profile's own names
// (the department's `names:` and item `name:` come before these).
using NameOverrides = std::map<std::string, std::string>;

// The Model owns all it holds: no pointer or reference into the Source it
// was computed from (what the department wrote is copied into `written`,
// the rows' codes, names and reasons into `rows`), so it may outlive it.
struct Model {
  Written written;
  const Catalog* catalog = nullptr;

  std::vector<ClassRow> rows;      // 类, its 款, their 项, in code order
  std::map<std::string, std::size_t, std::less<>> index;  // code -> position in rows
  Figures total;                   // 合计

  // Department totals (01表).
  Money income_total, spending_total;                 // 本年收入合计 / 本年支出合计
  Money use_of_nonfiscal_surplus, surplus_distribution;
  Money opening_total, closing_total;                 // 年初 / 年末结转和结余
  Money grand_income, grand_spending;                 // 收入总计 / 支出总计
  // 财政拨款 (04表).
  Money fiscal_income;                                // 本年收入合计
  Money opening_general, opening_fund, opening_capital, opening_fiscal;
  Money closing_general, closing_fund, closing_capital, closing_fiscal;
  Money fiscal_grand_income, fiscal_grand_spending;

  // 06表.
  std::vector<EconomicRow> economic;   // every 类 and 款 with an amount, code order
  Money personnel_total, public_total, economic_total;
  std::vector<std::string> personnel_items, public_items;  // non-zero 款 names
  std::vector<std::string> personnel_codes, public_codes;  // their codes

  // 尾差 (万元 input only): a balancing total that differs from its
  // counterpart by less than the rounding of the 万元 inputs summed into
  // them takes the counterpart's value; the difference is recorded here.
  // 支出总计 := 收入总计; 公用经费合计 := 05表 基本支出 − 人员经费合计.
  Money spending_tail, public_tail;

  // "三公" (09表 / 07表 of 2021).
  struct ThreePublicFigures {
    Money budget_total, budget_vehicle, actual_total, actual_vehicle, actual_reception;
    Money actual_reception_foreign, actual_reception_domestic;   // 外宾 / 国内 公务接待费
    Money budget_abroad, budget_vehicle_purchase, budget_vehicle_operation, budget_reception;  // as given
    Money actual_abroad, actual_vehicle_purchase, actual_vehicle_operation;                     // as given
    Completion total, abroad, vehicle, vehicle_purchase, vehicle_operation, reception;
    Percent share_abroad, share_vehicle, share_reception;
    Change change_total, change_abroad, change_vehicle, change_reception;  // against last year
    Change change_vehicle_purchase, change_vehicle_operation;
  } three_public;

  // 情况说明 figures.
  Change grand_change, fiscal_change, general_change;
  Change income_change, spending_change;   // 本年收入合计 / 本年支出合计 against last year
  std::vector<Share> income_detail;        // 二: every source, 财政拨款 split by fund, zero ones too
  std::vector<Share> income_shares;    // 二: each non-zero source
  std::vector<Share> spending_shares;  // 三: each non-zero kind
  std::vector<Share> income_all, spending_all;  // 二、三: every source / kind, zero ones too
  Percent general_share_of_spending;  // 五（一）
  std::vector<Share> general_by_class; // 五（二）
  std::vector<Share> spending_by_class;  // 本年支出 by 类 (every 类 with spending), for formats that list them
  std::vector<Share> grand_income_parts; // 收入总计: each non-zero source (财政拨款 by fund), 使用非财政拨款结余, 年初结转和结余
  Completion general_completion;       // 五（三）: year-start budget in total
  bool general_budget_total_given = false;  // from year_start_budget, not Σ 项
  Money general_budget_total, fund_budget_total, capital_budget_total;  // the year-start budgets in total
  Completion fund_completion, capital_completion;  // 七、八
  std::vector<ItemLine> item_lines;    // 五（三） numbered items
  Completion operating_completion;     // 十 (年初预算)
  Change operating_change;             // 十 (上年)
  // 十三 预算绩效, from performance.overall and performance.projects.
  struct PerformanceFigures {
    Completion overall;                       // 全年执行数 / 全年预算数 (执行率)
    std::vector<Completion> projects;         // each project's, in the file's order
    std::int64_t excellent = 0, good = 0, fair = 0, poor = 0;  // projects per grade
    Money projects_budget, projects_actual;   // their sums
    Money year_budget;                        // performance.overall.budget (年初预算数)
  } performance;
  Money procurement_total;                  // 十一: goods + works + services
  Money procurement_goods, procurement_works, procurement_services, procurement_sme, procurement_small_micro;
  Percent sme_share, small_micro_share_of_sme, small_micro_share_of_total;
  std::int64_t vehicles_total = 0;
  std::int64_t staff_total = 0;             // 在职 + 离休 + 退休
  // Last year's totals as given (zero where not), for charts of both years.
  struct LastYearFigures {
    Money total, income_total, spending_total;
  } last_year;

  Model() = default;
  Model(const Model&) = delete;  // item_lines point into rows
  Model& operator=(const Model&) = delete;
  Model(Model&&) = default;
  Model& operator=(Model&&) = default;

  const ClassRow* find(std::string_view code) const;
  // The name of a 功能分类 or 经济分类 code as this department prints it.
  std::string name_of(const std::string& code, bool economic) const;
  const NameOverrides* names = nullptr;
  // The names the format's templates use (TemplateSet::used_names), when
  // known: inputs that feed none of them are never printed.
  const std::set<std::string>* template_names = nullptr;

  // A department-level figure by the name table templates use
  // ("dept.grand_income", "econ.30101", "three.actual_total", …).
  std::optional<Money> scalar(std::string_view name) const;

  // Any figure by name and 科目 code, as templates, `supplied:` and the
  // Document's cell keys name it: a 功能分类 figure ("spend.basic") on the
  // row of `code` (类, 款 or 项; zero on a 科目 this department lacks), or
  // its 合计 when code is empty; a department figure (scalar()) when code is
  // empty. nullopt for a name the model does not know, or a department
  // figure given a code.
  std::optional<Money> figure(std::string_view name, std::string_view code) const;
  // The same by key: "name@code" or "name" (figure_key, doc::Cell::key).
  std::optional<Money> figure(std::string_view key) const;
};

// A figure's key: its name, and the 科目 code of its row ("spend.basic@2010301").
std::string figure_key(std::string_view name, std::string_view code);

// Every name scalar() knows, except the open family "econ.<code>".
std::vector<std::string> scalar_names();

// Computes the whole model. The Catalog (and `names`) must outlive it; the
// Source need not.
Model compute(const Source& source, const Catalog& catalog, const NameOverrides* names = nullptr);

// How many non-zero inputs are summed into each side of an identity, for the
// rounding bound of 万元 input: each rounded figure is within (−50, +50] 元.
Money rounding_bound(const Source& s, std::int64_t terms);

}  // namespace juesuan
