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

std::string wan(Money m) { return format_wan(m.printed_wan_cents(), true) + "万元"; }
// An amount in 元 with 分, grouped: 1,750.00元. (format_wan groups any
// value given in hundredths.)
std::string yuan(Money m) { return format_wan(m.fen(), true) + "元"; }

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
  std::string s = what + "：" + a_name + " " + show(a) + "，" + b_name + " " + show(b) + "，相差 " + show(abs);
  if (abs < bound)
    c.add(Severity::Note, rule, loc,
          s + "，在 " + std::to_string(terms) + " 个万元数各自四舍五入的误差范围（±" + yuan(bound) + "）之内");
  else
    c.add(Severity::Error, rule, loc, s);
}

// A part that cannot exceed the whole it belongs to (beyond the rounding of
// the two 万元 figures): an error naming both.
void at_most(Ctx& c, Severity sev, const char* rule, const Loc& loc, const std::string& part_name, Money part,
             const std::string& whole_name, Money whole, const std::string& why) {
  if (!(whole < part)) return;
  Money diff = part - whole;
  if (diff < rounding_bound(c.s, 2)) return;
  c.add(sev, rule, loc, part_name + " " + wan(part) + " 大于" + whole_name + " " + wan(whole) + "：" + why);
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
      c.add(Severity::Error, "supplied-unknown", s.loc,
            "不认识的填报数 “" + figure_key(s.figure, s.code) +
                "”：应写作 数名 或 数名@科目编码（本部门有的类、款、项），数名见 docs/SCHEMA.md 的“填报数”一节");
      continue;
    }
    std::int64_t terms = supplied(c.terms, s)->fen() + 1;
    bool per_row = fig_by_name(s.figure).has_value();
    std::string what = s.figure + (!per_row ? "" : s.code.empty() ? "（合计）" : "（" + s.code + "）");
    compare(c, "supplied-total", s.loc, what + " 的填报数与明细之和不一致", "填报", s.amount.value, "明细之和", *v,
            terms);
  }
}

void totals_balance(Ctx& c) {
  const Model& m = c.m;
  const Money spending = m.grand_spending - m.spending_tail;  // before the 尾差 rule
  if (m.grand_income == spending) return;
  Loc loc = c.s.balances.closing_other.present ? c.s.balances.closing_other.loc
            : c.s.balances.closing_general.loc;
  std::int64_t terms = c.terms.grand_income.fen() + (c.terms.grand_spending - c.terms.spending_tail).fen();
  compare(c, "total-balance", loc,
          m.spending_tail.is_zero() ? "收入总计与支出总计不相等"
                                    : "收入总计与支出总计不相等（01表按尾差规则印作相等，支出总计含尾差 " +
                                          wan(m.spending_tail) + "）",
          "收入总计", m.grand_income, "按明细计算的支出总计", spending, terms);
}

void fiscal_balance(Ctx& c) {
  const Model& m = c.m;
  const Balances& b = c.s.balances;
  Money expected = b.opening_general.value + m.total[Fig::IncomeGeneral] - m.total[Fig::GeneralTotal];
  if (expected == b.closing_general.value) return;
  std::int64_t terms = c.terms.opening_general.fen() + c.terms.total[Fig::IncomeGeneral].fen() +
                       c.terms.total[Fig::GeneralTotal].fen() + 1;
  Loc loc = b.closing_general.present ? b.closing_general.loc : Loc{c.s.file, 1, 1};
  compare(c, "fiscal-balance", loc, "一般公共预算财政拨款年末结转和结余", "填报", b.closing_general.value,
          "按年初 + 收入 − 支出计算", expected, terms);
}

void basic_economic(Ctx& c) {
  const Model& m = c.m;
  if (c.s.basic_economic.empty()) {
    if (m.total[Fig::GeneralBasic].printed_wan_cents() != 0)
      c.add(Severity::Warning, "basic-economic", Loc{c.s.file, 1, 1},
            "没有填写 basic_economic：06表（基本支出经济分类）将全部为 0，而一般公共预算财政拨款基本支出为 " +
                wan(m.total[Fig::GeneralBasic]));
    return;
  }
  Loc loc = c.s.basic_economic.begin()->second.loc;
  std::int64_t terms = (c.terms.economic_total - c.terms.public_tail).fen() + c.terms.total[Fig::GeneralBasic].fen();
  compare(c, "basic-economic", loc,
          m.public_tail.is_zero() ? "基本支出按经济分类与按功能分类的合计不相等"
                                  : "基本支出按经济分类与按功能分类的合计不相等（06表按尾差规则以公用经费合计找齐，含尾差 " +
                                        wan(m.public_tail) + "）",
          "06表 各款之和", m.economic_total - m.public_tail, "05表 基本支出", m.total[Fig::GeneralBasic], terms);
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
          "项 " + line.row->code + " " + line.row->name + " 决算数 " + format_wan(k.actual, true) + "万元与年初预算数 " +
              format_wan(k.budget, true) + "万元不同，但没有填写差异原因（reason）");
  }
}

void catalog_names(Ctx& c) {
  for (const auto& it : c.s.items) {
    if (!it.name.present) continue;
    const std::string* n = c.m.catalog->functional_name(it.code.value);
    if (n && *n != it.name.value)
      c.add(Severity::Warning, "catalog-name", it.name.loc,
            "科目 " + it.code.value + " 的名称写作 “" + it.name.value + "”，科目目录中为 “" + *n + "”");
  }
  for (const auto& [code, name] : c.s.names) {
    bool economic = code[0] == '3';  // 支出经济分类 3xx, 支出功能分类 2xx
    const std::string* n = economic ? c.m.catalog->economic_name(code) : c.m.catalog->functional_name(code);
    if (n && *n != name.value)
      c.add(Severity::Warning, "catalog-name", name.loc,
            "科目 " + code + " 的名称写作 “" + name.value + "”，科目目录中为 “" + *n + "”；表和说明中都按本文件的写法印出");
  }
}

void procurement(Ctx& c) {
  const Procurement& p = c.s.procurement;
  if (p.small_micro.value > p.sme.value)
    c.add(Severity::Error, "procurement", p.small_micro.loc,
          "授予小微企业合同金额 " + wan(p.small_micro.value) + " 大于授予中小企业合同金额 " + wan(p.sme.value));
  if (p.sme.value > c.m.procurement_total)
    c.add(Severity::Error, "procurement", p.sme.loc,
          "授予中小企业合同金额 " + wan(p.sme.value) + " 大于政府采购支出总额 " + wan(c.m.procurement_total) +
              "（货物 + 工程 + 服务）");
}

void vehicles(Ctx& c) {
  const Source& s = c.s;
  const Count& held = s.three_public.vehicles_held;
  if (!held.present || s.assets.vehicles.empty()) return;
  if (held.value > c.m.vehicles_total)
    c.add(Severity::Error, "vehicles", held.loc,
          "公务用车保有量 " + std::to_string(held.value) + " 辆多于国有资产中的车辆总数 " +
              std::to_string(c.m.vehicles_total) + " 辆");
}

void three_public_reasons(Ctx& c) {
  const auto& tp = c.m.three_public;
  const ThreePublic& s = c.s.three_public;
  if (tp.total.budget != tp.total.actual && s.reason.value.empty() && (tp.total.budget != 0 || tp.total.actual != 0))
    c.add(Severity::Warning, "three-public-reason", s.budget_abroad.present ? s.budget_abroad.loc : Loc{c.s.file, 1, 1},
          "“三公”经费决算数 " + format_wan(tp.total.actual, true) + "万元与预算数 " + format_wan(tp.total.budget, true) +
              "万元不同，但没有填写差异原因（three_public.reason）");
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
          std::string(economic ? "经济分类" : "功能分类") + "科目 " + code + " “" +
              (row ? row->name : m.name_of(code, economic)) +
              "” 不在科目目录中，按本文件写明的名称印出：请核对编码和名称（确属新增科目的，可请财政局补充到 data/catalog）");
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
  static const std::pair<const char*, const char*> kBlocks[] = {
      {"overview", "第一部分 概况"}, {"balances", "结转和结余（01表、04表）"},
      {"last_year", "上年度决算数（第三部分 一、四、五）"}, {"three_public", "“三公”经费（09表）"},
      {"operating_costs", "机关运行经费（第三部分 十）"}, {"procurement", "政府采购（第三部分 十一）"},
      {"assets", "国有资产占用（第三部分 十二）"}};
  const Source& s = c.s;
  for (const auto& [key, what] : kBlocks)
    if (!s.blocks.count(key))
      c.add(Severity::Error, "required-block", file_start(c.s),
            std::string("缺少 ") + key + "（" + what + "）：文件可能没有保存完整或复制不全；本部门确实没有这方面的数时，写 " +
                key + ": {}");
  if (!s.blocks.count("performance"))
    c.add(Severity::Warning, "required-block", file_start(c.s),
          "没有 performance（预算绩效）：第三部分 十三 只印出本表样的固定文字");
}

// "三公" counts all 财政拨款 spending, basic and project; 06表 shows only
// 一般公共预算财政拨款 basic spending, so each 06表 line is at most its
// "三公" figure.
void three_public_economic(Ctx& c) {
  const Model& m = c.m;
  const ThreePublic& t = c.s.three_public;
  struct Pair {
    const char* code;
    const char* part;
    Money whole;
  };
  const Pair pairs[] = {{"30212", "“三公”经费中的因公出国（境）费", t.abroad.value},
                        {"30217", "“三公”经费中的公务接待费", m.three_public.actual_reception},
                        {"30231", "“三公”经费中的公务用车运行维护费", t.vehicle_operation.value},
                        {"31013", "“三公”经费中的公务用车购置费", t.vehicle_purchase.value}};
  for (const auto& p : pairs) {
    auto e = c.s.basic_economic.find(p.code);
    if (e == c.s.basic_economic.end()) continue;
    at_most(c, Severity::Error, "three-public-economic", e->second.loc,
            std::string("06表 ") + p.code + " " + m.name_of(p.code, true), e->second.value, p.part, p.whole,
            "“三公”经费包括财政拨款的基本支出和项目支出，不会少于06表中一般公共预算财政拨款基本支出的同一项；请核对 "
            "three_public 和 basic_economic");
  }
}

void operating_costs(Ctx& c) {
  const Model& m = c.m;
  const OperatingCosts& o = c.s.operating_costs;
  if (!o.amount.present || c.s.basic_economic.empty()) return;
  at_most(c, Severity::Warning, "operating-costs", o.amount.loc, "机关运行经费", o.amount.value,
          "06表公用经费合计", m.public_total,
          "机关运行经费是基本支出中的公用经费，一般不超过公用经费合计；请核对");
}

void procurement_spending(Ctx& c) {
  const Model& m = c.m;
  const Procurement& p = c.s.procurement;
  Loc loc = p.goods.present ? p.goods.loc : p.services.present ? p.services.loc : p.works.loc;
  at_most(c, Severity::Warning, "procurement-spending", loc, "政府采购支出总额（货物 + 工程 + 服务）",
          m.procurement_total, "本年支出合计", m.spending_total,
          "政府采购支出是本年支出的一部分；请核对政府采购的金额和单位（元或万元）");
}

// The year-start budget in total against the listed items' budgets.
void year_start_budget(Ctx& c) {
  const Model& m = c.m;
  const YearStartBudget& y = c.s.year_start_budget;
  struct Kind {
    const Amount& total;
    Fig items;
    const char* name;
  };
  const Kind kinds[] = {{y.general, Fig::Budget, "一般公共预算财政拨款"},
                        {y.fund, Fig::FundBudget, "政府性基金预算财政拨款"},
                        {y.capital, Fig::CapitalBudget, "国有资本经营预算财政拨款"}};
  for (const auto& k : kinds) {
    if (!k.total.present) continue;
    Money listed = m.total[k.items];
    if (k.total.value < listed) {
      std::int64_t terms = c.terms.total[k.items].fen() + 1;
      Money diff = listed - k.total.value;
      if (diff < rounding_bound(c.s, terms)) continue;
      c.add(Severity::Error, "year-start-budget", k.total.loc,
            std::string(k.name) + "年初预算总数 " + wan(k.total.value) + " 与各项年初预算之和 " + wan(listed) +
                " 不一致：总数包括各项，不能小于它们的和；请核对总数和各项的 budget");
    } else if (listed < k.total.value && !listed.is_zero()) {
      c.add(Severity::Note, "year-start-budget", k.total.loc,
            std::string(k.name) + "年初预算总数 " + wan(k.total.value) + " 比各项年初预算之和 " + wan(listed) +
                " 多 " + wan(k.total.value - listed) + "：即有年初预算、没有支出也没有列出的项");
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
    auto tell = [&](const char* money) {
      c.add(Severity::Warning, "budget-kind", it.code.loc,
            "项 " + it.code.value + " " + m.name_of(it.code.value, false) + " 是" + budget_name(b) + "的科目，却填写了" +
                money + "的金额：请核对科目编码或资金来源（general、fund、capital）");
    };
    if (b != Budget::General && !general.is_zero()) tell("一般公共预算财政拨款");
    if (b != Budget::GovernmentFund && !fund.is_zero()) tell("政府性基金预算财政拨款");
    if (b != Budget::StateCapital && !capital.is_zero()) tell("国有资本经营预算财政拨款");
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
            std::string(u.key) + " 已填写，但本部门所用表样（" + s.format.value +
                (s.profile.present ? "，变体 " + s.profile.value : std::string()) +
                "）的模板没有用到它，文档中不会出现：如需印出，请财政局在表样变体中加入相应的句子");
  }
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
      {{"catalog-missing", "科目目录中没有的科目（按本文件写明的名称印出）"}, catalog_missing},
      {{"required-block", "每份文档都要用到的块（概况、结转结余、上年度数、“三公”、机关运行经费、政府采购、国有资产）不能缺少"},
       required_blocks},
      {{"three-public-economic", "06表 30212、30217、30231、31013 不大于“三公”经费中对应的数"}, three_public_economic},
      {{"operating-costs", "机关运行经费不超过06表公用经费合计"}, operating_costs},
      {{"procurement-spending", "政府采购支出总额不超过本年支出合计"}, procurement_spending},
      {{"year-start-budget", "年初预算总数不小于各项年初预算之和"}, year_start_budget},
      {{"unused-input", "已填写、但本部门表样不印出的数（如 2022 表样的人员情况 staff）"}, unused_inputs},
      {{"budget-kind", "政府性基金、国有资本经营的钱记在本预算的科目上，一般公共预算的钱不记在基金科目上"}, budget_kind},
      {{"negative-amount", "金额不能为负数（读入时检查）"}, nullptr},
      {{"code-structure", "科目编码为 7 位（功能分类项）或 5 位（经济分类款），且其类、款在科目目录中（读入时检查）"}, nullptr},
      {{"duplicate-code", "同一科目只填写一次（读入时检查）"}, nullptr},
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
    for (const auto& r : rules()) v.push_back(r.info);
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
