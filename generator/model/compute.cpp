#include "model/model.hpp"

#include <algorithm>

namespace juesuan {

namespace {

constexpr std::array<std::string_view, kFigCount> kFigNames = {
    "income.total", "income.fiscal", "income.general", "income.fund", "income.capital",
    "income.superior", "income.service", "income.business", "income.affiliated", "income.other",
    "spend.total", "spend.basic", "spend.project", "spend.to_superior", "spend.business", "spend.to_affiliated",
    "fiscal.total",
    "general.total", "general.basic", "general.project",
    "fund.total", "fund.basic", "fund.project", "fund.opening", "fund.closing",
    "capital.total", "capital.basic", "capital.project", "capital.opening", "capital.closing",
    "budget", "fund.budget", "capital.budget",
};

Money v(const Amount& a) { return a.value; }

Figures item_figures(const Item& it) {
  Figures f;
  f[Fig::IncomeGeneral] = v(it.income.general);
  f[Fig::IncomeFund] = v(it.income.fund);
  f[Fig::IncomeCapital] = v(it.income.capital);
  f[Fig::IncomeFiscal] = f[Fig::IncomeGeneral] + f[Fig::IncomeFund] + f[Fig::IncomeCapital];
  f[Fig::IncomeSuperior] = v(it.income.superior);
  f[Fig::IncomeService] = v(it.income.service);
  f[Fig::IncomeBusiness] = v(it.income.business);
  f[Fig::IncomeAffiliated] = v(it.income.affiliated);
  f[Fig::IncomeOther] = v(it.income.other);
  f[Fig::IncomeTotal] = f[Fig::IncomeFiscal] + f[Fig::IncomeSuperior] + f[Fig::IncomeService] +
                        f[Fig::IncomeBusiness] + f[Fig::IncomeAffiliated] + f[Fig::IncomeOther];

  f[Fig::GeneralBasic] = v(it.basic.general);
  f[Fig::GeneralProject] = v(it.project.general);
  f[Fig::GeneralTotal] = f[Fig::GeneralBasic] + f[Fig::GeneralProject];
  f[Fig::FundBasic] = v(it.basic.fund);
  f[Fig::FundProject] = v(it.project.fund);
  f[Fig::FundTotal] = f[Fig::FundBasic] + f[Fig::FundProject];
  f[Fig::CapitalBasic] = v(it.basic.capital);
  f[Fig::CapitalProject] = v(it.project.capital);
  f[Fig::CapitalTotal] = f[Fig::CapitalBasic] + f[Fig::CapitalProject];
  f[Fig::FiscalTotal] = f[Fig::GeneralTotal] + f[Fig::FundTotal] + f[Fig::CapitalTotal];

  f[Fig::SpendBasic] = f[Fig::GeneralBasic] + f[Fig::FundBasic] + f[Fig::CapitalBasic] + v(it.basic.other);
  f[Fig::SpendProject] = f[Fig::GeneralProject] + f[Fig::FundProject] + f[Fig::CapitalProject] + v(it.project.other);
  f[Fig::SpendToSuperior] = v(it.to_superior);
  f[Fig::SpendBusiness] = v(it.business);
  f[Fig::SpendToAffiliated] = v(it.to_affiliated);
  f[Fig::SpendTotal] = f[Fig::SpendBasic] + f[Fig::SpendProject] + f[Fig::SpendToSuperior] +
                       f[Fig::SpendBusiness] + f[Fig::SpendToAffiliated];

  f[Fig::FundOpening] = v(it.fund_balance.opening);
  f[Fig::FundClosing] = v(it.fund_balance.closing);
  f[Fig::CapitalOpening] = v(it.capital_balance.opening);
  f[Fig::CapitalClosing] = v(it.capital_balance.closing);
  f[Fig::Budget] = v(it.budget);
  f[Fig::FundBudget] = v(it.fund_budget);
  f[Fig::CapitalBudget] = v(it.capital_budget);
  return f;
}

std::int64_t p(Money m) { return m.printed_wan_cents(); }

// `current` as printed (0.01 万元).
Change change_printed(std::int64_t current, const Amount& last) {
  Change c;
  c.current = current;
  if (!last.present) return c;
  c.known = true;
  c.last = p(last.value);
  c.diff = c.current - c.last;
  c.rate = Percent(c.diff < 0 ? -c.diff : c.diff, c.last);
  return c;
}

Change change(Money current, const Amount& last) { return change_printed(p(current), last); }

Completion completion(Money budget, Money actual) {
  Completion c;
  c.budget = p(budget);
  c.actual = p(actual);
  c.rate = Percent(c.actual, c.budget);
  return c;
}

Percent share_of(Money part, Money whole) { return Percent(p(part), p(whole)); }

void add_share(std::vector<Share>& out, std::string key, std::string name, Money amount, Money whole,
               std::vector<Share>* all = nullptr) {
  Share sh;
  sh.key = std::move(key);
  sh.name = std::move(name);
  sh.amount = p(amount);
  sh.share = share_of(amount, whole);
  if (all) all->push_back(sh);
  if (sh.amount != 0) out.push_back(std::move(sh));
}

}  // namespace

std::optional<Fig> fig_by_name(std::string_view name) {
  for (std::size_t i = 0; i < kFigCount; ++i)
    if (kFigNames[i] == name) return static_cast<Fig>(i);
  return std::nullopt;
}

std::vector<std::string> fig_names() { return {kFigNames.begin(), kFigNames.end()}; }

Figures& Figures::operator+=(const Figures& o) {
  for (std::size_t i = 0; i < kFigCount; ++i) v[i] += o.v[i];
  return *this;
}

const ClassRow* Model::find(std::string_view code) const {
  auto it = index.find(code);
  return it == index.end() ? nullptr : &rows[it->second];
}

std::string Model::name_of(const std::string& code, bool economic) const {
  if (auto n = written.names.find(code); n != written.names.end()) return n->second.value;
  if (names)
    if (auto n = names->find(code); n != names->end()) return n->second;
  const int year = static_cast<int>(written.year);
  const std::string* c = economic ? catalog->economic_name(code, year) : catalog->functional_name(code, year);
  if (!c) c = economic ? catalog->economic_name(code) : catalog->functional_name(code);
  return c ? *c : code;
}

Money rounding_bound(const Source& s, std::int64_t terms) {
  if (s.unit == Unit::Yuan) return Money();
  return Money::fen(terms * 5'000);  // 0.005 万元 = 50 元 = 5000 分
}

namespace {

std::int64_t nonzero(std::initializer_list<const Amount*> l) {
  std::int64_t n = 0;
  for (const Amount* a : l) n += a->value.is_zero() ? 0 : 1;
  return n;
}

// The inputs summed into 收入总计 and 支出总计, and into 06表 and 05表 基本支出.
std::int64_t total_terms(const Source& s) {
  std::int64_t n = 0;
  for (const auto& it : s.items)
    n += nonzero({&it.income.general, &it.income.fund, &it.income.capital, &it.income.superior, &it.income.service,
                  &it.income.business, &it.income.affiliated, &it.income.other, &it.basic.general, &it.basic.fund,
                  &it.basic.capital, &it.basic.other, &it.project.general, &it.project.fund, &it.project.capital,
                  &it.project.other, &it.to_superior, &it.business, &it.to_affiliated, &it.fund_balance.opening,
                  &it.fund_balance.closing, &it.capital_balance.opening, &it.capital_balance.closing});
  const Balances& b = s.balances;
  return n + nonzero({&b.opening_general, &b.opening_other, &b.closing_general, &b.closing_other,
                      &b.use_of_nonfiscal_surplus, &b.surplus_distribution});
}

std::int64_t basic_terms(const Source& s) {
  std::int64_t n = 0;
  for (const auto& it : s.items) n += nonzero({&it.basic.general});
  for (const auto& [code, a] : s.basic_economic) n += nonzero({&a});
  return n;
}

// The 尾差 rule: `total` takes `target` when they differ by less than the
// rounding bound; returns the difference put on it.
Money tail(const Source& s, Money& total, Money target, std::int64_t terms) {
  Money d = target - total;
  Money abs = d.fen() < 0 ? -d : d;
  if (d.is_zero() || !(abs < rounding_bound(s, terms))) return Money();
  total = target;
  return d;
}

// 项 rows, then their 款 and 类 as sums, in code order; the 合计.
void class_rows(Model& m, const Source& s) {
  std::vector<const Item*> items;
  for (const auto& it : s.items) items.push_back(&it);
  std::sort(items.begin(), items.end(), [](const Item* a, const Item* b) { return a->code.value < b->code.value; });
  std::size_t lei_at = 0, kuan_at = 0;
  for (const Item* it : items) {
    const std::string& code = it->code.value;
    Figures f = item_figures(*it);
    std::string lei = code.substr(0, 3), kuan = code.substr(0, 5);
    if (m.rows.empty() || m.rows[lei_at].code != lei) {
      lei_at = m.rows.size();
      m.rows.push_back(ClassRow{lei, m.name_of(lei, false), 1, {}, {}});
    }
    if (m.rows[kuan_at].code != kuan || kuan_at < lei_at) {
      kuan_at = m.rows.size();
      m.rows.push_back(ClassRow{kuan, m.name_of(kuan, false), 2, {}, {}});
    }
    std::string name = s.names.count(code) ? s.names.at(code).value
                       : it->name.present ? it->name.value : m.name_of(code, false);
    m.rows.push_back(ClassRow{code, name, 3, f, it->reason});
    m.rows[lei_at].f += f;
    m.rows[kuan_at].f += f;
    m.total += f;
  }
  for (std::size_t i = 0; i < m.rows.size(); ++i) m.index.emplace(m.rows[i].code, i);
}

// 01表 (收入支出决算总表, with the 尾差 rule) and 04表 (财政拨款收入支出决算总表).
void department_totals(Model& m, const Source& s) {
  const Balances& b = s.balances;
  m.income_total = m.total[Fig::IncomeTotal];
  m.spending_total = m.total[Fig::SpendTotal];
  m.use_of_nonfiscal_surplus = v(b.use_of_nonfiscal_surplus);
  m.surplus_distribution = v(b.surplus_distribution);
  m.opening_general = v(b.opening_general);
  m.opening_fund = m.total[Fig::FundOpening];
  m.opening_capital = m.total[Fig::CapitalOpening];
  m.opening_fiscal = m.opening_general + m.opening_fund + m.opening_capital;
  m.closing_general = v(b.closing_general);
  m.closing_fund = m.total[Fig::FundClosing];
  m.closing_capital = m.total[Fig::CapitalClosing];
  m.closing_fiscal = m.closing_general + m.closing_fund + m.closing_capital;
  m.opening_total = m.opening_fiscal + v(b.opening_other);
  m.closing_total = m.closing_fiscal + v(b.closing_other);
  m.grand_income = m.income_total + m.use_of_nonfiscal_surplus + m.opening_total;
  m.grand_spending = m.spending_total + m.surplus_distribution + m.closing_total;
  m.spending_tail = tail(s, m.grand_spending, m.grand_income, total_terms(s));

  m.fiscal_income = m.total[Fig::IncomeFiscal];
  m.fiscal_grand_income = m.fiscal_income + m.opening_fiscal;
  m.fiscal_grand_spending = m.total[Fig::FiscalTotal] + m.closing_fiscal;
}

// 06表 (基本支出经济分类): 款 as entered, 类 as their sums; 人员经费 and
// 公用经费 (with the 尾差 rule) and their non-zero 款.
void economic(Model& m, const Source& s, const Catalog& cat) {
  std::map<std::string, Money> econ;
  for (const auto& [code, amount] : s.basic_economic) {
    econ[code] += amount.value;
    econ[code.substr(0, 3)] += amount.value;
  }
  for (const auto& [code, amount] : econ)
    m.economic.push_back(EconomicRow{code, m.name_of(code, true), code.size() == 3 ? 1 : 2, amount});
  auto in_group = [](const std::vector<std::string>& g, const std::string& code) {
    return std::find(g.begin(), g.end(), code.substr(0, 3)) != g.end();
  };
  for (const auto& r : m.economic) {
    if (r.level != 2) {
      if (in_group(cat.personnel, r.code)) m.personnel_total += r.amount;
      else if (in_group(cat.public_funds, r.code)) m.public_total += r.amount;
      continue;
    }
    if (p(r.amount) == 0) continue;
    if (in_group(cat.personnel, r.code)) {
      m.personnel_items.push_back(r.name);
      m.personnel_codes.push_back(r.code);
    } else if (in_group(cat.public_funds, r.code)) {
      m.public_items.push_back(r.name);
      m.public_codes.push_back(r.code);
    }
  }
  if (!s.basic_economic.empty())
    m.public_tail = tail(s, m.public_total, m.total[Fig::GeneralBasic] - m.personnel_total, basic_terms(s));
  m.economic_total = m.personnel_total + m.public_total;
}

// "三公" (09表 / 07表 of 2021): totals, against budget, shares, against last year.
void three_public(Model& m, const Source& s) {
  const ThreePublic& t = s.three_public;
  auto& tp = m.three_public;
  tp.budget_abroad = v(t.budget_abroad);
  tp.budget_vehicle_purchase = v(t.budget_vehicle_purchase);
  tp.budget_vehicle_operation = v(t.budget_vehicle_operation);
  tp.budget_reception = v(t.budget_reception);
  tp.actual_abroad = v(t.abroad);
  tp.actual_vehicle_purchase = v(t.vehicle_purchase);
  tp.actual_vehicle_operation = v(t.vehicle_operation);
  tp.budget_vehicle = v(t.budget_vehicle_purchase) + v(t.budget_vehicle_operation);
  tp.budget_total = v(t.budget_abroad) + tp.budget_vehicle + v(t.budget_reception);
  tp.actual_vehicle = v(t.vehicle_purchase) + v(t.vehicle_operation);
  tp.actual_reception_foreign = v(t.reception_foreign);
  tp.actual_reception_domestic = v(t.reception_domestic);
  tp.actual_reception = tp.actual_reception_foreign + tp.actual_reception_domestic;
  tp.actual_total = v(t.abroad) + tp.actual_vehicle + tp.actual_reception;
  tp.total = completion(tp.budget_total, tp.actual_total);
  tp.abroad = completion(v(t.budget_abroad), v(t.abroad));
  tp.vehicle = completion(tp.budget_vehicle, tp.actual_vehicle);
  tp.vehicle_purchase = completion(v(t.budget_vehicle_purchase), v(t.vehicle_purchase));
  tp.vehicle_operation = completion(v(t.budget_vehicle_operation), v(t.vehicle_operation));
  tp.reception = completion(v(t.budget_reception), tp.actual_reception);
  tp.share_abroad = share_of(v(t.abroad), tp.actual_total);
  tp.share_vehicle = share_of(tp.actual_vehicle, tp.actual_total);
  tp.share_reception = share_of(tp.actual_reception, tp.actual_total);
  auto last = [](std::initializer_list<const Amount*> parts) {
    Amount a;
    for (const Amount* x : parts) {
      a.value += x->value;
      a.present = a.present || x->present;
    }
    return a;
  };
  tp.change_total = change(tp.actual_total, last({&t.last_abroad, &t.last_vehicle_purchase,
                                                  &t.last_vehicle_operation, &t.last_reception}));
  tp.change_abroad = change(v(t.abroad), t.last_abroad);
  tp.change_vehicle = change(tp.actual_vehicle, last({&t.last_vehicle_purchase, &t.last_vehicle_operation}));
  tp.change_reception = change(tp.actual_reception, t.last_reception);
  tp.change_vehicle_purchase = change(v(t.vehicle_purchase), t.last_vehicle_purchase);
  tp.change_vehicle_operation = change(v(t.vehicle_operation), t.last_vehicle_operation);
}

// 情况说明 一 to 四: the totals against last year; each source of income and
// kind of spending with its share (and against last year where given); the
// spending by 类.
void changes_and_shares(Model& m, const Source& s) {
  m.grand_change = change(m.grand_income, s.last_year.total);
  m.fiscal_change = change(m.fiscal_grand_income, s.last_year.fiscal_total);
  m.general_change = change(m.total[Fig::GeneralTotal], s.last_year.general_spending);
  m.income_change = change(m.income_total, s.last_year.income_total);
  m.spending_change = change(m.spending_total, s.last_year.spending_total);
  {
    std::vector<Share> nonzero;
    const std::pair<const char*, Fig> sources[] = {
        {"general", Fig::IncomeGeneral}, {"fund", Fig::IncomeFund}, {"capital", Fig::IncomeCapital},
        {"superior", Fig::IncomeSuperior}, {"service", Fig::IncomeService}, {"business", Fig::IncomeBusiness},
        {"affiliated", Fig::IncomeAffiliated}, {"other", Fig::IncomeOther}};
    for (const auto& [key, fig] : sources) add_share(nonzero, key, "", m.total[fig], m.income_total, &m.income_detail);
    // Shares of 收入总计 for these.
    for (const auto& [key, fig] : sources) add_share(m.grand_income_parts, key, "", m.total[fig], m.grand_income);
    add_share(m.grand_income_parts, "nonfiscal_surplus", "", m.use_of_nonfiscal_surplus, m.grand_income);
    add_share(m.grand_income_parts, "opening", "", m.opening_total, m.grand_income);
  }

  add_share(m.income_shares, "fiscal", "", m.total[Fig::IncomeFiscal], m.income_total, &m.income_all);
  add_share(m.income_shares, "superior", "", m.total[Fig::IncomeSuperior], m.income_total, &m.income_all);
  add_share(m.income_shares, "service", "", m.total[Fig::IncomeService], m.income_total, &m.income_all);
  add_share(m.income_shares, "business", "", m.total[Fig::IncomeBusiness], m.income_total, &m.income_all);
  add_share(m.income_shares, "affiliated", "", m.total[Fig::IncomeAffiliated], m.income_total, &m.income_all);
  add_share(m.income_shares, "other", "", m.total[Fig::IncomeOther], m.income_total, &m.income_all);

  add_share(m.spending_shares, "basic", "", m.total[Fig::SpendBasic], m.spending_total, &m.spending_all);
  add_share(m.spending_shares, "project", "", m.total[Fig::SpendProject], m.spending_total, &m.spending_all);
  add_share(m.spending_shares, "to_superior", "", m.total[Fig::SpendToSuperior], m.spending_total, &m.spending_all);
  add_share(m.spending_shares, "business", "", m.total[Fig::SpendBusiness], m.spending_total, &m.spending_all);
  add_share(m.spending_shares, "to_affiliated", "", m.total[Fig::SpendToAffiliated], m.spending_total, &m.spending_all);

  // Each part against last year, where the department gave last year's figure.
  auto compare = [](std::vector<Share>& list, const std::map<std::string, Amount>& last,
                    const std::map<std::string, Text>& reasons, const std::map<std::string, Text>* uses) {
    for (Share& sh : list) {
      if (auto l = last.find(sh.key); l != last.end()) sh.change = change_printed(sh.amount, l->second);
      if (auto r = reasons.find(sh.key); r != reasons.end()) sh.reason = r->second;
      if (uses)
        if (auto u = uses->find(sh.key); u != uses->end()) sh.use = u->second;
    }
  };
  for (auto* list : {&m.income_shares, &m.income_all, &m.income_detail, &m.grand_income_parts})
    compare(*list, s.last_year.income, s.last_year.income_reasons, nullptr);
  for (const auto& r : m.rows)
    if (r.level == 1 && r.f[Fig::SpendTotal].printed_wan_cents() != 0) {
      std::vector<Share> ignored;
      add_share(ignored, r.code, r.name, r.f[Fig::SpendTotal], m.spending_total, &m.spending_by_class);
    }
  compare(m.spending_by_class, s.last_year.classes, s.last_year.class_reasons, &s.class_uses);
}

// 情况说明 五 (一般公共预算财政拨款支出), 七、八: shares by 类, the year-start
// budgets against actual, and the numbered 项 of 五（三）.
void general_and_funds(Model& m, const Source& s) {
  const Money general = m.total[Fig::GeneralTotal];
  m.general_share_of_spending = share_of(general, m.spending_total);
  for (const auto& r : m.rows)
    if (r.level == 1) add_share(m.general_by_class, r.code, r.name, r.f[Fig::GeneralTotal], general);
  const YearStartBudget& y = s.year_start_budget;
  m.general_budget_total_given = y.general.present;
  m.general_budget_total = y.general.present ? y.general.value : m.total[Fig::Budget];
  m.fund_budget_total = y.fund.present ? y.fund.value : m.total[Fig::FundBudget];
  m.capital_budget_total = y.capital.present ? y.capital.value : m.total[Fig::CapitalBudget];
  m.general_completion = completion(m.general_budget_total, general);
  m.fund_completion = completion(m.fund_budget_total, m.total[Fig::FundTotal]);
  m.capital_completion = completion(m.capital_budget_total, m.total[Fig::CapitalTotal]);
  for (const auto& r : m.rows) {
    if (r.level != 3) continue;
    if (p(r.f[Fig::GeneralTotal]) == 0 && p(r.f[Fig::Budget]) == 0) continue;
    ItemLine line;
    line.row = &r;
    line.class_name = m.find(r.code.substr(0, 3))->name;
    line.kuan_name = m.find(r.code.substr(0, 5))->name;
    line.completion = completion(r.f[Fig::Budget], r.f[Fig::GeneralTotal]);
    line.reason = r.reason;
    line.budget_only = p(r.f[Fig::GeneralTotal]) == 0;
    m.item_lines.push_back(line);
  }
}

// 情况说明 十 to 十三: 机关运行经费, 政府采购, 国有资产 (vehicles) and 预算绩效.
void other_sections(Model& m, const Source& s) {
  const OperatingCosts& oc = s.operating_costs;
  m.operating_completion = completion(v(oc.budget), v(oc.amount));
  m.operating_change = change(v(oc.amount), oc.last_year);

  const Procurement& pr = s.procurement;
  m.procurement_goods = v(pr.goods);
  m.procurement_works = v(pr.works);
  m.procurement_services = v(pr.services);
  m.procurement_sme = v(pr.sme);
  m.procurement_small_micro = v(pr.small_micro);
  m.procurement_total = m.procurement_goods + m.procurement_works + m.procurement_services;
  m.sme_share = share_of(m.procurement_sme, m.procurement_total);
  m.small_micro_share_of_sme = share_of(m.procurement_small_micro, m.procurement_sme);
  m.small_micro_share_of_total = share_of(m.procurement_small_micro, m.procurement_total);
  for (const auto& [use, n] : s.assets.vehicles) m.vehicles_total += n.value;
  m.staff_total = s.staff.in_service.value + s.staff.retired_off.value + s.staff.retired.value;

  auto& pf = m.performance;
  const OverallEval& o = s.overall_eval;
  pf.overall = completion(o.full_year_budget.present ? o.full_year_budget.value : o.budget.value, o.actual.value);
  pf.year_budget = o.budget.value;
  for (const ProjectEval& e : s.project_evals) {
    pf.projects.push_back(completion(e.budget.value, e.actual.value));
    pf.projects_budget += e.budget.value;
    pf.projects_actual += e.actual.value;
    std::int64_t* per_grade[] = {&pf.excellent, &pf.good, &pf.fair, &pf.poor};
    *per_grade[e.grade_rank] += 1;
  }
}

// What the document prints as the department wrote it (Model::written).
void written(Model& m, const Source& s) {
  Written& w = m.written;
  w.department = s.department;
  w.short_name = s.short_name;
  w.level = s.level;
  w.publish_date = s.publish_date;
  w.year = s.year.value;
  w.names = s.names;
  w.item_glossary = s.item_glossary.value;
  w.staff = s.staff;
  w.overview = s.overview;
  w.total_reason = s.last_year.total_reason;
  w.fiscal_reason = s.last_year.fiscal_reason;
  w.general_reason = s.last_year.general_reason;
  const ThreePublic& tp = s.three_public;
  auto& t = w.three_public;
  t.reason = tp.reason;
  t.abroad_reason = tp.abroad_reason;
  t.vehicle_reason = tp.vehicle_reason;
  t.reception_reason = tp.reception_reason;
  t.abroad_groups = tp.abroad_groups;
  t.abroad_persons = tp.abroad_persons;
  t.vehicles_bought = tp.vehicles_bought;
  t.vehicles_held = tp.vehicles_held;
  t.vehicles_bought_note = tp.vehicles_bought_note;
  t.vehicle_operation_use = tp.vehicle_operation_use;
  t.foreign_groups = tp.foreign_groups;
  t.foreign_persons = tp.foreign_persons;
  t.domestic_groups = tp.domestic_groups;
  t.domestic_persons = tp.domestic_persons;
  t.foreign_use = tp.foreign_use;
  t.domestic_use = tp.domestic_use;
  t.last_year_reason = tp.last_year_reason;
  t.last_year_reasons = tp.last_year_reasons;
  w.operating_reason = s.operating_costs.reason;
  w.operating_has_budget = s.operating_costs.budget.present;
  w.operating_has_last_year = s.operating_costs.last_year.present;
  w.procurement_use = s.procurement.use;
  w.assets = s.assets;
  w.performance = s.performance;
  const OverallEval& o = s.overall_eval;
  w.overall = {o.present, o.budget.present, o.score, o.targets, o.problems, o.measures};
  for (const ProjectEval& e : s.project_evals)
    w.projects.push_back({e.name, e.score, e.grade, e.analysis, e.problems, e.measures});
  w.attachments = s.attachments;
  m.last_year = {s.last_year.total.value, s.last_year.income_total.value, s.last_year.spending_total.value};
}

}  // namespace

Model compute(const Source& s, const Catalog& cat, const NameOverrides* names) {
  Model m;
  m.catalog = &cat;
  m.names = names;
  written(m, s);                // texts, counts and flags as written (name_of reads them)
  class_rows(m, s);
  department_totals(m, s);      // 01表, 04表
  economic(m, s, cat);          // 06表
  three_public(m, s);           // "三公"
  changes_and_shares(m, s);     // 情况说明 一 to 四
  general_and_funds(m, s);      // 五, 七, 八
  other_sections(m, s);         // 十 to 十三
  return m;
}

}  // namespace juesuan

namespace juesuan {

namespace {

struct ScalarDef {
  std::string_view name;
  Money (*get)(const Model&);
};

#define JS_SCALAR(name, expr) ScalarDef{name, [](const Model& m) -> Money { return expr; }}
const ScalarDef kScalars[] = {
    JS_SCALAR("dept.income_total", m.income_total),
    JS_SCALAR("dept.spending_total", m.spending_total),
    JS_SCALAR("dept.use_of_nonfiscal_surplus", m.use_of_nonfiscal_surplus),
    JS_SCALAR("dept.surplus_distribution", m.surplus_distribution),
    JS_SCALAR("dept.opening_total", m.opening_total),
    JS_SCALAR("dept.closing_total", m.closing_total),
    JS_SCALAR("dept.grand_income", m.grand_income),
    JS_SCALAR("dept.grand_spending", m.grand_spending),
    JS_SCALAR("fiscal.income", m.fiscal_income),
    JS_SCALAR("fiscal.opening_general", m.opening_general),
    JS_SCALAR("fiscal.opening_fund", m.opening_fund),
    JS_SCALAR("fiscal.opening_capital", m.opening_capital),
    JS_SCALAR("fiscal.opening_total", m.opening_fiscal),
    JS_SCALAR("fiscal.closing_general", m.closing_general),
    JS_SCALAR("fiscal.closing_fund", m.closing_fund),
    JS_SCALAR("fiscal.closing_capital", m.closing_capital),
    JS_SCALAR("fiscal.closing_total", m.closing_fiscal),
    JS_SCALAR("fiscal.grand_income", m.fiscal_grand_income),
    JS_SCALAR("fiscal.grand_spending", m.fiscal_grand_spending),
    JS_SCALAR("fiscal.grand_general", m.total[Fig::GeneralTotal] + m.closing_general),
    JS_SCALAR("fiscal.grand_fund", m.total[Fig::FundTotal] + m.closing_fund),
    JS_SCALAR("fiscal.grand_capital", m.total[Fig::CapitalTotal] + m.closing_capital),
    JS_SCALAR("budget_total.general", m.general_budget_total),
    JS_SCALAR("budget_total.fund", m.fund_budget_total),
    JS_SCALAR("budget_total.capital", m.capital_budget_total),
    JS_SCALAR("econ.personnel_total", m.personnel_total),
    JS_SCALAR("econ.public_total", m.public_total),
    JS_SCALAR("econ.total", m.economic_total),
    JS_SCALAR("three.budget_total", m.three_public.budget_total),
    JS_SCALAR("three.budget_abroad", m.three_public.budget_abroad),
    JS_SCALAR("three.budget_vehicle", m.three_public.budget_vehicle),
    JS_SCALAR("three.budget_vehicle_purchase", m.three_public.budget_vehicle_purchase),
    JS_SCALAR("three.budget_vehicle_operation", m.three_public.budget_vehicle_operation),
    JS_SCALAR("three.budget_reception", m.three_public.budget_reception),
    JS_SCALAR("three.actual_total", m.three_public.actual_total),
    JS_SCALAR("three.actual_abroad", m.three_public.actual_abroad),
    JS_SCALAR("three.actual_vehicle", m.three_public.actual_vehicle),
    JS_SCALAR("three.actual_vehicle_purchase", m.three_public.actual_vehicle_purchase),
    JS_SCALAR("three.actual_vehicle_operation", m.three_public.actual_vehicle_operation),
    JS_SCALAR("three.actual_reception", m.three_public.actual_reception),
    JS_SCALAR("three.actual_reception_foreign", m.three_public.actual_reception_foreign),
    JS_SCALAR("three.actual_reception_domestic", m.three_public.actual_reception_domestic),
};
#undef JS_SCALAR

}  // namespace

std::optional<Money> Model::scalar(std::string_view name) const {
  for (const auto& d : kScalars)
    if (d.name == name) return d.get(*this);
  if (name.substr(0, 5) == "econ.") {
    std::string code(name.substr(5));
    Money sum;
    for (const auto& r : economic)
      if (r.code == code) sum = r.amount;
    return sum;
  }
  return std::nullopt;
}

std::optional<Money> Model::figure(std::string_view name, std::string_view code) const {
  if (auto f = fig_by_name(name)) {
    if (code.empty()) return total[*f];
    const ClassRow* r = find(code);
    return r ? r->f[*f] : Money();  // nothing spent on a 科目 the department lacks
  }
  if (!code.empty()) return std::nullopt;  // a department figure has no rows
  return scalar(name);
}

std::optional<Money> Model::figure(std::string_view key) const {
  const auto at = key.find('@');
  if (at == std::string_view::npos) return figure(key, std::string_view());
  return figure(key.substr(0, at), key.substr(at + 1));
}

std::string figure_key(std::string_view name, std::string_view code) {
  std::string key(name);
  if (!code.empty()) key.append("@").append(code);
  return key;
}

std::vector<std::string> scalar_names() {
  std::vector<std::string> out;
  for (const auto& d : kScalars) out.emplace_back(d.name);
  return out;
}

}  // namespace juesuan
