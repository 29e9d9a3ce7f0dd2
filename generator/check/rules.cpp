#include <algorithm>
#include <cstdlib>
#include <functional>
#include <set>

#include "check/check.hpp"
#include "core/messages.hpp"

namespace juesuan {

namespace {

struct Ctx {
  const Source& s;      // the file: where each input is written
  const Model& m;
  const Model& terms;   // the same department with every non-zero input = 1 分:
                        // each figure there counts the inputs summed into it
  std::vector<Finding>& out;

  void add(Severity s, const char* rule, const Loc& loc, std::string msg) {
    out.push_back(Finding{s, rule, loc, std::move(msg)});
  }
};

std::string wan(Money m) { return msg::amount_wan(m); }
// An amount in 元 with 分, grouped: 1,750.00元.
std::string yuan(Money m) { return msg::amount_yuan(m); }

// How far apart two figures may be only because the 万元 inputs were each
// rounded to 0.01 万元. Rounding half up puts each printed figure within
// (−50 元, +50 元] of its 元 amount, so n rounded figures summed differ from
// the true sum by less than n × 50 元 in either direction — strictly less
// whenever a supplied total (itself rounded) is compared. In a file in 元
// nothing is rounded and the bound is zero (model/rounding_bound).

// Compares two figures that should be equal. Within the rounding bound the
// difference is a note (the department's 万元 figures were rounded from 元),
// beyond it an error.
void compare(Ctx& c, const char* rule, const Loc& loc, const std::string& what, const std::string& a_name, Money a,
             const std::string& b_name, Money b, std::int64_t terms) {
  Money diff = a - b;
  if (diff.is_zero()) return;
  Money abs = diff.fen() < 0 ? -diff : diff;
  Money bound = rounding_bound(c.s, terms);
  bool yuan_file = c.s.unit == Unit::Yuan;
  auto show = [&](Money m) { return yuan_file ? yuan(m) : wan(m); };
  std::string s = msg::figures_differ(what, a_name, show(a), b_name, show(b), show(abs));
  if (abs < bound)
    c.add(Severity::Note, rule, loc, msg::within_rounding(s, terms, yuan(bound)));
  else
    c.add(Severity::Error, rule, loc, s);
}

// A part that cannot exceed the whole it belongs to (beyond the rounding of
// the two 万元 figures): a finding naming both (`message`, from the catalog).
void at_most(Ctx& c, Severity sev, const char* rule, const Loc& loc, Money part, Money whole,
             const std::function<std::string()>& message) {
  if (!(whole < part)) return;
  Money diff = part - whole;
  if (diff < rounding_bound(c.s, 2)) return;
  c.add(sev, rule, loc, message());
}

Loc file_start(const Source& s) { return Loc{s.file, 1, 1}; }

// A supplied figure as the model has it: its 科目 code, when given, must
// be one of this department's 类, 款 and 项.
std::optional<Money> supplied(const Model& m, const Supplied& s) {
  if (!s.code.empty() && !m.find(s.code)) return std::nullopt;
  return m.figure(s.figure, s.code);
}

// --- the rules ---------------------------------------------------------

void supplied_figures(Ctx& c) {
  for (const auto& s : c.s.supplied) {
    auto v = supplied(c.m, s);
    if (!v) {
      c.add(Severity::Error, "supplied-unknown", s.loc, msg::supplied_unknown(figure_key(s.figure, s.code)));
      continue;
    }
    std::int64_t terms = supplied(c.terms, s)->fen() + 1;
    bool per_row = fig_by_name(s.figure).has_value();
    compare(c, "supplied-total", s.loc, msg::supplied_mismatch(s.figure, s.code, per_row), msg::supplied_label(),
            s.amount.value, msg::supplied_sum_label(), *v, terms);
  }
}

void totals_balance(Ctx& c) {
  const Model& m = c.m;
  const Money spending = m.grand_spending - m.spending_tail;  // before the 尾差 rule
  if (m.grand_income == spending) return;
  Loc loc = c.s.balances.closing_other.present ? c.s.balances.closing_other.loc
            : c.s.balances.closing_general.loc;
  std::int64_t terms = c.terms.grand_income.fen() + (c.terms.grand_spending - c.terms.spending_tail).fen();
  compare(c, "total-balance", loc, msg::total_balance_mismatch(m.spending_tail.is_zero() ? "" : wan(m.spending_tail)),
          msg::total_income_label(), m.grand_income, msg::total_spending_label(), spending, terms);
}

void fiscal_balance(Ctx& c) {
  const Model& m = c.m;
  const Balances& b = c.s.balances;
  Money expected = b.opening_general.value + m.total[Fig::IncomeGeneral] - m.total[Fig::GeneralTotal];
  if (expected == b.closing_general.value) return;
  std::int64_t terms = c.terms.opening_general.fen() + c.terms.total[Fig::IncomeGeneral].fen() +
                       c.terms.total[Fig::GeneralTotal].fen() + 1;
  Loc loc = b.closing_general.present ? b.closing_general.loc : Loc{c.s.file, 1, 1};
  compare(c, "fiscal-balance", loc, msg::fiscal_balance_mismatch(), msg::supplied_label(), b.closing_general.value,
          msg::fiscal_expected_label(), expected, terms);
}

void basic_economic(Ctx& c) {
  const Model& m = c.m;
  if (c.s.basic_economic.empty()) {
    if (m.total[Fig::GeneralBasic].printed_wan_cents() != 0)
      c.add(Severity::Warning, "basic-economic", Loc{c.s.file, 1, 1},
            msg::basic_economic_missing(m.total[Fig::GeneralBasic]));
    return;
  }
  Loc loc = c.s.basic_economic.begin()->second.loc;
  std::int64_t terms = (c.terms.economic_total - c.terms.public_tail).fen() + c.terms.total[Fig::GeneralBasic].fen();
  compare(c, "basic-economic", loc, msg::basic_economic_mismatch(m.public_tail.is_zero() ? "" : wan(m.public_tail)),
          msg::basic_economic_06_label(), m.economic_total - m.public_tail, msg::basic_economic_05_label(),
          m.total[Fig::GeneralBasic], terms);
}

// The 项 of this code as written (the loader refuses a code written twice).
const Item* item_of(const Source& s, const std::string& code) {
  for (const Item& it : s.items)
    if (it.code.value == code) return &it;
  return nullptr;
}

void variance_reason(Ctx& c) {
  for (const auto& line : c.m.item_lines) {
    const Completion& k = line.completion;
    if (k.budget == k.actual || !line.reason.value.empty()) continue;
    const Item* it = item_of(c.s, line.row->code);
    c.add(Severity::Warning, "variance-reason", it->budget.present ? it->budget.loc : it->code.loc,
          msg::variance_no_reason(line.row->code, line.row->name, k.actual, k.budget));
  }
}

void catalog_names(Ctx& c) {
  for (const auto& it : c.s.items) {
    if (!it.name.present) continue;
    const std::string* n = c.m.catalog->functional_name(it.code.value);
    if (n && *n != it.name.value)
      c.add(Severity::Warning, "catalog-name", it.name.loc, msg::catalog_name_differs(it.code.value, it.name.value, *n));
  }
  for (const auto& [code, name] : c.s.names) {
    bool economic = code[0] == '3';  // 支出经济分类 3xx, 支出功能分类 2xx
    const std::string* n = economic ? c.m.catalog->economic_name(code) : c.m.catalog->functional_name(code);
    if (n && *n != name.value)
      c.add(Severity::Warning, "catalog-name", name.loc, msg::catalog_name_differs_printed(code, name.value, *n));
  }
}

void procurement(Ctx& c) {
  const Procurement& p = c.s.procurement;
  if (p.small_micro.value > p.sme.value)
    c.add(Severity::Error, "procurement", p.small_micro.loc, msg::small_micro_over_sme(p.small_micro.value, p.sme.value));
  if (p.sme.value > c.m.procurement_total)
    c.add(Severity::Error, "procurement", p.sme.loc, msg::sme_over_procurement(p.sme.value, c.m.procurement_total));
}

void vehicles(Ctx& c) {
  const Source& s = c.s;
  const Count& held = s.three_public.vehicles_held;
  if (!held.present || s.assets.vehicles.empty()) return;
  if (held.value > c.m.vehicles_total)
    c.add(Severity::Error, "vehicles", held.loc, msg::vehicles_over_assets(held.value, c.m.vehicles_total));
}

void three_public_reasons(Ctx& c) {
  const auto& tp = c.m.three_public;
  const ThreePublic& s = c.s.three_public;
  if (tp.total.budget != tp.total.actual && s.reason.value.empty() && (tp.total.budget != 0 || tp.total.actual != 0))
    c.add(Severity::Warning, "three-public-reason", s.budget_abroad.present ? s.budget_abroad.loc : Loc{c.s.file, 1, 1},
          msg::three_public_no_reason(tp.total.actual, tp.total.budget));
}


// 科目 the catalog lacks, named by the department: they build, with a
// warning so a reviewer sees them.
void catalog_missing(Ctx& c) {
  const Model& m = c.m;
  std::set<std::string> told;
  auto tell = [&](const std::string& code, bool economic, const Loc& loc) {
    const std::string* n = economic ? m.catalog->economic_name(code) : m.catalog->functional_name(code);
    if (n || !told.insert(code).second) return;
    const ClassRow* row = economic ? nullptr : m.find(code);
    c.add(Severity::Warning, "catalog-missing", loc,
          msg::catalog_missing_code(economic, code, row ? row->name : m.name_of(code, economic)));
  };
  for (const auto& it : c.s.items) {
    const std::string& code = it.code.value;
    for (const std::string& x : {code.substr(0, 3), code.substr(0, 5), code}) tell(x, false, it.code.loc);
  }
  for (const auto& [code, a] : c.s.basic_economic)
    for (const std::string& x : {code.substr(0, 3), code}) tell(x, true, a.loc);
}

// The blocks every document prints from. A file that lacks one was most
// likely cut off (half saved, half copied): an error, never zeros. A
// department that has nothing to report writes the block empty ({}).
void required_blocks(Ctx& c) {
  static const char* const kBlocks[] = {"overview",        "balances",    "last_year", "three_public",
                                        "operating_costs", "procurement", "assets"};
  const Source& s = c.s;
  for (const char* key : kBlocks)
    if (!s.blocks.count(key)) c.add(Severity::Error, "required-block", file_start(c.s), msg::required_block_missing(key));
  if (!s.blocks.count("performance"))
    c.add(Severity::Warning, "required-block", file_start(c.s), msg::performance_missing());
}

// "三公" counts all 财政拨款 spending, basic and project; 06表 shows only
// 一般公共预算财政拨款 basic spending, so each 06表 line is at most its
// "三公" figure.
void three_public_economic(Ctx& c) {
  const Model& m = c.m;
  const ThreePublic& t = c.s.three_public;
  struct Pair {
    const char* code;
    Money whole;
  };
  const Pair pairs[] = {{"30212", t.abroad.value},
                        {"30217", m.three_public.actual_reception},
                        {"30231", t.vehicle_operation.value},
                        {"31013", t.vehicle_purchase.value}};
  for (const auto& p : pairs) {
    auto e = c.s.basic_economic.find(p.code);
    if (e == c.s.basic_economic.end()) continue;
    at_most(c, Severity::Error, "three-public-economic", e->second.loc, e->second.value, p.whole, [&] {
      return msg::economic_over_three_public(p.code, m.name_of(p.code, true), e->second.value, p.whole);
    });
  }
}

void operating_costs(Ctx& c) {
  const Model& m = c.m;
  const OperatingCosts& o = c.s.operating_costs;
  if (!o.amount.present || c.s.basic_economic.empty()) return;
  at_most(c, Severity::Warning, "operating-costs", o.amount.loc, o.amount.value, m.public_total,
          [&] { return msg::operating_costs_over_public(o.amount.value, m.public_total); });
}

void procurement_spending(Ctx& c) {
  const Model& m = c.m;
  const Procurement& p = c.s.procurement;
  Loc loc = p.goods.present ? p.goods.loc : p.services.present ? p.services.loc : p.works.loc;
  at_most(c, Severity::Warning, "procurement-spending", loc, m.procurement_total, m.spending_total,
          [&] { return msg::procurement_over_spending(m.procurement_total, m.spending_total); });
}

// The year-start budget in total against the listed items' budgets.
void year_start_budget(Ctx& c) {
  const Model& m = c.m;
  const YearStartBudget& y = c.s.year_start_budget;
  struct Kind {
    const Amount& total;
    Fig items;
    Budget budget;
  };
  const Kind kinds[] = {{y.general, Fig::Budget, Budget::General},
                        {y.fund, Fig::FundBudget, Budget::GovernmentFund},
                        {y.capital, Fig::CapitalBudget, Budget::StateCapital}};
  for (const auto& k : kinds) {
    if (!k.total.present) continue;
    Money listed = m.total[k.items];
    if (k.total.value < listed) {
      std::int64_t terms = c.terms.total[k.items].fen() + 1;
      Money diff = listed - k.total.value;
      if (diff < rounding_bound(c.s, terms)) continue;
      c.add(Severity::Error, "year-start-budget", k.total.loc,
            msg::year_start_below_items(static_cast<int>(k.budget), k.total.value, listed));
    } else if (listed < k.total.value && !listed.is_zero()) {
      c.add(Severity::Note, "year-start-budget", k.total.loc,
            msg::year_start_above_items(static_cast<int>(k.budget), k.total.value, listed));
    }
  }
}

// Money of one budget on a 科目 of another: 政府性基金 money belongs on a
// 政府性基金预算 科目, 一般公共预算 money on a 一般公共预算 科目.
void budget_kind(Ctx& c) {
  const Model& m = c.m;
  for (const auto& it : c.s.items) {
    const Budget b = m.catalog->functional_budget(it.code.value);
    const Money general = it.income.general.value + it.basic.general.value + it.project.general.value;
    const Money fund = it.income.fund.value + it.basic.fund.value + it.project.fund.value;
    const Money capital = it.income.capital.value + it.basic.capital.value + it.project.capital.value;
    auto tell = [&](Budget money) {
      c.add(Severity::Warning, "budget-kind", it.code.loc,
            msg::budget_kind_mismatch(it.code.value, m.name_of(it.code.value, false), budget_name(b),
                                      static_cast<int>(money)));
    };
    if (b != Budget::General && !general.is_zero()) tell(Budget::General);
    if (b != Budget::GovernmentFund && !fund.is_zero()) tell(Budget::GovernmentFund);
    if (b != Budget::StateCapital && !capital.is_zero()) tell(Budget::StateCapital);
  }
}

// Inputs the loader accepts that the department's format prints nowhere:
// told, never dropped in silence. Each input names the template names that
// print it.
void unused_inputs(Ctx& c) {
  const Model& m = c.m;
  if (!m.template_names) return;
  const Source& s = c.s;
  struct Use {
    const char* key;
    const Loc* loc;            // where the input is written; null = not given
    std::vector<const char*> names;
  };
  auto at = [](const auto& in) { return in.present ? &in.loc : nullptr; };
  const Loc* fund_budget = nullptr;
  for (const auto& it : s.items)
    if (!fund_budget && (it.fund_budget.present || it.capital_budget.present))
      fund_budget = it.fund_budget.present ? &it.fund_budget.loc : &it.capital_budget.loc;
  auto block = [&](const char* key) -> const Loc* {
    auto b = s.blocks.find(key);
    return b == s.blocks.end() ? nullptr : &b->second;
  };
  // Where the first entry of a map input is written; null when empty.
  auto block_in = [](const auto& entries) -> const Loc* {
    for (const auto& [key, in] : entries)
      if (in.present) return &in.loc;
    return nullptr;
  };
  const Loc* tp_last = s.three_public.last_abroad.present            ? &s.three_public.last_abroad.loc
                       : s.three_public.last_vehicle_operation.present ? &s.three_public.last_vehicle_operation.loc
                       : s.three_public.last_reception.present         ? &s.three_public.last_reception.loc
                                                                       : nullptr;
  const Use uses[] = {
      {"operating_costs.last_year", at(s.operating_costs.last_year), {"operating_change"}},
      {"operating_costs.budget", at(s.operating_costs.budget), {"operating.budget", "operating.has_budget"}},
      {"three_public.last_year", tp_last,
       {"tp.change", "tp.abroad_change", "tp.vehicle_change", "tp.reception_change", "tp.vehicle_purchase_change",
        "tp.vehicle_operation_change"}},
      {"three_public.last_year_reasons", block_in(s.three_public.last_year_reasons),
       {"tp.abroad_change", "tp.reception_change", "tp.vehicle_purchase_change", "tp.vehicle_operation_change"}},
      {"last_year.income", block_in(s.last_year.income), {"change"}},
      {"last_year.classes", block_in(s.last_year.classes), {"change"}},
      {"class_uses", block_in(s.class_uses), {"has_use"}},
      {"last_year.total", at(s.last_year.total), {"grand_change"}},
      {"last_year.fiscal_total", at(s.last_year.fiscal_total), {"fiscal_change"}},
      {"last_year.general_spending", at(s.last_year.general_spending), {"general_change"}},
      {"last_year.income_total", at(s.last_year.income_total), {"income_change"}},
      {"last_year.spending_total", at(s.last_year.spending_total), {"spending_change"}},
      {"procurement.use", at(s.procurement.use), {"procurement.use", "use"}},
      {"staff", block("staff"), {"staff", "has_staff"}},
      {"level", at(s.level), {"level"}},
      {"year_start_budget.fund", at(s.year_start_budget.fund), {"fund.has_budget", "fund.budget_budget"}},
      {"year_start_budget.capital", at(s.year_start_budget.capital), {"capital.has_budget", "capital.budget_budget"}},
      {"items[].budget.fund / capital", fund_budget, {"fund.has_budget", "capital.has_budget"}},
      {"performance", block("performance"), {"performance"}},
  };
  for (const auto& u : uses) {
    if (!u.loc) continue;
    bool used = false;
    for (const char* n : u.names) used = used || m.template_names->count(n);
    if (!used)
      c.add(Severity::Warning, "unused-input", *u.loc,
            msg::unused_input(u.key, s.format.value, s.profile.present, s.profile.value));
  }
}

// The rules in order; each one's description is in the message catalog
// (msg::rule_description).
struct Rule {
  const char* id;
  std::function<void(Ctx&)> run;
};

const std::vector<Rule>& rules() {
  static const std::vector<Rule> r = {
      {"supplied-unknown", supplied_figures},
      {"supplied-total", nullptr},
      {"total-balance", totals_balance},
      {"fiscal-balance", fiscal_balance},
      {"basic-economic", basic_economic},
      {"variance-reason", variance_reason},
      {"catalog-name", catalog_names},
      {"procurement", procurement},
      {"vehicles", vehicles},
      {"three-public-reason", three_public_reasons},
      {"catalog-missing", catalog_missing},
      {"required-block", required_blocks},
      {"three-public-economic", three_public_economic},
      {"operating-costs", operating_costs},
      {"procurement-spending", procurement_spending},
      {"year-start-budget", year_start_budget},
      {"unused-input", unused_inputs},
      {"budget-kind", budget_kind},
      {"negative-amount", nullptr},
      {"code-structure", nullptr},
      {"duplicate-code", nullptr},
  };
  return r;
}

// The same source with every non-zero amount replaced by 1 分.
Source count_source(const Source& s) {
  Source c = s;
  for_each_amount(c, [](Amount& a) {
    if (!a.value.is_zero()) a.value = Money::fen(1);
  });
  return c;
}

}  // namespace

const std::vector<RuleInfo>& rule_list() {
  static const std::vector<RuleInfo> l = [] {
    std::vector<RuleInfo> v;
    for (const auto& r : rules()) v.push_back(RuleInfo{r.id, msg::rule_description(r.id)});
    return v;
  }();
  return l;
}

std::vector<Finding> check(const Source& s, const Model& m) {
  std::vector<Finding> out;
  Source counted = count_source(s);
  Model terms = compute(counted, *m.catalog);
  Ctx c{s, m, terms, out};
  for (const auto& r : rules())
    if (r.run) r.run(c);
  return out;
}

std::string render_finding(const Finding& f) {
  return location_prefix(f.loc) + ": " + msg::severity_word(static_cast<int>(f.severity)) + " [" + f.rule + "] " +
         f.message;
}

bool has_errors(const std::vector<Finding>& findings) {
  return std::any_of(findings.begin(), findings.end(), [](const Finding& f) { return f.severity == Severity::Error; });
}

}  // namespace juesuan
