#include <algorithm>
#include <cstdlib>
#include <functional>

#include "check/check.hpp"

namespace juesuan {

namespace {

struct Ctx {
  const Model& m;
  const Model& terms;   // the same department with every non-zero input = 1 分:
                        // each figure there counts the inputs summed into it
  std::vector<Finding>& out;

  void add(Severity s, const char* rule, const Loc& loc, std::string msg) {
    out.push_back(Finding{s, rule, loc, std::move(msg)});
  }
};

std::string wan(Money m) { return format_wan(m.printed_wan_cents(), true) + "万元"; }
// An amount in 元 with 分, grouped: 1,750.00元. (format_wan groups any
// value given in hundredths.)
std::string yuan(Money m) { return format_wan(m.fen(), true) + "元"; }

// How far apart two figures may be only because the 万元 inputs were each
// rounded to 0.01 万元. Rounding half up puts each printed figure within
// (−50 元, +50 元] of its 元 amount, so n rounded figures summed differ from
// the true sum by less than n × 50 元 in either direction — strictly less
// whenever a supplied total (itself rounded) is compared. In a file in 元
// nothing is rounded and the bound is zero.
Money rounding_bound(const Model& m, std::int64_t terms) {
  if (m.source->unit == Unit::Yuan) return Money();
  return Money::fen(terms * 5'000);  // 0.005 万元 = 50 元 = 5000 分
}

// Compares two figures that should be equal. Within the rounding bound the
// difference is a note (the department's 万元 figures were rounded from 元),
// beyond it an error.
void compare(Ctx& c, const char* rule, const Loc& loc, const std::string& what, const std::string& a_name, Money a,
             const std::string& b_name, Money b, std::int64_t terms) {
  Money diff = a - b;
  if (diff.is_zero()) return;
  Money abs = diff.fen() < 0 ? -diff : diff;
  Money bound = rounding_bound(c.m, terms);
  bool yuan_file = c.m.source->unit == Unit::Yuan;
  auto show = [&](Money m) { return yuan_file ? yuan(m) : wan(m); };
  std::string s = what + "：" + a_name + " " + show(a) + "，" + b_name + " " + show(b) + "，相差 " + show(abs);
  if (abs < bound)
    c.add(Severity::Note, rule, loc,
          s + "，在 " + std::to_string(terms) + " 个万元数各自四舍五入的误差范围（±" + yuan(bound) + "）之内");
  else
    c.add(Severity::Error, rule, loc, s);
}

std::optional<Money> figure(const Model& m, const std::string& name, const std::string& code) {
  if (auto f = fig_by_name(name)) {
    if (code.empty()) return m.total[*f];
    const ClassRow* r = m.find(code);
    if (!r) return std::nullopt;
    return r->f[*f];
  }
  if (!code.empty()) return std::nullopt;
  return m.scalar(name);
}

// --- the rules ---------------------------------------------------------

void supplied_figures(Ctx& c) {
  for (const auto& s : c.m.source->supplied) {
    auto v = figure(c.m, s.figure, s.code);
    if (!v) {
      c.add(Severity::Error, "supplied-unknown", s.loc,
            "不认识的填报数 “" + s.figure + (s.code.empty() ? "" : "@" + s.code) +
                "”：应写作 数名 或 数名@科目编码（本部门有的类、款、项），数名见 docs/SCHEMA.md 的“填报数”一节");
      continue;
    }
    std::int64_t terms = figure(c.terms, s.figure, s.code)->fen() + 1;
    bool per_row = fig_by_name(s.figure).has_value();
    std::string what = s.figure + (!per_row ? "" : s.code.empty() ? "（合计）" : "（" + s.code + "）");
    compare(c, "supplied-total", s.loc, what, "填报", s.amount.value, "按明细计算", *v, terms);
  }
}

void totals_balance(Ctx& c) {
  const Model& m = c.m;
  if (m.grand_income == m.grand_spending) return;
  Loc loc = m.source->balances.closing_other.present ? m.source->balances.closing_other.loc
            : m.source->balances.closing_general.loc;
  std::int64_t terms = c.terms.grand_income.fen() + c.terms.grand_spending.fen();
  compare(c, "total-balance", loc, "收入总计与支出总计不相等", "收入总计", m.grand_income, "支出总计", m.grand_spending,
          terms);
}

void fiscal_balance(Ctx& c) {
  const Model& m = c.m;
  const Balances& b = m.source->balances;
  Money expected = b.opening_general.value + m.total[Fig::IncomeGeneral] - m.total[Fig::GeneralTotal];
  if (expected == b.closing_general.value) return;
  std::int64_t terms = c.terms.opening_general.fen() + c.terms.total[Fig::IncomeGeneral].fen() +
                       c.terms.total[Fig::GeneralTotal].fen() + 1;
  Loc loc = b.closing_general.present ? b.closing_general.loc : Loc{m.source->file, 1, 1};
  compare(c, "fiscal-balance", loc, "一般公共预算财政拨款年末结转和结余", "填报", b.closing_general.value,
          "按年初 + 收入 − 支出计算", expected, terms);
}

void basic_economic(Ctx& c) {
  const Model& m = c.m;
  if (m.source->basic_economic.empty()) {
    if (m.total[Fig::GeneralBasic].printed_wan_cents() != 0)
      c.add(Severity::Warning, "basic-economic", Loc{m.source->file, 1, 1},
            "没有填写 basic_economic：06表（基本支出经济分类）将全部为 0，而一般公共预算财政拨款基本支出为 " +
                wan(m.total[Fig::GeneralBasic]));
    return;
  }
  Loc loc = m.source->basic_economic.begin()->second.loc;
  std::int64_t terms = c.terms.economic_total.fen() + c.terms.total[Fig::GeneralBasic].fen();
  compare(c, "basic-economic", loc, "基本支出按经济分类与按功能分类的合计不相等", "06表 人员经费 + 公用经费",
          m.economic_total, "05表 基本支出", m.total[Fig::GeneralBasic], terms);
}

void variance_reason(Ctx& c) {
  for (const auto& line : c.m.item_lines) {
    const Completion& k = line.completion;
    if (k.budget == k.actual || (line.reason && !line.reason->value.empty())) continue;
    const Item* it = line.row->item;
    c.add(Severity::Warning, "variance-reason", it->budget.present ? it->budget.loc : it->code.loc,
          "项 " + line.row->code + " " + line.row->name + " 决算数 " + format_wan(k.actual, true) + "万元与年初预算数 " +
              format_wan(k.budget, true) + "万元不同，但没有填写差异原因（reason）");
  }
}

void catalog_names(Ctx& c) {
  for (const auto& it : c.m.source->items) {
    if (!it.name.present) continue;
    const std::string* n = c.m.catalog->functional_name(it.code.value);
    if (n && *n != it.name.value)
      c.add(Severity::Warning, "catalog-name", it.name.loc,
            "科目 " + it.code.value + " 的名称写作 “" + it.name.value + "”，科目目录中为 “" + *n + "”");
  }
}

void procurement(Ctx& c) {
  const Procurement& p = c.m.source->procurement;
  if (p.small_micro.value > p.sme.value)
    c.add(Severity::Error, "procurement", p.small_micro.loc,
          "授予小微企业合同金额 " + wan(p.small_micro.value) + " 大于授予中小企业合同金额 " + wan(p.sme.value));
  if (p.sme.value > c.m.procurement_total)
    c.add(Severity::Error, "procurement", p.sme.loc,
          "授予中小企业合同金额 " + wan(p.sme.value) + " 大于政府采购支出总额 " + wan(c.m.procurement_total) +
              "（货物 + 工程 + 服务）");
}

void vehicles(Ctx& c) {
  const Source& s = *c.m.source;
  const Count& held = s.three_public.vehicles_held;
  if (!held.present || s.assets.vehicles.empty()) return;
  if (held.value > c.m.vehicles_total)
    c.add(Severity::Error, "vehicles", held.loc,
          "公务用车保有量 " + std::to_string(held.value) + " 辆多于国有资产中的车辆总数 " +
              std::to_string(c.m.vehicles_total) + " 辆");
}

void three_public_reasons(Ctx& c) {
  const auto& tp = c.m.three_public;
  const ThreePublic& s = c.m.source->three_public;
  if (tp.total.budget != tp.total.actual && s.reason.value.empty() && (tp.total.budget != 0 || tp.total.actual != 0))
    c.add(Severity::Warning, "three-public-reason", s.budget_abroad.present ? s.budget_abroad.loc : Loc{c.m.source->file, 1, 1},
          "“三公”经费决算数 " + format_wan(tp.total.actual, true) + "万元与预算数 " + format_wan(tp.total.budget, true) +
              "万元不同，但没有填写差异原因（three_public.reason）");
}

struct Rule {
  RuleInfo info;
  std::function<void(Ctx&)> run;
};

const std::vector<Rule>& rules() {
  static const std::vector<Rule> r = {
      {{"supplied-unknown", "填报数（supplied）的数名或科目编码不存在"}, supplied_figures},
      {{"supplied-total", "部门填报的合计、小计与按明细计算的数一致（万元四舍五入误差之内为提示）"}, nullptr},
      {{"total-balance", "收入总计 = 支出总计（本年收入 + 使用非财政拨款结余 + 年初结转和结余 = 本年支出 + 结余分配 + 年末结转和结余）"},
       totals_balance},
      {{"fiscal-balance", "一般公共预算财政拨款：年初结转和结余 + 本年收入 − 本年支出 = 年末结转和结余"}, fiscal_balance},
      {{"basic-economic", "06表 人员经费合计 + 公用经费合计 = 05表 基本支出合计"}, basic_economic},
      {{"variance-reason", "项的决算数与年初预算数不同时，须填写差异原因"}, variance_reason},
      {{"catalog-name", "科目名称与科目目录一致"}, catalog_names},
      {{"procurement", "授予小微企业 ≤ 授予中小企业 ≤ 政府采购支出总额"}, procurement},
      {{"vehicles", "公务用车保有量不多于国有资产中的车辆总数"}, vehicles},
      {{"three-public-reason", "“三公”经费决算数与预算数不同时，须填写差异原因"}, three_public_reasons},
      {{"negative-amount", "金额不能为负数（读入时检查）"}, nullptr},
      {{"code-structure", "科目编码为 7 位（功能分类项）或 5 位（经济分类款），且其类、款在科目目录中（读入时检查）"}, nullptr},
      {{"duplicate-code", "同一科目只填写一次（读入时检查）"}, nullptr},
  };
  return r;
}

// The same source with every non-zero amount replaced by 1 分.
Source count_source(const Source& s) {
  Source c = s;
  auto one = [](Amount& a) {
    if (!a.value.is_zero()) a.value = Money::fen(1);
  };
  for (auto& it : c.items) {
    for (Amount* a : {&it.income.general, &it.income.fund, &it.income.capital, &it.income.superior,
                      &it.income.service, &it.income.business, &it.income.affiliated, &it.income.other,
                      &it.basic.general, &it.basic.fund, &it.basic.capital, &it.basic.other, &it.project.general,
                      &it.project.fund, &it.project.capital, &it.project.other, &it.to_superior, &it.business,
                      &it.to_affiliated, &it.fund_balance.opening, &it.fund_balance.closing,
                      &it.capital_balance.opening, &it.capital_balance.closing, &it.budget})
      one(*a);
  }
  for (auto& [code, a] : c.basic_economic) one(a);
  Balances& b = c.balances;
  for (Amount* a : {&b.opening_general, &b.opening_other, &b.closing_general, &b.closing_other,
                    &b.use_of_nonfiscal_surplus, &b.surplus_distribution})
    one(*a);
  ThreePublic& t = c.three_public;
  for (Amount* a : {&t.budget_abroad, &t.budget_vehicle_purchase, &t.budget_vehicle_operation, &t.budget_reception,
                    &t.abroad, &t.vehicle_purchase, &t.vehicle_operation, &t.reception_foreign,
                    &t.reception_domestic})
    one(*a);
  return c;
}

}  // namespace

const std::vector<RuleInfo>& rule_list() {
  static const std::vector<RuleInfo> l = [] {
    std::vector<RuleInfo> v;
    for (const auto& r : rules()) v.push_back(r.info);
    return v;
  }();
  return l;
}

std::vector<Finding> check(const Model& m) {
  std::vector<Finding> out;
  Source counted = count_source(*m.source);
  Model terms = compute(counted, *m.catalog);
  Ctx c{m, terms, out};
  for (const auto& r : rules())
    if (r.run) r.run(c);
  return out;
}

std::string render_finding(const Finding& f) {
  const char* sev = f.severity == Severity::Error ? "error" : f.severity == Severity::Warning ? "warning" : "note";
  return location_prefix(f.loc) + ": " + sev + " [" + f.rule + "] " + f.message;
}

bool has_errors(const std::vector<Finding>& findings) {
  return std::any_of(findings.begin(), findings.end(), [](const Finding& f) { return f.severity == Severity::Error; });
}

}  // namespace juesuan
